"""Checks of files producers upload with their application.

`validate_certificate_scan` stands in until the catalogue's own scan validator is shared;
both answer the same way: a ValidationError with a message the applicant can act on.
"""

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

SCAN_MAX_BYTES = 10 * 1024 * 1024
SCAN_IMAGE_FORMATS = {"JPEG", "PNG", "WEBP"}
SCAN_EXTENSIONS = {"pdf", "jpg", "jpeg", "png", "webp"}


def validate_certificate_scan(file: UploadedFile) -> None:
    """A PDF or a JPEG/PNG/WebP photo of the certificate, judged by its content, not its name."""
    if file.size > SCAN_MAX_BYTES:
        raise ValidationError(
            _("The scan is %(size)s; send a file of at most %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(SCAN_MAX_BYTES)},
            code="too_large",
        )
    extension = file.name.rsplit(".", 1)[-1].lower() if "." in file.name else ""
    if extension not in SCAN_EXTENSIONS:
        raise ValidationError(
            _("Send the scan as a PDF or a JPEG, PNG or WebP photo."), code="extension"
        )
    file.seek(0)
    head = file.read(5)
    file.seek(0)
    if extension == "pdf":
        if head != b"%PDF-":
            raise ValidationError(
                _("This file is not a readable PDF. Scan the certificate again."), code="content"
            )
        return
    try:
        with Image.open(file) as image:
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not a readable photo. Take the picture again."), code="content"
        ) from None
    finally:
        file.seek(0)
    if image_format not in SCAN_IMAGE_FORMATS:
        raise ValidationError(
            _("Send the scan as a PDF or a JPEG, PNG or WebP photo."), code="format"
        )
