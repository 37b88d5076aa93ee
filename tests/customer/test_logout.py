"""Signing out takes a POST with the CSRF token: a link or an image elsewhere cannot."""

import pytest
from django.test import Client
from oscar.test.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_get_on_the_logout_address_leaves_the_user_signed_in(vietnamese):
    vietnamese.force_login(UserFactory())

    page = vietnamese.get("/accounts/logout/")

    assert page.status_code == 200
    assert 'method="post" action="/accounts/logout/"' in page.content.decode()
    assert "_auth_user_id" in vietnamese.session


def test_post_on_the_logout_address_signs_out(vietnamese):
    vietnamese.force_login(UserFactory())

    answer = vietnamese.post("/accounts/logout/")

    assert answer.status_code == 302
    assert "_auth_user_id" not in vietnamese.session


def test_a_logout_post_without_the_csrf_token_is_refused():
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(UserFactory())

    assert browser.post("/accounts/logout/").status_code == 403
    assert "_auth_user_id" in browser.session


def test_the_headers_logout_is_a_form_with_the_csrf_token(vietnamese):
    vietnamese.force_login(UserFactory())

    page = vietnamese.get("/catalogue/").content.decode()

    form = page[page.index('class="site-topbar__logout"') :]
    form = form[: form.index("</form>")]
    assert 'method="post" action="/accounts/logout/"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert 'href="/accounts/logout/"' not in page
