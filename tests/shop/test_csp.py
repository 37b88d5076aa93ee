"""Content-Security-Policy: every HTML page carries one that allows no inline script but the
request's nonce; /embed/ keeps its partner's frame-ancestors; violation reports are logged."""

import json
import logging
import re

import pytest
from django.urls import reverse

from catalogue.models import TraceCode
from tests.factories import (
    BatchFactory,
    CertificateFactory,
    UserFactory,
    vendor_user,
)
from tests.shop.checkout.helpers import address_form_data, checkout_to_payment
from tests.tourism.factories import WidgetFactory

pytestmark = pytest.mark.django_db


def policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    directives = {}
    for part in header.split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


def assert_strict(response, *, frame_ancestors=("'none'",)):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("text/html")
    rules = policy(response)
    scripts = rules["script-src"]
    assert "'unsafe-inline'" not in scripts and "'unsafe-eval'" not in scripts
    assert "'self'" in scripts
    nonces = [source for source in scripts if source.startswith("'nonce-")]
    assert len(nonces) <= 1  # a page with no inline script never asks for one
    assert rules["object-src"] == ["'none'"]
    assert rules["base-uri"] == ["'self'"]
    assert rules["frame-ancestors"] == list(frame_ancestors)
    assert rules["report-uri"] == ["/csp-report/"]
    # Every script element of the page is either from a file or carries this request's nonce.
    html = response.content.decode()
    nonce = nonces[0][len("'nonce-") : -1] if nonces else "(none)"
    for chunk in html.split("<script")[1:]:
        tag = chunk.split(">", 1)[0]
        assert "src=" in tag or f'nonce="{nonce}"' in tag, tag
    # A nonce does not cover event-handler attributes or javascript: links.
    assert not re.search(r"<[^>]*\son[a-z]+\s*=", html), re.search(r"<[^>]*\son[a-z]+=.{40}", html)
    assert "javascript:" not in html
    return rules


@pytest.fixture
def shop_data(db):
    from cms.services import home_page_ensure, section_pages_ensure

    home = home_page_ensure()
    section_pages_ensure(home=home)
    product = CertificateFactory(stars=4).product
    batch = BatchFactory(product=product)
    return {"product": product, "batch": batch, "home": home}


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/catalogue/",
        "/search/?q=mien",
        "/basket/",
        "/accounts/login/",
        "/sell/",
        "/partners/join/",
        "/stories/",
        "/regions/",
        "/trace/",
    ],
)
def test_public_pages_carry_a_policy_without_inline_scripts(client, shop_data, url):
    assert_strict(client.get(url))


def test_product_producer_and_trace_pages_carry_the_policy(client, shop_data):
    product = shop_data["product"]
    code = TraceCode.objects.get(batch=shop_data["batch"]).code

    for url in (product.get_absolute_url(), f"/vendors/{product.vendor.slug}/", f"/trace/{code}/"):
        assert_strict(client.get(url))


def test_checkout_steps_and_account_pages_carry_the_policy(client, shop_data):
    from tests.factories import vietnam_ensure

    vietnam_ensure()
    buyer = UserFactory()
    client.force_login(buyer)
    client.post(f"/basket/add/{shop_data['product'].pk}/", {"quantity": 1})
    assert_strict(client.get("/basket/"))
    assert_strict(client.get("/checkout/shipping-address/"))
    client.post("/checkout/shipping-address/", address_form_data())
    assert_strict(client.get("/checkout/shipping-method/", follow=True))
    client.post("/checkout/payment-method/", {"method": "cod"})
    assert_strict(client.get("/checkout/preview/"))
    for url in ("/accounts/profile/", "/accounts/orders/", "/accounts/addresses/"):
        assert_strict(client.get(url))


def test_dashboards_and_cms_admin_carry_the_policy(client, shop_data):
    product = shop_data["product"]
    client.force_login(vendor_user(product.vendor))
    assert_strict(client.get("/dashboard/"))
    assert_strict(client.get("/dashboard/producer/orders/"))
    assert_strict(client.get(f"/dashboard/catalogue/products/{product.pk}/"))

    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert_strict(client.get("/dashboard/"))
    assert_strict(client.get("/dashboard/catalogue/"))
    assert_strict(client.get("/dashboard/catalogue/product-type/create/"))
    assert_strict(client.get("/django-admin/"))


