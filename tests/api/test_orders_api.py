"""/api/v1/orders/: a signed-in buyer reads their own orders and each parcel's carrier,
tracking number and timeline; nobody else's, and nothing without signing in."""

from types import SimpleNamespace

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order
from vendors.fulfilment import fulfilment_mark_packed, fulfilment_mark_shipped
from vendors.models import Fulfilment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture(scope="module")
def orders(django_db_setup, django_db_blocker):
    """A buyer's order of two producers, one parcel shipped with GHN; another buyer's order."""
    with django_db_blocker.unblock(), transaction.atomic():
        buyer = UserFactory(email="lan@example.vn")
        other = UserFactory(email="hoa@example.vn")
        noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
        honey = VendorFactory(legal_name="HTX Mật ong Điện Biên")
        noodle = ProductFactory(vendor=noodles, title="Miến dong đặc biệt", stock=(85000, 20))
        jar = ProductFactory(vendor=honey, title="Mật ong hoa ban", stock=(250000, 20))
        mine = placed_order([(noodle, 2), (jar, 1)], email=buyer.email, user=buyer)
        theirs = placed_order([(jar, 1)], email=other.email, user=other)
        shipped = Fulfilment.objects.get(order=mine, vendor=noodles)
        fulfilment_mark_packed(fulfilment=shipped)
        fulfilment_mark_shipped(fulfilment=shipped, carrier="ghn", tracking_code="GHN 8123 4567")
        yield SimpleNamespace(
            buyer=buyer, other=other, mine=str(mine.number), theirs=str(theirs.number)
        )
        transaction.set_rollback(True)


def test_a_buyer_lists_only_their_own_orders(client, orders):
    client.force_login(orders.buyer)

    answer = client.get("/api/v1/orders/")

    assert answer.status_code == 200
    assert "no-store" in answer["Cache-Control"]
    data = answer.json()
    assert [order["number"] for order in data["results"]] == [orders.mine]
    assert data["count"] == 1
    assert data["results"][0]["url"].endswith(f"/api/v1/orders/{orders.mine}/")


def test_a_buyer_follows_each_parcel_with_its_carrier_number_and_timeline(client, orders):
    client.force_login(orders.buyer)

    data = client.get(f"/api/v1/orders/{orders.mine}/").json()

    parcels = {parcel["producer"]: parcel for parcel in data["parcels"]}
    shipped = parcels["HTX Miến dong Bình Liêu"]
    assert (shipped["status"], shipped["carrier"], shipped["tracking_code"]) == (
        "shipped",
        "GHN (Giao Hàng Nhanh)",
        "GHN81234567",
    )
    assert shipped["tracking_url"].startswith("https://")
    assert "GHN81234567" in shipped["tracking_url"]
    steps = [(step["step"], step["done"]) for step in shipped["timeline"]]
    assert steps == [("placed", True), ("packed", True), ("shipped", True), ("delivered", False)]
    assert shipped["timeline"][2]["tracking_code"] == "GHN81234567"
    assert shipped["timeline"][3]["at"] is None
    waiting = parcels["HTX Mật ong Điện Biên"]
    assert (waiting["status"], waiting["carrier"], waiting["tracking_code"]) == ("new", "", "")


def test_an_order_of_two_parcels_costs_the_queries_of_an_order_of_one(client, orders):
    # Parcels, their events and lines are read in one query each, whatever the order holds.
    def queries(user, number):
        client.force_login(user)
        client.get(f"/api/v1/orders/{number}/")  # the session and caches warmed
        with CaptureQueriesContext(connection) as captured:
            answer = client.get(f"/api/v1/orders/{number}/")
        assert answer.status_code == 200
        return len(captured)

    one_parcel = queries(orders.other, orders.theirs)
    two_parcels = queries(orders.buyer, orders.mine)

    assert two_parcels == one_parcel


@pytest.mark.parametrize("number", ["theirs", "999999", "x" * 129, "%00", "1 OR 1=1"])
def test_another_buyers_or_a_made_up_number_answers_404(client, orders, number):
    client.force_login(orders.buyer)
    number = orders.theirs if number == "theirs" else number

    answer = client.get(f"/api/v1/orders/{number}/")

    assert answer.status_code == 404
    assert "Mật ong" not in answer.content.decode()
    assert "parcels" not in answer.json()


def test_without_signing_in_no_order_is_shown(client, orders):
    for path in ("/api/v1/orders/", f"/api/v1/orders/{orders.mine}/"):
        answer = client.get(path)

        assert answer.status_code == 403
        assert orders.mine not in answer.content.decode()
    # A partner's key is not a buyer: it opens no order either.
    assert client.get("/api/v1/orders/", {"key": "pk_test"}).status_code == 403


def test_the_orders_are_in_the_api_schema(client):
    schema = client.get("/api/v1/schema/", HTTP_ACCEPT="application/json").content.decode()

    assert "/api/v1/orders/{id}/" in schema or "/api/v1/orders/{number}/" in schema
    assert "tracking_code" in schema
