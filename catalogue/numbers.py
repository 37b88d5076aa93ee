"""The one parser for whole numbers that come from outside: ids, page numbers, quantities.

Python's own checks are too lenient for input: `str.isdigit()` is true for "²" and "١٢",
`int()` reads " 1_0 " and full-width "１２", and an id of twenty digits passes both and then
overflows the database's 64-bit integer. Here a number is ASCII digits only, without sign,
spaces or separators, and no larger than the column it is looked up in can hold.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.urls import URLResolver
from django.urls.converters import IntConverter
from django.urls.resolvers import RegexPattern

# The largest value of a signed 64-bit column (BigAutoField, SQLite's INTEGER).
MAX_ID = 2**63 - 1
_DIGITS = frozenset("0123456789")
# More digits than MAX_ID has is out of range whatever they are: refuse before converting.
_MAX_LENGTH = len(str(MAX_ID))


def number_parse(value: Any, *, low: int = 0, high: int = MAX_ID) -> int | None:
    """`value` as an int when it is ASCII digits in [low, high], else None (never raises).

    Accepts an int as well, so a value already parsed (a form's initial data) passes through
    the same bounds."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str):
        if not value or len(value) > _MAX_LENGTH or not _DIGITS.issuperset(value):
            return None
        number = int(value)
    else:
        return None
    return number if low <= number <= high else None


def id_parse(value: Any) -> int | None:
    """A database id (1 and up), or None."""
    return number_parse(value, low=1)


def id_or_404(value: Any) -> int:
    """A database id for a view: anything else is a page that does not exist."""
    number = id_parse(value)
    if number is None:
        raise Http404("Not a valid id.")
    return number


def page_parse(value: Any) -> int:
    """A page number for a paginator: 1 when absent or not a number. A page past the end is
    left to the paginator, which shows the last one."""
    return number_parse(value, low=1) or 1


class IdConverter:
    """URL converter `<int:name>`: an id the database can hold. Longer numbers match no URL
    (a 404) instead of reaching a lookup that overflows."""

    regex = f"[0-9]{{1,{_MAX_LENGTH}}}"

    def to_python(self, value: str) -> int:
        number = id_parse(value)
        if number is None:
            # Django's resolver reads ValueError as "this pattern does not match".
            raise ValueError(value)
        return number

    def to_url(self, value: Any) -> str:
        return str(value)


def url_ids_bound(patterns: list) -> None:
    """Bound the ids of these URL patterns and of those they include (Oscar's, Wagtail's,
    Django's admin): `<int:…>` gets the converter above, and a `\\d+` of a regular expression
    (which also matches digits of other scripts) becomes at most 18 ASCII digits. Called once
    on the root URL map."""
    bounded = IdConverter()
    for entry in patterns:
        pattern = entry.pattern
        if isinstance(pattern, RegexPattern) and r"\d+" in pattern._regex:
            entry.pattern = RegexPattern(
                pattern._regex.replace(r"\d+", "[0-9]{1,18}"),
                name=pattern.name,
                is_endpoint=pattern._is_endpoint,
            )
        converters = getattr(pattern, "converters", None)
        if converters:
            pattern.converters = {
                name: bounded if isinstance(converter, IntConverter) else converter
                for name, converter in converters.items()
            }
        if isinstance(entry, URLResolver):
            url_ids_bound(entry.url_patterns)
