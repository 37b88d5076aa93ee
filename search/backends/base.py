"""What both search backends share: today's date for star validity and category lookups."""

from django.utils import timezone

from catalogue.models import Category


class SearchBackend:
    name = ""

    def __init__(self) -> None:
        # One date per search, so every facet and filter agrees on which stars are valid.
        self.today = timezone.localdate()
        self._category_cache: dict[str, Category | None] = {}

    def _category(self, slug: str | None) -> Category | None:
        if slug is None:
            return None
        if slug not in self._category_cache:
            self._category_cache[slug] = Category.objects.filter(slug=slug).first()
        return self._category_cache[slug]
