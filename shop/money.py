"""Money in Vietnamese đồng, the one rule for every caller: amounts are whole đồng, rounded
half up (0,5 ₫ becomes 1 ₫), and shown as "125.000 ₫" in every language.

A leaf module: it imports only the standard library and Django, so every package may use it
(tests/test_import_cycles.py keeps it that way). Templates show amounts with Oscar's
`currency` filter, which OSCAR_CURRENCY_FORMAT (built from VND_FORMAT here) configures.
"""

from decimal import ROUND_HALF_UP, Decimal

CURRENCY = "VND"

# Babel's pattern: dots for thousands (vi_VN), no minor unit, a no-break space before "₫".
VND_FORMAT = {"format": "#,##0\u00a0¤", "locale": "vi_VN", "currency_digits": False}

_WHOLE = Decimal("1")


def round_dong(amount: Decimal | int | str) -> Decimal:
    """The amount in whole đồng, half up: what a producer, a partner or the buyer is owed."""
    return Decimal(amount).quantize(_WHOLE, rounding=ROUND_HALF_UP)


def is_whole_dong(amount: Decimal | int | str) -> bool:
    amount = Decimal(amount)
    return amount == amount.to_integral_value()


def vnd(amount: Decimal | int | str) -> str:
    """The amount as a page shows it, "125.000 ₫", for text built in Python (messages, labels);
    the same text as the templates' `currency` filter (through price_text)."""
    return price_text(Decimal(amount))


def price_text(amount: Decimal, currency: str = CURRENCY) -> str:
    """The text of Oscar's `currency` filter for an amount, without Babel for whole đồng.

    A list page shows a price on each of its cards, and Babel's formatter parses its pattern
    and looks up the currency's plural names on every call; a whole, non-negative amount in
    đồng with VND_FORMAT configured is written here as the pattern says ("125.000 ₫": dots
    between thousands, a no-break space, the sign). Anything else goes to the filter."""
    from django.conf import settings

    if (
        currency == CURRENCY
        and isinstance(amount, Decimal)
        and amount.is_finite()
        and amount >= 0
        and amount == amount.to_integral_value()
        and getattr(settings, "OSCAR_CURRENCY_FORMAT", None) == {CURRENCY: VND_FORMAT}
    ):
        return f"{int(amount):,}".replace(",", ".") + "\u00a0₫"
    from oscar.templatetags.currency_filters import currency as currency_filter

    return currency_filter(amount, currency)


__all__ = ["CURRENCY", "VND_FORMAT", "is_whole_dong", "price_text", "round_dong", "vnd"]
