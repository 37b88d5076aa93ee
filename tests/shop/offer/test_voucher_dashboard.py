"""Staff set up a producer's voucher in Oscar's dashboard (offer wizard, then the code); the
pages are staff's, as every staff page: a producer's member is turned away."""

import pytest
from django.utils import timezone
from oscar.core.loading import get_model

from tests.factories import VendorFactory, vendor_user

ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")

pytestmark = pytest.mark.django_db


def _posted(client, url, data):
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    return response


def test_staff_create_a_producer_funded_voucher_in_the_dashboard(staff):
    honey_maker = VendorFactory(legal_name="HTX Mật ong Bình Liêu")
    honey = Range.objects.create(name="Mật ong Bình Liêu", includes_all_products=True)

    _posted(
        staff,
        "/dashboard/offers/new/metadata/",
        {
            "name": "Tết mật ong",
            "description": "",
            "offer_type": "Voucher",
            "funded_by": "producer",
            "vendor": honey_maker.pk,
        },
    )
    _posted(
        staff,
        "/dashboard/offers/new/incentive/",
        {"range": honey.pk, "type": "Percentage", "value": "15"},
    )
    _posted(
        staff,
        "/dashboard/offers/new/condition/",
        {"range": honey.pk, "type": "Count", "value": "1"},
    )
    _posted(staff, "/dashboard/offers/new/restrictions/", {"priority": "0"})
    offer = ConditionalOffer.objects.get(name="Tết mật ong")
    now = timezone.localtime()
    _posted(
        staff,
        "/dashboard/vouchers/create/",
        {
            "name": "Mã Tết mật ong",
            "code": "MATONG15",
            "start_datetime": now.strftime("%Y-%m-%d %H:%M"),
            "end_datetime": (now + timezone.timedelta(days=30)).strftime("%Y-%m-%d %H:%M"),
            "usage": "Once per customer",
            "offers": [offer.pk],
        },
    )

    assert (offer.funded_by, offer.vendor) == ("producer", honey_maker)
    assert list(Voucher.objects.get(code="MATONG15").offers.all()) == [offer]
    assert "MATONG15" in staff.get("/dashboard/vouchers/").content.decode()


def test_a_producers_offer_must_name_the_producer(staff):
    response = staff.post(
        "/dashboard/offers/new/metadata/",
        {"name": "Tết", "offer_type": "Voucher", "funded_by": "producer", "vendor": ""},
    )

    assert response.status_code == 200
    assert "Choose the producer who pays this discount." in response.content.decode()


def test_a_shipping_discount_is_refused_with_the_reason(staff):
    _posted(
        staff,
        "/dashboard/offers/new/metadata/",
        {"name": "Miễn phí ship", "offer_type": "Voucher", "funded_by": "platform"},
    )

    response = staff.post(
        "/dashboard/offers/new/incentive/",
        {"type": "Shipping percentage", "value": "100"},
    )

    assert response.status_code == 200
    assert "Shipping discounts are not offered" in response.content.decode()


@pytest.mark.parametrize("path", ["/dashboard/offers/", "/dashboard/vouchers/create/"])
def test_a_producers_member_cannot_open_the_offer_pages(client, path):
    client.force_login(vendor_user(VendorFactory()))

    assert client.get(path).status_code == 403
