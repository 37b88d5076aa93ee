"""Booted on the production settings with a SITE_URL, the site names that address, and no
other host, in a password-reset mail, a producer's order mail, the sitemap and the feeds, even
when asked through another host (tests/shop/production_site.py does the asking)."""

import json
import re
import subprocess
import sys

import pytest

from tests.shop.test_settings import PRODUCTION_ENV, ROOT, _manage_env

pytestmark = pytest.mark.integration

SITE = "https://cho-ocop.example"
INTERNAL_HOST = "web.internal"
LINK = re.compile(r"https?://[^\s\"'<>]+")
NAMESPACE = re.compile(r'xmlns(:\w+)?="[^"]*"')


def _links(text: str) -> list[str]:
    # XML namespace names look like addresses but are names, not links.
    return LINK.findall(NAMESPACE.sub("", text))


@pytest.fixture(scope="module")
def production_answers(redis_url, tmp_path_factory):
    folder = tmp_path_factory.mktemp("production-site")
    out = folder / "answers.json"
    env = {
        **PRODUCTION_ENV,
        "SITE_URL": SITE,
        "DJANGO_ALLOWED_HOSTS": f"cho-ocop.example,{INTERNAL_HOST}",
        "INTERNAL_HOST": INTERNAL_HOST,
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "REDIS_URL": redis_url,
        "MEDIA_ROOT": str(folder / "media"),
        "PRIVATE_MEDIA_ROOT": str(folder / "private"),
        "ELASTICSEARCH_URL": "http://127.0.0.1:1",
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.shop.production_site", str(out)],
        cwd=ROOT,
        env=_manage_env(env),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    answers = json.loads(out.read_text(encoding="utf-8"))
    answers["log_lines"] = [
        json.loads(line) for line in result.stderr.splitlines() if line.startswith("{")
    ]
    return answers


def _only_the_site(text: str) -> list[str]:
    links = _links(text)
    assert links, text
    assert all(link.startswith(SITE + "/") for link in links), links
    assert INTERNAL_HOST not in text and "example.com" not in text and "testserver" not in text
    return links


def test_the_password_reset_mail_names_the_site_address(production_answers):
    assert production_answers["password_reset_status"] == 302
    [body] = production_answers["password_reset_mail"]

    links = _only_the_site(body)

    assert any(link.startswith(f"{SITE}/password-reset/confirm/") for link in links)


def test_the_producers_order_mail_names_the_site_address(production_answers):
    [body] = production_answers["producer_order_mail"]

    links = _only_the_site(body)

    assert any(re.match(rf"{SITE}/dashboard/producer/orders/\d+/$", link) for link in links)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("sitemap", f"<loc>{SITE}/sitemap-products.xml</loc>"),
        ("sitemap_pages", f"<loc>{SITE}/stories/mua-mien-dong/</loc>"),
        ("sitemap_products", f"<loc>{SITE}/catalogue/"),
        ("sitemap_producers", f"<loc>{SITE}/vendors/"),
        ("feed_rss", f"<link>{SITE}/stories/mua-mien-dong/</link>"),
        ("feed_atom", f'<link href="{SITE}/stories/feed/atom/" rel="self"/>'),
    ],
)
def test_the_sitemap_and_the_feeds_name_the_site_address(production_answers, answer, expected):
    page = production_answers[answer]

    assert page["status"] == 200
    _only_the_site(page["body"])
    assert expected in page["body"]


def test_production_logs_one_json_line_per_request(production_answers):
    requests = [
        line for line in production_answers["log_lines"] if line["event"] == "request_finished"
    ]

    assert [(line["method"], line["path"]) for line in requests] == [
        ("POST", "/password-reset/"),
        ("GET", "/sitemap.xml"),
        ("GET", "/sitemap-pages.xml"),
        ("GET", "/sitemap-products.xml"),
        ("GET", "/sitemap-producers.xml"),
        ("GET", "/stories/feed/rss/"),
        ("GET", "/stories/feed/atom/"),
        ("GET", "/healthz"),
    ]
    assert len({line["request_id"] for line in requests}) == len(requests)
    assert all(line["level"] == "info" and "duration_ms" in line for line in requests)


def test_the_health_check_answers_a_plain_http_probe_on_production_settings(
    production_answers,
):
    health = production_answers["healthz"]
    report = json.loads(health["body"])

    # Elasticsearch is not running here: searches are answered by the database.
    assert health["status"] == 200, report
    assert report["status"] == "degraded" and report["search_backend"] == "database"
    for component in ("database", "cache", "broker", "media_storage", "private_storage"):
        assert report[component] == "ok", report
