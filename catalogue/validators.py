"""Checks of what producers send about a certificate: the scan must really be a PDF or a
photo, and the issuing level must be one that recognises the stars claimed.

`validate_certificate_scan` is meant for every form that takes a certificate or decision
scan (the producer's certificate pages, onboarding applications); `validate_certificate_issuer`
is the one statement of who recognises which stars, used by those forms and by the model.
"""

from __future__ import annotations

from datetime import date
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files import File
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

# A scanned A4 page is a few MB at most; a phone photo of it well under 10 MB.
SCAN_MAX_BYTES = 10 * 1024 * 1024
# 40 megapixels: more than any phone camera, far less than a decompression bomb.
SCAN_MAX_PIXELS = 40_000_000
SCAN_MIN_SIDE = 200

PDF_EXTENSIONS = {"pdf"}
IMAGE_FORMATS = {"jpg": "JPEG", "jpeg": "JPEG", "png": "PNG", "webp": "WEBP"}
SCAN_EXTENSIONS = sorted(PDF_EXTENSIONS | set(IMAGE_FORMATS))


# The district level ended on 1 July 2025: from that day, provinces recognise 3 and 4 stars.
DISTRICTS_ABOLISHED = date(2025, 7, 1)
NATIONAL_STARS = 5
PROVINCE_STARS = (3, 4)
DISTRICT_STARS = (3,)


def validate_certificate_issuer(
    *, stars: int | None, issuer_kind: str | None, issued_on: date | None
) -> None:
    """Refuse a recognition no issuing level could have made: 5 stars come from the national
    council only, 3 and 4 stars from the province, and a district recognised 3 stars only,
    and only before 1 July 2025. Raises ValidationError on the issuing level's field.

    Values not given yet (a field that failed its own checks) are skipped: that field
    already carries its error.
    """
    # The values mirror OcopCertificate.Issuer; models.py imports this module.
    if not stars or not issuer_kind:
        return
    message = None
    if stars == NATIONAL_STARS and issuer_kind != "national":
        message = _("5-star products are recognised by the national council.")
    elif issuer_kind == "national" and stars != NATIONAL_STARS:
        message = _(
            "The national council recognises 5-star products only; 3 and 4 stars are "
            "recognised by the province."
        )
    elif issuer_kind == "district":
        if issued_on is not None and issued_on >= DISTRICTS_ABOLISHED:
            message = _(
                "Districts no longer recognise OCOP products: since 1 July 2025 the province "
                "recognises 3 and 4 stars and the national council 5 stars. Check the issuing "
                "level on the decision."
            )
        elif stars not in DISTRICT_STARS:
            message = _(
                "A district recognised 3-star products only; 4 stars came from the province."
            )
    elif issuer_kind == "province" and stars not in PROVINCE_STARS:
        message = _("The province recognises 3 and 4 stars.")
    if message is not None:
        raise ValidationError({"issuer_kind": message}, code="issuer_stars")


def validate_certificate_scan(file: File) -> None:
    """Accept a PDF (starting with %PDF-) or a JPEG/PNG/WebP photo Pillow can open and verify,
    within the size and pixel limits; otherwise raise ValidationError saying what to send.

    Reads the file's content and leaves its position at the start, so it can be saved after.
    """
    name = getattr(file, "name", "") or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in SCAN_EXTENSIONS:
        raise ValidationError(
            _("Send the scan as a PDF or a photo (JPG, PNG or WebP)."), code="scan_extension"
        )
    size = file.size
    if not size:
        raise ValidationError(_("The file is empty. Choose the scan again."), code="scan_empty")
    if size > SCAN_MAX_BYTES:
        raise ValidationError(
            _("The file is %(size)s; a scan may be at most %(limit)s.")
            % {"size": filesizeformat(size), "limit": filesizeformat(SCAN_MAX_BYTES)},
            code="scan_too_large",
        )
    try:
        if extension in PDF_EXTENSIONS:
            _check_pdf(file)
        else:
            _check_image(file, expected_format=IMAGE_FORMATS[extension])
    finally:
        file.seek(0)


def _check_pdf(file: File) -> None:
    file.seek(0)
    if file.read(5) != b"%PDF-":
        raise ValidationError(
            _("This file is not a PDF document. Export the scan as a PDF or send a photo."),
            code="scan_not_pdf",
        )


def _check_image(file: File, *, expected_format: str) -> None:
    unreadable = ValidationError(
        _("This file is not a readable photo. Send a JPG, PNG or WebP image, or a PDF."),
        code="scan_not_image",
    )
    try:
        file.seek(0)
        with Image.open(file) as image:
            # Header-only so far: check the pixel count before anything decodes the image.
            width, height = image.size
            image_format = image.format
            if width * height > SCAN_MAX_PIXELS:
                raise ValidationError(
                    _(
                        "The photo is %(width)s×%(height)s pixels; reduce it to at most "
                        "%(megapixels)s megapixels."
                    )
                    % {"width": width, "height": height, "megapixels": SCAN_MAX_PIXELS // 10**6},
                    code="scan_too_many_pixels",
                )
            image.verify()
        # verify() misses truncated pixel data; a full decode catches it.
        file.seek(0)
        with Image.open(file) as image:
            image.load()
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise unreadable from None
    if image_format != expected_format:
        raise unreadable
    if min(width, height) < SCAN_MIN_SIDE:
        raise ValidationError(
            _("The photo is too small to read (%(width)s×%(height)s pixels).")
            % {"width": width, "height": height},
            code="scan_too_small",
        )


__all__ = [
    "DISTRICTS_ABOLISHED",
    "SCAN_EXTENSIONS",
    "SCAN_MAX_BYTES",
    "SCAN_MAX_PIXELS",
    "validate_certificate_issuer",
    "validate_certificate_scan",
]
