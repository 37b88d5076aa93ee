"""A producer applies on /sell/: what is written, what is sent, and what bad input changes
(nothing)."""

from datetime import date

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from freezegun import freeze_time
from oscar.apps.partner.models import Partner

from catalogue.models import Category, OcopCertificate, Product
from tests.factories import UserFactory, VendorFactory, address_confirm, commune
from tests.vendors.onboarding_data import application_data, pdf_scan, photo_scan
from vendors.models import Vendor, VendorStatusChange

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("_today")]

User = get_user_model()


@pytest.fixture
def _today():
    with freeze_time("2026-11-23 09:00:00"):
        yield


def _counts() -> tuple[int, ...]:
    return tuple(
        model.objects.count()
        for model in (User, Vendor, Partner, Product, OcopCertificate, VendorStatusChange)
    )


def test_the_sell_page_tells_producers_what_they_get_and_shows_the_form(vietnamese):
    page = vietnamese.get("/sell/").content.decode()

    assert "Bán hàng trên Chợ OCOP" in page
    assert "Ai có thể đăng ký" in page
    assert 'name="tax_code"' in page and 'name="certificates-0-scan"' in page


def test_the_footer_links_to_the_sell_page(vietnamese):
    assert 'href="/sell/"' in vietnamese.get("/catalogue/").content.decode()


def test_an_application_writes_the_account_producer_draft_product_and_certificate(
    vietnamese, settings, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = vietnamese.post("/sell/", application_data())

    # Whether the address had an account is not said: the page asks to read the mail.
    assert response.status_code == 302 and response["Location"] == "/accounts/signup/sent/"
    vendor = Vendor.objects.get(tax_code="5701999001")
    assert vendor.status == Vendor.Status.PENDING
    assert vendor.applicant.email == "htx.mien@example.vn"
    assert vendor.applicant.check_password("mien-dong-2026!")
    assert not vendor.applicant.is_active
    assert vendor.partner.name == "Hợp tác xã Miến dong Hoành Mô"
    assert vendor.commune == commune("Quảng Ninh", "Bình Liêu")
    assert vendor.old_district == "huyện Bình Liêu"
    product = Product.objects.get(vendor=vendor)
    assert product.title == "Miến dong Hoành Mô" and not product.is_public
    assert product.origin_commune == vendor.commune
    assert list(product.categories.values_list("ocop_code", flat=True)) == ["I.3.b"]
    certificate = product.ocop_certificates.get()
    assert certificate.stars == 4 and certificate.decision_number == "1234/QĐ-UBND"
    assert certificate.valid_until == date(2028, 3, 1)
    assert certificate.scan.read().startswith(b"%PDF-")

    assert [m.to for m in mail.outbox] == [
        ["htx.mien@example.vn"],
        ["lienhe@mienhoanhmo.vn", "htx.mien@example.vn"],
        [settings.OCOP_CONTACT_EMAIL],
    ]
    assert "/accounts/signup/confirm/" in mail.outbox[0].body
    assert "Hợp tác xã Miến dong Hoành Mô" in mail.outbox[1].subject
    assert f"/dashboard/producers/{vendor.pk}/" in mail.outbox[2].body
    address_confirm(vietnamese, "htx.mien@example.vn")
    received = vietnamese.get("/sell/received/").content.decode()
    assert "Đã nhận hồ sơ đăng ký" in received
    # The draft product stays out of the storefront until approval and publication.
    assert "Miến dong Hoành Mô" not in vietnamese.get("/catalogue/").content.decode()


def test_a_signed_in_customer_applies_with_their_account(client):
    user = UserFactory(email="khach@example.vn")
    client.force_login(user)
    data = {
        k: v
        for k, v in application_data().items()
        if k not in ("account_email", "password", "password_again")
    }

    response = client.post("/sell/", data)

    assert response.status_code == 302
    assert Vendor.objects.get().applicant == user
    assert User.objects.count() == 1


def test_two_certificates_make_two_draft_products(client):
    data = application_data(
        **{
            "certificates-TOTAL_FORMS": "2",
            "certificates-1-product_name": "Mật ong Bình Liêu",
            "certificates-1-category": str(Category.objects.get(ocop_code="I.2.b").pk),
            "certificates-1-stars": "3",
            "certificates-1-certificate_number": "OCOP-QN-2026-0009",
            "certificates-1-decision_number": "88/QĐ-UBND",
            "certificates-1-issuer_kind": "district",
            "certificates-1-issuer_name": "UBND huyện Bình Liêu",
            "certificates-1-issued_on": "2024-12-20",
            "certificates-1-scan": photo_scan(),
        }
    )

    assert client.post("/sell/", data).status_code == 302
    assert sorted(Product.objects.values_list("title", flat=True)) == [
        "Miến dong Hoành Mô",
        "Mật ong Bình Liêu",
    ]
    assert OcopCertificate.objects.count() == 2


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        pytest.param(
            {"certificates-0-issued_on": "2026-12-01"},
            "Ngày quyết định ở tương lai",
            id="certificate-in-the-future",
        ),
        pytest.param(
            {"certificates-0-issued_on": "2023-11-01"},
            "Chứng nhận này đã hết hạn ngày 01/11/2026",
            id="certificate-expired",
        ),
        pytest.param(
            {"certificates-0-scan": pdf_scan(content=b"<html>not a scan</html>")},
            "Tệp này không phải tài liệu PDF",
            id="scan-not-a-pdf",
        ),
        pytest.param(
            {"certificates-0-scan": pdf_scan(name="anh.jpg", content=b"GIF89a rubbish")},
            "Tệp này không phải ảnh đọc được",
            id="scan-not-a-photo",
        ),
        pytest.param(
            {"certificates-0-scan": pdf_scan(name="chung-nhan.exe")},
            "Hãy gửi bản scan dạng PDF",
            id="scan-wrong-type",
        ),
        pytest.param({"certificates-0-stars": "2"}, "Hãy chọn", id="two-stars"),
        pytest.param(
            {"certificates-TOTAL_FORMS": "0"}, "Hãy thêm ít nhất một", id="no-certificate"
        ),
        pytest.param({"tax_code": "57019"}, "Mã số thuế gồm 10 chữ số", id="bad-tax-code"),
        pytest.param(
            {"password_again": "something-else"}, "Hai mật khẩu không khớp", id="passwords-differ"
        ),
        pytest.param({"password": "123", "password_again": "123"}, "Mật khẩu", id="weak-password"),
    ],
)
def test_bad_input_gets_a_message_and_writes_nothing(vietnamese, overrides, message):
    before = _counts()

    response = vietnamese.post("/sell/", application_data(**overrides))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert _counts() == before
    assert mail.outbox == []


