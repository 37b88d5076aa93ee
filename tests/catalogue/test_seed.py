"""The demo catalogue: believable, complete enough to demo, and safe to load twice."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from PIL import Image

from catalogue.models import Batch, OcopCertificate, Product, ProductImage, TraceCode
from shop.partner.models import StockRecord
from shop.tourism.models import TourismPartner, Widget
from vendors.models import Vendor

pytestmark = pytest.mark.django_db


def _counts() -> dict[str, int]:
    return {
        "products": Product.objects.count(),
        "vendors": Vendor.objects.count(),
        "certificates": OcopCertificate.objects.count(),
        "stock": StockRecord.objects.count(),
        "images": ProductImage.objects.count(),
        "users": get_user_model().objects.count(),
        "batches": Batch.objects.count(),
        "trace codes": TraceCode.objects.count(),
        "tourism partners": TourismPartner.objects.count(),
        "widgets": Widget.objects.count(),
    }


def _seed(**options) -> str:
    out = StringIO()
    options.setdefault("verbosity", 0)
    call_command("seed_demo", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()


@pytest.fixture
def seeded():
    """The demo catalogue without pictures: drawing them is the slow part."""
    return _seed(no_images=True)


def test_demo_catalogue_has_real_products_from_varied_producers(seeded):
    titles = " | ".join(Product.objects.values_list("title", flat=True))

    assert Product.objects.count() >= 25
    for name in ["Miến dong", "Mật ong", "Dầu sở", "Tinh dầu quế", "Rượu men lá", "hoa Ban"]:
        assert name.lower() in titles.lower(), name
    assert Vendor.objects.count() >= 8
    assert set(Vendor.objects.values_list("kind", flat=True)) == {"htx", "tht", "dn", "hkd"}
    provinces = Vendor.objects.values_list("commune__province", flat=True).distinct()
    assert len(set(provinces)) >= 4


def test_demo_certificates_cover_every_case_a_shopper_can_meet(seeded):
    certificates = list(OcopCertificate.objects.all())
    statuses = {c.status for c in certificates}

    assert {3, 4, 5} <= {c.stars for c in certificates}
    assert {"valid", "expired", "revoked"} <= statuses
    honey = Product.objects.get(title__icontains="hoa Ban")
    assert honey.ocop_stars == 4


def test_every_demo_product_has_a_price_in_dong_a_picture_and_a_place():
    _seed()

    for product in Product.objects.prefetch_related("stockrecords", "images"):
        record = product.stockrecords.get()
        assert record.price == record.price.to_integral_value(), product.title
        assert record.price >= 10000, product.title
        assert record.partner_id == product.vendor.partner_id, product.title
        image = product.images.get()
        with Image.open(image.original.path) as picture:
            assert picture.size == (800, 800), product.title
        assert product.origin_commune_id, product.title
    assert all(vendor.logo for vendor in Vendor.objects.all())
    before = _counts()
    _seed()
    assert _counts() == before


def test_demo_accounts_are_printed_with_their_passwords():
    seeded = _seed(no_images=True, verbosity=1)

    assert "ocop-admin-2026" in seeded
    assert "admin@ocop.local" in seeded
    assert "vendor@ocop.local" in seeded
    assert "editor@ocop.local" in seeded
    vendor_user = get_user_model().objects.get(email="vendor@ocop.local")
    assert vendor_user.partners.exists()
    assert "partner@ocop.local" in seeded
    hotel = get_user_model().objects.get(email="partner@ocop.local")
    assert hotel.tourism_partners.get().widgets.count() == 1


def test_seeding_twice_creates_nothing_new(seeded):
    before = _counts()

    _seed(no_images=True)

    assert _counts() == before


def test_synthetic_products_for_scale_work(seeded):
    before = Product.objects.count()

    _seed(products=120, no_images=True)
    _seed(products=120, no_images=True)

    assert Product.objects.count() == before + 120
    synthetic = Product.objects.filter(upc__startswith="SYN-")
    assert synthetic.filter(stockrecords__price__gt=0).count() == 120
    assert synthetic.values("vendor__commune__province").distinct().count() >= 5
    assert synthetic.filter(trace_code__isnull=True).count() == 0
