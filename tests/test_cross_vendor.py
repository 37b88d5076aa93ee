"""No producer reaches another producer's data: every dashboard and API URL that takes an id,
opened and posted to by one producer's member with the other producer's ids, answers 403 or
404 and changes nothing; list pages never show the other producer's records.

The other producer's rows get ids far above anything else in the test database, so an id in a
URL can only point at the other producer's row (or at nothing).
"""

import re

import pytest
from django.apps import apps
from django.core import serializers
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.factories import (
    CertificateFactory,
    ProductFactory,
    VendorFactory,
    placed_order,
    vendor_user,
)

pytestmark = pytest.mark.django_db

FOREIGN_ID = 900_001
PREFIXES = ("dashboard/", "api/")
# Models holding a producer's records, by "app_label.ModelName"; a model an app does not
# define (yet) is skipped from the snapshot.
RECORDS = [
    "catalogue.Product",
    "catalogue.ProductImage",
    "catalogue.OcopCertificate",
    "catalogue.Batch",
    "partner.StockRecord",
    "partner.Partner",
    "vendors.Vendor",
    "vendors.Fulfilment",
    "vendors.ParcelEvent",
    "vendors.LedgerEntry",
    "order.Order",
    "order.Line",
    "order.ShippingAddress",
]


def _patterns(resolver=None, prefix=""):
    """(route, pattern) for every URL pattern, with the route's converters kept."""
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        route = prefix + _route_of(entry)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def _route_of(entry) -> str:
    pattern = entry.pattern
    if hasattr(pattern, "_route"):
        return str(pattern._route)
    regex = str(pattern.regex.pattern).lstrip("^").rstrip("$").replace("\\Z", "")
    # Regex groups of Oscar's URLs: named digit groups become ids, others a placeholder.
    regex = re.sub(r"\(\?P<(\w+)>\\d\+\)", r"<int:\1>", regex)
    regex = re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<str:\1>", regex)
    return regex


def _urls_with_ids():
    for route, pattern in _patterns():
        if not route.startswith(PREFIXES) or "<int:" not in route:
            continue
        if "<str:" in route or "<slug:" in route or "<path:" in route:
            continue  # no id to forge: the producer can only name its own records there
        yield "/" + re.sub(r"<int:\w+>", str(FOREIGN_ID), route), pattern


def _snapshot():
    rows = {}
    for label in RECORDS:
        try:
            model = apps.get_model(label)
        except LookupError:
            continue
        rows[label] = serializers.serialize("json", model.objects.order_by("pk"))
    return rows


def _foreign_producer():
    """A producer whose every record carries the id FOREIGN_ID."""
    vendor = VendorFactory(pk=FOREIGN_ID, legal_name="Hợp tác xã Bí Mật Kín")
    product = ProductFactory(pk=FOREIGN_ID, vendor=vendor, title="Sản phẩm bí mật kín")
    product.stockrecords.update(id=FOREIGN_ID)
    CertificateFactory(pk=FOREIGN_ID, product=product, certificate_number="BIMAT-001")
    for builder in _EXTRA_BUILDERS:
        builder(vendor=vendor, product=product)
    return vendor


def _foreign_parcel(*, vendor, product):
    """An order of the other producer's product, its parcel (with its timeline) and ledger
    entries renumbered."""
    from vendors.models import Fulfilment, LedgerEntry, ParcelEvent

    order = placed_order([(product, 1)], email="nguoimua.bimat@example.vn")
    parcel = Fulfilment.objects.get(order=order, vendor=vendor)
    Fulfilment.objects.filter(pk=parcel.pk).update(id=FOREIGN_ID)
    LedgerEntry.objects.filter(fulfilment_id=parcel.pk).update(fulfilment_id=FOREIGN_ID)
    ParcelEvent.objects.filter(fulfilment_id=parcel.pk).update(fulfilment_id=FOREIGN_ID)
    first = LedgerEntry.objects.filter(vendor=vendor).order_by("pk").first()
    LedgerEntry.objects.filter(pk=first.pk).update(id=FOREIGN_ID)


def _foreign_batch(*, vendor, product):
    try:
        batch_model = apps.get_model("catalogue.Batch")
    except LookupError:
        return
    from datetime import date

    batch_model.objects.create(
        pk=FOREIGN_ID,
        product=product,
        number="LO-BIMAT-01",
        produced_on=date(2026, 9, 1),
        expires_on=date(2027, 9, 1),
    )


_EXTRA_BUILDERS = [_foreign_parcel, _foreign_batch]


@pytest.fixture
def intruder():
    own = ProductFactory(title="Miến dong của tôi")
    CertificateFactory(product=own)
    placed_order([(own, 2)])
    client = Client()
    client.force_login(vendor_user(own.vendor))
    return client


def test_a_producer_opens_no_url_with_another_producers_ids(intruder):
    _foreign_producer()
    before = _snapshot()
    walked = []

    for url, _pattern in _urls_with_ids():
        for method in ("get", "post"):
            response = getattr(intruder, method)(url)
            walked.append(url)
            location = response.get("Location", "")
            refused = response.status_code in (403, 404, 405) or (
                response.status_code == 302 and "login" in location
            )
            assert refused, f"{method.upper()} {url} answered {response.status_code} {location}"

    assert len(set(walked)) > 20  # the walk reached the dashboard, not an empty list
    assert _snapshot() == before


def test_no_list_page_shows_another_producers_records(intruder):
    _foreign_producer()

    for route, _pattern in _patterns():
        if not route.startswith("dashboard/") or "<" in route or "(" in route:
            continue
        response = intruder.get("/" + route)
        if response.status_code != 200:
            continue
        body = response.content.decode(errors="replace")
        for secret in ("Bí Mật Kín", "bí mật kín", "BIMAT-001", "nguoimua.bimat", "LO-BIMAT"):
            assert secret not in body, f"/{route} shows {secret}"
