"""Daily certificate tasks: the reminder 30 days before expiry, and the stars leaving at expiry."""

from datetime import date

import pytest
from django.conf import settings
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from catalogue.models import OcopCertificate
from catalogue.services import certificate_revoke
from catalogue.tasks import certificate_expiry_reminders_task, certificates_expire_task
from shop.celery import app
from tests.factories import CertificateFactory, ProductFactory, VendorFactory, vendor_user

pytestmark = pytest.mark.django_db

# Issued 2023-06-01: valid through 2026-06-01, so 30 days before is 2026-05-02.
ISSUED = date(2023, 6, 1)
LAST_VALID_DAY = date(2026, 6, 1)


@pytest.fixture
def certificate():
    # Filed (and indexed) while valid, as it would have been.
    with freeze_time("2026-04-01"):
        vendor = VendorFactory(legal_name="HTX Miến dong Bình Liêu", email="htx@binhlieu.vn")
        product = ProductFactory(vendor=vendor, title="Miến dong Bình Liêu loại 1")
        return CertificateFactory(
            product=product,
            stars=4,
            certificate_number="QN-2023-0117",
            decision_number="1234/QĐ-UBND",
            issuer_name="UBND tỉnh Quảng Ninh",
            issued_on=ISSUED,
        )


def test_both_tasks_are_scheduled_daily_and_registered():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    app.loader.import_default_modules()  # what a worker does at start: find every tasks.py

    assert {"catalogue.certificate_expiry_reminders", "catalogue.certificates_expire"} <= scheduled
    assert scheduled <= set(app.tasks)


def test_reminder_goes_out_30_days_before_expiry_not_31(certificate):
    with freeze_time("2026-05-01"):
        certificate_expiry_reminders_task.delay()
    assert mail.outbox == []

    with freeze_time("2026-05-02"):
        certificate_expiry_reminders_task.delay()

    assert len(mail.outbox) == 1
    certificate.refresh_from_db()
    assert certificate.reminder_sent_at is not None


def test_reminder_tells_the_producer_in_vietnamese_what_to_do(certificate):
    member = vendor_user(certificate.product.vendor, email="ketoan@binhlieu.vn")

    with freeze_time("2026-05-20"):
        certificate_expiry_reminders_task.delay()

    (message,) = mail.outbox
    assert message.to == ["htx@binhlieu.vn", member.email]
    assert "QN-2023-0117" in message.subject and "01/06/2026" in message.subject
    assert "Miến dong Bình Liêu loại 1" in message.body
    assert "1234/QĐ-UBND" in message.body
    assert "còn 12 ngày" in message.body
    assert "đánh giá lại" in message.body
    add_url = reverse("dashboard:producer-certificate-add") + f"?product={certificate.product_id}"
    assert add_url in message.body


def test_reminder_is_sent_once_even_when_the_task_runs_twice(certificate):
    with freeze_time("2026-05-10"):
        certificate_expiry_reminders_task.delay()
        certificate_expiry_reminders_task.delay()
    with freeze_time("2026-05-11"):
        certificate_expiry_reminders_task.delay()

    assert len(mail.outbox) == 1


def test_no_reminder_for_a_revoked_certificate(certificate):
    certificate_revoke(certificate=certificate, reason="Vi phạm nhãn mác")

    with freeze_time("2026-05-10"):
        certificate_expiry_reminders_task.delay()

    assert mail.outbox == []


def test_no_reminder_once_the_new_certificate_is_filed(certificate):
    CertificateFactory(product=certificate.product, stars=4, issued_on=date(2026, 4, 20))

    with freeze_time("2026-05-10"):
        certificate_expiry_reminders_task.delay()

    assert mail.outbox == []


def test_a_revoked_newer_certificate_does_not_stop_the_reminder(certificate):
    CertificateFactory(product=certificate.product, issued_on=date(2026, 4, 20), is_revoked=True)

    with freeze_time("2026-05-10"):
        certificate_expiry_reminders_task.delay()

    assert len(mail.outbox) == 1


def test_stars_show_on_the_last_valid_day_and_vanish_the_day_after(client, certificate):
    url = certificate.product.get_absolute_url()

    with freeze_time(LAST_VALID_DAY):
        assert "★★★★" in client.get(url).content.decode()
    with freeze_time("2026-06-02"):
        page = client.get(url)

    assert page.status_code == 200
    assert "★★★★" not in page.content.decode()


def _stars_facet(client, **params) -> dict:
    answer = client.get("/api/v1/products/", params).json()
    return answer, {f["value"]: f["count"] for f in answer["facets"]["stars"]}


