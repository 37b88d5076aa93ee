"""/healthz: every dependency named with its state, 200 when all answer, 503 naming the one
that does not; never cached, and no address or password in the answer."""

import pytest

pytestmark = pytest.mark.django_db

COMPONENTS = ("database", "cache", "broker", "search", "media_storage", "private_storage")
CLOSED_PORT = "127.0.0.1:1"


def _health(client):
    answer = client.get("/healthz")
    assert answer["Content-Type"] == "application/json"
    return answer, answer.json()


def test_all_dependencies_answer_on_the_embedded_default(client):
    answer, report = _health(client)

    assert answer.status_code == 200
    assert report["status"] == "ok"
    assert {name: report[name] for name in COMPONENTS} == dict.fromkeys(COMPONENTS, "ok")
    assert report["search_backend"] == "database"
    assert "no-store" in answer["Cache-Control"]


@pytest.mark.integration
def test_all_dependencies_answer_with_redis_as_cache_and_broker(client, settings, redis_url):
    settings.CELERY_BROKER_URL = redis_url
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }

    answer, report = _health(client)

    assert answer.status_code == 200, report
    assert {name: report[name] for name in COMPONENTS} == dict.fromkeys(COMPONENTS, "ok")


def test_a_broker_on_a_closed_port_is_a_503_naming_the_broker(client, settings):
    settings.CELERY_BROKER_URL = f"redis://:broker-pass-5ecret@{CLOSED_PORT}/0"

    answer, report = _health(client)

    assert answer.status_code == 503
    assert report["status"] == "error" and report["broker"] == "error"
    assert all(report[name] == "ok" for name in COMPONENTS if name != "broker")
    assert "5ecret" not in answer.content.decode() and "127.0.0.1" not in answer.content.decode()


def test_a_cache_that_does_not_answer_is_a_503_naming_the_cache(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{CLOSED_PORT}/0",
        }
    }

    answer, report = _health(client)

    assert answer.status_code == 503 and report["cache"] == "error"
    assert report["database"] == "ok"


def test_a_private_storage_that_cannot_be_written_is_a_503_naming_it(client, settings, tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    settings.PRIVATE_MEDIA_ROOT = blocker / "private"

    answer, report = _health(client)

    assert answer.status_code == 503
    assert report["private_storage"] == "error" and report["media_storage"] == "ok"


def test_elasticsearch_silent_is_reported_with_the_database_answering_searches(client, settings):
    settings.SEARCH_BACKEND = "elasticsearch"
    settings.ELASTICSEARCH_URL = f"http://{CLOSED_PORT}"

    answer, report = _health(client)

    # Pages still work (searches fall back), so a load balancer keeps the node.
    assert answer.status_code == 200
    assert report["status"] == "degraded" and report["search"] == "degraded"
    assert report["search_backend"] == "database"


def test_the_answer_is_not_kept_by_any_cache(client, settings):
    assert _health(client)[0].status_code == 200

    settings.CELERY_BROKER_URL = f"redis://{CLOSED_PORT}/0"

    answer, report = _health(client)
    assert answer.status_code == 503 and report["broker"] == "error"
