"""The checkout's addresses: every page under /checkout/ comes from the checkout app alone, so
no page depends on which URLs are mounted first."""

from collections import Counter

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory
from django.urls import URLResolver, get_resolver, resolve
from django.urls.resolvers import RegexPattern

CHECKOUT_PAGES = {
    "/checkout/payment-method/": "payment-method",
    "/checkout/payment-details/": "payment-details",
    "/checkout/preview/": "preview",
    "/checkout/thank-you/": "thank-you",
    "/checkout/card/": "card",
    "/checkout/card/pay/": "card-pay",
    "/checkout/stripe/webhook/": "stripe-webhook",
}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        else:
            yield route


def test_no_path_under_checkout_is_answered_by_two_patterns():
    counts = Counter(r for r in _routes(get_resolver().url_patterns) if r.startswith("checkout/"))

    assert [route for route, count in counts.items() if count > 1] == []
    assert {f"/{route}" for route in counts} >= set(CHECKOUT_PAGES)


@pytest.mark.parametrize(("path", "name"), CHECKOUT_PAGES.items())
def test_each_payment_page_is_a_page_of_the_checkout(path, name):
    match = resolve(path)

    assert (match.namespace, match.url_name) == ("checkout", name)


def test_stripe_still_reaches_its_webhook_when_buyers_must_sign_in(settings):
    settings.OSCAR_ALLOW_ANON_CHECKOUT = False
    checkout = URLResolver(RegexPattern(r"^/checkout/"), apps.get_app_config("checkout").get_urls())

    def answer(method, path):
        request = getattr(RequestFactory(), method)(path)
        request.user = AnonymousUser()
        match = checkout.resolve(path)
        return match.func(request, *match.args, **match.kwargs)

    # The card page sends a visitor to sign in; Stripe's call is checked by its signature.
    assert answer("get", "/checkout/card/")["Location"].startswith(settings.LOGIN_URL)
    assert answer("post", "/checkout/stripe/webhook/").status_code in (400, 503)
