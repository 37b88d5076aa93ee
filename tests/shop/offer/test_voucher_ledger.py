"""Who pays a voucher's discount: a producer's code lowers that producer's ledger only; the
platform's leaves every producer's share as at the list price and is recorded as the
platform's cost. Either way the parcels the buyer pays on delivery add up to the total."""

from decimal import Decimal

import pytest
from oscar.core.loading import get_model
from oscar.test.factories import UserFactory

from shop.checkout.placement import order_place
from shop.orders.selectors import order_cash_due
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.checkout.helpers import address, basket_of
from tests.shop.offer.helpers import voucher_make
from vendors.fulfilment import fulfilment_cancel
from vendors.fulfilment_selectors import ledger_summary
from vendors.models import Fulfilment, LedgerEntry

OrderDiscount = get_model("order", "OrderDiscount")

pytestmark = pytest.mark.django_db

SALE, DISCOUNT, COMMISSION = "sale", "discount", "commission"


@pytest.fixture
def shop(db):
    """Noodles (100.000 ₫, 10% commission) and honey (150.000 ₫, 8%) from two producers,
    each shipping at the default 30.000 ₫ a parcel."""
    vietnam_ensure()
    noodles_maker = VendorFactory(legal_name="HTX Miến dong", commission_rate=Decimal("0.100"))
    honey_maker = VendorFactory(legal_name="HTX Mật ong", commission_rate=Decimal("0.080"))
    noodles = ProductFactory(vendor=noodles_maker, stock=("100000", 20))
    honey = ProductFactory(vendor=honey_maker, stock=("150000", 20))
    return noodles_maker, honey_maker, noodles, honey


def place(basket, user):
    return order_place(
        basket=basket,
        user=user,
        shipping_address=address(),
        payment_method="cod",
        status="Awaiting delivery payment",
    )


def ledger(order) -> dict:
    return {
        (entry.vendor.legal_name, entry.kind): entry.amount
        for entry in LedgerEntry.objects.filter(order=order).select_related("vendor")
    }


def test_a_producer_funded_code_lowers_only_that_producers_ledger(shop):
    noodles_maker, honey_maker, noodles, honey = shop
    basket = basket_of((noodles, 2), (honey, 1))
    basket.vouchers.add(voucher_make("MIENDONG10", vendor=noodles_maker, percent=10))

    order = place(basket, UserFactory())

    # 10% off the noodles only, although the code's range holds every product.
    assert ledger(order) == {
        ("HTX Miến dong", SALE): Decimal("210000"),  # 180.000 ₫ of goods and the fee
        ("HTX Miến dong", COMMISSION): Decimal("-18000"),  # 10% of what it sold them at
        ("HTX Mật ong", SALE): Decimal("180000"),
        ("HTX Mật ong", COMMISSION): Decimal("-12000"),
    }
    assert order.total_incl_tax == Decimal("390000")
    assert order_cash_due(order=order) == order.total_incl_tax
    assert [d.amount for d in OrderDiscount.objects.filter(order=order)] == [Decimal("20000")]


def test_a_platform_funded_code_lowers_no_producers_share(shop):
    noodles_maker, honey_maker, noodles, honey = shop
    basket = basket_of((noodles, 2), (honey, 1))
    basket.vouchers.add(voucher_make("TET2027", percent=10))

    order = place(basket, UserFactory())

    assert ledger(order) == {
        # The buyer pays 180.000 ₫ for the noodles; the platform pays the other 20.000 ₫.
        ("HTX Miến dong", SALE): Decimal("210000"),
        ("HTX Miến dong", DISCOUNT): Decimal("20000"),
        ("HTX Miến dong", COMMISSION): Decimal("-20000"),
        ("HTX Mật ong", SALE): Decimal("165000"),
        ("HTX Mật ong", DISCOUNT): Decimal("15000"),
        ("HTX Mật ong", COMMISSION): Decimal("-12000"),
    }
    # Each producer is owed what it would have been owed at the list price.
    assert ledger_summary(vendor=noodles_maker)["balance"] == Decimal("210000")
    assert ledger_summary(vendor=honey_maker)["balance"] == Decimal("168000")
    assert ledger_summary(vendor=honey_maker)["sold"] == Decimal("180000")
    # The buyer pays the parcels; the platform keeps the commission less the discount.
    assert order.total_incl_tax == Decimal("375000") == order_cash_due(order=order)
    owed = (
        ledger_summary(vendor=noodles_maker)["balance"]
        + ledger_summary(vendor=honey_maker)["balance"]
    )
    assert order.total_incl_tax - owed == Decimal("32000") - Decimal("35000")


def test_a_percentage_in_fractions_of_a_dong_still_adds_up(shop):
    noodles_maker, honey_maker, _noodles, _honey = shop
    jam = ProductFactory(vendor=noodles_maker, stock=("33333", 20))
    tea = ProductFactory(vendor=honey_maker, stock=("12345", 20))
    basket = basket_of((jam, 3), (tea, 1))
    basket.vouchers.add(voucher_make("LE7", percent=7))

    order = place(basket, UserFactory())

    # 7% of 99.999 ₫ and of 12.345 ₫ is 7.864,08 ₫: 7.864 ₫ off, in whole đồng per parcel.
    sales = ledger(order)
    assert order.total_incl_tax == Decimal("99999") + Decimal("12345") - 7864 + 60000
    assert sales[("HTX Miến dong", SALE)] + sales[("HTX Mật ong", SALE)] == order.total_incl_tax
    assert sales[("HTX Miến dong", DISCOUNT)] + sales[("HTX Mật ong", DISCOUNT)] == 7864
    assert all(amount == amount.to_integral_value() for amount in sales.values())
    assert [d.amount for d in OrderDiscount.objects.filter(order=order)] == [Decimal("7864")]


def test_a_fixed_amount_code_of_a_producer_is_taken_from_its_parcel(shop):
    noodles_maker, _honey_maker, noodles, honey = shop
    basket = basket_of((noodles, 1), (honey, 1))
    basket.vouchers.add(voucher_make("GIAM30K", vendor=noodles_maker, amount=30000))

    order = place(basket, UserFactory())

    sales = ledger(order)
    assert sales[("HTX Miến dong", SALE)] == Decimal("100000")  # 70.000 ₫ and the fee
    assert sales[("HTX Mật ong", SALE)] == Decimal("180000")
    assert order.total_incl_tax == Decimal("280000")


def test_a_cancelled_parcel_gives_back_the_platforms_discount_too(shop):
    noodles_maker, _honey_maker, noodles, honey = shop
    basket = basket_of((noodles, 2), (honey, 1))
    basket.vouchers.add(voucher_make("TET2027", percent=10))
    order = place(basket, UserFactory())
    parcel = Fulfilment.objects.get(order=order, vendor=noodles_maker)

    fulfilment_cancel(fulfilment=parcel, reason="Hết hàng")

    summary = ledger_summary(vendor=noodles_maker)
    assert summary["balance"] == 0
    assert summary["sold"] == 0