def test_a_taken_tax_code_is_refused(vietnamese):
    VendorFactory(tax_code="5701999001")
    before = _counts()

    response = vietnamese.post("/sell/", application_data())

    assert "Mã số thuế này đã được đăng ký" in response.content.decode()
    assert _counts() == before and mail.outbox == []


def test_the_answer_does_not_tell_whether_the_sign_in_address_has_an_account(
    client, django_capture_on_commit_callbacks
):
    new = client.post("/sell/", application_data())
    UserFactory(email="lan@example.vn")
    before = _counts()
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        known = client.post(
            "/sell/", application_data(account_email="lan@example.vn", tax_code="5701999002")
        )

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert known["Location"] == "/accounts/signup/sent/"
    # Nothing is filed under an account whose owner did not apply; its owner is told.
    assert _counts() == before
    [notice] = mail.outbox
    assert notice.to == ["lan@example.vn"] and "đã có tài khoản" in notice.body


def test_a_commune_of_another_province_is_refused(vietnamese):
    other = commune("Điện Biên", "Mường Phăng")
    before = _counts()

    response = vietnamese.post("/sell/", application_data(commune=str(other.pk)))

    assert "Hãy chọn một xã/phường thuộc tỉnh đã chọn" in response.content.decode()
    assert _counts() == before


def test_without_javascript_the_chosen_province_fills_the_commune_list(vietnamese):
    response = vietnamese.post("/sell/", application_data(commune=""))

    page = response.content.decode()
    assert "Xã Bình Liêu" in page and "Phường Hạ Long" in page
    assert "Mường Phăng" not in page
    assert Vendor.objects.count() == 0


def test_the_commune_endpoint_lists_a_provinces_communes(client):
    province = commune("Điện Biên", "Mường Phăng").province

    answer = client.get(f"/sell/communes/?province={province.pk}").json()
    refused = client.get("/sell/communes/?province=abc")

    names = [c["name"] for c in answer["communes"]]
    assert "Xã Mường Phăng" in names and "Xã Bình Liêu" not in names
    assert refused.status_code == 400


def test_an_applicant_sees_the_review_page_instead_of_the_dashboard(
    vietnamese, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        vietnamese.post("/sell/", application_data())
    address_confirm(vietnamese, "htx.mien@example.vn")

    dashboard = vietnamese.get("/dashboard/", follow=True)
    again = vietnamese.get("/sell/")

    assert dashboard.redirect_chain[-1][0] == "/sell/application/"
    assert "Hồ sơ của bạn đang được xem xét" in dashboard.content.decode()
    assert again.status_code == 302 and again["Location"] == "/sell/application/"


def test_the_status_notification_is_sent_once_even_if_the_task_runs_twice():
    from vendors.tasks import vendor_status_notify_task

    vendor = VendorFactory(status=Vendor.Status.PENDING)
    change = VendorStatusChange.objects.create(vendor=vendor, status=Vendor.Status.PENDING)

    assert vendor_status_notify_task(change.pk) is True
    assert vendor_status_notify_task(change.pk) is False
    assert len(mail.outbox) == 2  # the producer, and the staff
