"""Staff review producers in the dashboard: approve, reject, suspend, reinstate, and what
each decision changes for the applicant and for shoppers."""

import pytest
from django.core import mail
from django.test import Client
from freezegun import freeze_time
from oscar.test.factories import UserFactory

from catalogue.models import OcopCertificate, Product
from tests.factories import CertificateFactory, ProductFactory, VendorFactory, address_confirm
from tests.vendors.onboarding_data import application_data
from vendors.models import Vendor, VendorStatusChange

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(staff_user):
    """A second browser, so the staff member and the applicant can take turns."""
    browser = Client()
    browser.force_login(staff_user)
    return browser


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run what production queues after commit (the e-mails) when the block ends."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _pending_producer(client, on_commit) -> Vendor:
    with freeze_time("2026-11-23 09:00:00"):
        # Each request commits before the next: the confirmation link is mailed first.
        with on_commit():
            assert client.post("/sell/", application_data()).status_code == 302
        with on_commit():
            address_confirm(client, "htx.mien@example.vn")
    client.logout()
    return Vendor.objects.get(tax_code="5701999001")


def test_apply_then_approve_through_the_pages_opens_the_dashboard(client, staff_user, on_commit):
    vendor = _pending_producer(client, on_commit)
    applicant = vendor.applicant
    client.force_login(applicant)
    assert client.get("/dashboard/")["Location"] == "/sell/application/"
    assert client.get("/dashboard/catalogue/").status_code == 302

    client.force_login(staff_user)
    listing = client.get("/dashboard/producers/?status=pending").content.decode()
    assert "Hợp tác xã Miến dong Hoành Mô" in listing
    mail.outbox.clear()
    with on_commit():
        response = client.post(f"/dashboard/producers/{vendor.pk}/approve/")

    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    assert list(vendor.partner.users.all()) == [applicant]
    change = vendor.status_changes.first()
    assert (change.status, change.changed_by) == (Vendor.Status.APPROVED, staff_user)
    assert len(mail.outbox) == 1 and "đã được duyệt" in mail.outbox[0].subject
    assert set(mail.outbox[0].to) == {"lienhe@mienhoanhmo.vn", "htx.mien@example.vn"}

    client.force_login(applicant)
    dashboard = client.get("/dashboard/")
    products = client.get("/dashboard/catalogue/")
    assert dashboard.status_code == 200
    assert products.status_code == 200 and "Miến dong Hoành Mô" in products.content.decode()


def test_the_staff_page_shows_legal_details_certificates_and_the_scan(
    staff_client, client, on_commit
):
    vendor = _pending_producer(client, on_commit)
    certificate = OcopCertificate.objects.get(product__vendor=vendor)

    page = staff_client.get(f"/dashboard/producers/{vendor.pk}/").content.decode()
    scan = staff_client.get(f"/dashboard/producers/{vendor.pk}/certificates/{certificate.pk}/scan/")
    foreign = staff_client.get(
        f"/dashboard/producers/{VendorFactory().pk}/certificates/{certificate.pk}/scan/"
    )

    for text in ("5701999001", "Thôn Nà Ếch", "huyện Bình Liêu", "1234/QĐ-UBND", "OCOP-QN-2025"):
        assert text in page
    assert scan.status_code == 200 and b"".join(scan.streaming_content).startswith(b"%PDF-")
    assert foreign.status_code == 404


def test_the_list_filters_by_status(staff_client):
    VendorFactory(legal_name="HTX Chè Đồng Văn", status=Vendor.Status.PENDING)
    VendorFactory(legal_name="HTX Mật ong Bản Phố", status=Vendor.Status.SUSPENDED)

    pending = staff_client.get("/dashboard/producers/?status=pending").content.decode()
    everyone = staff_client.get("/dashboard/producers/").content.decode()

    assert "HTX Chè Đồng Văn" in pending and "HTX Mật ong Bản Phố" not in pending
    assert "HTX Chè Đồng Văn" in everyone and "HTX Mật ong Bản Phố" in everyone


def test_a_rejection_needs_a_reason_and_the_applicant_reads_it(
    client, staff_user, staff_client, on_commit
):
    vendor = _pending_producer(client, on_commit)
    mail.outbox.clear()

    refused = staff_client.post(f"/dashboard/producers/{vendor.pk}/reject/", {"reason": " "})
    vendor.refresh_from_db()
    assert refused.status_code == 400 and vendor.status == Vendor.Status.PENDING
    assert "Trường này là bắt buộc" in refused.content.decode()

    reason = "Bản quét giấy chứng nhận bị mờ, không đọc được số quyết định."
    with on_commit():
        staff_client.post(f"/dashboard/producers/{vendor.pk}/reject/", {"reason": reason})

    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.REJECTED
    change = vendor.status_changes.first()
    assert (change.reason, change.changed_by) == (reason, staff_user)
    assert len(mail.outbox) == 1 and reason in mail.outbox[0].body
    assert not vendor.partner.users.exists()

    client.force_login(vendor.applicant)
    page = client.get("/dashboard/", follow=True).content.decode()
    assert "Hồ sơ của bạn không được chấp nhận" in page and reason in page


