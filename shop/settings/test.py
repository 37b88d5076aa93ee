"""Test settings: fast hashing, in-memory cache and mail, eager Celery."""

from shop.logs import logging_config

from .base import *  # noqa: F403

DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
CELERY_TASK_ALWAYS_EAGER = True
CELERY_BROKER_URL = "memory://"
MEDIA_ROOT = env.path("TEST_MEDIA_ROOT", default=BASE_DIR / "var" / "test-media")
PRIVATE_MEDIA_ROOT = BASE_DIR / "var" / "test-private"
DATABASES["default"]["TEST"] = {"NAME": None}
# Quiet: lines go nowhere, records still reach pytest's log capture (caplog).
LOGGING = logging_config(json_lines=False, level="INFO", quiet=True)
# The suite calls the API many times from one address; the rate-limit test sets its own.
REST_FRAMEWORK = {
    **REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {
        "partner_key": "100000/minute",
        "partner_address": "100000/minute",
        "anonymous_address": "100000/minute",
    },
}
# The suite chooses its search backend per test: an ELASTICSEARCH_URL in the environment (make
# test-es) is for the live Elasticsearch tests, not for every other search of the run.
SEARCH_BACKEND = env("SEARCH_BACKEND", default="database")
