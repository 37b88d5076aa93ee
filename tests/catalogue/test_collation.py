"""Names sort in Vietnamese alphabetical order wherever places are listed."""

import pytest

from catalogue.text import vietnamese_sort_key, vietnamese_sorted
from shop.checkout.forms import ShippingAddressForm
from vendors.forms import ApplicationForm


def test_provinces_sort_by_the_vietnamese_alphabet():
    names = ["Đồng Tháp", "Cao Bằng", "Điện Biên", "Cà Mau", "An Giang", "Đà Nẵng", "Cần Thơ"]

    assert vietnamese_sorted(names) == [
        "An Giang",
        "Cà Mau",
        "Cao Bằng",
        "Cần Thơ",
        "Đà Nẵng",
        "Điện Biên",
        "Đồng Tháp",
    ]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Lai Châu", "Lạng Sơn"),  # letters before tones: "lai" < "lang"
        ("Lạng Sơn", "Lâm Đồng"),  # a < â
        ("Dương", "Đông"),  # d < đ
        ("Đông", "Em"),  # đ < e, not after z
        ("Hà", "Hả"),  # tones: huyền, hỏi, ngã, sắc, nặng
        ("Hả", "Hã"),
        ("Hã", "Há"),
        ("Há", "Hạ"),
        ("Ha", "Hà"),  # no tone first
        ("Ha Long", "Hai"),  # a space before a letter
        ("Quảng Ngãi", "Quảng Ninh"),
    ],
)
def test_the_order_between_two_names(first, second):
    assert vietnamese_sort_key(first) < vietnamese_sort_key(second)


def test_the_key_ignores_how_the_accents_were_typed():
    composed = "Điện Biên"
    decomposed = "Đie\u0323\u0302n Bie\u0302n"

    assert vietnamese_sort_key(composed)[:2] == vietnamese_sort_key(decomposed)[:2]


@pytest.mark.parametrize("form", [ShippingAddressForm, ApplicationForm])
def test_province_choices_are_in_vietnamese_order(db, form):
    labels = [label for value, label in form().fields["province"].choices if value]

    assert len(labels) == 34
    assert labels == vietnamese_sorted(labels)
    assert labels.index("Cà Mau") < labels.index("Cao Bằng") < labels.index("Đà Nẵng")
    assert labels.index("Đồng Tháp") < labels.index("Gia Lai")
