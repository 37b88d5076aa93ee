"""Which search backend the settings choose from the environment, and a site configured for
Elasticsearch whose cluster does not answer: searches still answer, from the database, and the
log says so. No Elasticsearch server is needed."""

import logging
import os
import socket
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from catalogue.models import Category
from tests.factories import CertificateFactory, ProductFactory

ROOT = Path(__file__).resolve().parents[2]


def _closed_port() -> int:
    # A port that was just free and that nothing listens on: connections are refused at once.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CLOSED_URL = f"http://127.0.0.1:{_closed_port()}"


def _settings_read(env: dict) -> subprocess.CompletedProcess:
    """The development settings (what `manage.py runserver` loads) read in a fresh process
    with only these search variables set."""
    clean = {
        k: v for k, v in os.environ.items() if k not in ("SEARCH_BACKEND", "ELASTICSEARCH_URL")
    }
    return subprocess.run(
        [sys.executable, "-c", "import shop.settings.dev as s; print(s.SEARCH_BACKEND)"],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize(
    ("env", "backend"),
    [
        ({}, "database"),
        ({"ELASTICSEARCH_URL": CLOSED_URL}, "elasticsearch"),
        ({"ELASTICSEARCH_URL": CLOSED_URL, "SEARCH_BACKEND": "database"}, "database"),
        ({"SEARCH_BACKEND": "elasticsearch"}, "elasticsearch"),
    ],
)
def test_an_elasticsearch_address_chooses_elasticsearch_unless_the_backend_is_named(env, backend):
    result = _settings_read(env)

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == backend


def test_a_misspelt_backend_stops_the_site_with_its_name():
    result = _settings_read({"SEARCH_BACKEND": "elastic"})

    assert result.returncode != 0
    assert "SEARCH_BACKEND must be 'database' or 'elasticsearch', not 'elastic'" in result.stderr


@pytest.mark.django_db
def test_a_site_whose_elasticsearch_is_down_answers_every_search_from_the_database(
    client, settings, caplog
):
    honey = ProductFactory(title="Mật ong hoa Ban Điện Biên", stock=(Decimal("250000"), 8))
    honey.categories.add(Category.objects.get(ocop_code="I.2.b"))
    CertificateFactory(product=honey, stars=4)
    # What the settings chose above for an address and no SEARCH_BACKEND.
    chosen = _settings_read({"ELASTICSEARCH_URL": CLOSED_URL}).stdout.strip()
    settings.SEARCH_BACKEND = chosen
    settings.ELASTICSEARCH_URL = CLOSED_URL

    with caplog.at_level(logging.WARNING, logger="search.service"):
        page = client.get("/search/", {"q": "mat ong dien bien"})
        api = client.get("/api/v1/products/", {"q": "MAT ONG", "stars": "4"})
        suggestions = client.get("/search/suggest/", {"q": "mat o"})

    assert chosen == "elasticsearch"
    assert page.status_code == 200 and honey.title in page.content.decode()
    assert api.status_code == 200 and api.json()["count"] == 1
    assert suggestions.status_code == 200
    assert honey.title in [s["label"] for s in suggestions.json()["suggestions"]]
    fallbacks = [r for r in caplog.records if "answering from the database" in r.getMessage()]
    assert fallbacks and all(r.levelno == logging.WARNING for r in fallbacks)
