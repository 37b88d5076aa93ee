"""Walking the checkout up to the payment, as a guest, with the test client."""

from oscar.core.loading import get_model

from tests.shop.checkout.helpers import address_form_data

Country = get_model("address", "Country")


def vietnam_ensure():
    return Country.objects.update_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Việt Nam",
            "is_shipping_country": True,
        },
    )[0]


def checkout_to_payment(client, products, *, method: str, email: str = "khach@example.vn"):
    """Basket, guest e-mail, address, shipping and the payment method chosen; returns the
    answer to "Place order" on the preview."""
    for product, quantity in products:
        response = client.post(f"/basket/add/{product.pk}/", {"quantity": quantity})
        assert response.status_code == 302
    response = client.post("/checkout/", {"username": email, "options": "anonymous"})
    assert response.status_code == 302
    response = client.post("/checkout/shipping-address/", address_form_data())
    assert response.status_code == 302, response.content.decode()[:2000]
    assert client.get("/checkout/shipping-method/", follow=True).status_code == 200
    response = client.post("/checkout/payment-method/", {"method": method})
    assert response.status_code == 302
    assert response["Location"].endswith("/checkout/preview/")
    assert client.get("/checkout/preview/").status_code == 200
    return client.post("/checkout/preview/", {"action": "place_order"})
