"""Each request is one JSON log line (production's format) with its id, user, method, path,
status and duration; the id goes back in X-Request-ID; secrets never reach the line."""

import io
import json
import logging

import pytest
import structlog
from django.urls import include, path

from shop.logs import line_formatter
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _boom(request):
    password = "hunter2-secret"  # noqa: F841  (a local a careless traceback would print)
    raise RuntimeError("the view broke")


# This module is also the URL map of the failure test: the site's URLs plus a view that fails.
urlpatterns = [path("boom/", _boom), path("", include("shop.urls"))]


@pytest.fixture
def json_lines():
    """The lines production would write, as parsed objects."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(line_formatter(json_lines=True))
    root = logging.getLogger()
    root.addHandler(handler)

    def lines() -> list[dict]:
        return [json.loads(line) for line in stream.getvalue().splitlines() if line]

    yield lines
    root.removeHandler(handler)


def _requests(lines: list[dict]) -> list[dict]:
    return [line for line in lines if line.get("event") in {"request_finished", "request_failed"}]


def test_a_request_is_one_json_line_with_its_id_user_method_path_status_and_duration(
    client, json_lines
):
    user = UserFactory()
    client.force_login(user)

    response = client.get("/catalogue/?q=mien")

    [line] = _requests(json_lines())
    assert response.status_code == 200
    assert line["request_id"] == response["X-Request-ID"] and len(line["request_id"]) >= 16
    assert line["user_id"] == user.pk
    assert (line["method"], line["path"], line["query"], line["status"]) == (
        "GET",
        "/catalogue/",
        "q=mien",
        200,
    )
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["level"] == "info" and line["timestamp"].endswith("Z")


def test_an_anonymous_request_has_no_user_id_and_each_request_its_own_id(client, json_lines):
    first = client.get("/healthz")
    second = client.get("/healthz")

    lines = _requests(json_lines())
    assert [line["user_id"] for line in lines] == [None, None]
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert [line["request_id"] for line in lines] == [first["X-Request-ID"], second["X-Request-ID"]]


def test_the_proxys_request_id_is_kept_and_returned(client, json_lines):
    response = client.get("/healthz", headers={"X-Request-ID": "lb-7f3a9c21-0001"})

    [line] = _requests(json_lines())
    assert response["X-Request-ID"] == "lb-7f3a9c21-0001"
    assert line["request_id"] == "lb-7f3a9c21-0001"


def test_a_request_id_that_is_not_an_id_is_replaced(client, json_lines):
    response = client.get("/healthz", headers={"X-Request-ID": 'x" injected=1 ' + "a" * 300})

    [line] = _requests(json_lines())
    assert "injected" not in response["X-Request-ID"] and len(response["X-Request-ID"]) == 32
    assert line["request_id"] == response["X-Request-ID"]


def test_tokens_in_paths_and_secrets_in_query_strings_are_not_logged(client, json_lines):
    client.get("/password-reset/confirm/MQ/cm2abc-0123456789abcdef0123456789abcdef/")
    client.get("/api/v1/products/?key=pk_live_partnerkey123&q=mat+ong")
    client.post("/accounts/login/", {"login-username": "lan@example.vn", "login-password": "pw"})

    text = json.dumps(json_lines())
    reset, api, login = _requests(json_lines())
    assert reset["path"] == "/password-reset/confirm/[masked]/[masked]/"
    assert api["query"] == "key=%5Bmasked%5D&q=mat+ong"
    assert login["method"] == "POST" and "query" not in login
    for secret in ("cm2abc-0123456789abcdef", "pk_live_partnerkey123", "login-password"):
        assert secret not in text


@pytest.mark.urls(__name__)
def test_a_failing_request_is_one_error_line_with_its_context_and_traceback(client, json_lines):
    client.raise_request_exception = False

    response = client.get("/boom/", headers={"X-Request-ID": "lb-boom-00000001"})

    [line] = _requests(json_lines())
    assert response.status_code == 500 and response["X-Request-ID"] == "lb-boom-00000001"
    assert line["event"] == "request_failed" and line["level"] == "error"
    assert (line["request_id"], line["path"], line["status"]) == ("lb-boom-00000001", "/boom/", 500)
    assert "RuntimeError: the view broke" in line["exception"]
    assert "hunter2" not in json.dumps(json_lines())


def test_a_sensitive_key_logged_by_our_code_is_masked(json_lines):
    structlog.get_logger("shop.payments").warning(
        "card_refused",
        card_number="4242424242424242",
        order="100001",
        api_key="sk_live_x",
        buyer={"email": "lan@example.vn", "id": 7},
    )

    [line] = [entry for entry in json_lines() if entry.get("event") == "card_refused"]
    assert line["card_number"] == "[masked]" and line["api_key"] == "[masked]"
    assert line["buyer"] == {"email": "[masked]", "id": 7}
    assert line["order"] == "100001"
