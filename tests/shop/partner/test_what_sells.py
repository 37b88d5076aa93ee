"""What the shop sells now: a listing hidden by staff, unpublished by its producer, or from a
producer suspended or under review cannot be bought, whether it is added now or sat in a
basket before it was taken down; prices are above zero."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from oscar.core.loading import get_model

from catalogue.models import Product
from shop.basket.models import Basket
from shop.checkout.placement import order_place
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.shop.checkout.helpers import address, address_form_data, basket_of
from vendors.models import Fulfilment, LedgerEntry, Vendor

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

TITLE = "Mật ong hoa Ban Điện Biên"


def _hide(product):
    Product.objects.filter(pk=product.pk).update(
        hidden_at=timezone.now(), hidden_reason="Thu hồi lô hàng"
    )


def _unpublish(product):
    Product.objects.filter(pk=product.pk).update(is_public=False)


def _suspend(product):
    Vendor.objects.filter(pk=product.vendor_id).update(status=Vendor.Status.SUSPENDED)


def _back_to_review(product):
    Vendor.objects.filter(pk=product.vendor_id).update(status=Vendor.Status.PENDING)


TAKE_DOWNS = pytest.mark.parametrize(
    "take_down",
    [_hide, _unpublish, _suspend, _back_to_review],
    ids=["hidden by staff", "not public", "producer suspended", "producer under review"],
)


@pytest.fixture
def honey():
    return ProductFactory(title=TITLE, stock=(Decimal("320000"), 10))


@TAKE_DOWNS
def test_a_product_taken_down_cannot_be_added_to_the_basket(english, honey, take_down):
    take_down(honey)

    response = english.post(f"/basket/add/{honey.pk}/", {"quantity": 1}, follow=True)

    assert response.status_code == 200
    assert f"“{TITLE}” is no longer sold." in response.content.decode()
    assert not Basket.objects.filter(lines__product=honey).exists()


def test_the_refusal_is_in_vietnamese_by_default(vietnamese, honey):
    _suspend(honey)

    response = vietnamese.post(f"/basket/add/{honey.pk}/", {"quantity": 1}, follow=True)

    assert f"“{TITLE}” đã ngừng bán." in response.content.decode()


@TAKE_DOWNS
def test_a_taken_down_product_still_answers_404_on_its_page_and_in_the_api(
    client, honey, take_down
):
    take_down(honey)

    assert client.get(honey.get_absolute_url()).status_code == 404
    assert client.get(f"/api/v1/products/{honey.pk}/").status_code == 404


def _to_preview(client, product):
    vietnam_ensure()
    assert client.post(f"/basket/add/{product.pk}/", {"quantity": 2}).status_code == 302
    client.post("/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
    assert client.post("/checkout/shipping-address/", address_form_data()).status_code == 302
    client.get("/checkout/shipping-method/")
    assert client.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302
    assert client.get("/checkout/preview/").status_code == 200


def _nothing_written(product):
    assert not Order.objects.exists()
    assert not Fulfilment.objects.exists() and not LedgerEntry.objects.exists()
    record = StockRecord.objects.get(product=product)
    assert (record.num_in_stock, record.num_allocated or 0) == (10, 0)


@TAKE_DOWNS
def test_a_basket_filled_before_the_take_down_cannot_check_out(english, honey, take_down):
    _to_preview(english, honey)
    take_down(honey)

    preview = english.get("/checkout/preview/", follow=True)
    placed = english.post(
        "/checkout/preview/", {"action": "place_order", "privacy_consent": "on"}, follow=True
    )

    for response in (preview, placed):
        assert response.redirect_chain[-1][0].endswith("/basket/")
        page = response.content.decode()
        assert f"“{TITLE}” is no longer sold: remove it from your basket to go on." in page
    _nothing_written(honey)
    # The basket page flags the line where Oscar shows its availability.
    basket_page = english.get("/basket/").content.decode()
    assert "No longer sold" in basket_page


@TAKE_DOWNS
def test_placement_refuses_a_line_no_longer_sold_and_writes_nothing(honey, take_down):
    # The basket was priced before the take-down, by Oscar's stock strategy: the placement
    # does not trust it and reads the product again.
    from shop.checkout.placement import NoLongerSold

    basket = basket_of((honey, 2))
    take_down(honey)

    with pytest.raises(NoLongerSold) as refused:
        order_place(
            basket=basket,
            user=None,
            guest_email="khach@example.vn",
            shipping_address=address(),
            payment_method="cod",
            status="Awaiting delivery payment",
        )

    assert refused.value.titles == [TITLE]
    assert f"“{TITLE}” đã ngừng bán" in refused.value.message
    _nothing_written(honey)
    assert Basket.objects.get(pk=basket.pk).status == Basket.OPEN


def test_a_variant_of_a_hidden_parent_is_not_sold():
    from oscar.test.factories import ProductClassFactory

    from shop.partner.strategy import Default

    vendor = VendorFactory()
    parent = ProductFactory(
        vendor=vendor, structure=Product.PARENT, product_class=ProductClassFactory()
    )
    parent.stockrecords.all().delete()
    child = Product.objects.create(
        parent=parent, structure=Product.CHILD, title="Hũ 500 g", is_public=True
    )
    child.stockrecords.create(
        partner=vendor.partner, partner_sku="CHILD-1", price=Decimal("90000"), num_in_stock=5
    )
    strategy = Default()
    assert strategy.fetch_for_product(child).availability.is_available_to_buy

    _hide(parent)
    child = Product.objects.get(pk=child.pk)

    assert not strategy.fetch_for_product(child).availability.is_available_to_buy
    parent_info = strategy.fetch_for_parent(Product.objects.get(pk=parent.pk))
    assert not parent_info.availability.is_available_to_buy


def test_product_cards_cost_no_extra_query_per_product(client, django_assert_num_queries):
    vendors = [VendorFactory(), VendorFactory()]
    for vendor in vendors:
        ProductFactory(vendor=vendor)
    client.get("/catalogue/")
    with CaptureQueriesContext(connection) as few:
        assert client.get("/catalogue/").status_code == 200
    queries_for_two = len(few.captured_queries)
    for vendor in [*vendors, VendorFactory(), VendorFactory()]:
        ProductFactory.create_batch(2, vendor=vendor)
    client.get("/catalogue/")

    with django_assert_num_queries(queries_for_two):
        page = client.get("/catalogue/")

    assert page.content.decode().count('class="product_pod') >= 10


# --- Prices above zero --------------------------------------------------------------------


@pytest.mark.parametrize("price", ["0", "-1000"])
def test_a_price_of_zero_or_less_is_refused_by_the_model(honey, price):
    record = honey.stockrecords.get()
    record.price = Decimal(price)

    with pytest.raises(ValidationError) as refused:
        record.full_clean()

    assert refused.value.message_dict["price"] == ["Nhập giá lớn hơn 0 ₫."]


def test_the_database_refuses_a_negative_price_whatever_the_path(honey):
    with pytest.raises(IntegrityError), transaction.atomic():
        StockRecord.objects.filter(product=honey).update(price=Decimal("-1000"))


def test_a_record_with_a_bad_price_in_memory_is_neither_sold_nor_counted(honey):
    # Rows saved before the database check are cleared by its migration; the strategy still
    # refuses one, so a basket's total can never go below zero.
    from shop.partner.strategy import Default

    record = honey.stockrecords.get()
    record.price = Decimal("-500000")

    info = Default().fetch_for_product(honey, stockrecord=record)

    assert not info.price.exists
    assert not info.availability.is_available_to_buy
    assert info.availability.message == "Ngừng bán"
