"""Login throttling: after five wrong passwords for one name from one address, every login
form refuses that name and address, the right password included, until the cool-off."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time
from oscar.test.factories import UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "mat-ong-hoa-ban-2026"


@pytest.fixture
def lan():
    user = UserFactory(username="lan", email="lan@example.vn", is_staff=True, is_superuser=True)
    user.set_password(PASSWORD)
    user.save()
    return user


def storefront(client, password, **headers):
    return client.post(
        "/accounts/login/",
        {"login-username": "lan@example.vn", "login-password": password, "login_submit": "1"},
        **headers,
    )


def cms_admin(client, password, **headers):
    return client.post("/cms-admin/login/", {"username": "lan", "password": password}, **headers)


def django_admin(client, password, **headers):
    return client.post("/django-admin/login/", {"username": "lan", "password": password}, **headers)


def dashboard(client, password, **headers):
    return client.post(
        "/dashboard/login/", {"username": "lan@example.vn", "password": password}, **headers
    )


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


@pytest.mark.parametrize(
    "form",
    [storefront, cms_admin, django_admin, dashboard],
    ids=["storefront", "cms-admin", "django-admin", "dashboard"],
)
def test_five_wrong_passwords_lock_the_form_even_for_the_right_one(vietnamese, lan, form):
    answers = [form(vietnamese, "sai-mat-khau").status_code for _ in range(5)]
    # The fifth failure already answers with the lockout page.
    assert answers == [200, 200, 200, 200, 429]
    assert not signed_in(vietnamese)

    refused = form(vietnamese, PASSWORD)

    assert refused.status_code == 429
    assert "Đăng nhập sai quá nhiều lần" in refused.content.decode()
    assert not signed_in(vietnamese)


def test_the_right_password_works_again_after_the_cool_off(client, lan):
    for _ in range(5):
        storefront(client, "sai-mat-khau")
    assert storefront(client, PASSWORD).status_code == 429

    with freeze_time(timezone.now() + timedelta(minutes=16)):
        answer = storefront(client, PASSWORD)

    assert answer.status_code == 302 and signed_in(client)


def test_a_success_clears_the_count(client, lan):
    for _ in range(4):
        storefront(client, "sai-mat-khau")
    assert storefront(client, PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        storefront(client, "sai-mat-khau")

    assert storefront(client, PASSWORD).status_code == 302 and signed_in(client)


def test_a_new_x_forwarded_for_per_attempt_is_still_counted(client, lan):
    for number in range(5):
        storefront(client, "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"203.0.113.{number}")

    refused = storefront(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.77")

    assert refused.status_code == 429 and not signed_in(client)


def test_the_same_name_from_another_address_may_still_sign_in(client, lan):
    for _ in range(5):
        storefront(client, "sai-mat-khau")

    answer = storefront(client, PASSWORD, REMOTE_ADDR="198.51.100.77")

    assert answer.status_code == 302 and signed_in(client)


def test_the_case_of_the_address_typed_does_not_start_a_new_count(client, lan):
    for number in range(5):
        name = "LAN@example.vn" if number % 2 else "lan@Example.VN "
        client.post(
            "/accounts/login/",
            {"login-username": name, "login-password": "sai", "login_submit": "1"},
        )

    assert storefront(client, PASSWORD).status_code == 429
