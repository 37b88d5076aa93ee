"""The home page's showcase: the newest certified products in stock, best rated first."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.utils import timezone

from catalogue.models import Product
from catalogue.selectors import featured_products
from tests.factories import CertificateFactory, ProductFactory

pytestmark = pytest.mark.django_db


def aged(product: Product, days: int) -> Product:
    # date_updated is set on save; the showcase orders by it, so tests place it in time.
    Product.objects.filter(pk=product.pk).update(date_updated=timezone.now() - timedelta(days=days))
    return product


def test_showcase_picks_the_newest_in_stock_and_ranks_them_by_stars():
    certified = [aged(CertificateFactory(stars=3 + n % 3).product, days=n) for n in range(10)]
    # A second offer in stock must not show a product twice.
    certified[0].stockrecords.create(
        partner=certified[0].vendor.partner,
        partner_sku="SECOND",
        price_currency="VND",
        price=Decimal("90000"),
        num_in_stock=5,
    )
    sold_out = aged(ProductFactory(stock=(85000, 0)), days=0)
    CertificateFactory(product=sold_out, stars=5)
    aged(ProductFactory(), days=0)  # in stock but not certified
    hidden = aged(CertificateFactory(stars=5).product, days=0)
    Product.objects.filter(pk=hidden.pk).update(hidden_at=timezone.now())

    shown = featured_products(limit=2)

    # Of the 8 newest eligible (limit × 4), the best rated: stars 5 at ages 2 and 5.
    assert [p.pk for p in shown] == [certified[2].pk, certified[5].pk]
    assert len({p.pk for p in featured_products(limit=8)}) == 8


def test_showcase_loads_in_a_fixed_number_of_queries(django_assert_max_num_queries):
    # The ids, the cards, then one query per prefetched relation: never one per product.
    for n in range(12):
        aged(CertificateFactory().product, days=n)

    with django_assert_max_num_queries(10):
        shown = featured_products(limit=8)
        for product in shown:
            product.ocop_stars, [image for image in product.images.all()]  # noqa: B018

    assert len(shown) == 8
