"""Checking and cleaning product photos before they are stored.

A photo is accepted only if Pillow can decode it whole, within size and pixel limits. It is
then turned upright (cameras record rotation in EXIF instead of rotating the pixels) and
re-encoded without its metadata, which can carry the place a photo was taken.
"""

from io import BytesIO
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
MIN_SIDE = 200
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}
UNREADABLE_PHOTO = _(
    "This file is not a photo we can read, or it is damaged. Send a JPEG, PNG or WebP."
)


def product_image_clean(upload) -> ContentFile:
    """The upload as an upright, metadata-free JPEG or PNG; ValidationError if it is unusable."""
    if upload.size > MAX_BYTES:
        raise ValidationError(
            _("The photo is %(size)s MB; the limit is %(limit)s MB. Send a smaller file."),
            params={"size": round(upload.size / 1024 / 1024, 1), "limit": MAX_BYTES // 1024**2},
            code="too_large",
        )
    upload.seek(0)
    try:
        with Image.open(upload) as probe:
            image_format = probe.format
            width, height = probe.size
            probe.verify()
        if image_format not in ACCEPTED_FORMATS:
            raise ValidationError(_("Send the photo as JPEG, PNG or WebP."), code="format")
        if width * height > MAX_PIXELS:
            raise ValidationError(
                _("The photo has %(pixels)s megapixels; at most %(limit)s are accepted."),
                params={"pixels": round(width * height / 1e6), "limit": MAX_PIXELS // 10**6},
                code="too_many_pixels",
            )
        if min(width, height) < MIN_SIDE:
            raise ValidationError(
                _("The photo is %(width)s×%(height)s pixels; each side needs %(min)s or more."),
                params={"width": width, "height": height, "min": MIN_SIDE},
                code="too_small",
            )
        # verify() leaves the image unusable: open it again to decode every pixel.
        upload.seek(0)
        with Image.open(upload) as image:
            image.load()
            upright = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(UNREADABLE_PHOTO, code="unreadable") from None
    return _reencoded(upright, name=getattr(upload, "name", "") or "photo")


def _reencoded(image: Image.Image, *, name: str) -> ContentFile:
    has_alpha = image.mode in ("RGBA", "LA") or "transparency" in image.info
    out = BytesIO()
    stem = Path(name).stem or "photo"
    if has_alpha:
        image.convert("RGBA").save(out, format="PNG", optimize=True)
        filename = f"{stem}.png"
    else:
        image.convert("RGB").save(out, format="JPEG", quality=90, optimize=True)
        filename = f"{stem}.jpg"
    return ContentFile(out.getvalue(), name=filename)
