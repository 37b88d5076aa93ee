"""OCOP certificates: validity for 36 months, and stars shown only while one is valid."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from catalogue.models import OcopCertificate
from catalogue.services import certificate_revoke
from tests.factories import CertificateFactory, ProductFactory, UserFactory, VendorFactory

pytestmark = pytest.mark.django_db


def test_certificate_is_valid_for_36_months_from_its_decision():
    certificate = CertificateFactory(issued_on=date(2024, 3, 15))

    assert certificate.valid_until == date(2027, 3, 15)


def test_certificate_status_follows_the_calendar():
    certificate = CertificateFactory(issued_on=date(2023, 1, 10))

    assert certificate.status_on(date(2023, 1, 9)) == OcopCertificate.Status.NOT_YET_VALID
    assert certificate.status_on(date(2023, 1, 10)) == OcopCertificate.Status.VALID
    assert certificate.status_on(date(2026, 1, 10)) == OcopCertificate.Status.VALID
    assert certificate.status_on(date(2026, 1, 11)) == OcopCertificate.Status.EXPIRED


def test_product_shows_stars_of_its_valid_certificate():
    with freeze_time("2026-06-01"):
        certificate = CertificateFactory(stars=4, issued_on=date(2025, 8, 1))

        assert certificate.product.ocop_stars == 4


def test_product_loses_stars_when_its_certificate_expires():
    certificate = CertificateFactory(stars=5, issued_on=date(2023, 5, 1))
    product = certificate.product

    with freeze_time("2026-05-01"):
        assert product.ocop_stars == 5
    with freeze_time("2026-05-02"):
        assert product.ocop_stars is None


def test_revoked_certificate_gives_no_stars():
    certificate = CertificateFactory(stars=4)

    certificate_revoke(certificate=certificate, reason="Vi phạm an toàn thực phẩm")

    certificate.refresh_from_db()
    assert certificate.status == OcopCertificate.Status.REVOKED
    assert certificate.product.ocop_stars is None


def test_renewed_certificate_restores_stars_after_expiry():
    old = CertificateFactory(stars=3, issued_on=date(2022, 1, 1))
    CertificateFactory(product=old.product, stars=4, issued_on=date(2025, 1, 1))

    with freeze_time("2026-01-01"):
        assert old.product.ocop_stars == 4


@pytest.mark.parametrize("stars", [1, 2, 6])
def test_stars_outside_three_to_five_are_rejected(stars):
    certificate = CertificateFactory.build(product=ProductFactory(), stars=stars)

    with pytest.raises(ValidationError) as excinfo:
        certificate.full_clean()
    assert "stars" in excinfo.value.message_dict


def test_product_page_shows_valid_certificate_number_and_stars(vietnamese):
    certificate = CertificateFactory(stars=4, certificate_number="QN-2025-0042")
    product = certificate.product

    page = vietnamese.get(product.get_absolute_url())

    assert page.status_code == 200
    text = page.content.decode()
    assert "QN-2025-0042" in text
    assert "★★★★" in text


@pytest.mark.parametrize("revoked", [False, True])
def test_product_page_hides_stars_of_expired_or_revoked_certificate(vietnamese, revoked):
    issued = date(2025, 1, 1) if revoked else date(2020, 1, 1)
    certificate = CertificateFactory(stars=5, issued_on=issued, is_revoked=revoked)

    page = vietnamese.get(certificate.product.get_absolute_url())

    assert page.status_code == 200
    assert "★★★" not in page.content.decode()


def test_catalogue_lists_products_with_stars_only_when_certified(vietnamese):
    certified = CertificateFactory(stars=3).product
    expired = CertificateFactory(stars=5, issued_on=date(2019, 1, 1)).product

    page = vietnamese.get(reverse("catalogue:index"))

    text = page.content.decode()
    assert certified.title in text and expired.title in text
    assert text.count("★★★★★") == 0


def _expired_and_revoked_product():
    expired = CertificateFactory(stars=5, issued_on=date(2020, 2, 1), certificate_number="OLD-5")
    CertificateFactory(
        product=expired.product,
        stars=4,
        certificate_number="REV-4",
        is_revoked=True,
        revoked_reason="Nhãn mác sai quy định",
    )
    return expired.product


def test_producer_sees_expired_and_revoked_certificates_on_its_product(client):
    product = _expired_and_revoked_product()
    user = UserFactory(is_staff=True)
    product.vendor.partner.users.add(user)
    client.force_login(user)

    text = client.get(product.get_absolute_url()).content.decode()

    assert "OLD-5" in text and "REV-4" in text
    assert "Nhãn mác sai quy định" in text
    assert "★★★" not in text


@pytest.mark.parametrize("who", ["anonymous", "customer", "other producer"])
def test_certificate_record_stays_hidden_from_the_public_and_other_producers(client, who):
    product = _expired_and_revoked_product()
    if who != "anonymous":
        user = UserFactory(is_staff=who == "other producer")
        if who == "other producer":
            VendorFactory().partner.users.add(user)
        client.force_login(user)

    text = client.get(product.get_absolute_url()).content.decode()

    assert "OLD-5" not in text and "REV-4" not in text


def test_staff_see_the_certificate_record(client):
    product = _expired_and_revoked_product()
    client.force_login(UserFactory(is_staff=True))

    text = client.get(product.get_absolute_url()).content.decode()

    assert "OLD-5" in text and "REV-4" in text
