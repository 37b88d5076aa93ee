"""Finding 10: on the embedded SQLite default, a double click on "Place order" gives one
order and a redirect, never "database is locked" (a 500).

The test database is SQLite in memory, where SQLite's file locks (the cause) do not apply:
the two posts run in a process of their own (sqlite_double_click.py) on a file copied from
the migrated test database, with the site's own settings for that file."""

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

pytestmark = pytest.mark.sqlite


def test_sqlite_takes_the_write_lock_at_begin_and_waits_for_it():
    from shop.settings import base

    # The settings as the embedded default builds them (no DATABASE_URL).
    options = base.DATABASES["default"]["OPTIONS"]
    assert options == {"transaction_mode": "IMMEDIATE", "timeout": 20}


@pytest.mark.integration
def test_a_double_click_on_place_order_gives_one_order_and_no_error(
    django_db_setup, django_db_blocker, tmp_path
):
    database = tmp_path / "double-click.sqlite3"
    # The migrated test database, reference data included, copied to a file. No test
    # transaction is open here (no django_db mark), so the copy is not kept waiting.
    with django_db_blocker.unblock():
        connection.ensure_connection()
        assert not connection.in_atomic_block
        copy = sqlite3.connect(database)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    environment = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_SETTINGS_MODULE": "shop.settings.test",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    run = subprocess.run(
        [sys.executable, "-m", "tests.shop.checkout.sqlite_double_click"],
        cwd=Path(settings.BASE_DIR),
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert run.returncode == 0, run.stderr[-3000:]
    outcome = json.loads(run.stdout.strip().splitlines()[-1])
    statuses = [status for status, _location in outcome["answers"]]
    assert statuses == [302, 302], outcome
    assert outcome["orders"] == 1
    assert "database is locked" not in run.stderr
