"""The privacy policy page: in Vietnamese and in English, with the version in force, linked
from every page's footer, the sign-up form and the checkout."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_policy_reads_in_vietnamese_by_default_and_in_english_on_request(settings):
    vietnamese = Client().get("/privacy/")
    english = Client()
    english.cookies["django_language"] = "en"
    english = english.get("/privacy/")

    assert vietnamese.status_code == english.status_code == 200
    vi, en = vietnamese.content.decode(), english.content.decode()
    assert "Quyền của bạn" in vi and "Ai nhận được dữ liệu" in vi and "Your rights" not in vi
    assert "Your rights" in en and "Who receives it" in en and "Quyền của bạn" not in en
    for text in (vi, en):
        assert settings.PRIVACY_POLICY_VERSION in text
        assert settings.OCOP_CONTACT_EMAIL in text
        assert "Stripe" in text and "GHTK" in text
    # A public page: no cookie, so the page cache may keep it.
    assert not vietnamese.cookies


def test_every_page_links_to_the_policy_from_its_footer():
    page = Client().get("/catalogue/").content.decode()

    footer = page[page.index('<footer class="site-footer') :]
    assert 'href="/privacy/"' in footer
