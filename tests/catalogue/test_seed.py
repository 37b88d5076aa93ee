"""The demo catalogue: believable, complete enough to demo, and safe to load twice.

These tests share one seeded catalogue; test_seed_from_empty.py seeds an empty database."""

import pytest
from django.contrib.auth import get_user_model

from catalogue.models import OcopCertificate, Product
from tests.catalogue.seeding import demo_counts, demo_seed
from vendors.models import Vendor

pytestmark = pytest.mark.django_db


def test_demo_catalogue_has_real_products_from_varied_producers(demo_catalogue):
    titles = " | ".join(Product.objects.values_list("title", flat=True))

    assert Product.objects.count() >= 25
    for name in ["Miến dong", "Mật ong", "Dầu sở", "Tinh dầu quế", "Rượu men lá", "hoa Ban"]:
        assert name.lower() in titles.lower(), name
    assert Vendor.objects.count() >= 8
    assert set(Vendor.objects.values_list("kind", flat=True)) == {"htx", "tht", "dn", "hkd"}
    provinces = Vendor.objects.values_list("commune__province", flat=True).distinct()
    assert len(set(provinces)) >= 4


def test_demo_certificates_cover_every_case_a_shopper_can_meet(demo_catalogue):
    certificates = list(OcopCertificate.objects.all())
    statuses = {c.status for c in certificates}

    assert {3, 4, 5} <= {c.stars for c in certificates}
    assert {"valid", "expired", "revoked"} <= statuses
    honey = Product.objects.get(title__icontains="hoa Ban")
    assert honey.ocop_stars == 4


def test_seeding_twice_creates_nothing_new(demo_catalogue):
    before = demo_counts()

    demo_seed(no_images=True)

    assert demo_counts() == before


def test_synthetic_products_for_scale_work(demo_catalogue):
    before = Product.objects.count()

    demo_seed(products=120, no_images=True)
    demo_seed(products=120, no_images=True)

    assert Product.objects.count() == before + 120
    synthetic = Product.objects.filter(upc__startswith="SYN-")
    assert synthetic.filter(stockrecords__price__gt=0).count() == 120
    assert synthetic.values("vendor__commune__province").distinct().count() >= 5
    assert synthetic.filter(trace_code__isnull=True).count() == 0


def test_demo_accounts_are_printed_with_their_passwords(demo_catalogue):
    seeded = demo_seed(no_images=True, verbosity=1)

    assert "ocop-admin-2026" in seeded
    assert "admin@ocop.local" in seeded
    assert "vendor@ocop.local" in seeded
    assert "editor@ocop.local" in seeded
    vendor_user = get_user_model().objects.get(email="vendor@ocop.local")
    assert vendor_user.partners.exists()
    assert "partner@ocop.local" in seeded
    hotel = get_user_model().objects.get(email="partner@ocop.local")
    assert hotel.tourism_partners.get().widgets.count() == 1
