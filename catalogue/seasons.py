"""Harvest seasons: what a product's season means on a given day.

Pure functions over a `ProductSeason` row (or none): whether the product is in season, when
its season opens next, which months it covers, and the facts the search index stores so a
search can ask "in season today" without reading seasons. A product without a season is
sold all year: it is never "in season" nor "out of season", and nothing is shown for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from django.utils.translation import gettext, pgettext_lazy

if TYPE_CHECKING:
    from catalogue.models import Product, ProductSeason

MONTHS = range(1, 13)
# Month names as they read inside a sentence ("In season from July", "Vào mùa từ tháng 7").
MONTH_NAMES = {
    1: pgettext_lazy("season month", "January"),
    2: pgettext_lazy("season month", "February"),
    3: pgettext_lazy("season month", "March"),
    4: pgettext_lazy("season month", "April"),
    5: pgettext_lazy("season month", "May"),
    6: pgettext_lazy("season month", "June"),
    7: pgettext_lazy("season month", "July"),
    8: pgettext_lazy("season month", "August"),
    9: pgettext_lazy("season month", "September"),
    10: pgettext_lazy("season month", "October"),
    11: pgettext_lazy("season month", "November"),
    12: pgettext_lazy("season month", "December"),
}
# The calendar's column heads: short, and read out in full through their `abbr` title.
MONTH_SHORT = {month: pgettext_lazy("season month, short", "M%(number)d") for month in MONTHS}

IN_SEASON = "in_season"
UPCOMING = "upcoming"
ENDED = "ended"


def month_name(month: int) -> str:
    return str(MONTH_NAMES[month])


def month_short(month: int) -> str:
    return str(MONTH_SHORT[month]) % {"number": month}


def _month_span(first: int, last: int) -> tuple[int, ...]:
    """The months from `first` to `last`, running over December when `last` comes first."""
    length = (last - first) % 12 + 1
    return tuple((first - 1 + step) % 12 + 1 for step in range(length))


def season_months(*, season: ProductSeason | None) -> tuple[int, ...]:
    """The months the season covers, in the season's order (November, December, January...);
    for a season given by dates, every month it touches (all twelve at most)."""
    if season is None:
        return ()
    if season.first_month and season.last_month:
        return _month_span(season.first_month, season.last_month)
    if season.starts_on and season.ends_on:
        months = (season.ends_on.year - season.starts_on.year) * 12
        months += season.ends_on.month - season.starts_on.month
        if months >= 11:
            return tuple(MONTHS)
        return _month_span(season.starts_on.month, season.ends_on.month)
    return ()


@dataclass(frozen=True)
class SeasonState:
    """A product's season as a reader sees it on one day."""

    status: str  # IN_SEASON, UPCOMING or ENDED
    opens_month: int | None = None  # the month the next season opens (UPCOMING only)
    opens_on: date | None = None  # the first day of that season, when known

    @property
    def in_season(self) -> bool:
        return self.status == IN_SEASON

    @property
    def upcoming(self) -> bool:
        """Out of season with a next opening: a reader may ask to be told when it opens."""
        return self.status == UPCOMING

    @property
    def label(self) -> str:
        if self.status == IN_SEASON:
            return gettext("In season now")
        if self.status == UPCOMING and self.opens_month:
            return gettext("In season from %(month)s") % {"month": month_name(self.opens_month)}
        return gettext("Out of season")


def season_state(*, season: ProductSeason | None, day: date) -> SeasonState | None:
    """The season on `day`: None without a season (sold all year, nothing is shown)."""
    if season is None:
        return None
    if season.first_month and season.last_month:
        if day.month in _month_span(season.first_month, season.last_month):
            return SeasonState(IN_SEASON)
        year = day.year if season.first_month > day.month else day.year + 1
        return SeasonState(
            UPCOMING, opens_month=season.first_month, opens_on=date(year, season.first_month, 1)
        )
    if season.starts_on and season.ends_on:
        if season.starts_on <= day <= season.ends_on:
            return SeasonState(IN_SEASON)
        if day < season.starts_on:
            return SeasonState(
                UPCOMING, opens_month=season.starts_on.month, opens_on=season.starts_on
            )
        return SeasonState(ENDED)
    return None


def product_season(product: Product) -> ProductSeason | None:
    """The product's season row (a variant takes its parent's), read from what the query
    loaded with `select_related("season")` when it did; None without a season."""
    if product.is_child and product.parent_id:
        product = product.parent
    # The reverse one-to-one raises an AttributeError subclass when there is no row, and
    # caches "no row" once selected or read.
    return getattr(product, "season", None)


def product_season_state(*, product: Product, day: date) -> SeasonState | None:
    return season_state(season=product_season(product), day=day)


# What the search index keeps -------------------------------------------------------------


def month_bit(month: int) -> int:
    return 1 << (month - 1)


@dataclass(frozen=True)
class SeasonIndexFacts:
    """The season as the search index stores it: the months as a bit mask (January is 1,
    December 2048; 0 without a season) and, for a season given by dates, its two days. A
    product is in season on a day when the day's month bit is set and the day falls between
    the dates, if there are dates."""

    months: int = 0
    starts_on: date | None = None
    ends_on: date | None = None


def season_index_facts(*, season: ProductSeason | None) -> SeasonIndexFacts:
    months = season_months(season=season)
    if not months:
        return SeasonIndexFacts()
    return SeasonIndexFacts(
        months=sum(month_bit(month) for month in months),
        starts_on=season.starts_on if season.first_month is None else None,
        ends_on=season.ends_on if season.first_month is None else None,
    )


def index_facts_in_season(*, facts: SeasonIndexFacts, day: date) -> bool:
    if not facts.months & month_bit(day.month):
        return False
    if facts.starts_on and day < facts.starts_on:
        return False
    return not (facts.ends_on and day > facts.ends_on)


def months_list_display(months: tuple[int, ...]) -> str:
    """ "July – August" for a reader: the first and last month of the span."""
    if not months:
        return ""
    if len(months) == 1:
        return month_name(months[0])
    return f"{month_name(months[0])} – {month_name(months[-1])}"


# What a producer may enter ---------------------------------------------------------------

# A season given by dates covers one harvest; one that comes back every year is given by months.
LONGEST_DATED_SEASON_DAYS = 366


def season_errors(
    *,
    first_month: int | None,
    last_month: int | None,
    starts_on: date | None,
    ends_on: date | None,
) -> dict[str, str]:
    """What is wrong with a season as entered, by field ("" for the whole); empty when it is
    a season or no season at all (nothing given)."""
    months = (first_month, last_month)
    dates = (starts_on, ends_on)
    if any(m is not None and m not in MONTHS for m in months):
        return {"first_month": gettext("Choose months from 1 to 12.")}
    if any(months) and any(dates):
        return {"": gettext("Give the season as months or as dates, not both.")}
    if any(months) and not all(months):
        field = "last_month" if first_month else "first_month"
        return {field: gettext("Give both the first and the last month of the season.")}
    if any(dates) and not all(dates):
        field = "ends_on" if starts_on else "starts_on"
        return {field: gettext("Give both the first and the last day of the season.")}
    if all(dates):
        if ends_on < starts_on:
            return {"ends_on": gettext("The season cannot end before it starts.")}
        if (ends_on - starts_on).days >= LONGEST_DATED_SEASON_DAYS:
            return {
                "ends_on": gettext(
                    "A season given by dates lasts a year at most: for a season that comes "
                    "back every year, give its months instead."
                )
            }
    return {}