def test_a_suspended_producer_leaves_the_storefront_and_comes_back_when_reinstated(
    client, staff_client, on_commit
):
    product = ProductFactory(title="Dầu sở Hoành Mô")
    CertificateFactory(product=product)
    vendor = product.vendor
    member = UserFactory()
    from vendors.services import vendor_member_add

    vendor_member_add(vendor=vendor, user=member)
    url = product.get_absolute_url()
    assert "Dầu sở Hoành Mô" in client.get("/search/?q=dau+so").content.decode()

    reason = "Giấy chứng nhận đang bị cơ quan cấp tỉnh xem xét lại."
    with on_commit():
        staff_client.post(f"/dashboard/producers/{vendor.pk}/suspend/", {"reason": reason})

    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.SUSPENDED
    assert "Dầu sở Hoành Mô" not in client.get("/catalogue/").content.decode()
    assert "Dầu sở Hoành Mô" not in client.get("/search/?q=dau+so").content.decode()
    assert client.get(url).status_code == 404
    assert Product.objects.filter(pk=product.pk).exists()
    assert reason in mail.outbox[-1].body and vendor.email in mail.outbox[-1].to
    client.force_login(member)
    assert reason in client.get("/sell/application/").content.decode()
    client.logout()

    with on_commit():
        staff_client.post(f"/dashboard/producers/{vendor.pk}/reinstate/")

    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    assert "Dầu sở Hoành Mô" in client.get("/search/?q=dau+so").content.decode()
    assert client.get(url).status_code == 200
    assert "được bán hàng trở lại" in mail.outbox[-1].subject
    assert [c.status for c in vendor.status_changes.all()] == ["approved", "suspended"]


def test_a_suspension_needs_a_reason(staff_client):
    vendor = VendorFactory()

    response = staff_client.post(f"/dashboard/producers/{vendor.pk}/suspend/", {"reason": ""})

    vendor.refresh_from_db()
    assert response.status_code == 400 and vendor.status == Vendor.Status.APPROVED
    assert not VendorStatusChange.objects.exists() and mail.outbox == []


def test_a_decision_on_a_producer_in_another_state_changes_nothing(staff_client):
    vendor = VendorFactory(status=Vendor.Status.APPROVED)

    response = staff_client.post(f"/dashboard/producers/{vendor.pk}/approve/", follow=True)
    rejected = staff_client.post(
        f"/dashboard/producers/{vendor.pk}/reject/", {"reason": "Muộn"}, follow=True
    )

    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.APPROVED
    assert "tải lại trang" in response.content.decode()
    assert "tải lại trang" in rejected.content.decode()
    assert not VendorStatusChange.objects.exists() and not vendor.partner.users.exists()


def test_staff_never_decide_on_a_producer_they_belong_to(client, staff_user):
    applied = VendorFactory(status=Vendor.Status.PENDING, applicant=staff_user)
    member_of = VendorFactory(status=Vendor.Status.APPROVED)
    member_of.partner.users.add(staff_user)
    client.force_login(staff_user)

    approved = client.post(f"/dashboard/producers/{applied.pk}/approve/", follow=True)
    suspended = client.post(
        f"/dashboard/producers/{member_of.pk}/suspend/", {"reason": "Thử"}, follow=True
    )

    applied.refresh_from_db()
    member_of.refresh_from_db()
    assert (applied.status, member_of.status) == (Vendor.Status.PENDING, Vendor.Status.APPROVED)
    assert "một nhân viên khác quyết định" in approved.content.decode()
    assert "một nhân viên khác quyết định" in suspended.content.decode()
    assert not VendorStatusChange.objects.exists()
    assert not applied.partner.users.exists()


def test_an_unknown_producer_answers_404(staff_client):
    assert staff_client.get("/dashboard/producers/999999/").status_code == 404
    assert staff_client.post("/dashboard/producers/999999/approve/").status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/dashboard/producers/",
        "/dashboard/producers/{pk}/",
        "/dashboard/producers/{pk}/approve/",
        "/dashboard/producers/{pk}/reject/",
        "/dashboard/producers/{pk}/suspend/",
        "/dashboard/producers/{pk}/reinstate/",
        "/dashboard/producers/{pk}/certificates/{certificate}/scan/",
    ],
)
def test_staff_pages_refuse_customers_and_producers(client, path):
    certificate = CertificateFactory(product=ProductFactory(vendor=VendorFactory(status="pending")))
    vendor = certificate.product.vendor
    url = path.format(pk=vendor.pk, certificate=certificate.pk)
    from tests.factories import vendor_user

    client.force_login(vendor_user(VendorFactory()))
    as_producer = client.post(url, {"reason": "x"})
    client.force_login(UserFactory())
    as_customer = client.get(url)
    client.logout()
    anonymous = client.get(url)

    assert as_producer.status_code == 403 and as_customer.status_code == 403
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.PENDING


def test_a_queue_down_costs_the_mail_not_the_decision(staff_client, on_commit, monkeypatch):
    from kombu.exceptions import OperationalError

    def queue_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr("vendors.tasks.vendor_status_notify_task.delay", queue_down)
    vendor = ProductFactory().vendor
    mail.outbox.clear()

    with on_commit():
        response = staff_client.post(
            f"/dashboard/producers/{vendor.pk}/suspend/", {"reason": "Đang xác minh lại hồ sơ."}
        )

    assert response.status_code == 302
    vendor.refresh_from_db()
    assert vendor.status == Vendor.Status.SUSPENDED
    assert mail.outbox == []