def test_wagtail_admin_has_its_own_script_rule_but_its_previews_keep_the_strict_one(
    client, shop_data
):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    home = shop_data["home"]

    admin = policy(client.get("/cms-admin/"))
    preview = policy(client.get(f"/cms-admin/pages/{home.pk}/edit/preview/"))
    draft = policy(client.get(f"/cms-admin/pages/{home.pk}/view_draft/"))

    # Wagtail writes inline scripts without a nonce (docs/decisions.md); nothing else loosens.
    assert admin["script-src"] == ["'self'", "'unsafe-inline'"]
    assert admin["object-src"] == ["'none'"] and admin["base-uri"] == ["'self'"]
    # The preview panel frames the page being edited from the admin itself.
    assert admin["frame-ancestors"] == ["'self'"]
    for rules in (preview, draft):
        assert "'unsafe-inline'" not in rules["script-src"]
        assert rules["frame-ancestors"] == ["'self'"]


def test_embed_keeps_the_policy_with_the_partners_frame_ancestors(client, shop_data):
    widget = WidgetFactory(product_ids=[shop_data["product"].pk])

    response = client.get(
        f"/embed/w/{widget.pk}/",
        {"key": widget.partner.publishable_key, "fid": "ocopw1-abc"},
        HTTP_REFERER="https://khachsan.example/phong/",
    )

    rules = assert_strict(
        response, frame_ancestors=("'self'", "khachsan.example", "*.dulich.example")
    )
    assert "X-Frame-Options" not in response
    assert any(source.startswith("'nonce-") for source in rules["style-src"])
    assert "parent.postMessage" in response.content.decode()


def test_card_page_alone_allows_stripe_js_from_the_configured_origin(
    client, shop_data, stripe_settings, localstripe_url
):
    from tests.factories import vietnam_ensure

    vietnam_ensure()
    checkout_to_payment(client, [(shop_data["product"], 1)], method="card")

    card = assert_strict(client.get("/checkout/card/"))
    preview = assert_strict(client.get("/checkout/preview/"))

    assert localstripe_url in card["script-src"] and localstripe_url in card["frame-src"]
    assert localstripe_url not in preview["script-src"]


def test_stripe_sources_for_real_stripe_cover_its_api_and_3d_secure_frames(settings):
    from shop.checkout.views import stripe_csp_sources

    settings.STRIPE_JS_URL = "https://js.stripe.com/v3/"

    sources = stripe_csp_sources()

    assert sources["script-src"] == ["https://js.stripe.com"]
    assert "https://api.stripe.com" in sources["connect-src"]
    assert "https://hooks.stripe.com" in sources["frame-src"]


REPORT = {
    "csp-report": {
        "document-uri": "https://cho-ocop.vn/catalogue/",
        "violated-directive": "script-src-elem",
        "effective-directive": "script-src-elem",
        "blocked-uri": "https://evil.example/x.js",
        "line-number": 12,
    }
}


def test_a_violation_report_is_logged_and_answered_204(client, caplog):
    with caplog.at_level(logging.WARNING, logger="shop.csp"):
        response = client.post(
            reverse("csp-report"), json.dumps(REPORT), content_type="application/csp-report"
        )

    assert response.status_code == 204
    assert "https://evil.example/x.js" in caplog.text
    assert "script-src-elem" in caplog.text


def test_a_reporting_api_batch_is_logged_too(client, caplog):
    batch = [
        {
            "type": "csp-violation",
            "body": {"documentURL": "https://cho-ocop.vn/", "blockedURL": "inline"},
        }
    ]
    with caplog.at_level(logging.WARNING, logger="shop.csp"):
        response = client.post(
            reverse("csp-report"), json.dumps(batch), content_type="application/reports+json"
        )

    assert response.status_code == 204
    assert "blocked-uri=inline" in caplog.text


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"\xff\xfe\x00", b"[1, 2, 3]", b'{"csp-report": "x"}', b"[" * 5000],
)
def test_junk_sent_to_the_report_view_gets_400_not_500(client, body):
    response = client.post(reverse("csp-report"), body, content_type="application/csp-report")

    assert response.status_code == 400


def test_an_oversized_report_is_refused_and_get_is_not_allowed(client):
    huge = json.dumps({"csp-report": {"blocked-uri": "x" * 20000}})

    assert (
        client.post(reverse("csp-report"), huge, content_type="application/json").status_code == 413
    )
    assert client.get(reverse("csp-report")).status_code == 405
