"""The main pages answer in Vietnamese by default and in English through the switch."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CertificateFactory

pytestmark = pytest.mark.django_db


def test_home_page_is_the_wagtail_home_with_featured_products(vietnamese):
    product = CertificateFactory(stars=4).product

    page = vietnamese.get("/")

    assert page.status_code == 200
    text = page.content.decode()
    assert '<html lang="vi"' in text
    assert product.title in text


@pytest.mark.parametrize("url", ["/catalogue/", "/basket/", "/search/?q=mien"])
def test_shop_pages_answer_in_vietnamese(vietnamese, url):
    page = vietnamese.get(url)

    assert page.status_code == 200
    assert '<html lang="vi"' in page.content.decode()


def test_product_page_names_producer_and_place(vietnamese):
    product = CertificateFactory().product

    page = vietnamese.get(product.get_absolute_url())

    text = page.content.decode()
    assert page.status_code == 200
    assert product.vendor.legal_name in text
    assert "Bình Liêu" in text and "Quảng Ninh" in text


@pytest.mark.parametrize(
    ("url", "login"), [("/dashboard/", "/dashboard/login/"), ("/cms-admin/", "/cms-admin/login/")]
)
def test_back_offices_ask_anonymous_visitors_to_log_in(vietnamese, url, login):
    page = vietnamese.get(url, follow=True)

    assert page.status_code == 200
    assert page.redirect_chain[-1][0].startswith(login)


def test_django_admin_is_reachable_at_its_own_path(vietnamese):
    page = vietnamese.get("/django-admin/", follow=True)

    assert page.status_code == 200
    assert "/django-admin/login/" in page.redirect_chain[-1][0]


def test_language_switch_gives_english_and_keeps_the_page(client):
    page = client.post(reverse("set_language"), {"language": "en", "next": "/catalogue/"})

    assert page.status_code == 302
    assert page["Location"] == "/catalogue/"
    english_page = client.get("/catalogue/")
    assert '<html lang="en"' in english_page.content.decode()


def test_health_check_reports_the_database(client):
    answer = client.get("/healthz")

    assert answer.status_code == 200
    assert answer.json()["status"] == "ok" and answer.json()["database"] == "ok"


def test_staff_dashboard_lists_and_opens_ocop_products(client):
    from tests.factories import UserFactory

    product = CertificateFactory().product
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    listing = client.get("/dashboard/catalogue/")
    edit = client.get(f"/dashboard/catalogue/products/{product.pk}/")

    assert listing.status_code == 200 and product.title in listing.content.decode()
    assert edit.status_code == 200


def test_editor_reaches_the_wagtail_admin(client):
    from django.contrib.auth.models import Group, Permission

    from tests.factories import UserFactory

    editors, _ = Group.objects.get_or_create(name="Editors")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    editor = UserFactory()
    editor.groups.add(editors)
    client.force_login(editor)

    page = client.get("/cms-admin/")

    assert page.status_code == 200


def test_an_english_browser_still_gets_vietnamese_until_it_switches(client):
    page = client.get("/catalogue/", headers={"accept-language": "en-US,en;q=0.9"})

    assert '<html lang="vi"' in page.content.decode()
    assert page["Content-Language"] == "vi"


def test_a_readers_language_ends_with_their_request(english):
    # Work done later in the same thread (an eager task's mail) speaks the site's language,
    # not the last reader's.
    page = english.get("/catalogue/")

    assert '<html lang="en"' in page.content.decode()
    assert translation.get_language() == "vi"
