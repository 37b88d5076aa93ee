"""Stars come only from certificates staff have verified, the issuing level must match the
stars, and certificate scans are private files read by staff and their producer only."""

import importlib
from datetime import date

import pytest
from django.apps import apps as django_apps
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from freezegun import freeze_time

from catalogue.models import OcopCertificate
from search.models import ProductIndexEntry
from tests.factories import (
    CertificateFactory,
    ProductFactory,
    UserFactory,
    VendorFactory,
    vendor_user,
)
from tests.tourism.factories import TourismPartnerFactory
from vendors.forms import CertificateForm as ApplicationCertificateForm
from vendors.models import Vendor

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
UPLOADED_NAME = "quyet-dinh-nguyen-van-an-htx-binh-lieu.pdf"


@pytest.fixture
def visitor():
    """A second browser, beside the producer's (the `client` fixture)."""
    client = Client()
    client.cookies["django_language"] = "en"
    return client


def certificate_post(product, **overrides):
    data = {
        "product": product.pk,
        "stars": "4",
        "certificate_number": "QN-2026-0301",
        "decision_number": "845/QĐ-UBND",
        "issuer_kind": OcopCertificate.Issuer.PROVINCE,
        "issuer_name": "UBND tỉnh Quảng Ninh",
        "issued_on": "2026-03-10",
        "scan": SimpleUploadedFile(UPLOADED_NAME, PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


def stars_on_page(client, product) -> str:
    page = client.get(product.get_absolute_url())
    assert page.status_code == 200
    return page.content.decode()


# The issuer rule ---------------------------------------------------------------------------


@freeze_time("2026-06-01")
def test_a_five_star_district_certificate_is_refused_in_the_dashboard(producer):
    product = ProductFactory(vendor=producer.vendor)

    response = producer.post(
        reverse("dashboard:producer-certificate-add"),
        certificate_post(product, stars="5", issuer_kind=OcopCertificate.Issuer.DISTRICT),
    )

    assert response.status_code == 200
    assert "5-star products are recognised by the national council." in response.content.decode()
    assert not OcopCertificate.objects.exists()
    assert product.ocop_stars is None


@freeze_time("2026-06-01")
def test_a_district_certificate_dated_after_july_2025_is_refused_in_the_dashboard(producer):
    product = ProductFactory(vendor=producer.vendor)

    response = producer.post(
        reverse("dashboard:producer-certificate-add"),
        certificate_post(product, stars="3", issuer_kind=OcopCertificate.Issuer.DISTRICT),
    )

    assert response.status_code == 200
    assert "Districts no longer recognise OCOP products" in response.content.decode()
    assert not OcopCertificate.objects.exists()


@pytest.mark.parametrize(
    ("stars", "issuer", "issued_on", "message"),
    [
        (5, "province", date(2026, 1, 5), "recognised by the national council"),
        (4, "national", date(2026, 1, 5), "recognises 5-star products only"),
        (4, "district", date(2024, 3, 1), "district recognised 3-star products only"),
        (3, "district", date(2025, 7, 1), "Districts no longer recognise"),
    ],
)
@freeze_time("2026-06-01")
def test_the_application_form_and_the_model_apply_the_same_issuer_rule(
    stars, issuer, issued_on, message
):
    translation.activate("en")
    form = ApplicationCertificateForm(
        data={
            "product_name": "Mật ong hoa Ban",
            "category": "",
            "stars": str(stars),
            "certificate_number": "DB-1",
            "decision_number": "1/QĐ-UBND",
            "issuer_kind": issuer,
            "issuer_name": "UBND",
            "issued_on": issued_on.isoformat(),
        }
    )
    certificate = CertificateFactory.build(
        product=ProductFactory(), stars=stars, issuer_kind=issuer, issued_on=issued_on
    )

    assert message in " ".join(form.errors.get("issuer_kind", []))
    with pytest.raises(Exception) as refused:
        certificate.full_clean()
    assert message in str(refused.value)


@freeze_time("2026-06-01")
def test_a_district_three_star_certificate_from_before_july_2025_is_accepted(producer):
    product = ProductFactory(vendor=producer.vendor)

    response = producer.post(
        reverse("dashboard:producer-certificate-add"),
        certificate_post(
            product,
            stars="3",
            issuer_kind=OcopCertificate.Issuer.DISTRICT,
            issuer_name="UBND huyện Bình Liêu",
            issued_on="2024-09-10",
        ),
    )

    assert response.status_code == 302
    assert OcopCertificate.objects.filter(product=product, stars=3).exists()


# Verification ------------------------------------------------------------------------------


@freeze_time("2026-06-01")
def test_a_producer_certificate_gives_stars_only_once_staff_verify_it(
    producer, staff_user, visitor, django_capture_on_commit_callbacks
):
    client = visitor
    product = ProductFactory(vendor=producer.vendor, title="Mật ong hoa Ban")
    with django_capture_on_commit_callbacks(execute=True):
        producer.post(reverse("dashboard:producer-certificate-add"), certificate_post(product))
    certificate = OcopCertificate.objects.get(product=product)

    assert "ocop-certificate__stars" not in stars_on_page(client, product)
    assert ProductIndexEntry.objects.get(product=product).stars is None
    assert client.get("/api/v1/products/", {"stars": "4"}).json()["count"] == 0
    listing = producer.get(reverse("dashboard:producer-certificate-list")).content.decode()
    assert "Awaiting verification" in listing

    client.force_login(staff_user)
    queue = client.get(reverse("dashboard:staff-certificate-list")).content.decode()
    assert "QN-2026-0301" in queue
    assert reverse("dashboard:staff-certificate-verify", args=[certificate.pk]) in queue
    assert reverse("dashboard:staff-certificate-scan", args=[certificate.pk]) in queue
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("dashboard:staff-certificate-verify", args=[certificate.pk]))
    client.logout()

    assert response.status_code == 302
    certificate.refresh_from_db()
    assert certificate.verified_by == staff_user
    assert "4★" in stars_on_page(client, product)
    assert ProductIndexEntry.objects.get(product=product).stars == 4
    assert client.get("/api/v1/products/", {"stars": "4"}).json()["count"] == 1


@freeze_time("2026-06-01")
def test_staff_reject_a_certificate_and_the_producer_reads_why(producer, staff_user, visitor):
    client = visitor
    product = ProductFactory(vendor=producer.vendor)
    certificate = CertificateFactory(product=product, verified_at=None)

    client.force_login(staff_user)
    empty = client.post(
        reverse("dashboard:staff-certificate-reject", args=[certificate.pk]), {"reason": " "}
    )
    client.post(
        reverse("dashboard:staff-certificate-reject", args=[certificate.pk]),
        {"reason": "Số quyết định không khớp với bản scan."},
    )

    assert empty.status_code == 200
    certificate.refresh_from_db()
    assert certificate.rejected_by == staff_user
    listing = producer.get(reverse("dashboard:producer-certificate-list")).content.decode()
    assert "Rejected: Số quyết định không khớp với bản scan." in listing
    assert product.ocop_stars is None
    # A rejected certificate cannot be verified afterwards by a stale page.
    client.post(reverse("dashboard:staff-certificate-verify", args=[certificate.pk]))
    certificate.refresh_from_db()
    assert certificate.verified_at is None


def test_only_staff_can_verify_a_certificate(producer, visitor):
    client = visitor
    certificate = CertificateFactory(
        product=ProductFactory(vendor=producer.vendor), verified_at=None
    )
    url = reverse("dashboard:staff-certificate-verify", args=[certificate.pk])

    own = producer.post(url)
    anonymous = client.post(url)

    assert own.status_code == 403
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    certificate.refresh_from_db()
    assert certificate.verified_at is None


def test_approving_an_application_verifies_the_certificates_filed_with_it(staff_user, client):
    applicant = UserFactory()
    vendor = VendorFactory(status=Vendor.Status.PENDING, applicant=applicant)
    product = ProductFactory(vendor=vendor)
    certificate = CertificateFactory(product=product, verified_at=None)

    client.force_login(staff_user)
    client.post(f"/dashboard/producers/{vendor.pk}/approve/")

    certificate.refresh_from_db()
    assert certificate.verified_by == staff_user
    assert product.ocop_stars == 4


# Private files ----------------------------------------------------------------------------


@freeze_time("2026-06-01")
def test_a_scan_is_stored_privately_under_a_random_name_and_served_to_owner_and_staff(
    producer, staff_user, visitor, settings
):
    client = visitor
    product = ProductFactory(vendor=producer.vendor)
    producer.post(reverse("dashboard:producer-certificate-add"), certificate_post(product))
    certificate = OcopCertificate.objects.get(product=product)
    stored = settings.PRIVATE_MEDIA_ROOT / certificate.scan.name

    assert stored.is_file()
    assert not settings.MEDIA_ROOT.exists() or not any(settings.MEDIA_ROOT.rglob("*.pdf"))
    for part in ("quyet", "dinh", "nguyen", "van", "htx", "binh", "lieu"):
        assert part not in certificate.scan.name
    assert certificate.scan.name.endswith(".pdf")

    own = producer.get(reverse("dashboard:producer-certificate-scan", args=[certificate.pk]))
    client.force_login(staff_user)
    by_staff = client.get(reverse("dashboard:staff-certificate-scan", args=[certificate.pk]))
    in_review = client.get(
        reverse(
            "dashboard:producer-review-certificate-scan",
            kwargs={"pk": producer.vendor.pk, "certificate_pk": certificate.pk},
        )
    )

    for response in (own, by_staff, in_review):
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"
        assert response["X-Content-Type-Options"] == "nosniff"
        assert response["Content-Disposition"] == 'inline; filename="ocop-qn-2026-0301.pdf"'


@freeze_time("2026-06-01")
def test_nobody_else_can_read_a_scan(producer, visitor):
    client = visitor
    certificate = CertificateFactory(product=ProductFactory(vendor=producer.vendor))
    certificate.scan.save("scan.pdf", ContentFile(PDF))
    other_producer = vendor_user(VendorFactory())
    partner_member = UserFactory()
    TourismPartnerFactory(members=[partner_member])
    urls = [
        reverse("dashboard:producer-certificate-scan", args=[certificate.pk]),
        reverse("dashboard:staff-certificate-scan", args=[certificate.pk]),
        reverse(
            "dashboard:producer-review-certificate-scan",
            kwargs={"pk": producer.vendor.pk, "certificate_pk": certificate.pk},
        ),
    ]

    anonymous = [client.get(url) for url in urls]
    client.force_login(other_producer)
    by_other = [client.get(url) for url in urls]
    client.force_login(partner_member)
    by_partner = [client.get(url) for url in urls]

    assert [r.status_code for r in anonymous] == [302, 302, 302]
    assert [r.status_code for r in by_other] == [404, 403, 403]
    assert [r.status_code for r in by_partner] == [403, 403, 403]
    assert client.get(f"/media/{certificate.scan.name}").status_code == 404


@freeze_time("2026-06-01")
def test_behind_nginx_the_scan_is_handed_over_with_x_accel_redirect(producer, settings):
    settings.PRIVATE_MEDIA_X_ACCEL_PREFIX = "/private-media/"
    certificate = CertificateFactory(product=ProductFactory(vendor=producer.vendor))
    certificate.scan.save("scan.pdf", ContentFile(PDF))

    response = producer.get(reverse("dashboard:producer-certificate-scan", args=[certificate.pk]))

    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/private-media/{certificate.scan.name}"
    assert response.content == b""
    assert response["X-Content-Type-Options"] == "nosniff"


def _migration(name):
    return importlib.import_module(f"catalogue.migrations.{name}")


def test_the_migration_moves_public_scans_into_private_storage(
    settings, django_capture_on_commit_callbacks
):
    certificate = CertificateFactory()
    public = storages["default"]
    public.save("certificates/2025/01/giay-chung-nhan-htx-an.pdf", ContentFile(PDF))
    OcopCertificate.objects.filter(pk=certificate.pk).update(
        scan="certificates/2025/01/giay-chung-nhan-htx-an.pdf"
    )
    lost = CertificateFactory()
    OcopCertificate.objects.filter(pk=lost.pk).update(scan="certificates/2024/05/gone.pdf")

    with django_capture_on_commit_callbacks(execute=True):
        _migration("0041_certificate_scans_private").scans_make_private(django_apps, None)

    certificate.refresh_from_db()
    lost.refresh_from_db()
    assert "giay" not in certificate.scan.name
    assert (settings.PRIVATE_MEDIA_ROOT / certificate.scan.name).read_bytes() == PDF
    assert not public.exists("certificates/2025/01/giay-chung-nhan-htx-an.pdf")
    assert lost.scan.name == "certificates/2024/05/gone.pdf"


def test_the_migration_keeps_counting_only_certificates_staff_saw(staff_user):
    platform = CertificateFactory(product=ProductFactory(), verified_at=None)
    by_staff = CertificateFactory(verified_at=None, added_by=staff_user)
    approved = VendorFactory(applicant=UserFactory())
    from_application = CertificateFactory(product=ProductFactory(vendor=approved), verified_at=None)
    waiting = VendorFactory(status=Vendor.Status.PENDING, applicant=UserFactory())
    under_review = CertificateFactory(product=ProductFactory(vendor=waiting), verified_at=None)
    member = vendor_user(approved)
    by_producer = CertificateFactory(
        product=ProductFactory(vendor=approved), verified_at=None, added_by=member
    )

    _migration("0040_certificate_verification").existing_certificates_decide(django_apps, None)

    def verified(certificate):
        certificate.refresh_from_db()
        return certificate.verified_at is not None

    assert verified(platform) and verified(by_staff) and verified(from_application)
    assert not verified(under_review) and not verified(by_producer)


def test_a_staff_account_of_the_producer_cannot_verify_its_own_certificate(producer, visitor):
    insider = vendor_user(producer.vendor, is_staff=True)
    certificate = CertificateFactory(
        product=ProductFactory(vendor=producer.vendor), verified_at=None
    )

    visitor.force_login(insider)
    page = visitor.post(
        reverse("dashboard:staff-certificate-verify", args=[certificate.pk]), follow=True
    )

    assert "another staff member must verify" in page.content.decode()
    certificate.refresh_from_db()
    assert certificate.verified_at is None
