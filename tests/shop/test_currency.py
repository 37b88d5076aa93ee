"""Prices in Vietnamese đồng: no minor unit, dots for thousands, "₫" after the amount."""

from decimal import Decimal

import pytest
from django.utils import translation
from oscar.templatetags.currency_filters import currency


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("125000"), "125.000\u00a0₫"),
        (Decimal("1250000"), "1.250.000\u00a0₫"),
        (Decimal("9500"), "9.500\u00a0₫"),
        (Decimal("0"), "0\u00a0₫"),
    ],
)
@pytest.mark.parametrize("language", ["vi", "en"])
def test_vnd_is_shown_without_decimals_in_every_language(amount, shown, language):
    with translation.override(language):
        assert currency(amount) == shown


@pytest.mark.django_db
def test_product_page_shows_price_in_dong(vietnamese):
    from tests.factories import ProductFactory

    product = ProductFactory(stock=(Decimal("125000"), 10))

    page = vietnamese.get(product.get_absolute_url())

    assert "125.000\u00a0₫" in page.content.decode()
