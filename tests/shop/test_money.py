"""Money in đồng has one rule, in shop/money.py: whole đồng rounded half up, shown as
"125.000 ₫"; no other module rounds money its own way."""

import re
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from oscar.templatetags.currency_filters import currency

from shop.money import is_whole_dong, price_text, round_dong, vnd

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("amount", "rounded"),
    [
        ("0.5", "1"),
        ("2.5", "3"),  # half-even would give 2
        ("10249.5", "10250"),
        ("10250.49", "10250"),
        ("85000", "85000"),
    ],
)
def test_amounts_are_rounded_to_whole_dong_half_up(amount, rounded):
    assert round_dong(Decimal(amount)) == Decimal(rounded)
    assert is_whole_dong(round_dong(Decimal(amount)))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_text_built_in_python_shows_dong_as_the_pages_do(language):
    with translation.override(language):
        assert vnd(Decimal("125000")) == "125.000\u00a0₫"
        assert vnd(1250000) == currency(Decimal("1250000"))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_cards_quick_price_text_is_the_currency_filters_text(language, settings):
    amounts = [Decimal(n) for n in ("0", "5", "999", "1000", "85000", "125000.00", "1234567890")]
    amounts += [Decimal("0.5"), Decimal("10249.5"), Decimal("-5000"), Decimal("1E+6")]
    with translation.override(language):
        for amount in amounts:
            assert price_text(amount, "VND") == currency(amount, "VND"), amount
        assert price_text(Decimal("12.5"), "USD") == currency(Decimal("12.5"), "USD")
        # Another configured format is the filter's to apply.
        settings.OSCAR_CURRENCY_FORMAT = {"VND": {"format": "¤#,##0", "locale": "en_US"}}
        assert price_text(Decimal("125000"), "VND") == currency(Decimal("125000"), "VND")
        assert price_text(Decimal("125000"), "VND") != "125.000\u00a0₫"


def test_no_other_module_rounds_money():
    rounding = re.compile(r"ROUND_HALF|quantize\(\s*Decimal\(\s*[\"']1[\"']\s*\)")
    offenders = [
        str(path.relative_to(ROOT))
        for package in ("customer", "catalogue", "vendors", "search", "cms", "shop")
        for path in (ROOT / package).rglob("*.py")
        if path != ROOT / "shop" / "money.py" and rounding.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
