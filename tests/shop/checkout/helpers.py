"""Baskets, addresses and the checkout walk shared by the checkout, payment and partner tests."""

from oscar.apps.partner.strategy import Default

from shop.basket.models import Basket
from tests.factories import commune


def basket_of(*items) -> Basket:
    """An open basket holding (product, quantity) pairs, priced by the default strategy."""
    basket = Basket.objects.create()
    basket.strategy = Default()
    for product, quantity in items:
        basket.add_product(product, quantity)
    return basket


def address(**fields) -> dict:
    place = commune("Hà Nội", "Hoàn Kiếm")
    return {
        "first_name": "Trần Thị Lan",
        "line1": "12 Phố Hàng Bạc",
        "commune": place.pk,
        "phone_number": "+84912345678",
        **fields,
    }


def address_form_data(**fields) -> dict:
    """What a buyer types into the checkout's address form."""
    place = commune("Hà Nội", "Hoàn Kiếm")
    return {
        "first_name": "Trần Thị Lan",
        "phone_number": "0912 345 678",
        "line1": "12 Phố Hàng Bạc",
        "province": place.province_id,
        "commune": place.pk,
        **fields,
    }


def checkout_to_payment(client, products, *, method: str, email: str = "khach@example.vn"):
    """Walk Oscar's checkout as a guest: basket, e-mail, address, shipping and the payment
    method chosen; returns the answer to "Place order" on the preview."""
    for product, quantity in products:
        response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
        assert response.status_code == 302
    response = client.post("/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 302, response.content.decode()[:2000]
    response = client.post("/checkout/shipping-address/", address_form_data())
    assert response.status_code == 302, response.content.decode()[:3000]
    # One shipping method: the page passes straight on.
    assert client.get("/checkout/shipping-method/", follow=True).status_code == 200
    response = client.post("/checkout/payment-method/", {"method": method})
    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/preview/")
    assert client.get("/checkout/preview/").status_code == 200
    return client.post("/checkout/preview/", {"action": "place_order", "privacy_consent": "on"})