def test_expiry_takes_the_stars_off_search_and_the_api(
    client, certificate, django_capture_on_commit_callbacks
):
    product = certificate.product
    ProductFactory(title="Miến dong khác")  # uncertified, still listed

    with freeze_time(LAST_VALID_DAY):
        # The task's transaction commits: what it queued after commit (the index) runs.
        with django_capture_on_commit_callbacks(execute=True):
            certificates_expire_task.delay()
        answer, facet = _stars_facet(client, stars="3")
        assert [hit["id"] for hit in answer["results"]] == [product.pk]
        assert facet["4"] == 1
        assert mail.outbox == []

    with freeze_time("2026-06-02"):
        with django_capture_on_commit_callbacks(execute=True):
            certificates_expire_task.delay()
        answer, facet = _stars_facet(client, stars="3")
        everything = client.get("/api/v1/products/", {"q": "mien dong"}).json()
        search_page = client.get("/search/", {"q": "mien dong", "stars": "3"})
        catalogue_page = client.get(reverse("catalogue:index"), {"stars": "3"})

    assert answer["count"] == 0
    assert facet == {"3": 0, "4": 0, "5": 0}
    hit = next(h for h in everything["results"] if h["id"] == product.pk)
    assert hit["stars"] is None
    for page in (search_page, catalogue_page):
        assert page.status_code == 200
        assert product.title not in page.content.decode()
    certificate.refresh_from_db()
    assert certificate.expiry_processed_at is not None


def test_expiry_mail_tells_the_producer_the_stars_left_once(certificate):
    with freeze_time("2026-06-02"):
        certificates_expire_task.delay()
        certificates_expire_task.delay()
    with freeze_time("2026-06-03"):
        certificates_expire_task.delay()

    (message,) = mail.outbox
    assert message.to == ["htx@binhlieu.vn"]
    assert "Miến dong Bình Liêu loại 1" in message.subject
    assert "QN-2023-0117" in message.body and "01/06/2026" in message.body
    assert "không còn hiển thị" in message.body


def test_expiry_of_a_renewed_product_keeps_the_new_stars_and_sends_no_mail(
    client, certificate, django_capture_on_commit_callbacks
):
    CertificateFactory(product=certificate.product, stars=5, issued_on=date(2026, 5, 15))

    with freeze_time("2026-06-02"):
        with django_capture_on_commit_callbacks(execute=True):
            certificates_expire_task.delay()
        answer, facet = _stars_facet(client, stars="5")

    assert mail.outbox == []
    assert [hit["stars"] for hit in answer["results"]] == [5]
    assert OcopCertificate.objects.get(pk=certificate.pk).expiry_processed_at is not None


def test_expiry_of_a_revoked_certificate_sends_no_mail(certificate):
    certificate_revoke(certificate=certificate, reason="Vi phạm nhãn mác")

    with freeze_time("2026-06-02"):
        assert certificates_expire_task.delay().get() == 1

    assert mail.outbox == []


def test_expiry_of_a_certificate_never_verified_sends_no_mail(certificate):
    # It never gave stars, so there are none to lose.
    OcopCertificate.objects.filter(pk=certificate.pk).update(verified_at=None)

    with freeze_time("2026-06-02"):
        assert certificates_expire_task.delay().get() == 1

    assert mail.outbox == []


@pytest.fixture
def refused_address(monkeypatch):
    """An SMTP server that refuses one producer's address."""
    from smtplib import SMTPRecipientsRefused

    from django.core.mail import EmailMessage

    real_send = EmailMessage.send

    def send(self, fail_silently=False):
        if "sai@binhlieu.vn" in self.to:
            raise SMTPRecipientsRefused({"sai@binhlieu.vn": (550, b"No such user")})
        return real_send(self, fail_silently)

    monkeypatch.setattr(EmailMessage, "send", send)


def _due_first(**kwargs):
    # Ends a day before `certificate`, so the daily runs meet it first.
    with freeze_time("2026-04-01"):
        vendor = VendorFactory(email="sai@binhlieu.vn")
        return CertificateFactory(
            product=ProductFactory(vendor=vendor), stars=3, issued_on=date(2023, 5, 31), **kwargs
        )


def test_a_refused_address_holds_back_only_its_own_reminder(certificate, refused_address):
    refused = _due_first()

    with freeze_time("2026-05-10"):
        assert certificate_expiry_reminders_task.delay().get() == 1

    (message,) = mail.outbox
    assert message.to == ["htx@binhlieu.vn"]
    refused.refresh_from_db()
    certificate.refresh_from_db()
    assert refused.reminder_sent_at is None  # tried again tomorrow
    assert certificate.reminder_sent_at is not None


def test_a_refused_address_holds_back_only_its_own_expiry(certificate, refused_address):
    refused = _due_first()

    with freeze_time("2026-06-02"):
        assert certificates_expire_task.delay().get() == 1

    (message,) = mail.outbox
    assert message.to == ["htx@binhlieu.vn"]
    assert OcopCertificate.objects.get(pk=refused.pk).expiry_processed_at is None
    assert OcopCertificate.objects.get(pk=certificate.pk).expiry_processed_at is not None
