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
    the same formatter as the templates' `currency` filter."""
    from oscar.templatetags.currency_filters import currency

    return currency(Decimal(amount), CURRENCY)


__all__ = ["CURRENCY", "VND_FORMAT", "is_whole_dong", "round_dong", "vnd"]
