"""Wagtail's admin wears the shop's name, mark and colours, in Vietnamese by default."""

import pytest

pytestmark = pytest.mark.django_db


def test_the_admin_login_page_is_the_shops(client):
    page = client.get("/cms-admin/login/").content.decode()

    assert "Đăng nhập bàn biên tập Chợ OCOP" in page
    assert "<title>Đăng nhập - Bàn biên tập Chợ OCOP</title>" in page
    assert "img/logo-mark.svg" in page and "css/cms-admin.css" in page
    assert "Sign in to Wagtail" not in page and "Forgotten password?" not in page


def test_the_admin_login_page_reads_in_english_when_chosen(english):
    page = english.get("/cms-admin/login/").content.decode()

    assert "Sign in to the Chợ OCOP editorial desk" in page
