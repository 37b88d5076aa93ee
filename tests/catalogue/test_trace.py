"""Trace codes and the public trace pages behind QR labels."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone
from freezegun import freeze_time

from catalogue.models import Batch, Product, TraceCode
from catalogue.services import (
    TRACE_CODE_ALPHABET,
    batch_create,
    certificate_revoke,
    trace_codes_backfill,
)
from tests.factories import (
    BatchFactory,
    CertificateFactory,
    ProductFactory,
    QualityMarkFactory,
    VendorFactory,
)
from vendors.models import Vendor

pytestmark = pytest.mark.django_db


def _code(product_or_batch) -> str:
    return TraceCode.objects.get(**{product_or_batch._meta.model_name: product_or_batch}).code


def test_every_new_product_gets_a_short_typable_code():
    products = [ProductFactory() for _ in range(5)]

    codes = [_code(p) for p in products]

    assert len(set(codes)) == 5
    for code in codes:
        assert len(code) == 8
        assert set(code) <= set(TRACE_CODE_ALPHABET)
        assert not set(code) & set("0O1IL")


def test_a_batch_gets_its_own_code_and_expiry_must_follow_production():
    product = ProductFactory()

    batch = batch_create(
        product=product, number=" L-2026-01 ", produced_on=date(2026, 1, 5), quantity=300
    )

    assert batch.number == "L-2026-01"
    assert _code(batch) != _code(product)
    with pytest.raises(ValidationError):
        batch_create(
            product=product,
            number="L-2026-02",
            produced_on=date(2026, 3, 1),
            expires_on=date(2026, 2, 1),
        )
    with pytest.raises(ValidationError):
        batch_create(product=product, number="L-2026-01", produced_on=date(2026, 4, 1))
    assert Batch.objects.filter(product=product).count() == 1


def test_backfill_gives_codes_to_products_written_in_bulk():
    vendor = VendorFactory()
    template = ProductFactory(vendor=vendor)
    Product.objects.bulk_create(
        [
            Product(
                title=f"Mật ong {n}",
                upc=f"BULK-{n}",
                structure=Product.STANDALONE,
                product_class=template.product_class,
                vendor=vendor,
            )
            for n in range(3)
        ]
    )

    assert trace_codes_backfill() == 3
    assert trace_codes_backfill() == 0
    assert TraceCode.objects.filter(product__upc__startswith="BULK-").count() == 3


def test_trace_page_of_a_certified_product(english):
    mark = QualityMarkFactory()
    vendor = VendorFactory(
        legal_name="Hợp tác xã Miến dong Bình Liêu", old_district="huyện Bình Liêu"
    )
    certificate = CertificateFactory(
        product__vendor=vendor,
        product__title="Miến dong Bình Liêu 500g",
        stars=4,
        certificate_number="OCOP-QN-0042",
        decision_number="1234/QĐ-UBND",
    )
    product = certificate.product
    product.quality_marks.add(mark)

    response = english.get(f"/trace/{_code(product)}/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Miến dong Bình Liêu 500g" in page
    assert product.get_absolute_url() in page
    assert f'href="/vendors/{vendor.slug}/"' in page
    assert "Hợp tác xã Miến dong Bình Liêu" in page and "Cooperative (HTX)" in page
    assert "Bình Liêu" in page and "Quảng Ninh" in page
    assert "Former district" in page and "huyện Bình Liêu" in page
    assert "Valid today" in page and "4-star OCOP" in page
    assert "OCOP-QN-0042" in page and "1234/QĐ-UBND" in page and "UBND tỉnh Quảng Ninh" in page
    # The English site writes dates day first, the month in words.
    until = certificate.valid_until
    assert f"{until.day} {until:%B %Y}" in page
    assert "Miến dong Bình Liêu" in page and "Certification mark" in page
    assert "no longer sold here" not in page


def test_trace_page_reads_in_vietnamese_by_default(vietnamese):
    certificate = CertificateFactory(stars=5)

    page = vietnamese.get(f"/trace/{_code(certificate.product)}/").content.decode()

    assert "Còn hiệu lực hôm nay" in page
    assert "Nơi sản xuất" in page


def test_expired_certificate_is_stated_plainly_without_stars(english):
    certificate = CertificateFactory(
        stars=4,
        issued_on=timezone.localdate() - timedelta(days=1200),
        certificate_number="OCOP-OLD-1",
    )

    page = english.get(f"/trace/{_code(certificate.product)}/").content.decode()

    assert "OCOP-OLD-1" in page
    assert "This OCOP certificate expired on" in page
    assert "may not carry the OCOP mark or stars" in page
    assert "4-star OCOP" not in page and "4★" not in page
    assert "Valid today" not in page


def test_revoked_certificate_is_stated_plainly_without_stars(english):
    certificate = CertificateFactory(stars=5)
    certificate_revoke(certificate=certificate, reason="Không đạt kiểm tra chất lượng")

    page = english.get(f"/trace/{_code(certificate.product)}/").content.decode()

    assert "This OCOP certificate was revoked on" in page
    assert "Không đạt kiểm tra chất lượng" in page
    assert "5-star OCOP" not in page and "5★" not in page


def test_product_without_certificate_says_so(english):
    product = ProductFactory()

    page = english.get(f"/trace/{_code(product)}/").content.decode()

    assert "We hold no OCOP certificate for this product" in page


def test_unknown_code_answers_404_in_plain_words(english):
    response = english.get("/trace/ZZZZ9999/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "This code is not one of ours" in page
    assert "ZZZZ9999" in page
    assert 'name="code"' in page  # the lookup form, to try again


def test_deleted_batch_code_becomes_unknown(english):
    batch = BatchFactory()
    code = _code(batch)
    batch.delete()

    assert english.get(f"/trace/{code}/").status_code == 404


@pytest.mark.parametrize("how", ["hidden", "suspended"])
def test_product_no_longer_sold_still_shows_the_certificate_truth(english, how):
    certificate = CertificateFactory(stars=4, certificate_number="OCOP-QN-0777")
    product = certificate.product
    if how == "hidden":
        product.is_public = False
        product.save()
    else:
        Vendor.objects.filter(pk=product.vendor_id).update(status=Vendor.Status.SUSPENDED)

    page = english.get(f"/trace/{_code(product)}/").content.decode()

    assert "This product is no longer sold here." in page
    assert "OCOP-QN-0777" in page and "Valid today" in page
    assert f'href="{product.get_absolute_url()}"' not in page
    if how == "suspended":
        assert f'href="/vendors/{product.vendor.slug}/"' not in page


def test_batch_code_shows_batch_dates(english):
    batch = BatchFactory(
        number="BL-2611",
        produced_on=date(2026, 10, 1),
        expires_on=date(2027, 10, 1),
        quantity=480,
    )

    with freeze_time("2026-11-20"):
        page = english.get(f"/trace/{_code(batch)}/").content.decode()

    assert "Batch BL-2611" in page
    assert "1 October 2026" in page and "1 October 2027" in page and "480" in page
    assert batch.product.title in page
    assert "past its expiry date" not in page


def test_batch_past_its_expiry_date_says_so(english):
    batch = BatchFactory(produced_on=date(2025, 1, 10), expires_on=date(2026, 1, 10))

    with freeze_time("2026-01-11"):
        page = english.get(f"/trace/{_code(batch)}/").content.decode()

    assert "This batch is past its expiry date (10 January 2026)" in page


def test_codes_are_found_whatever_the_case_and_the_lookup_form_tidies_them(english):
    product = ProductFactory(title="Chè Shan tuyết")
    code = _code(product)

    assert "Chè Shan tuyết" in english.get(f"/trace/{code.lower()}/").content.decode()
    typed = f" {code[:4].lower()}-{code[4:]} "
    response = english.get("/trace/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/trace/{code}/"


def test_lookup_form_explains_a_code_that_cannot_be_one(english):
    response = english.get("/trace/", {"code": "../../etc"})

    assert response.status_code == 200
    assert "A trace code has only letters and digits" in response.content.decode()
    assert english.get("/trace/").status_code == 200


def test_demo_catalogue_has_batches_and_codes_for_every_product():
    call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())

    products = Product.objects.all()
    assert products.exists()
    assert not products.filter(batches__isnull=True).exists()
    assert not products.filter(trace_code__isnull=True).exists()
    assert TraceCode.objects.filter(batch__isnull=False).count() == Batch.objects.count()
    today = timezone.localdate()
    batches = list(Batch.objects.all())
    assert any(b.is_past_expiry(today) for b in batches)
    assert any(b.expires_on and not b.is_past_expiry(today) for b in batches)
    assert all(b.produced_on <= today for b in batches)
