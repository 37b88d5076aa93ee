"""Storage of files only the platform and their owner may read: certificate scans.

Files live under PRIVATE_MEDIA_ROOT, outside MEDIA_ROOT, so the web server that serves
/media/ never sees them; views that check the reader hand them out (catalogue/files.py).
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.functional import cached_property


class PrivateFileStorage(FileSystemStorage):
    """A file system storage rooted at PRIVATE_MEDIA_ROOT, with no public URL."""

    @cached_property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    def _clear_cached_properties(self, setting, **kwargs):
        super()._clear_cached_properties(setting, **kwargs)
        if setting == "PRIVATE_MEDIA_ROOT":
            self.__dict__.pop("base_location", None)
            self.__dict__.pop("location", None)

    def url(self, name):
        # No address under /media/ exists for these files; an empty URL also keeps form
        # widgets from printing a link to one.
        return ""


def private_storage() -> Storage:
    """The "private" storage of settings.STORAGES (a callable, so tests and deployments can
    configure it)."""
    return storages["private"]


__all__ = ["PrivateFileStorage", "private_storage"]
