"""Pictures whose file is missing from storage (deleted by hand, a media folder not restored):
Oscar's sorl thumbnailer showing Oscar's "image not found" picture instead of a broken image,
and the note that keeps a lost file from being looked for, and logged, on every render."""

import logging

from django.core.cache import cache
from oscar.core.loading import get_class
from oscar.core.thumbnails import SorlThumbnail

logger = logging.getLogger(__name__)
MissingProductImage = get_class("catalogue.abstract_models", "MissingProductImage")

# Long enough that a page with the same lost picture in several places, or a burst of
# readers, logs it once; short enough that a restored file shows again within minutes.
MISSING_NOTE_SECONDS = 300


def _key(name: str) -> str:
    return f"media-missing:{name}"


def media_file_known_missing(*, name: str) -> bool:
    return bool(name) and cache.get(_key(name)) is not None


def media_file_missing_note(*, name: str, what: str) -> None:
    """Logs one warning for a lost file, and remembers it for a few minutes."""
    if cache.add(_key(name), True, MISSING_NOTE_SECONDS):
        logger.warning("%s file %s is missing or unreadable: shown without it", what, name)


class Thumbnailer(SorlThumbnail):
    def generate_thumbnail(self, source, **opts):
        name = str(getattr(source, "name", source) or "")
        if not media_file_known_missing(name=name):
            thumbnail = super().generate_thumbnail(source, **dict(opts))
            # sorl gives every thumbnail it made or found its size; the one it hands back when
            # the original cannot be read has none, and its address leads nowhere.
            if thumbnail.size is not None:
                return thumbnail
            media_file_missing_note(name=name, what="Photo")
        return super().generate_thumbnail(MissingProductImage(), **opts)
