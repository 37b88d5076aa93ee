"""Certificate pages of the dashboard: a producer's own certificates, staff's overview and
revocation; another producer's ids answer 404 and change nothing."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from freezegun import freeze_time
from PIL import Image

from catalogue.models import OcopCertificate
from tests.factories import (
    CertificateFactory,
    ProductFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def png(size=(900, 1200)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (250, 250, 240)).save(buffer, format="PNG")
    return buffer.getvalue()


def stored_files(settings) -> list:
    roots = (settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)
    return [p for root in roots if root.exists() for p in root.rglob("*") if p.is_file()]


def form_data(product, **overrides):
    data = {
        "product": product.pk,
        "stars": "4",
        "certificate_number": "QN-2026-0301",
        "decision_number": "845/QĐ-UBND",
        "issuer_kind": OcopCertificate.Issuer.PROVINCE,
        "issuer_name": "UBND tỉnh Quảng Ninh",
        "issued_on": "2026-03-10",
        "scan": SimpleUploadedFile("chung-nhan.pdf", PDF, content_type="application/pdf"),
    }
    data.update(overrides)
    return data


@freeze_time("2026-06-01")
def test_producer_sees_each_certificate_with_its_standing(producer):
    product = ProductFactory(vendor=producer.vendor, title="Mật ong hoa rừng")
    CertificateFactory(product=product, certificate_number="VALID-1", issued_on=date(2025, 1, 5))
    CertificateFactory(product=product, certificate_number="SOON-1", issued_on=date(2023, 6, 13))
    CertificateFactory(product=product, certificate_number="OLD-1", issued_on=date(2022, 1, 5))
    CertificateFactory(product=product, certificate_number="REV-1", is_revoked=True)
    CertificateFactory(product=product, certificate_number="NEXT-1", issued_on=date(2026, 7, 1))
    CertificateFactory(certificate_number="OTHER-PRODUCER")

    page = producer.get(reverse("dashboard:producer-certificate-list"))

    text = page.content.decode()
    assert page.status_code == 200
    for number in ("VALID-1", "SOON-1", "OLD-1", "REV-1", "NEXT-1"):
        assert number in text
    assert "OTHER-PRODUCER" not in text
    assert "Expires in 12 days" in text
    for label in ("Valid", "Expired", "Revoked", "Not yet valid"):
        assert f">{label}</span>" in text


def test_the_menu_offers_the_producer_its_certificates(producer):
    page = producer.get(reverse("dashboard:index"))

    assert reverse("dashboard:producer-certificate-list") in page.content.decode()
    assert reverse("dashboard:staff-certificate-list") not in page.content.decode()


@freeze_time("2026-06-01")
def test_producer_adds_a_certificate_with_its_scan(producer):
    product = ProductFactory(vendor=producer.vendor)

    response = producer.post(reverse("dashboard:producer-certificate-add"), form_data(product))

    certificate = OcopCertificate.objects.get(certificate_number="QN-2026-0301")
    assert response.status_code == 302
    assert response["Location"] == reverse(
        "dashboard:producer-certificate-detail", args=[certificate.pk]
    )
    assert certificate.product == product
    assert certificate.valid_until == date(2029, 3, 10)
    assert certificate.added_by is not None
    detail = producer.get(response["Location"])
    assert "Certificate QN-2026-0301 added" in detail.content.decode()
    scan = producer.get(reverse("dashboard:producer-certificate-scan", args=[certificate.pk]))
    assert scan.status_code == 200
    assert scan["Content-Type"] == "application/pdf"
    assert b"".join(scan.streaming_content) == PDF
    # Filed by the producer: no stars until staff have verified it.
    assert "Awaiting verification" in detail.content.decode()
    assert product.ocop_stars is None


@freeze_time("2026-06-01")
def test_a_new_certificate_for_a_certified_product_is_filed_as_re_evaluation(producer):
    product = ProductFactory(vendor=producer.vendor, title="Mật ong hoa Ban")
    CertificateFactory(product=product, stars=3, issued_on=date(2023, 6, 20))

    form = producer.get(reverse("dashboard:producer-certificate-add"), {"product": product.pk})
    response = producer.post(
        reverse("dashboard:producer-certificate-add"),
        form_data(
            product,
            stars="5",
            issuer_kind=OcopCertificate.Issuer.NATIONAL,
            issuer_name="Bộ Nông nghiệp và Môi trường",
            scan=SimpleUploadedFile("scan.png", png()),
        ),
        follow=True,
    )

    assert "files its re-evaluation" in form.content.decode()
    assert f'value="{product.pk}" selected' in form.content.decode()
    assert "Re-evaluation filed" in response.content.decode()
    assert product.ocop_certificates.count() == 2
    # The verified 3-star certificate still counts while the new one awaits staff.
    assert product.ocop_stars == 3


@pytest.mark.parametrize(
    ("scan", "message"),
    [
        (SimpleUploadedFile("scan.pdf", b"MZ\x90\x00 not a pdf"), "not a PDF document"),
        (SimpleUploadedFile("scan.jpg", b"\xff\xd8\xff\xe0 broken"), "not a readable photo"),
        (SimpleUploadedFile("scan.docx", PDF), "Send the scan as a PDF or a photo"),
    ],
)
@freeze_time("2026-06-01")
def test_a_bad_scan_gets_a_clear_error_and_stores_nothing(producer, settings, scan, message):
    product = ProductFactory(vendor=producer.vendor)

    response = producer.post(
        reverse("dashboard:producer-certificate-add"), form_data(product, scan=scan)
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not OcopCertificate.objects.exists()
    assert stored_files(settings) == []


@freeze_time("2026-06-01")
def test_a_missing_scan_or_an_expired_date_is_refused(producer):
    product = ProductFactory(vendor=producer.vendor)
    data = form_data(product, issued_on="2023-05-01")
    del data["scan"]

    response = producer.post(reverse("dashboard:producer-certificate-add"), data)

    text = response.content.decode()
    assert response.status_code == 200
    assert "This field is required" in text
    assert "expired on 01/05/2026" in text
    assert not OcopCertificate.objects.exists()


@freeze_time("2026-06-01")
def test_a_certificate_number_used_twice_for_a_product_is_refused(producer, settings):
    product = ProductFactory(vendor=producer.vendor)
    CertificateFactory(product=product, certificate_number="QN-2026-0301")

    response = producer.post(reverse("dashboard:producer-certificate-add"), form_data(product))

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert product.ocop_certificates.count() == 1
    assert stored_files(settings) == []


@freeze_time("2026-06-01")
def test_another_producers_product_cannot_be_chosen(producer):
    other = ProductFactory(title="Sản phẩm của người khác")

    form = producer.get(reverse("dashboard:producer-certificate-add"), {"product": other.pk})
    response = producer.post(reverse("dashboard:producer-certificate-add"), form_data(other))

    assert other.title not in form.content.decode()
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not OcopCertificate.objects.exists()


def test_another_producers_certificate_answers_404(producer):
    other = CertificateFactory(scan=SimpleUploadedFile("x.pdf", PDF))

    for name in ("dashboard:producer-certificate-detail", "dashboard:producer-certificate-scan"):
        assert producer.get(reverse(name, args=[other.pk])).status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "customer"])
def test_producer_pages_need_a_producer_member(client, who):
    if who == "customer":
        client.force_login(UserFactory())
    url = reverse("dashboard:producer-certificate-list")

    response = client.get(url)

    assert response.status_code == (302 if who == "anonymous" else 403)


def test_producer_members_cannot_open_or_use_staff_pages(producer):
    certificate = CertificateFactory(product=ProductFactory(vendor=producer.vendor))

    assert producer.get(reverse("dashboard:staff-certificate-list")).status_code == 403
    response = producer.post(
        reverse("dashboard:staff-certificate-revoke", args=[certificate.pk]),
        {"reason": "Tự thu hồi"},
    )

    assert response.status_code == 403
    assert not OcopCertificate.objects.get(pk=certificate.pk).is_revoked


@freeze_time("2026-06-01")
def test_staff_see_certificates_ending_soon_or_ended_across_producers(staff):
    CertificateFactory(certificate_number="SOON-A", issued_on=date(2023, 6, 20))
    CertificateFactory(certificate_number="ENDED-B", issued_on=date(2023, 5, 1))
    CertificateFactory(certificate_number="FINE-C", issued_on=date(2025, 6, 1))

    page = staff.get(reverse("dashboard:staff-certificate-list"))
    found = staff.get(reverse("dashboard:staff-certificate-list"), {"q": "FINE"})

    text = page.content.decode()
    assert "SOON-A" in text and "Expires in 19 days" in text
    assert "ENDED-B" in text and ">Expired</span>" in text
    assert "FINE-C" not in text
    assert "FINE-C" in found.content.decode()
    assert (
        reverse("dashboard:staff-certificate-list")
        in staff.get(reverse("dashboard:index")).content.decode()
    )


def test_staff_revoke_a_certificate_with_a_reason_and_the_stars_go(staff, english):
    certificate = CertificateFactory(stars=5)
    product = certificate.product
    url = reverse("dashboard:staff-certificate-revoke", args=[certificate.pk])

    empty = staff.post(url, {"reason": "   "})
    assert empty.status_code == 200
    assert not OcopCertificate.objects.get(pk=certificate.pk).is_revoked

    response = staff.post(url, {"reason": "Không duy trì chất lượng"}, follow=True)

    certificate.refresh_from_db()
    assert certificate.is_revoked and certificate.revoked_reason == "Không duy trì chất lượng"
    assert certificate.revoked_by is not None
    assert "no longer shows its stars" in response.content.decode()
    assert product.ocop_stars is None
    english.logout()
    assert "★★★★★" not in english.get(product.get_absolute_url()).content.decode()


def test_unknown_certificate_ids_answer_404_for_staff(staff):
    assert (
        staff.get(reverse("dashboard:staff-certificate-revoke", args=[987654])).status_code == 404
    )
    assert staff.get(reverse("dashboard:staff-certificate-scan", args=[987654])).status_code == 404
