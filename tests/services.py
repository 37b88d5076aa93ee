"""Real services a test session starts on loopback in temporary folders: localstripe (a
stateful fake Stripe), Redis and a Celery worker. Imported by tests/conftest.py."""

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

STRIPE_SECRET_KEY = "sk_test_ocop_localstripe"
STRIPE_PUBLISHABLE_KEY = "pk_test_ocop_localstripe"
STRIPE_WEBHOOK_SECRET = "whsec_ocop_localstripe"

# localstripe keeps its objects in /tmp/localstripe.pickle after every write, shared by every
# run on the machine; this session's copy keeps them in memory only, on loopback only.
LOCALSTRIPE_LAUNCHER = """
import sys
from aiohttp import web
import localstripe.resources as resources
type(resources.store).dump_to_disk = lambda self: None
from localstripe.server import app
web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
"""


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_for(check, *, seconds: float, what: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with code {process.returncode}")
        if check():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} did not start within {seconds} s")


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def localstripe_url(tmp_path_factory):
    try:
        import localstripe  # noqa: F401
    except ImportError:
        pytest.skip("localstripe is not installed: pip install -e '.[dev]'")
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    log = (tmp_path_factory.mktemp("localstripe") / "localstripe.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-c", LOCALSTRIPE_LAUNCHER, str(port)], stdout=log, stderr=log
    )

    def answers() -> bool:
        try:
            with urllib.request.urlopen(f"{url}/js.stripe.com/v3/", timeout=1):
                return True
        except (urllib.error.URLError, OSError):
            return False

    try:
        _wait_for(answers, seconds=30, what="localstripe", process=process)
        yield url
    finally:
        _stop(process)
        log.close()


@pytest.fixture
def stripe_settings(settings, localstripe_url):
    """The shop's Stripe client and Stripe.js pointed at this session's localstripe."""
    settings.STRIPE_SECRET_KEY = STRIPE_SECRET_KEY
    settings.STRIPE_PUBLISHABLE_KEY = STRIPE_PUBLISHABLE_KEY
    settings.STRIPE_WEBHOOK_SECRET = STRIPE_WEBHOOK_SECRET
    settings.STRIPE_API_BASE = localstripe_url
    settings.STRIPE_JS_URL = f"{localstripe_url}/js.stripe.com/v3/"
    # localstripe confirms an intent only with its payment method already set, and its
    # Stripe.js cannot make a PaymentMethod: it drives the token flow.
    settings.STRIPE_CARD_FLOW = "token"
    return settings


WEBHOOK_EVENTS = ("payment_intent.succeeded", "payment_intent.payment_failed")


def localstripe_webhook_register(localstripe_url: str, *, url: str, secret: str) -> None:
    """Ask localstripe to deliver the payment events, signed with `secret`, to `url`."""
    fields = {"url": url, "secret": secret}
    fields.update({f"events[{i}]": event for i, event in enumerate(WEBHOOK_EVENTS)})
    data = urllib.parse.urlencode(fields).encode()
    request = urllib.request.Request(f"{localstripe_url}/_config/webhooks/ocop", data=data)
    with urllib.request.urlopen(request, timeout=5) as response:
        assert response.status == 200


@pytest.fixture
def stripe_webhooks(stripe_settings, live_server, localstripe_url):
    """localstripe's events delivered to this test's live server, really signed."""
    localstripe_webhook_register(
        localstripe_url,
        url=f"{live_server.url}/checkout/stripe/webhook/",
        secret=STRIPE_WEBHOOK_SECRET,
    )
    yield live_server
    # Later tests' servers live on other ports; an old address only logs a failed delivery.


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    binary = shutil.which("redis-server")
    if binary is None:
        pytest.skip("redis-server not found: apt-get install redis-server")
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            binary,
            "--port",
            str(port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(folder),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        cwd=folder,
    )

    def answers() -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    try:
        _wait_for(answers, seconds=20, what="redis-server", process=process)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        _stop(process)


def celery_worker_start(*, env: dict, log_path: Path) -> subprocess.Popen:
    """A `celery -A shop worker` in its own process, reading the environment given."""
    log = log_path.open("w")
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "shop",
            "worker",
            "--pool",
            "solo",
            "--concurrency",
            "1",
            "--loglevel",
            "INFO",
            "--without-gossip",
            "--without-mingle",
            "--without-heartbeat",
        ],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=log,
        stderr=subprocess.STDOUT,
    )
