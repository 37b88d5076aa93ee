"""Producers set their parcels' shipping in their dashboard area; baskets use it."""

from decimal import Decimal

import pytest
from oscar.test.factories import UserFactory

from shop.demo.orders import demo_shipping_rules_ensure
from shop.shipping.models import ProducerShippingRule
from shop.shipping.selectors import basket_parcels
from tests.factories import ProductFactory, VendorFactory, vendor_user
from tests.shop.checkout.helpers import basket_of

pytestmark = pytest.mark.django_db

URL = "/dashboard/producer/shipping/"


def test_a_producer_sets_its_shipping_and_the_basket_charges_it(client):
    vendor = VendorFactory()
    client.force_login(vendor_user(vendor))

    assert client.get(URL).status_code == 200
    response = client.post(
        URL,
        {"base_fee": "20000", "fee_per_kg": "4000", "free_above": "", "days_min": 1, "days_max": 3},
    )

    assert response.status_code == 302
    rule = ProducerShippingRule.objects.get(vendor=vendor)
    assert (rule.base_fee, rule.fee_per_kg, rule.free_above) == (20000, 4000, None)
    # Five packets at half a kilogram: 2.5 kg, three started kilograms.
    parcel = basket_parcels(basket=basket_of((ProductFactory(vendor=vendor), 5)))[0]
    assert parcel.fee == Decimal("32000")
    assert (parcel.days_min, parcel.days_max) == (1, 3)


def test_delivery_days_out_of_order_are_refused(client):
    vendor = VendorFactory()
    client.force_login(vendor_user(vendor))

    response = client.post(
        URL,
        {"base_fee": "20000", "fee_per_kg": "0", "free_above": "", "days_min": 5, "days_max": 2},
    )

    assert response.status_code == 200
    assert not ProducerShippingRule.objects.exists()


def test_only_producers_open_the_shipping_page(client):
    client.force_login(UserFactory())

    assert client.get(URL).status_code == 403


def test_free_shipping_from_an_amount():
    vendor = VendorFactory()
    ProducerShippingRule.objects.create(vendor=vendor, base_fee=30000, free_above=200000)
    product = ProductFactory(vendor=vendor, stock=(Decimal("100000"), 9))

    assert basket_parcels(basket=basket_of((product, 1)))[0].fee == Decimal("30000")
    assert basket_parcels(basket=basket_of((product, 2)))[0].fee == Decimal("0")


def test_demo_producers_get_their_rules_once():
    noodles = VendorFactory(slug="htx-mien-dong-binh-lieu")

    assert demo_shipping_rules_ensure() == 1
    assert demo_shipping_rules_ensure() == 0
    assert noodles.shipping_rule.free_above == 300000


def test_weights_come_from_the_weight_attribute_and_are_read_once_per_basket(
    django_assert_max_num_queries,
):
    from oscar.core.loading import get_model

    ProductAttribute = get_model("catalogue", "ProductAttribute")

    vendor = VendorFactory()
    ProducerShippingRule.objects.create(vendor=vendor, base_fee=20000, fee_per_kg=10000)
    bottle = ProductFactory(vendor=vendor)
    ProductAttribute.objects.create(
        product_class=bottle.product_class, name="Weight", code="weight", type="float"
    )
    bottle.attr.weight = 1.2
    bottle.save()
    packets = [ProductFactory(vendor=vendor) for _ in range(6)]
    basket = basket_of((bottle, 1), *[(packet, 1) for packet in packets])
    # Oscar reads the lines and their prices once per request and keeps them on the basket.
    for line in basket.all_lines():
        assert line.purchase_info.price.exists

    # The producers, the product classes and the weights: three queries, whatever the lines.
    with django_assert_max_num_queries(3):
        parcel = basket_parcels(basket=basket)[0]

    # 1.2 kg of oil and six packets at half a kilogram: 4.2 kg, five started kilograms.
    assert parcel.weight_kg == Decimal("4.2")
    assert parcel.fee == Decimal("70000")


def test_producers_without_a_rule_and_new_rules_share_one_default():
    without = ProductFactory(vendor=VendorFactory())
    vendor = VendorFactory()
    ProducerShippingRule.objects.create(vendor=vendor, base_fee=25000)
    with_fee_only = ProductFactory(vendor=vendor)

    parcels = basket_parcels(basket=basket_of((without, 1), (with_fee_only, 1)))

    estimates = {(p.fee, p.days_min, p.days_max) for p in parcels}
    # 30.000 ₫ and 3–6 days, as docs/decisions.md tells producers.
    assert estimates == {(Decimal("30000"), 3, 6), (Decimal("25000"), 3, 6)}
