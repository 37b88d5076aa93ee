"""Suite-wide fixtures: reference data loaded once, media in a temporary folder."""

import pytest
from django.conf import settings
from django.core.cache import cache
from django.utils import translation

from catalogue.services import ocop_categories_sync, places_sync


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    # Places and OCOP groups are reference data every installation loads once.
    with django_db_blocker.unblock():
        places_sync()
        ocop_categories_sync()


@pytest.fixture(autouse=True)
def _index_at_once(request, monkeypatch):
    """Tests run inside a transaction that never commits, so index updates that production
    queues after commit run at once here. tests/search/test_indexing.py checks the real
    after-commit path with committed transactions."""
    if "real_commits" in request.keywords:
        return
    monkeypatch.setattr("search.receivers.after_commit", lambda callback: callback())


@pytest.fixture(autouse=True)
def _signup_mails_at_once(monkeypatch):
    """Sign-up mails (customer.services) are queued after commit, which tests never reach."""
    monkeypatch.setattr("customer.services.after_commit", lambda callback: callback())


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language (Vietnamese), whatever an earlier test
    activated in this thread (requests restore the language themselves)."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


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


# Services started by the session on loopback (localstripe, Redis) and their settings.
from tests.services import (  # noqa: E402,F401
    localstripe_url,
    redis_url,
    stripe_settings,
    stripe_webhooks,
)
