"""A demo tourism partner with one widget, so the partner area can be tried after `make run`."""

from decimal import Decimal

from django.db import transaction

from catalogue.models import Province
from shop.demo.loader import DemoAccount, demo_user_ensure
from shop.tourism.models import TourismPartner, Widget

PARTNER = DemoAccount(
    "tourism partner (a hotel in Bình Liêu)",
    "partner",
    "partner@ocop.local",
    "ocop-partner-2026",
    "/partners/",
)
ORGANISATION = "Khách sạn Thung lũng Bình Liêu"


@transaction.atomic
def demo_partner_ensure() -> DemoAccount:
    """The hotel's login, its approved partner account and a widget of Quảng Ninh's products.
    Safe to run again: an existing partner keeps its key and widgets."""
    user = demo_user_ensure(PARTNER, is_staff=False, is_superuser=False)
    partner, created = TourismPartner.objects.get_or_create(
        organisation=ORGANISATION,
        defaults={
            "kind": TourismPartner.Kind.HOTEL,
            "contact_name": "Hoàng Văn Sơn",
            "email": PARTNER.email,
            # A page served by `python -m http.server 8001` plays the hotel's website.
            "allowed_domains": "localhost:8001\n127.0.0.1:8001",
            "commission_rate": Decimal("0.05"),
            "status": TourismPartner.Status.APPROVED,
        },
    )
    partner.members.add(user)
    if created:
        Widget.objects.create(
            partner=partner,
            name="Đặc sản Quảng Ninh ở quầy lễ tân",
            source=Widget.Source.PROVINCE,
            province=Province.objects.filter(short_name="Quảng Ninh").first(),
            count=4,
        )
    return PARTNER
