"""Vietnamese delivery addresses: the country, phone numbers and the places of the July 2025
map (province, then commune), and an address of the checkout as the data placement takes."""

import re

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

Country = get_model("address", "Country")

PHONE_HELP = "0912345678, +84 912 345 678"


def country_vietnam() -> "Country":
    """Việt Nam, the one country the shop delivers to (made on first use)."""
    country, _created = Country.objects.get_or_create(
        iso_3166_1_a2="VN",
        defaults={
            "iso_3166_1_a3": "VNM",
            "iso_3166_1_numeric": "704",
            "printable_name": "Việt Nam",
            "name": "Cộng hòa Xã hội chủ nghĩa Việt Nam",
            "is_shipping_country": True,
        },
    )
    return country


def phone_normalise(value: str) -> str:
    """A Vietnamese phone number written as people write it (0912 345 678, +84 912.345.678,
    84912345678) in the international form +84912345678; ValidationError if it is not one."""
    digits = re.sub(r"[\s.\-()]", "", value or "")
    if digits.startswith("84") and not digits.startswith("+"):
        digits = "+" + digits
    message = _("Enter a Vietnamese phone number, e.g. %(example)s.") % {"example": PHONE_HELP}
    if not re.fullmatch(r"(\+84|0)\d{9,10}", digits):
        raise ValidationError(message, code="phone")
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException:
        raise ValidationError(message, code="phone") from None
    if number.country_code != 84 or not phonenumbers.is_valid_number(number):
        raise ValidationError(message, code="phone")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def address_data(address) -> dict | None:
    """An unsaved address of the checkout as plain JSON data, the form order_place takes and a
    card payment keeps until the order is placed (maybe later, by Stripe's webhook). None for
    no address."""
    if address is None:
        return None
    data = {}
    for field in address._meta.concrete_fields:
        if field.primary_key or field.name == "search_text":
            continue
        value = getattr(address, field.attname)
        data[field.attname] = value if value is None else str(value)
    return data
