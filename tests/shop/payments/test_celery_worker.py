"""A real Celery worker with a real Redis broker sends the buyer's confirmation mail of an
order placed at checkout, and logs it with the id of the request that placed the order."""

import sqlite3
import time
import urllib.parse

import pytest
from django.db import connection
from oscar.core.loading import get_model

from shop.celery import app as celery_app
from tests.factories import ProductFactory, VendorFactory, vietnam_ensure
from tests.services import _stop, celery_worker_start
from tests.shop.checkout.helpers import checkout_to_payment

Order = get_model("order", "Order")

pytestmark = pytest.mark.integration

WORKER_SETTINGS = """
from shop.settings.base import *  # noqa
EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
EMAIL_FILE_PATH = {mail_dir!r}
CELERY_TASK_ALWAYS_EAGER = False
"""


def _database_url_for_worker(tmp_path) -> str:
    """The worker reads what the test committed: the PostgreSQL test database itself, or for
    SQLite (pytest-django keeps its test database in memory) a file copy of it."""
    settings = connection.settings_dict
    if connection.vendor == "sqlite":
        path = tmp_path / "worker.sqlite3"
        connection.ensure_connection()
        target = sqlite3.connect(path)
        connection.connection.backup(target)
        target.close()
        return f"sqlite:///{path}"
    host = urllib.parse.quote(settings["HOST"] or "localhost", safe="")
    user = urllib.parse.quote(settings["USER"] or "", safe="")
    password = urllib.parse.quote(settings["PASSWORD"] or "", safe="")
    credentials = f"{user}:{password}@" if password else (f"{user}@" if user else "")
    return f"postgres://{credentials}{host}:{settings['PORT'] or 5432}/{settings['NAME']}"


def tasks_to_redis(redis_url, request) -> None:
    """Send this test's tasks to Redis instead of running them in the test's process; the
    earlier settings come back when the test ends."""
    saved = {key: celery_app.conf[key] for key in ("task_always_eager", "broker_url")}

    def broker_use(**conf):
        celery_app.conf.update(conf)
        # Pools made earlier in the session point at the old broker: new ones are made on
        # the next send (the old ones are left open for whoever still holds them).
        celery_app._pool = None
        celery_app.amqp._producer_pool = None

    broker_use(task_always_eager=False, broker_url=redis_url)
    request.addfinalizer(lambda: broker_use(**saved))


def worker_with_mail_files(tmp_path, redis_url):
    """A Celery worker on Redis and this test's database, writing its mails as files into
    the returned folder and its log to tmp_path / "worker.log"."""
    mail_dir = tmp_path / "mail"
    mail_dir.mkdir()
    settings_dir = tmp_path / "settings"
    settings_dir.mkdir()
    (settings_dir / "worker_settings.py").write_text(WORKER_SETTINGS.format(mail_dir=str(mail_dir)))
    worker = celery_worker_start(
        env={
            "PYTHONPATH": str(settings_dir),
            "DJANGO_SETTINGS_MODULE": "worker_settings",
            "DATABASE_URL": _database_url_for_worker(tmp_path),
            "REDIS_URL": redis_url,
        },
        log_path=tmp_path / "worker.log",
    )
    return worker, mail_dir


@pytest.mark.django_db(transaction=True)
def test_the_worker_sends_the_confirmation_of_an_order_placed_at_checkout(
    client, redis_url, tmp_path, request, reference_data
):
    tasks_to_redis(redis_url, request)
    vietnam_ensure()
    product = ProductFactory(vendor=VendorFactory(), stock=("85000", 5))

    response = checkout_to_payment(client, [(product, 1)], method="cod", email="mua@example.vn")
    assert response.status_code == 302
    order = Order.objects.get()

    worker, mail_dir = worker_with_mail_files(tmp_path, redis_url)
    try:
        deadline = time.monotonic() + 90
        found = []
        while time.monotonic() < deadline and not found:
            found = [
                path
                for path in mail_dir.glob("*.log")
                if "mua@example.vn" in path.read_text(errors="replace")
            ]
            if worker.poll() is not None:
                break
            time.sleep(0.5)
    finally:
        _stop(worker)
    log = (tmp_path / "worker.log").read_text(errors="replace")
    assert found, log[-3000:]
    assert order.number in found[0].read_text(errors="replace")
    # The worker's line about the mail names the request that placed the order.
    [sent] = [line for line in log.splitlines() if f"Order {order.number} confirmed" in line]
    assert f"request_id={response['X-Request-ID']}" in sent
