"""Suite-wide fixtures: reference data loaded once, the demo catalogue seeded once per module
that reads it, media in a temporary folder."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import translation

from catalogue.services import ocop_categories_sync, places_sync
from tests.factories import UserFactory, VendorFactory, vendor_user


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Places and OCOP groups are reference data every installation loads once.
    with django_db_blocker.unblock():
        places_sync()
        ocop_categories_sync()


@pytest.fixture
def reference_data(transactional_db):
    """Places and OCOP groups again, for a test that commits: an earlier such test's flush
    emptied the database the session's set-up had filled."""
    from catalogue.models import Commune

    if not Commune.objects.exists():
        places_sync()
        ocop_categories_sync()


@pytest.fixture(scope="module")
def demo_catalogue(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo catalogue (without pictures) seeded once for the module that asks for it.

    Seeding takes seconds, so it is done once inside a transaction the module holds open; each
    test runs in a savepoint on top of it (pytest-django's usual per-test rollback), and the
    whole is rolled back when the module ends, so the next module starts from an empty
    catalogue again. Tests that need transactions of their own (live servers) cannot use it.
    """
    media = tmp_path_factory.mktemp("demo-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media / "media", PRIVATE_MEDIA_ROOT=media / "private"),
        transaction.atomic(),
    ):
        # seed_demo loads the places and OCOP groups too, which browser tests may have flushed.
        call_command("seed_demo", no_images=True, verbosity=0, stdout=StringIO(), stderr=StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _media_root(request, settings, tmp_path):
    if "demo_catalogue" in request.fixturenames:
        # The seeded module's files (story pictures) stay where the seed wrote them.
        return
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Vietnamese), whatever an earlier test
    activated in this thread (requests restore the language themselves)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Each test starts with an empty cache: pages, fragments and counters kept by one test
    are never served to the next."""
    cache.clear()


@pytest.fixture
def page_cache_off(settings):
    """Pages and their cached fragments (header menu, group tiles) rendered on every request,
    for tests that count what rendering a page costs."""
    settings.PAGE_CACHE_ENABLED = False
    # {% cache %} uses this alias when it exists.
    settings.CACHES = {
        **settings.CACHES,
        "template_fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }


@pytest.fixture
def empty_cache():
    """The cache emptied before and after the test: API rate limits, widget counters."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def vietnamese(client):
    """A client reading the site in Vietnamese (the default language)."""
    client.cookies["django_language"] = "vi"
    return client


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def staff_user(db):
    """A member of staff: reviews producers, verifies certificates, records payouts."""
    return UserFactory(is_staff=True)


@pytest.fixture
def staff(english, staff_user):
    """The test's client, in English, signed in as a member of staff."""
    english.force_login(staff_user)
    return english


@pytest.fixture
def producer(english):
    """The test's client, in English, signed in as a member of a producer (`.vendor`)."""
    vendor = VendorFactory(legal_name="HTX Mật ong Bình Liêu")
    english.force_login(vendor_user(vendor))
    english.vendor = vendor
    return english


# Services started by the session on loopback (localstripe, Redis) and their settings.
from tests.services import (  # noqa: E402,F401
    localstripe_url,
    redis_url,
    stripe_settings,
    stripe_webhooks,
)
