"""The payment step as a buyer meets it: each way to pay explained, cash on delivery already
chosen, four steps in the progress bar, and a refused choice that changes nothing."""

import re

import pytest
from django.test import override_settings

from tests.factories import ProductFactory
from tests.html_forms import form_data
from tests.shop.checkout.helpers import address_form_data

pytestmark = pytest.mark.django_db


def _to_payment_step(client):
    product = ProductFactory(title="Miến dong Bình Liêu 500g", stock=("85000", 10))
    assert client.post(f"/basket/add/{product.pk}/", {"quantity": 1}).status_code == 302
    assert (
        client.post("/checkout/", {"username": "k@example.vn", "options": "anonymous"}).status_code
        == 302
    )
    assert client.post("/checkout/shipping-address/", address_form_data()).status_code == 302
    # The only shipping method passes straight on to the payment step.
    response = client.get("/checkout/shipping-method/", follow=True)
    assert response.redirect_chain[-1][0].endswith("/checkout/payment-method/")
    return response


def _text(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _steps(html: str) -> list[str]:
    bar = re.search(r'<nav class="ocop-steps".*?</nav>', html, re.S).group(0)
    return [_text(item) for item in re.findall(r"<li.*?</li>", bar, re.S)]


@override_settings(STRIPE_SECRET_KEY="sk_test_x", STRIPE_PUBLISHABLE_KEY="pk_test_x")
def test_each_way_to_pay_is_explained_and_cash_on_delivery_is_already_chosen(vietnamese):
    html = _to_payment_step(vietnamese).content.decode()
    text = _text(html)

    assert form_data(html, "payment_method_form")["method"] == "cod"
    assert "Thanh toán khi nhận hàng (COD) Được chọn nhiều nhất Trả tiền mặt cho người" in text
    assert "Chuyển khoản ngân hàng (VietQR) Quét mã QR bằng ứng dụng ngân hàng" in text
    assert "Thẻ Visa, Mastercard hoặc JCB, thanh toán ngay" in text
    # The usual habit comes first, the tourists' card last.
    assert (
        text.index("Thanh toán khi nhận hàng") < text.index("Chuyển khoản") < text.index("Thẻ Visa")
    )
    # The fieldset carries the question for screen readers; each card is its radio's label.
    assert '<legend class="sr-only">Bạn muốn thanh toán bằng cách nào?</legend>' in html
    for value in ("cod", "bank_transfer", "card"):
        radio_id = re.search(
            rf'<input type="radio" name="method" value="{value}"[^>]*id="([^"]+)"', html
        )
        assert radio_id and f'for="{radio_id.group(1)}"' in html, value


def test_the_progress_bar_has_four_steps_and_no_shipping_method(vietnamese):
    html = _to_payment_step(vietnamese).content.decode()

    assert _steps(html) == ["1 Địa chỉ", "2 Thanh toán", "3 Xem lại", "4 Hoàn tất"]
    assert re.search(
        r'is-current" aria-current="step">\s*<span class="ocop-steps__label">'
        r'<span class="ocop-steps__num" aria-hidden="true">2</span> Thanh toán',
        html,
    )


def test_the_progress_bar_in_english_on_the_preview_links_back_to_the_earlier_steps(client):
    client.cookies["django_language"] = "en"
    _to_payment_step(client)
    assert client.post("/checkout/payment-method/", {"method": "cod"}).status_code == 302

    html = client.get("/checkout/preview/").content.decode()

    assert _steps(html) == ["1 Address", "2 Payment", "3 Review", "4 Done"]
    assert 'href="/checkout/shipping-address/"' in html
    assert 'href="/checkout/payment-method/"' in html
    # Shipping is priced per producer: nothing links to a step that is always skipped.
    assert 'href="/checkout/shipping-method/"' not in html


@pytest.mark.parametrize("sent", [{}, {"method": "bitcoin"}, {"method": "card"}])
def test_a_missing_or_unknown_method_is_refused_and_the_choice_stays(vietnamese, sent):
    # No Stripe keys here: the card is not offered, so it is refused like any other unknown.
    _to_payment_step(vietnamese)

    response = vietnamese.post("/checkout/payment-method/", sent)

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    assert vietnamese.get("/checkout/preview/").status_code == 302
