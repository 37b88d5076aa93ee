"""Handing out a private file (a certificate scan) to a reader a view has already checked.

Django streams the file itself, or, when PRIVATE_MEDIA_X_ACCEL_PREFIX is set, answers with
X-Accel-Redirect so nginx sends it from an internal location; either way under a name we
make up, shown inline, never sniffed as another type and never cached by shared caches.
"""

from __future__ import annotations

from pathlib import PurePath
from urllib.parse import quote

from django.conf import settings
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, Http404, HttpResponse
from django.utils.cache import patch_cache_control

from catalogue.text import slugify_vietnamese

# Only what the scan validator accepts is shown inline; anything else is downloaded.
_INLINE_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}


def private_file_response(*, file: FieldFile, download_name: str) -> HttpResponse:
    """The file as a response, named `download_name` (slugged, extension of the stored file);
    404 when there is no file or it has gone from storage."""
    if not file or not file.name:
        raise Http404
    extension = PurePath(file.name).suffix.lower()
    content_type = _INLINE_TYPES.get(extension)
    filename = (slugify_vietnamese(download_name) or "file") + extension
    prefix = settings.PRIVATE_MEDIA_X_ACCEL_PREFIX
    if prefix:
        if not file.storage.exists(file.name):
            raise Http404
        response = HttpResponse(content_type=content_type or "application/octet-stream")
        response["X-Accel-Redirect"] = prefix.rstrip("/") + "/" + quote(file.name)
        disposition = "inline" if content_type else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    else:
        try:
            handle = file.storage.open(file.name, "rb")
        except FileNotFoundError:
            raise Http404 from None
        response = FileResponse(
            handle,
            filename=filename,
            as_attachment=content_type is None,
            content_type=content_type or "application/octet-stream",
        )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response


def certificate_scan_response(certificate) -> HttpResponse:
    """A certificate's scan, named after its number, for a reader the caller has checked."""
    return private_file_response(
        file=certificate.scan,
        download_name=f"ocop-{certificate.certificate_number or certificate.pk}",
    )


__all__ = ["certificate_scan_response", "private_file_response"]
