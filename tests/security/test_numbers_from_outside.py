"""Numbers and text from outside that once made 500s: each now gets a 4xx or is ignored."""

import pytest
from django.test import Client

from catalogue.numbers import id_parse, number_parse
from tests.factories import ProductFactory, vendor_user
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize(
    "value",
    ["²", "١٢", "１２", " 12", "1_0", "+1", "-1", "1e9", "12\n", "1\x00", "", "9" * 20, 2**63],
)
def test_the_parser_refuses_anything_but_ascii_digits_within_64_bits(value):
    assert id_parse(value) is None


def test_the_parser_reads_plain_numbers_within_bounds():
    assert id_parse("42") == 42
    assert id_parse(2**63 - 1) == 2**63 - 1
    assert number_parse("0") == 0
    assert number_parse("6", high=5) is None


@pytest.mark.parametrize("province", ["²", "١٢", "99999999999999999999"])
def test_commune_list_answers_400_to_a_province_that_is_not_a_number(client, province):
    answer = client.get("/sell/communes/", {"province": province})

    assert answer.status_code == 400
    assert answer.json()["error"] == "Hãy chọn tỉnh, thành phố."


def test_application_form_with_an_odd_province_shows_the_form_again(client):
    answer = client.post("/sell/", {"province": "²", "legal_name": "Hợp tác xã"})

    assert answer.status_code == 200


def test_a_widget_click_with_an_odd_widget_number_still_shows_the_page(client):
    partner = TourismPartnerFactory()

    answer = client.get("/search/", {"ref": partner.ref, "w": "²"})

    assert answer.status_code == 200


def test_widget_form_refuses_product_numbers_in_other_scripts(client):
    member = vendor_user()
    TourismPartnerFactory(members=[member])
    client.force_login(member)

    answer = client.post(
        "/partners/widgets/new/",
        {"name": "Quầy lễ tân", "source": "products", "products": "²", "count": "4"},
    )

    assert answer.status_code == 400
    assert "Hãy ghi mã số sản phẩm, cách nhau bằng dấu phẩy." in answer.content.decode()


def test_a_widget_storing_odd_product_numbers_still_shows(client):
    product = ProductFactory()
    widget = WidgetFactory(product_ids=["²", str(product.pk), "9" * 20])

    answer = client.get(f"/embed/w/{widget.pk}/", {"key": widget.partner.publishable_key})

    assert answer.status_code == 200
    assert product.title in answer.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/wishlists/create/with-product/99999999999999999999/",
        "/catalogue/mat-ong_99999999999999999999/reviews/",
        "/dashboard/producers/99999999999999999999/",
        "/embed/w/99999999999999999999/",
    ],
)
def test_a_twenty_digit_id_in_any_path_is_a_404(client, path):
    member = vendor_user()
    client.force_login(member)

    assert client.get(path).status_code == 404


def test_a_nul_byte_in_the_query_is_refused_with_400(client):
    answer = client.get("/search/", {"q": "mật\x00ong"})

    assert answer.status_code == 400
    assert "ký tự không được phép" in answer.content.decode()


def test_a_certificate_count_past_the_limit_builds_no_thousand_forms(client):
    answer = client.post(
        "/sell/",
        {"certificates-TOTAL_FORMS": "99999999999999999999", "certificates-INITIAL_FORMS": "0"},
    )

    assert answer.status_code == 200
    assert answer.content.decode().count('name="certificates-') < 200
