"""Production settings demand their secrets and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "shop.settings.production",
    "DJANGO_SECRET_KEY": "x" * 64 + "-production-test-key-with-enough-entropy",
    "DJANGO_ALLOWED_HOSTS": "ocop.example",
    "SITE_URL": "https://ocop.example",
    "DATABASE_URL": "sqlite:////tmp/ocop-deploy-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "STRIPE_SECRET_KEY": "sk_test_x",
    "STRIPE_PUBLISHABLE_KEY": "pk_test_x",
    "STRIPE_WEBHOOK_SECRET": "whsec_x",
    "PAYMENT_BANK_BIN": "970436",
    "PAYMENT_BANK_NAME": "Vietcombank",
    "PAYMENT_BANK_ACCOUNT": "0011001234567",
    "PAYMENT_BANK_ACCOUNT_HOLDER": "CONG TY CHO OCOP",
}


def _manage_env(env: dict) -> dict:
    # Variables of the test run itself (the browser tests relax async safety) stay out.
    dropped = {*PRODUCTION_ENV, "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    return {**clean, **env}


def _manage(*args, env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=_manage_env(env),
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checks():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)

    assert result.returncode == 0, result.stdout + result.stderr
    # Not one warning, silenced or not: every line of the check's own report.
    report = result.stdout + result.stderr
    assert "WARNINGS" not in report and "System check identified no issues (0 silenced)." in report
    assert not [line for line in report.splitlines() if ".W0" in line or ".E0" in line]


def test_production_settings_refuse_to_start_without_the_sites_address():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SITE_URL"}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "SITE_URL" in result.stderr


def test_production_settings_refuse_a_plain_http_or_a_path_in_the_sites_address():
    for address in ("http://ocop.example", "https://ocop.example/shop/"):
        result = _manage("check", env={**PRODUCTION_ENV, "SITE_URL": address})

        assert result.returncode != 0, address
        assert "SITE_URL must be the site's address" in result.stderr


def test_production_settings_refuse_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_settings_refuse_to_start_without_the_bank_named_on_transfers():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "PAYMENT_BANK_NAME"}

    result = _manage("check", env=env)

    assert result.returncode != 0
    assert "PAYMENT_BANK_NAME" in result.stderr


def _sentry_state(env: dict) -> str:
    code = (
        "import sentry_sdk; from django.conf import settings; "
        "print(settings.SENTRY_ENABLED, sentry_sdk.get_client().is_active())"
    )
    result = _manage("shell", "-c", code, env=env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_production_reports_errors_to_sentry_only_when_a_dsn_is_set():
    without = {**PRODUCTION_ENV, "SENTRY_DSN": ""}
    with_dsn = {**PRODUCTION_ENV, "SENTRY_DSN": "https://publickey@sentry.example/4"}

    assert _sentry_state(without) == "False False"
    assert _sentry_state(with_dsn) == "True True"
