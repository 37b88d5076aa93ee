"""A buyer in Chromium sends a Tết gift box from three producers to someone else with a
message; each producer sees only its part, and the recipient's packing slip has no price."""

from decimal import Decimal

import pytest

from shop.gifts.models import GiftBox, GiftBoxItem
from shop.gifts.services import gift_box_publish
from shop.shipping.models import ProducerShippingRule
from tests.e2e.checkout_steps import (
    Address,
    address_fill,
    address_submit,
    checkout_as_guest,
    order_place,
    payment_choose,
)
from tests.factories import ProductFactory, VendorFactory, vendor_user, vietnam_ensure
from vendors.models import Fulfilment

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

# The gift's recipient, whose address is the delivery address.
RECIPIENT = Address(name="Nguyễn Văn Bình", phone="0987 654 321", line1="5 Phố Lý Thái Tổ")
MESSAGE = "Chúc ông bà năm mới an khang! <img src=x onerror=alert(1)>"


def test_a_tet_gift_box_from_three_producers_sent_with_a_message(
    live_server, page, site_data, screenshot
):
    base = live_server.url
    vietnam_ensure()
    makers = [
        VendorFactory(legal_name="HTX Miến dong Bình Liêu"),
        VendorFactory(legal_name="HTX Ong mật Lục Hồn"),
        VendorFactory(legal_name="Tổ hợp tác Dầu sở Hoành Mô"),
    ]
    for maker in makers:
        ProducerShippingRule.objects.create(vendor=maker, base_fee=20000)
    products = [
        ProductFactory(vendor=makers[0], title="Miến dong 500g", stock=(Decimal("85000"), 9)),
        ProductFactory(vendor=makers[1], title="Mật ong 500ml", stock=(Decimal("280000"), 9)),
        ProductFactory(vendor=makers[2], title="Dầu sở 500ml", stock=(Decimal("350000"), 9)),
    ]
    box = GiftBox.objects.create(title="Hộp quà Tết Bình Liêu", price=750000, is_public=True)
    for product, quantity in zip(products, (2, 1, 1), strict=True):
        GiftBoxItem.objects.create(box=box, product=product, quantity=quantity)
    gift_box_publish(box=box)

    # The box's page says what is inside and from whom; the buyer puts it in the basket.
    page.goto(f"{base}{box.product.get_absolute_url()}")
    contents = page.inner_text("#gift_box_contents")
    for maker, product in zip(makers, products, strict=True):
        assert maker.legal_name in contents and product.title in contents
    screenshot(page, "gift-box-page")
    page.locator("#add_to_basket_form [type=submit]").click()
    page.wait_for_load_state()

    checkout_as_guest(page, base, "nguoimua@example.vn")
    # The message first, then the recipient's address as the delivery address.
    page.fill("#gift_message textarea", MESSAGE)
    page.click("#gift_message [type=submit]")
    page.wait_for_url("**/checkout/shipping-address/")
    assert page.input_value("#gift_message textarea") == MESSAGE
    address_fill(page, RECIPIENT)
    address_submit(page)
    payment_choose(page, "cod")
    order_place(page)
    page.wait_for_url("**/checkout/thank-you/")

    parcels = {f.vendor_id: f for f in Fulfilment.objects.all()}
    assert set(parcels) == {maker.pk for maker in makers}
    for maker, product in zip(makers, products, strict=True):
        member = vendor_user(maker, email=f"member-{maker.pk}@example.vn")
        page.context.clear_cookies()
        page.goto(f"{base}/accounts/login/")
        page.fill("#id_login-username", member.email)
        page.fill("#id_login-password", "skelebrain")
        page.click("button[name=login_submit]")
        page.wait_for_load_state()
        own = parcels[maker.pk]
        page.goto(f"{base}/dashboard/producer/orders/{own.pk}/")
        text = page.inner_text("body")
        assert product.title in text
        others = [p.title for p in products if p != product]
        assert not any(title in text for title in others), (maker, others)
        assert MESSAGE in page.inner_text("#gift_message")
        # Another producer's parcel and slip do not open.
        other = next(f for f in parcels.values() if f.vendor_id != maker.pk)
        assert page.goto(f"{base}/dashboard/producer/orders/{other.pk}/").status == 404
        assert page.goto(f"{base}/gifts/parcels/{other.pk}/slip/").status == 404

        page.goto(f"{base}/gifts/parcels/{own.pk}/slip/")
        slip = page.inner_text("#packing_slip")
        assert product.title in slip and "Nguyễn Văn Bình" in slip
        assert "5 Phố Lý Thái Tổ" in slip
        assert MESSAGE in page.inner_text("#gift_message_text")
        # No price of any kind: no currency, no retail price, no share of the box.
        assert "₫" not in slip and "VND" not in slip
        for amount in ("85.000", "280.000", "350.000", "750.000", "159.375", "262.500"):
            assert amount not in slip
    screenshot(page, "gift-box-packing-slip")
