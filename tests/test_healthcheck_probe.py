"""bin/healthcheck, the web container's probe: healthy only on a 2xx answer, asking as the
proxy would (the public host, HTTPS said by X-Forwarded-Proto)."""

import os
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


class _Site(BaseHTTPRequestHandler):
    status = 200
    seen: list[dict[str, str]] = []

    def do_GET(self):
        _Site.seen.append(dict(self.headers))
        body = b'{"status": "ok"}' if _Site.status == 200 else b'{"status": "down"}'
        self.send_response(_Site.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def site_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/healthz"
    server.shutdown()


def _probe(url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": "https://cho-ocop.example", "HEALTHCHECK_TIMEOUT": "5"}
    return subprocess.run(
        [sys.executable, str(ROOT / "bin" / "healthcheck"), url],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
    )


def test_a_healthy_answer_passes_and_the_probe_asks_for_the_public_host_over_https(site_url):
    _Site.status = 200

    result = _probe(site_url)

    assert result.returncode == 0, result.stderr
    assert '200 {"status": "ok"}' in result.stdout
    assert _Site.seen[-1]["Host"] == "cho-ocop.example"
    assert _Site.seen[-1]["X-Forwarded-Proto"] == "https"


def test_a_503_fails_the_probe_and_says_what_the_site_answered(site_url):
    _Site.status = 503

    result = _probe(site_url)

    assert result.returncode == 1
    assert '503 {"status": "down"}' in result.stdout


def test_nothing_listening_fails_the_probe():
    result = _probe("http://127.0.0.1:9/healthz")

    assert result.returncode == 1
    assert "healthcheck: http://127.0.0.1:9/healthz" in result.stderr
