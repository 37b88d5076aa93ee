"""Consent on the two applications that collect a business's and a person's data: a producer
applying at /sell/ and a tourism partner at /partners/join/."""

import pytest
from django.test import TestCase

from shop.privacy.models import ConsentMethod, ConsentPurpose, ConsentRecord
from shop.tourism.models import TourismPartner
from tests.factories import UserFactory
from tests.vendors.onboarding_data import application_data
from vendors.models import Vendor

pytestmark = pytest.mark.django_db

REFUSAL = "Tick the box to accept how we use your personal data"


def _sell(client, **overrides):
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post("/sell/", application_data(**overrides))


def _join(client, **extra):
    return client.post(
        "/partners/join/",
        {
            "organisation": "Homestay Lục Hồn",
            "kind": "hotel",
            "contact_name": "Vi Thị Hoa",
            "email": "hoa@homestay.example",
            "domains": "homestay.example",
            **extra,
        },
    )


def test_the_producer_application_refuses_without_the_tick_and_files_nothing(english):
    page = english.get("/sell/").content.decode()
    assert 'name="privacy_consent"' in page and 'href="/privacy/"' in page

    response = _sell(english, privacy_consent="")

    assert response.status_code == 200
    assert REFUSAL in response.content.decode()
    assert not Vendor.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_a_producer_application_records_the_consent_of_its_new_account(english, settings):
    response = _sell(english)

    assert response.status_code == 302
    vendor = Vendor.objects.get()
    consent = ConsentRecord.objects.get()
    assert (consent.user, consent.purpose, consent.method, consent.policy_version) == (
        vendor.applicant,
        ConsentPurpose.APPLICATION,
        ConsentMethod.PRODUCER_FORM,
        settings.PRIVACY_POLICY_VERSION,
    )


def test_an_application_under_an_address_with_an_account_writes_no_consent(english):
    UserFactory(email="htx.mien@example.vn")

    response = _sell(english)

    assert response.status_code == 302
    assert not Vendor.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_the_partner_application_refuses_without_the_tick_and_records_it_with_it(
    english, empty_cache, settings
):
    manager = UserFactory(email="lan@homestay.example")
    english.force_login(manager)
    page = english.get("/partners/join/").content.decode()
    assert 'name="privacy_consent"' in page and 'href="/privacy/"' in page

    refused = _join(english)

    assert refused.status_code == 400
    assert REFUSAL in refused.content.decode()
    assert not TourismPartner.objects.exists() and not ConsentRecord.objects.exists()

    assert _join(english, privacy_consent="on").status_code == 302
    consent = ConsentRecord.objects.get()
    assert (consent.user, consent.purpose, consent.method, consent.policy_version) == (
        manager,
        ConsentPurpose.APPLICATION,
        ConsentMethod.PARTNER_FORM,
        settings.PRIVACY_POLICY_VERSION,
    )
    assert TourismPartner.objects.get().members.get() == manager
