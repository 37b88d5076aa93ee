"""Pictures whose file is missing from storage (deleted by hand, a media folder not restored):
Oscar's sorl thumbnailer showing Oscar's "image not found" picture instead of a broken image,
and the note that keeps a lost file from being looked for, and logged, on every render."""

import logging

from django.core.cache import cache
from oscar.core.loading import get_class
from oscar.core.thumbnails import SorlThumbnail

logger = logging.getLogger(__name__)
MissingProductImage = get_class("catalogue.abstract_models", "MissingProductImage")

# The card's picture: one square size, cropped to the centre. 480 px covers the widest
# card slot (about 240 CSS px) on a screen of double density.
CARD_THUMBNAIL = {"size": "480x480", "crop": "center", "upscale": False}

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


def _sorl_thumbnail_name(source, size: str, options: dict) -> str:
    """The file name sorl gives the thumbnail of `source`, worked out as its backend does
    before looking the thumbnail up (sorl.thumbnail.base.ThumbnailBackend.get_thumbnail:
    the same option defaults, then its own naming), without reading the picture."""
    from sorl.thumbnail import default
    from sorl.thumbnail.conf import defaults as sorl_defaults
    from sorl.thumbnail.conf import settings as sorl_settings
    from sorl.thumbnail.images import ImageFile

    backend = default.backend
    image = ImageFile(source)
    options = dict(options)
    if sorl_settings.THUMBNAIL_PRESERVE_FORMAT:
        options.setdefault("format", backend._get_format(image))
    for key, value in backend.default_options.items():
        options.setdefault(key, value)
    for key, attr in backend.extra_options:
        value = getattr(sorl_settings, attr)
        if value != getattr(sorl_defaults, attr):
            options.setdefault(key, value)
    # Oscar's thumbnailer hands sorl "480x480" as is, and "480x" as "480".
    width, height = size.split("x")
    return backend._get_thumbnail_filename(image, size if height else width, options)


def thumbnails_warm(*, sources: list, size: str, **options) -> dict[str, str]:
    """The addresses of the thumbnails a list of cards shows, by source file name, read for
    the whole list at once; a source left out is looked up by its card as before.

    sorl keeps what it knows of each thumbnail (its name and size) in the cache, backed by a
    table: with the cache empty every card of a page cost a query of its own (24 on a
    catalogue page), and with it full each card still worked out the thumbnail's name and
    read two cache entries. Here the records of the whole list are read in one cache call
    and one query (and put back in the cache, as sorl would). A thumbnail not made yet, or
    whose picture is known to be lost, is left to the card: sorl makes it, or Oscar's
    "image not found" picture is shown, exactly as before."""
    from sorl.thumbnail import default
    from sorl.thumbnail.conf import settings as sorl_settings
    from sorl.thumbnail.images import ImageFile, deserialize_image_file
    from sorl.thumbnail.kvstores.base import add_prefix
    from sorl.thumbnail.models import KVStore as KVStoreRow

    kvstore = default.kvstore
    if not getattr(kvstore, "_cached_db_kvstore", False):
        return {}
    try:
        keys = {
            source.name: add_prefix(
                ImageFile(_sorl_thumbnail_name(source, size, options), default.storage).key
            )
            for source in sources
            if source
        }
    except Exception:  # a name sorl would refuse: the cards find out, as before
        logger.exception("Thumbnail names of a list of cards could not be worked out")
        return {}
    if not keys:
        return {}
    found = kvstore.cache.get_many(list(keys.values()))
    # The notes of lost pictures live in the site's cache, which sorl's may not be.
    noted = cache.get_many([_key(name) for name in keys])
    unread = [key for key in keys.values() if key not in found]
    if unread:
        rows = dict(KVStoreRow.objects.filter(key__in=unread).values_list("key", "value"))
        if rows:
            kvstore.cache.set_many(rows, sorl_settings.THUMBNAIL_CACHE_TIMEOUT)
            found.update(rows)
    urls = {}
    for name, key in keys.items():
        record = found.get(key)
        # sorl caches a marker (not text) for a thumbnail it has no record of.
        if isinstance(record, str) and record and _key(name) not in noted:
            urls[name] = deserialize_image_file(record).url
    return urls
