"""Baskets and addresses for the placement tests."""

from oscar.apps.basket.models import Basket
from oscar.apps.partner.strategy import Default

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
