"""Every dashboard page is reached through Oscar's dashboard app: shop/urls.py mounts nothing
beside it, no page is hidden behind another one's path, each of ours is guarded by its app's
permissions, and the menu offers a page only to whom it admits."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from oscar.apps.dashboard.menu import get_nodes

from shop import urls as shop_urls
from tests.factories import UserFactory, vendor_user

pytestmark = pytest.mark.django_db

# Our dashboard apps.
OUR_APPS = (
    "vendors.dashboard",
    "catalogue.dashboard",
    "shop.payments.",
    "shop.shipping.",
    "shop.tourism.",
    "shop.offer.",
)


def _dashboard_pages(resolver=None, prefix="", namespace=""):
    """(path with ids filled in, full URL name, view module) of every named dashboard page."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _dashboard_pages(entry, route, inner)
        elif isinstance(entry, URLPattern) and entry.name and namespace.startswith("dashboard:"):
            if not route.startswith("dashboard/") or "(?P" in route or "^" in route:
                continue  # Oscar's few regular-expression routes are left out
            path = "/" + re.sub(r"<(int:)?\w+>", "1", route)
            yield path, namespace + entry.name, entry.lookup_str


def test_shop_urls_mounts_nothing_under_dashboard():
    routes = [str(entry.pattern) for entry in shop_urls.urlpatterns]

    assert not [route for route in routes if route.startswith("dashboard")]
    assert reverse("dashboard:producer-orders") == "/dashboard/producer/orders/"


def test_no_dashboard_page_is_answered_by_another_pages_path():
    pages = list(_dashboard_pages())

    shadowed = [(path, name) for path, name, _ in pages if resolve(path).view_name != name]

    assert len(pages) > 100  # Oscar's pages and ours
    assert shadowed == []


def test_every_dashboard_page_of_ours_asks_an_anonymous_visitor_to_sign_in():
    ours = [(path, name) for path, name, where in _dashboard_pages() if where.startswith(OUR_APPS)]

    answers = {name: Client().get(path) for path, name in ours}

    assert len(ours) > 30
    refused = [
        name
        for name, answer in answers.items()
        if answer.status_code != 302 or not answer["Location"].startswith("/dashboard/login/")
    ]
    assert refused == []


def test_a_producers_member_sees_its_own_pages_in_the_menu_and_no_staff_page():
    client = Client()
    client.force_login(vendor_user())

    menu = client.get(reverse("dashboard:index")).content.decode()

    for name in ("producer-orders", "producer-ledger", "producer-shipping", "producer-labels"):
        assert f'href="{reverse("dashboard:" + name)}"' in menu
    for name in ("producer-review-list", "staff-payouts", "payments-transfers"):
        assert f'href="{reverse("dashboard:" + name)}"' not in menu


def test_staff_see_the_staff_pages_and_no_producer_page_they_could_not_open():
    superuser = UserFactory(is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)

    menu = client.get(reverse("dashboard:index")).content.decode()

    for name in ("producer-review-list", "staff-payouts", "payments-transfers"):
        assert f'href="{reverse("dashboard:" + name)}"' in menu
    assert f'href="{reverse("dashboard:tourism-partner-list")}"' in menu
    # A superuser holds every permission but belongs to no producer: its pages refuse them.
    assert f'href="{reverse("dashboard:producer-orders")}"' not in menu
    assert client.get(reverse("dashboard:producer-orders")).status_code == 403


def test_a_producers_member_is_refused_the_staff_pages():
    client = Client()
    client.force_login(vendor_user())

    for name in ("producer-review-list", "staff-payouts", "payments-transfers"):
        assert client.get(reverse("dashboard:" + name)).status_code == 403
    assert client.get(reverse("dashboard:tourism-partner-list")).status_code == 403


def test_the_menu_asks_once_which_producer_a_person_belongs_to():
    """The menu is drawn on every dashboard page: its six producer's pages share one answer."""
    member = vendor_user()

    with CaptureQueriesContext(connection) as queries:
        labels = [child.label for node in get_nodes(member) for child in node.children]

    assert "Ledger" in labels or "Sổ cái" in labels
    assert len([q for q in queries if 'FROM "vendors_vendor"' in q["sql"]]) == 1
