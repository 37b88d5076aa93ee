"""Sign-up and password-reset forms answer the same whether or not the address has an
account; what differs goes by mail to the address. New accounts open once confirmed."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from oscar.test.factories import UserFactory

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "mien-dong-binh-lieu-2026"


def register(client, email, **extra):
    """Sign up through the form; the request's transaction commits, so the mail it queued
    after commit is sent (the test's own transaction never commits)."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(
            "/accounts/login/",
            {
                "registration-email": email,
                "registration-password1": PASSWORD,
                "registration-password2": PASSWORD,
                "registration-privacy_consent": "on",
                "registration_submit": "1",
                **extra,
            },
            follow=True,
        )


def _seen(response) -> tuple:
    """What the person at the form sees: every address passed through, the status, the page
    (without the CSRF token and the script nonce, which differ per request)."""
    page = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", response.content.decode())
    page = re.sub(r'nonce="[^"]+"', "", page)
    return response.redirect_chain, response.status_code, page


def _link(message, start: str) -> str:
    return next(u for u in re.findall(r"https?://\S+", message.body) if start in u)


def test_registration_answers_the_same_for_a_known_and_a_new_address(vietnamese, client):
    UserFactory(email="lan@example.vn")
    mail.outbox.clear()

    known = register(vietnamese, "lan@example.vn")
    new = register(client, "mai@example.vn")

    assert _seen(known) == _seen(new)
    assert known.redirect_chain == [("/accounts/signup/sent/", 302)]
    assert "Hãy xem hộp thư của bạn" in known.content.decode()
    assert "đã có" not in known.content.decode()
    assert "_auth_user_id" not in vietnamese.session and "_auth_user_id" not in client.session
    assert User.objects.filter(email__iexact="lan@example.vn").count() == 1
    assert not User.objects.get(email="mai@example.vn").is_active
    to_lan, to_mai = mail.outbox
    assert to_lan.to == ["lan@example.vn"] and "đã có tài khoản" in to_lan.body
    assert to_mai.to == ["mai@example.vn"] and "/accounts/signup/confirm/" in to_mai.body


def test_the_registration_page_answers_the_same_too(client):
    UserFactory(email="lan@example.vn")
    data = {
        "email": "lan@example.vn",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "privacy_consent": "on",
    }

    known = client.post("/accounts/register/", data)
    new = client.post("/accounts/register/", {**data, "email": "mai@example.vn"})

    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"] == "/accounts/signup/sent/"


def test_a_new_account_cannot_sign_in_before_its_address_is_confirmed(client):
    register(client, "mai@example.vn")

    answer = client.post(
        "/accounts/login/",
        {"login-username": "mai@example.vn", "login-password": PASSWORD, "login_submit": "1"},
    )

    assert answer.status_code == 200 and "_auth_user_id" not in client.session


def test_the_mailed_link_confirms_the_account_and_signs_it_in_once(client):
    mail.outbox.clear()
    register(client, "mai@example.vn", **{"registration-redirect_url": "/basket/"})
    link = _link(mail.outbox[0], "/accounts/signup/confirm/")
    path = link.removeprefix("http://127.0.0.1:8000")

    page = client.get(path)
    assert page.status_code == 200 and "Xác nhận địa chỉ của tôi" in page.content.decode()
    assert "_auth_user_id" not in client.session

    answer = client.post(path)

    assert answer.status_code == 302 and answer["Location"] == "/basket/"
    assert User.objects.get(email="mai@example.vn").is_active
    assert "_auth_user_id" in client.session
    client.logout()
    assert client.post(path).status_code == 400
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize(
    "path",
    [
        "/accounts/signup/confirm/MQ/abc-def/",
        "/accounts/signup/confirm/wrXCsg/abc-def/",  # "²" in base64
        "/accounts/signup/confirm/OTk5OTk5OTk5OTk5OTk5OTk5OTk5/abc-def/",
    ],
)
def test_a_forged_or_broken_link_gets_a_message_not_an_error(client, path):
    page = client.get(path)

    assert page.status_code == 400
    assert "Đường dẫn này không còn dùng được" in page.content.decode()


def test_a_link_with_a_nul_byte_is_refused_before_it_is_read(client):
    page = client.get("/accounts/signup/confirm/%00/x/")

    assert page.status_code == 400
    assert "ký tự không được phép" in page.content.decode()


def test_signing_up_again_before_confirming_sends_a_link_that_sets_the_password(client):
    register(client, "mai@example.vn")
    mail.outbox.clear()

    register(client, "mai@example.vn")

    [notice] = mail.outbox
    assert User.objects.filter(email="mai@example.vn").count() == 1
    reset = _link(notice, "/password-reset/confirm/").removeprefix("http://127.0.0.1:8000")
    form = client.get(reset, follow=True)
    client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "mat-khau-moi-2026", "new_password2": "mat-khau-moi-2026"},
    )
    user = User.objects.get(email="mai@example.vn")
    assert user.is_active and user.check_password("mat-khau-moi-2026")


def test_the_password_reset_form_answers_the_same_for_a_known_and_an_unknown_address(client):
    UserFactory(email="lan@example.vn")
    mail.outbox.clear()

    known = client.post("/password-reset/", {"email": "lan@example.vn"})
    unknown = client.post("/password-reset/", {"email": "ai-do@example.vn"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["lan@example.vn"]]


def test_a_queue_down_costs_the_mail_not_the_sign_up(client, monkeypatch):
    from kombu.exceptions import OperationalError

    def queue_down(*args, **kwargs):
        raise OperationalError("Error 111 connecting to localhost:6379. Connection refused.")

    monkeypatch.setattr("customer.tasks.account_signup_mail.delay", queue_down)

    answer = register(client, "mai@example.vn")

    assert answer.redirect_chain == [("/accounts/signup/sent/", 302)]
    assert "Hãy xem hộp thư của bạn" in answer.content.decode()
    assert User.objects.filter(email="mai@example.vn", is_active=False).exists()
    assert mail.outbox == []
