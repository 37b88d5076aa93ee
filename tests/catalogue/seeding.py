"""Seeding the demo catalogue from a test, and counting what it holds."""

from io import StringIO

from django.contrib.auth import get_user_model
from django.core.management import call_command

from catalogue.models import Batch, OcopCertificate, Product, ProductImage, TraceCode
from shop.partner.models import StockRecord
from shop.tourism.models import TourismPartner, Widget
from vendors.models import Vendor


def demo_counts() -> dict[str, int]:
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


def demo_seed(**options) -> str:
    out = StringIO()
    options.setdefault("verbosity", 0)
    call_command("seed_demo", stdout=out, stderr=StringIO(), **options)
    return out.getvalue()
