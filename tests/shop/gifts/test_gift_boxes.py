"""Gift boxes across producers: the box page, its availability, the order split into each
producer's parcel and ledger, the gift message and the packing slip without prices."""

import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from oscar.core.loading import get_model

from search.indexing import index_products
from shop.checkout.placement import NoLongerSold, order_place
from shop.gifts.models import BasketGift, GiftBox, GiftBoxItem
from shop.gifts.selectors import gift_box_producer_shares
from shop.gifts.services import gift_box_publish
from shop.shipping.models import ProducerShippingRule
from tests.factories import ProductFactory, UserFactory, VendorFactory, vendor_user, vietnam_ensure
from tests.shop.checkout.helpers import address, address_form_data, basket_of
from vendors.fulfilment import fulfilment_cancel
from vendors.models import Fulfilment, LedgerEntry

Order = get_model("order", "Order")
StockRecord = get_model("partner", "StockRecord")

pytestmark = pytest.mark.django_db

MESSAGE = 'Chúc mừng năm mới! <script>alert("x")</script> & <b>an khang</b>'
BOX_PRICE = Decimal("750000")


def _box_add_and_place(client: Client, box: GiftBox, *, message: str = MESSAGE):
    """A guest buys one box as a gift: the message on the address page, the recipient's
    address, cash on delivery."""
    response = client.post(f"/basket/add/{box.product.pk}/", {"quantity": 1})
    assert response.status_code == 302
    response = client.post("/checkout/", {"username": "khach@example.vn", "options": "anonymous"})
    assert response.status_code == 302
    page = client.get("/checkout/shipping-address/")
    assert "gift_message" in page.content.decode()
    response = client.post(
        "/gifts/message/", {"message": message, "next": "/checkout/shipping-address/"}
    )
    assert response.status_code == 302
    response = client.post(
        "/checkout/shipping-address/",
        address_form_data(first_name="Nguyễn Văn Bình", line1="5 Phố Lý Thái Tổ"),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    client.get("/checkout/shipping-method/", follow=True)
    client.post("/checkout/payment-method/", {"method": "cod"})
    response = client.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Order.objects.latest("pk")


@pytest.fixture(scope="module")
def gift(django_db_setup, django_db_blocker):
    """Three producers, a box of their products (two packets of noodles, honey, oil) and one
    gift order of it, seeded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        vietnam_ensure()
        noodles_maker = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey_maker = VendorFactory(legal_name="HTX Ong mật Lục Hồn", commission_rate="0.080")
        oil_maker = VendorFactory(legal_name="Tổ hợp tác Dầu sở Hoành Mô")
        for vendor in (noodles_maker, honey_maker, oil_maker):
            ProducerShippingRule.objects.create(vendor=vendor, base_fee=20000)
        noodles = ProductFactory(
            vendor=noodles_maker, title="Miến dong Bình Liêu 500g", stock=("85000", 20)
        )
        honey = ProductFactory(
            vendor=honey_maker, title="Mật ong Bình Liêu 500ml", stock=("280000", 20)
        )
        oil = ProductFactory(vendor=oil_maker, title="Dầu sở Bình Liêu 500ml", stock=("350000", 20))
        box = GiftBox.objects.create(title="Hộp quà Tết Bình Liêu", price=BOX_PRICE, is_public=True)
        for product, quantity in ((noodles, 2), (honey, 1), (oil, 1)):
            GiftBoxItem.objects.create(box=box, product=product, quantity=quantity)
        gift_box_publish(box=box)
        members = {
            vendor: vendor_user(vendor) for vendor in (noodles_maker, honey_maker, oil_maker)
        }
        order = _box_add_and_place(Client(), box)
        yield {
            "box": box,
            "order": order,
            "products": (noodles, honey, oil),
            "vendors": (noodles_maker, honey_maker, oil_maker),
            "members": members,
        }
        transaction.set_rollback(True)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_box_page_lists_what_is_inside_and_from_whom(gift):
    page = Client().get(gift["box"].product.get_absolute_url()).content.decode()
    assert "Hộp quà Tết Bình Liêu" in page
    assert "750.000" in page
    for product in gift["products"]:
        assert product.title in page
    for vendor in gift["vendors"]:
        assert vendor.legal_name in page
    assert "2 × " in page


def test_box_is_sold_out_when_one_component_is(gift):
    _noodles, honey, _oil = gift["products"]
    StockRecord.objects.filter(product=honey).update(num_in_stock=0, num_allocated=0)
    client = Client()
    page = client.get(gift["box"].product.get_absolute_url()).content.decode()
    assert "Add to basket" not in page and "Thêm vào giỏ" not in page
    client.post(f"/basket/add/{gift['box'].product.pk}/", {"quantity": 1})
    assert client.get("/basket/").context["basket"].num_items == 0


def _list_card(page: str, product) -> str:
    link = f'href="{product.get_absolute_url()}"'
    cards = [card for card in page.split('<article class="product_pod') if link in card]
    assert len(cards) == 1, f"{len(cards)} cards of {product.title}"
    return cards[0].split("</article>")[0]


def test_a_box_card_in_a_list_sells_it_only_while_every_component_is_in_stock(gift):
    box = gift["box"].product
    index_products(product_ids=[box.pk])  # the fixture's commit never came
    client = Client()
    client.cookies["django_language"] = "en"
    card = _list_card(client.get("/search/", {"q": "Hộp quà Tết"}).content.decode(), box)
    assert "750.000" in card
    assert f'action="/basket/add/{box.pk}/"' in card

    _noodles, honey, _oil = gift["products"]
    StockRecord.objects.filter(product=honey).update(num_in_stock=0, num_allocated=0)
    cache.clear()  # a bulk update announces nothing: the kept page is dropped by hand
    card = _list_card(client.get("/search/", {"q": "Hộp quà Tết"}).content.decode(), box)
    assert f'action="/basket/add/{box.pk}/"' not in card
    assert "btn-block disabled" in card


def test_buying_more_boxes_than_a_component_allows_is_refused(gift):
    noodles = gift["products"][0]
    # 20 packets, 2 already taken by the module's order, 2 per box: 9 boxes at most.
    client = Client()
    client.post(f"/basket/add/{gift['box'].product.pk}/", {"quantity": 10})
    assert client.get("/basket/").context["basket"].num_items == 0
    assert StockRecord.objects.get(product=noodles).num_allocated == 2


def test_each_producer_gets_a_parcel_of_only_its_part(gift):
    order = gift["order"]
    parcels = {f.vendor: f for f in Fulfilment.objects.filter(order=order)}
    assert set(parcels) == set(gift["vendors"])
    for vendor, product in zip(gift["vendors"], gift["products"], strict=True):
        assert [line.product for line in parcels[vendor].lines] == [product]
    noodles_maker = gift["vendors"][0]
    assert [line.quantity for line in parcels[noodles_maker].lines] == [2]
    # Three parcels at 20.000 ₫ each on top of the box.
    assert order.total_incl_tax == BOX_PRICE + 3 * 20000


def test_shares_sum_to_the_box_price_and_land_in_each_ledger(gift):
    order = gift["order"]
    shares = {s.vendor: s for s in gift_box_producer_shares(box=gift["box"])}
    assert sum(s.share for s in shares.values()) == BOX_PRICE
    # 800.000 ₫ retail: noodles 170.000, honey 280.000, oil 350.000, scaled to 750.000.
    assert [shares[v].share for v in gift["vendors"]] == [
        Decimal("159375"),
        Decimal("262500"),
        Decimal("328125"),
    ]
    for vendor in gift["vendors"]:
        entries = {e.kind: e.amount for e in LedgerEntry.objects.filter(order=order, vendor=vendor)}
        assert entries[LedgerEntry.Kind.SALE] == shares[vendor].share + 20000
        assert entries[LedgerEntry.Kind.COMMISSION] == -shares[vendor].commission
    honey_maker = gift["vendors"][1]
    assert shares[honey_maker].commission == Decimal("21000")  # 8% of 262.500


def test_buying_a_box_takes_each_components_stock_and_cancel_puts_it_back(gift):
    noodles, honey, oil = gift["products"]
    allocated = {p: StockRecord.objects.get(product=p).num_allocated for p in gift["products"]}
    assert allocated == {noodles: 2, honey: 1, oil: 1}
    for fulfilment in Fulfilment.objects.filter(order=gift["order"]):
        fulfilment_cancel(fulfilment=fulfilment, reason="Người mua đổi ý")
    assert [StockRecord.objects.get(product=p).num_allocated for p in gift["products"]] == [
        0,
        0,
        0,
    ]


def test_a_producer_sees_its_part_and_the_message_escaped_never_another_producers(gift):
    noodles_maker, honey_maker, _oil_maker = gift["vendors"]
    client = _signed_in(gift["members"][noodles_maker])
    own = Fulfilment.objects.get(order=gift["order"], vendor=noodles_maker)
    other = Fulfilment.objects.get(order=gift["order"], vendor=honey_maker)

    page = client.get(f"/dashboard/producer/orders/{own.pk}/").content.decode()
    assert "Miến dong Bình Liêu 500g" in page
    assert "Mật ong" not in page and "Dầu sở" not in page
    assert "262.500" not in page and "328.125" not in page
    assert '<script>alert("x")</script>' not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page

    assert client.get(f"/dashboard/producer/orders/{other.pk}/").status_code == 404
    assert client.get(f"/gifts/parcels/{other.pk}/slip/").status_code == 404


def test_the_recipients_slip_shows_items_and_message_but_no_price(gift):
    noodles_maker = gift["vendors"][0]
    own = Fulfilment.objects.get(order=gift["order"], vendor=noodles_maker)
    page = _signed_in(gift["members"][noodles_maker]).get(f"/gifts/parcels/{own.pk}/slip/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Miến dong Bình Liêu 500g" in text and "Nguyễn Văn Bình" in text
    assert "&lt;script&gt;" in text and "<script>" not in text
    assert "&lt;b&gt;an khang&lt;/b&gt;" in text
    assert "₫" not in text and "159.375" not in text and "85.000" not in text
    assert re.search(r"0\d{3} \d{3} \d{3}", text)  # the phone as it is dialled in Vietnam


def test_the_slip_is_for_producers_only(gift):
    own = Fulfilment.objects.filter(order=gift["order"]).first()
    assert Client().get(f"/gifts/parcels/{own.pk}/slip/").status_code == 302
    assert _signed_in(UserFactory()).get(f"/gifts/parcels/{own.pk}/slip/").status_code == 403


def test_a_message_too_long_is_refused_and_nothing_is_kept(gift):
    client = Client()
    client.post(f"/basket/add/{gift['products'][0].pk}/", {"quantity": 1})
    response = client.post(
        "/gifts/message/", {"message": "x" * 301, "next": "/basket/"}, follow=True
    )
    assert "Keep the gift message to 300 characters" in response.content.decode() or (
        "300 ký tự" in response.content.decode()
    )
    assert not BasketGift.objects.filter(message__startswith="xxx").exists()


def test_a_message_far_too_long_is_refused_with_the_limit_it_keeps(gift):
    client = Client()
    client.post(f"/basket/add/{gift['products'][0].pk}/", {"quantity": 1})
    response = client.post(
        "/gifts/message/", {"message": "y" * 5000, "next": "/basket/"}, follow=True
    )
    page = response.content.decode()
    assert "Keep the gift message to 300 characters" in page or "300 ký tự" in page
    assert "600" not in page
    assert not BasketGift.objects.filter(message__startswith="yyy").exists()


def test_the_box_admin_page_explains_the_shares(gift):
    staff = UserFactory(is_staff=True, is_superuser=True)
    page = _signed_in(staff).get(f"/django-admin/gifts/giftbox/{gift['box'].pk}/change/")
    text = page.content.decode()
    assert page.status_code == 200
    for amount in ("159.375", "262.500", "328.125"):
        assert amount in text
    assert "HTX Ong mật Lục Hồn" in text


def test_staff_compose_a_box_in_the_admin_and_it_goes_on_sale(gift):
    noodles, honey, _oil = gift["products"]
    data = {
        "title": "Hộp quà Xuân",
        "description": "Miến và mật ong",
        "price": "300000",
        "packing_vendor": "",
        "is_public": "on",
        "items-TOTAL_FORMS": "2",
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        "items-0-product": str(noodles.pk),
        "items-0-quantity": "1",
        "items-1-product": str(honey.pk),
        "items-1-quantity": "1",
    }
    clerk = UserFactory(is_staff=True)
    assert _signed_in(clerk).post("/django-admin/gifts/giftbox/add/", data).status_code == 403
    assert not GiftBox.objects.filter(title="Hộp quà Xuân").exists()

    staff = UserFactory(is_staff=True, is_superuser=True)
    response = _signed_in(staff).post("/django-admin/gifts/giftbox/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    box = GiftBox.objects.get(title="Hộp quà Xuân")
    page = Client().get(box.product.get_absolute_url()).content.decode()
    assert "300.000" in page and noodles.title in page and honey.title in page


def test_a_box_of_a_platform_product_is_refused_in_the_admin(gift):
    platform_product = ProductFactory(title="Sổ tay OCOP")
    type(platform_product).objects.filter(pk=platform_product.pk).update(vendor=None)
    staff = UserFactory(is_staff=True, is_superuser=True)
    response = _signed_in(staff).post(
        "/django-admin/gifts/giftbox/add/",
        {
            "title": "Hộp lạ",
            "price": "300000",
            "items-TOTAL_FORMS": "1",
            "items-INITIAL_FORMS": "0",
            "items-MIN_NUM_FORMS": "0",
            "items-MAX_NUM_FORMS": "1000",
            "items-0-product": str(platform_product.pk),
            "items-0-quantity": "1",
        },
    )
    assert response.status_code == 200
    assert "a box holds producers" in response.content.decode() or "chỉ gồm sản phẩm" in (
        response.content.decode()
    )
    assert not GiftBox.objects.filter(title="Hộp lạ").exists()


def _ledger_of_order(vendor, order) -> dict[str, Decimal]:
    """What the producer's ledger page shows for the order, summed by kind."""
    kinds: dict[str, Decimal] = {}
    for entry in LedgerEntry.objects.filter(order=order, vendor=vendor):
        kinds[entry.kind] = kinds.get(entry.kind, Decimal("0")) + entry.amount
    return kinds


def test_a_packing_producer_sends_one_parcel_and_each_producer_is_paid_its_share(gift):
    noodles_maker, honey_maker, oil_maker = gift["vendors"]
    box = gift["box"]
    box.packing_vendor = noodles_maker
    box.save()
    order = _box_add_and_place(Client(), box, message="")
    parcels = list(Fulfilment.objects.filter(order=order))
    assert [parcel.vendor for parcel in parcels] == [noodles_maker]
    assert sorted(line.product.title for line in parcels[0].lines) == sorted(
        p.title for p in gift["products"]
    )
    # Each producer's ledger holds its own share and commission; the packer also the fee.
    shares = {s.vendor: s for s in gift_box_producer_shares(box=box)}
    for vendor in gift["vendors"]:
        fee = 20000 if vendor == noodles_maker else 0
        assert _ledger_of_order(vendor, order) == {
            LedgerEntry.Kind.SALE: shares[vendor].share + fee,
            LedgerEntry.Kind.COMMISSION: -shares[vendor].commission,
        }
    sales = LedgerEntry.objects.filter(order=order, kind=LedgerEntry.Kind.SALE)
    assert sum(entry.amount for entry in sales) == BOX_PRICE + 20000 == order.total_incl_tax
    # Honey at its own 8%, not at the packer's 10%.
    assert _ledger_of_order(honey_maker, order)[LedgerEntry.Kind.COMMISSION] == -21000

    # The honey maker reads on its ledger page who sends its goods, and no link to a
    # parcel that is not its own.
    page = _signed_in(gift["members"][honey_maker]).get("/dashboard/producer/ledger/")
    text = page.content.decode()
    assert page.status_code == 200
    assert order.number in text
    assert "HTX Miến dong Bình Liêu" in text
    assert f"/dashboard/producer/orders/{parcels[0].pk}/" not in text

    # The box's admin page says so, in the staff's language.
    staff = UserFactory(is_staff=True, is_superuser=True)
    admin = _signed_in(staff).get(f"/django-admin/gifts/giftbox/{box.pk}/change/")
    assert "sổ cái của chính chủ thể đó" in admin.content.decode()

    # Cancelling the one parcel reverses every producer's share and commission.
    fulfilment_cancel(fulfilment=parcels[0], reason="Hết hàng đóng hộp")
    for vendor in gift["vendors"]:
        kinds = _ledger_of_order(vendor, order)
        assert kinds[LedgerEntry.Kind.REVERSAL] == -(
            kinds[LedgerEntry.Kind.SALE] + kinds[LedgerEntry.Kind.COMMISSION]
        )
        assert sum(kinds.values()) == 0
    box.packing_vendor = None
    box.save()


def test_no_xss_payload_in_a_gift_message_runs_in_the_producers_pages(gift):
    from shop.gifts.models import OrderGift
    from tests.security.xss import PAYLOADS, active_content, chunks

    noodles_maker = gift["vendors"][0]
    own = Fulfilment.objects.get(order=gift["order"], vendor=noodles_maker)
    client = _signed_in(gift["members"][noodles_maker])
    for i, text in enumerate(chunks(PAYLOADS, size=280)):
        # Straight into the row, as an old row or an import would hold it.
        OrderGift.objects.filter(order=gift["order"]).update(message=f"XSSMARK{i:02d} {text}")
        for url in (f"/dashboard/producer/orders/{own.pk}/", f"/gifts/parcels/{own.pk}/slip/"):
            page = client.get(url).content.decode()
            assert f"XSSMARK{i:02d}" in page
            assert active_content(page) == [], (url, text)


def test_the_message_reaches_the_producers_and_the_buyers_mails_as_quoted_text(gift, mailoutbox):
    from shop.checkout.tasks import order_confirmation_send
    from vendors.tasks import notify_vendor_new_order

    order = gift["order"]
    honey_maker = gift["vendors"][1]
    parcel = Fulfilment.objects.get(order=order, vendor=honey_maker)
    assert notify_vendor_new_order(parcel.pk) is True
    assert order_confirmation_send(order.pk) is True
    to_producer, to_buyer = mailoutbox
    assert to_producer.to == [honey_maker.email]
    assert to_buyer.to == ["khach@example.vn"]
    # Plain text as the buyer wrote it (no HTML entities), each line quoted.
    assert f"> {MESSAGE}" in to_producer.body
    assert "Đơn hàng này là quà tặng" in to_producer.body
    assert f"> {MESSAGE}" in to_buyer.body
    assert "kèm lời nhắn của bạn" in to_buyer.body
    assert "&lt;" not in to_producer.body + to_buyer.body


def test_a_line_of_the_message_cannot_pass_for_the_mails_own_words(gift, mailoutbox):
    from shop.gifts.models import OrderGift
    from vendors.tasks import notify_vendor_new_order

    order = gift["order"]
    OrderGift.objects.filter(order=order).update(
        message="Chúc mừng!\nTrả tiền vào: https://lua-dao.example/"
    )
    oil_maker = gift["vendors"][2]
    parcel = Fulfilment.objects.get(order=order, vendor=oil_maker)
    assert notify_vendor_new_order(parcel.pk) is True
    body = mailoutbox[0].body
    assert "> Chúc mừng!\n> Trả tiền vào: https://lua-dao.example/" in body
    assert "\nTrả tiền vào" not in body


def test_an_order_without_a_message_says_nothing_of_a_gift_in_its_mails(gift, mailoutbox):
    from shop.checkout.tasks import order_confirmation_send
    from shop.gifts.models import OrderGift
    from vendors.tasks import notify_vendor_new_order

    order = gift["order"]
    OrderGift.objects.filter(order=order).delete()
    assert order_confirmation_send(order.pk) is True
    assert notify_vendor_new_order(order.fulfilments.first().pk) is True
    for message in mailoutbox:
        assert "quà tặng" not in message.body and "lời nhắn" not in message.body


def _box_basket(box: GiftBox):
    basket = basket_of((box.product, 1))
    assert basket.num_items == 1
    return basket


def _place_refused(basket) -> str:
    orders, allocated = (
        Order.objects.count(),
        list(StockRecord.objects.order_by("pk").values_list("num_allocated", flat=True)),
    )
    with pytest.raises(NoLongerSold) as refused:
        order_place(
            basket=basket,
            user=None,
            guest_email="khach@example.vn",
            shipping_address=address(),
            payment_method="cod",
            status="Awaiting delivery payment",
        )
    assert Order.objects.count() == orders
    assert (
        list(StockRecord.objects.order_by("pk").values_list("num_allocated", flat=True))
        == allocated
    )
    return refused.value.message


def test_a_box_whose_component_left_sale_after_the_basket_is_not_placed(gift):
    box = gift["box"]
    basket = _box_basket(box)
    honey = gift["products"][1]
    type(honey).objects.filter(pk=honey.pk).update(is_public=False)
    assert box.title in _place_refused(basket)


def test_a_box_whose_component_producer_is_suspended_is_not_placed(gift):
    box = gift["box"]
    basket = _box_basket(box)
    oil_maker = gift["vendors"][2]
    type(oil_maker).objects.filter(pk=oil_maker.pk).update(status="suspended")
    assert box.title in _place_refused(basket)


def test_a_box_emptied_after_the_basket_is_refused_not_a_server_error(gift):
    box = gift["box"]
    basket = _box_basket(box)
    GiftBoxItem.objects.filter(box=box).delete()
    assert box.title in _place_refused(basket)


def test_a_box_whose_packing_producer_is_suspended_is_not_sold(gift):
    box = gift["box"]
    basket = _box_basket(box)
    packer = VendorFactory(legal_name="HTX Đóng hộp quà")
    GiftBox.objects.filter(pk=box.pk).update(packing_vendor=packer)
    type(packer).objects.filter(pk=packer.pk).update(status="suspended")
    page = Client().get(box.product.get_absolute_url()).content.decode()
    assert "Add to basket" not in page and "Thêm vào giỏ" not in page
    assert box.title in _place_refused(basket)


def _admin_box_post(title: str, items: list[tuple[int, str]], **fields) -> str:
    staff = UserFactory(is_staff=True, is_superuser=True)
    data = {
        "title": title,
        "price": "300000",
        "items-TOTAL_FORMS": str(len(items)),
        "items-INITIAL_FORMS": "0",
        "items-MIN_NUM_FORMS": "0",
        "items-MAX_NUM_FORMS": "1000",
        **fields,
    }
    for index, (product_pk, quantity) in enumerate(items):
        data[f"items-{index}-product"] = str(product_pk)
        data[f"items-{index}-quantity"] = quantity
    response = _signed_in(staff).post("/django-admin/gifts/giftbox/add/", data)
    assert response.status_code == 200
    assert not GiftBox.objects.filter(title=title).exists()
    return response.content.decode()


def test_the_admin_refuses_a_product_of_a_suspended_producer(gift):
    noodles, honey, _oil = gift["products"]
    honey_maker = gift["vendors"][1]
    type(honey_maker).objects.filter(pk=honey_maker.pk).update(status="suspended")
    page = _admin_box_post("Hộp treo", [(noodles.pk, "1"), (honey.pk, "1")])
    assert "not an approved producer now" in page or "hiện không phải chủ thể" in page


def test_the_admin_refuses_a_suspended_packing_producer(gift):
    noodles = gift["products"][0]
    packer = VendorFactory(legal_name="HTX Đóng hộp bị treo")
    type(packer).objects.filter(pk=packer.pk).update(status="suspended")
    page = _admin_box_post("Hộp đóng treo", [(noodles.pk, "1")], packing_vendor=str(packer.pk))
    assert "choose another to pack the box" in page or "hãy chọn chủ thể khác" in page


def test_the_admin_refuses_a_quantity_of_zero_and_the_same_product_twice(gift):
    noodles, honey, _oil = gift["products"]
    page = _admin_box_post("Hộp số 0", [(noodles.pk, "0"), (honey.pk, "1")])
    assert "errorlist" in page
    page = _admin_box_post("Hộp trùng", [(noodles.pk, "1"), (noodles.pk, "2")])
    assert "errorlist" in page


def test_a_box_whose_component_lost_its_producer_is_refused_not_a_server_error(gift):
    box = gift["box"]
    basket = _box_basket(box)
    oil = gift["products"][2]
    type(oil).objects.filter(pk=oil.pk).update(vendor=None)
    assert box.title in _place_refused(basket)
