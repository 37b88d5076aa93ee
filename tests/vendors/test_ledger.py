"""The producer's ledger: what it sold, the commission, payouts and the balance owed; its CSV;
payouts recorded by staff."""

import csv
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from freezegun import freeze_time

from tests.factories import ProductFactory, UserFactory, VendorFactory, placed_order, vendor_user
from vendors.fulfilment import fulfilment_cancel, payout_record
from vendors.fulfilment_selectors import ledger_summary
from vendors.models import Fulfilment, LedgerEntry


@pytest.fixture
def sales(db, staff_user):
    """Two producers; the first sold 170.000 ₫ (10% commission), then was paid 50.000 ₫."""
    noodles = VendorFactory(legal_name="HTX Miến dong Bình Liêu")
    honey = VendorFactory(legal_name="HTX Mật ong Điện Biên", commission_rate=Decimal("0.05"))
    with freeze_time("2026-03-05 09:00:00+07:00"):
        order = placed_order(
            [
                (ProductFactory(vendor=noodles, stock=(85000, 10)), 2),
                (ProductFactory(vendor=honey, stock=(250000, 10)), 1),
            ]
        )
    with freeze_time("2026-03-20 15:30:00+07:00"):
        payout_record(vendor=noodles, amount=50000, reference="VCB-0001", recorded_by=staff_user)
    return {"noodles": noodles, "honey": honey, "order": order}


def test_the_ledger_page_shows_sold_commission_payouts_and_balance(client, sales):
    client.force_login(vendor_user(sales["noodles"]))
    client.cookies["django_language"] = "en"

    response = client.get("/dashboard/producer/ledger/")

    page = response.content.decode()
    assert response.status_code == 200
    for amount in ("170.000", "-17.000", "-50.000", "103.000", "VCB-0001"):
        assert amount in page
    assert "250.000" not in page  # the other producer's sale
    assert ledger_summary(vendor=sales["noodles"]) == {
        "sold": Decimal("170000"),
        "commission": Decimal("-17000"),
        "payouts": Decimal("-50000"),
        "balance": Decimal("103000"),
    }


@pytest.mark.parametrize(
    "path", ["/dashboard/producer/ledger/?format=csv", "/dashboard/producer/ledger.csv"]
)
def test_the_ledger_downloads_as_csv(client, sales, path):
    client.force_login(vendor_user(sales["noodles"]))

    response = client.get(path)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    number = str(sales["order"].number)
    assert rows == [
        ["date", "kind", "order", "reference", "note", "amount"],
        ["2026-03-05", "sale", number, "", "", "170000"],
        ["2026-03-05", "commission", number, "", "10%", "-17000"],
        ["2026-03-20", "payout", "", "VCB-0001", "", "-50000"],
    ]


def test_a_cancelled_parcel_leaves_sold_and_commission(sales):
    fulfilment = Fulfilment.objects.get(vendor=sales["honey"])

    fulfilment_cancel(fulfilment=fulfilment, reason="Hết hàng")

    assert ledger_summary(vendor=sales["honey"]) == {
        "sold": Decimal("0"),
        "commission": Decimal("0"),
        "payouts": Decimal("0"),
        "balance": Decimal("0"),
    }


def test_staff_see_the_balance_owed_to_each_producer(client, sales, staff_user):
    client.force_login(staff_user)
    client.cookies["django_language"] = "en"

    page = client.get("/dashboard/payouts/").content.decode()

    assert "HTX Miến dong Bình Liêu" in page and "103.000" in page
    # 250.000 ₫ less 5% commission.
    assert "HTX Mật ong Điện Biên" in page and "237.500" in page


def test_staff_record_a_payout_up_to_the_balance(client, sales, staff_user):
    client.force_login(staff_user)
    client.cookies["django_language"] = "en"
    noodles = sales["noodles"]
    path = f"/dashboard/payouts/{noodles.pk}/"

    too_much = client.post(path, {"amount": "103001", "reference": "VCB-0002"})
    nothing = client.post(path, {"amount": "0", "reference": "VCB-0002"})
    no_reference = client.post(path, {"amount": "1000", "reference": ""})

    assert too_much.status_code == 200
    assert "The payout is more than the balance owed (103.000" in too_much.content.decode()
    assert nothing.status_code == 200 and no_reference.status_code == 200
    assert LedgerEntry.objects.filter(kind="payout").count() == 1

    response = client.post(path, {"amount": "103000", "reference": "VCB-0002"})

    assert response.status_code == 302
    assert ledger_summary(vendor=noodles)["balance"] == 0
    entry = LedgerEntry.objects.filter(kind="payout").first()
    assert (entry.amount, entry.reference, entry.created_by) == (
        Decimal("-103000"),
        "VCB-0002",
        staff_user,
    )


def test_payout_service_refuses_what_is_not_owed(sales, staff_user):
    for amount in (Decimal("0"), Decimal("-5"), Decimal("10.5"), Decimal("103001")):
        with pytest.raises(ValidationError):
            payout_record(
                vendor=sales["noodles"], amount=amount, reference="X", recorded_by=staff_user
            )
    assert LedgerEntry.objects.filter(kind="payout").count() == 1


def test_payouts_are_for_staff_and_known_producers(client, sales, staff_user):
    client.force_login(vendor_user(sales["noodles"]))
    assert client.get("/dashboard/payouts/").status_code == 403
    response = client.post(
        f"/dashboard/payouts/{sales['noodles'].pk}/", {"amount": "1000", "reference": "X"}
    )
    assert response.status_code == 403
    assert LedgerEntry.objects.filter(kind="payout").count() == 1

    client.force_login(staff_user)
    assert client.get("/dashboard/payouts/999999/").status_code == 404


def test_ledger_pages_are_for_members_of_a_producer(client, sales):
    assert client.get("/dashboard/producer/ledger/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/dashboard/producer/ledger/").status_code == 403
    assert client.get("/dashboard/producer/ledger.csv").status_code == 403
