"""What a shopper reads in Vietnamese on the pages Oscar draws (basket, checkout, account,
product availability, pagination): a shop's own wording, never Oscar's machine-made catalogue
and never English."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from catalogue.models import Product
from catalogue.text import vietnamese_sorted
from tests.shop.checkout.helpers import checkout_to_payment

pytestmark = pytest.mark.django_db

# Oscar's own Vietnamese that read as machine translation, and English left untranslated.
MACHINE_MADE = [
    "Những vật phẩm để mua bây giờ",
    "thanh toán như là một khách vãn lai",
    "Nhận một lời nhắc nhở mật khẩu",
    "trước khi thoát",
    "trích dẫn chúng",
    "Trong kho (",
    "Your basket total is now",
    "has been added to your basket",
    "Page 1 of",
    # The staff dashboard's home.
    "Offers, vouchers",
    "Những hách hàng mới",
    "Latest Orders",
    "Your Store Statistics",
]


def _in_stock() -> Product:
    return Product.objects.filter(stockrecords__num_in_stock__gt=5).order_by("pk").first()


def _none_machine_made(text: str) -> list[str]:
    return [phrase for phrase in MACHINE_MADE if phrase in text]


def test_adding_to_the_basket_answers_in_vietnamese(demo_catalogue, vietnamese):
    product = _in_stock()

    page = vietnamese.post(f"/basket/add/{product.pk}/", {"quantity": 1}, follow=True)

    text = page.content.decode()
    assert f"Đã thêm <strong>{product.get_title()}</strong> vào giỏ hàng." in text
    assert re.search(r"Tổng giỏ hàng hiện là <strong>[\d.]+\s₫</strong>", text)
    assert "Xem giỏ hàng" in text and "Thanh toán ngay" in text
    assert _none_machine_made(text) == []


def test_the_basket_page_reads_like_a_vietnamese_shop(demo_catalogue, vietnamese):
    vietnamese.post(f"/basket/add/{_in_stock().pk}/", {"quantity": 2})

    text = vietnamese.get("/basket/").content.decode()

    assert "Sản phẩm trong giỏ" in text
    assert "Tiến hành thanh toán" in text
    assert _none_machine_made(text) == []


def test_the_checkout_asks_who_you_are_in_plain_vietnamese(demo_catalogue, vietnamese):
    vietnamese.post(f"/basket/add/{_in_stock().pk}/", {"quantity": 1})

    text = vietnamese.get("/checkout/", follow=True).content.decode()

    assert "Mua hàng không cần tài khoản" in text
    assert "Tạo tài khoản mới rồi thanh toán" in text
    assert "Quên mật khẩu?" in text
    assert _none_machine_made(text) == []


def test_the_thank_you_page_and_mail_speak_vietnamese(
    demo_catalogue, vietnamese, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        answer = checkout_to_payment(vietnamese, [(_in_stock(), 1)], method="cod")
    assert answer.status_code == 302

    text = vietnamese.get("/checkout/thank-you/").content.decode()

    assert "Đặt hàng thành công!" in text
    assert "Hãy ghi lại mã đơn hàng này" in text
    assert _none_machine_made(text) == []
    confirmation = [m for m in mail.outbox if m.to == ["khach@example.vn"]]
    assert len(confirmation) == 1
    assert _none_machine_made(confirmation[0].subject + confirmation[0].body) == []


def test_the_product_page_says_how_many_are_left(demo_catalogue, vietnamese):
    product = _in_stock()
    left = product.stockrecords.first().net_stock_level

    text = vietnamese.get(product.get_absolute_url()).content.decode()

    assert f"Còn hàng (còn {left})" in text
    assert _none_machine_made(text) == []


def test_the_catalogue_pages_in_vietnamese(demo_catalogue, vietnamese):
    text = vietnamese.get("/catalogue/").content.decode()

    assert "Trang 1/2" in text
    assert "trang sau" in text
    assert _none_machine_made(text) == []


def test_the_password_reset_page_in_vietnamese(db, vietnamese):
    text = vietnamese.get(reverse("password-reset")).content.decode()

    assert "Gửi email đặt lại mật khẩu" in text
    assert "Send reset email" not in text


def _province_filter(page: str) -> list[str]:
    start = page.index('id="ocop-facet-province"')
    provinces = page[start : page.index('<div class="ocop-facet">', start)]
    return re.findall(
        r'<a class="ocop-facet__option" href=[^>]*>([^<]+?)\s*<span class="ocop-facet__count">',
        provinces,
    )


def test_the_catalogue_lists_provinces_in_vietnamese_order(demo_catalogue, vietnamese):
    names = _province_filter(vietnamese.get("/catalogue/").content.decode())

    assert names == vietnamese_sorted(names)
    # Đ sorts after D, not after Z; â after a.
    assert names.index("Cần Thơ") < names.index("Điện Biên") < names.index("Hà Nội")
    assert names.index("Lạng Sơn") < names.index("Lâm Đồng")


def test_the_regions_page_lists_provinces_in_vietnamese_order(demo_catalogue, vietnamese):
    page = vietnamese.get("/regions/").content.decode()

    names = re.findall(r'region-card__name">([^<]+)<', page)
    assert names.index("Thành phố Cần Thơ") < names.index("Tỉnh Điện Biên")
    assert names.index("Tỉnh Điện Biên") < names.index("Thành phố Hà Nội")
    assert names.index("Tỉnh Lạng Sơn") < names.index("Tỉnh Lâm Đồng")


@pytest.mark.parametrize("url", ["/", "/stories/", "/regions/", "/regions/quang-ninh/"])
def test_the_editorial_pages_in_vietnamese(demo_catalogue, vietnamese, url):
    text = vietnamese.get(url).content.decode()

    assert '<html lang="vi"' in text
    assert _none_machine_made(text) == []


def test_the_add_to_basket_button_says_adding_in_vietnamese(demo_catalogue, vietnamese):
    text = vietnamese.get(_in_stock().get_absolute_url()).content.decode()

    # Not the voucher form's "applying", which Oscar's catalogue used for both.
    assert 'data-loading-text="Đang thêm…"' in text and "Đang áp dụng" not in text
    assert _none_machine_made(text) == []


def test_the_staff_dashboard_home_in_vietnamese(demo_catalogue, vietnamese):
    from tests.factories import UserFactory

    vietnamese.force_login(UserFactory(is_staff=True, is_superuser=True))

    text = vietnamese.get("/dashboard/").content.decode()

    assert "Ưu đãi và mã giảm giá" in text and "Khách hàng mới" in text
    assert _none_machine_made(text) == []
