"""Chromium walks the main pages of each kind of visitor (shopper, producer, editor) under the
site's Content-Security-Policy: no violation and no JavaScript dialog anywhere (the `browser`
fixture fails the test on either)."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from catalogue.models import Category, TraceCode
from cms.services import EDITORS, editorial_groups_ensure, home_page_ensure, section_pages_ensure
from tests.e2e.checkout_steps import (
    address_fill,
    address_submit,
    checkout_as_guest,
    payment_choose,
)
from tests.factories import (
    BatchFactory,
    CertificateFactory,
    UserFactory,
    vendor_user,
    vietnam_ensure,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _signed_in(browser, base, user):
    """A browser context with `user`'s session, without going through a login form."""
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": base}]
    )
    return context.new_page()


def _visit(page, url):
    response = page.goto(url)
    assert response.status < 400, (url, response.status)
    # The policy is what the browser enforced: a page without one would pass for nothing.
    policy = response.all_headers().get("content-security-policy", "")
    script_rule = next((d for d in policy.split(";") if d.split()[:1] == ["script-src"]), "")
    assert "'self'" in script_rule, (url, policy)
    if "/cms-admin/" not in url:
        assert "'unsafe-inline'" not in script_rule, (url, policy)
    page.wait_for_load_state("load")
    # Deferred scripts and late requests (the commune list, thumbnails) get their moment.
    page.wait_for_timeout(300)


def test_main_pages_run_under_the_policy_without_violations_or_dialogs(
    live_server, browser, page, site_data
):
    base = live_server.url
    vietnam_ensure()
    home = home_page_ensure()
    section_pages_ensure(home=home)
    editorial_groups_ensure(home=home)
    product = CertificateFactory(stars=4).product
    product.categories.add(Category.objects.get(ocop_code="I.2.b"))
    batch = BatchFactory(product=product)
    code = TraceCode.objects.get(batch=batch).code
    producer = vendor_user(product.vendor)
    editor = UserFactory(username="bientap")
    editor.groups.add(Group.objects.get(name=EDITORS))

    # A shopper browses, fills the basket and walks the checkout to the preview.
    for url in (
        "/",
        "/catalogue/",
        "/search/?q=mien",
        product.get_absolute_url(),
        f"/vendors/{product.vendor.slug}/",
        "/stories/",
        "/regions/",
        f"/trace/{code}/",
        "/sell/",
        "/partners/join/",
        "/accounts/login/",
    ):
        _visit(page, base + url)
    _visit(page, base + product.get_absolute_url())
    page.locator("#add_to_basket_form [type=submit]").click()
    page.wait_for_load_state()
    _visit(page, f"{base}/basket/")
    _visit(page, f"{base}/checkout/")
    checkout_as_guest(page, base, "khach@example.vn", opened=True)
    address_fill(page)
    address_submit(page)
    _visit(page, f"{base}/checkout/payment-method/")
    payment_choose(page, "cod")
    # The search page's sort box submits itself (it used an onchange attribute before).
    _visit(page, f"{base}/catalogue/")
    if page.locator("#ocop-sort").count():
        with page.expect_navigation():
            page.locator("#ocop-sort").select_option(index=1)

    # The producer's dashboard, including the product form with its image widget.
    desk = _signed_in(browser, base, producer)
    for url in (
        "/dashboard/",
        "/dashboard/producer/orders/",
        "/dashboard/producer/ledger/",
        "/dashboard/producer/shipping/",
        "/dashboard/producer/batches/",
        "/dashboard/producer/labels/",
        "/dashboard/producer/certificates/",
        "/dashboard/catalogue/",
        f"/dashboard/catalogue/products/{product.pk}/",
    ):
        _visit(desk, base + url)

    # An editor in Wagtail's admin: the home, the page tree and a page's edit form.
    cms = _signed_in(browser, base, editor)
    for url in ("/cms-admin/", f"/cms-admin/pages/{home.pk}/", f"/cms-admin/pages/{home.pk}/edit/"):
        _visit(cms, base + url)
    # Closed here, before the database is emptied: the editor page pings Wagtail while open.
    browser.close_contexts()
