"""A full catalogue page, 24 cards and every filter, stays under its byte budget (the issue's
60 KB of HTML). The catalogue is seeded with producers in every province, so the filters are
as long as they get: the provinces all listed, the producers cut to the first few."""

import re
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

BUDGET = 60 * 1024


@pytest.fixture(scope="module")
def many_producers(django_db_setup, django_db_blocker, tmp_path_factory):
    media = tmp_path_factory.mktemp("bytes-media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media / "media", PRIVATE_MEDIA_ROOT=media / "private"),
        transaction.atomic(),
    ):
        call_command(
            "seed_demo",
            products=300,
            producers=120,
            no_images=True,
            verbosity=0,
            stdout=StringIO(),
            stderr=StringIO(),
        )
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("url", ["/catalogue/", "/catalogue/?stars=4"])
def test_a_full_catalogue_page_with_its_filters_stays_under_the_budget(many_producers, url):
    page = Client().get(url).content.decode()

    assert page.count('<article class="product_pod') == 24
    assert page.count('class="ocop-facet"') >= 4
    assert len(re.findall(r'class="ocop-facet__option', page)) >= 40
    assert len(page.encode()) <= BUDGET, f"{url}: {len(page.encode()):,} bytes"
