"""Production: every secret and service comes from the environment, with no default."""

from django.core.exceptions import ImproperlyConfigured

from shop.errors import sentry_init
from shop.logs import logging_config

from .base import *  # noqa: F403
from .site import site_address

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS")
# Links in mails must reach the public site over HTTPS: no default, and plain http only for
# a trial stack that also turned the HTTPS redirect off (docker-compose.yml).
SITE_URL, OSCAR_URL_SCHEMA = site_address(
    env("SITE_URL"), require_https=env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
)
WAGTAILADMIN_BASE_URL = SITE_URL
DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)

REDIS_URL = env("REDIS_URL")
# One cache shared by every gunicorn worker and the Celery workers: kept pages, the version
# that makes them stale, counters and rate limits must be the same for all. CACHE_URL names
# its own Redis database (compose: /1), so emptying the cache never drops queued tasks;
# without it the broker's Redis is used.
CACHES = {"default": env.cache("CACHE_URL", default=REDIS_URL)}
if not CACHES["default"]["BACKEND"].endswith("RedisCache"):
    raise ImproperlyConfigured("CACHE_URL must name a Redis server (redis:// or rediss://).")
CELERY_BROKER_URL = REDIS_URL
CELERY_RESULT_BACKEND = REDIS_URL
CELERY_TASK_ALWAYS_EAGER = False

SEARCH_BACKEND = env("SEARCH_BACKEND", default="elasticsearch")
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")

STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET")
PAYMENT_BANK_BIN = env("PAYMENT_BANK_BIN")
# The bank named on the transfer page must be the one the BIN says: no default here.
PAYMENT_BANK_NAME = env("PAYMENT_BANK_NAME")
PAYMENT_BANK_ACCOUNT = env("PAYMENT_BANK_ACCOUNT")
PAYMENT_BANK_ACCOUNT_HOLDER = env("PAYMENT_BANK_ACCOUNT_HOLDER")

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = env("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=587)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)

STORAGES["staticfiles"] = {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)
# Load balancers and container health checks probe over plain HTTP inside the network; the
# answer holds no secret, and a redirect would read as "unhealthy".
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
OSCAR_BASKET_COOKIE_SECURE = True
OSCAR_RECENTLY_VIEWED_COOKIE_SECURE = True

# Logs as one JSON object per line for the log shipper (LOG_FORMAT=console to read them by
# eye on a server); errors to Sentry when SENTRY_DSN is set.
LOG_FORMAT = env("LOG_FORMAT", default="json")
LOGGING = logging_config(json_lines=LOG_FORMAT == "json", level=LOG_LEVEL)
SENTRY_ENABLED = sentry_init(
    dsn=SENTRY_DSN,
    environment=env("SENTRY_ENVIRONMENT", default="production"),
    traces_sample_rate=SENTRY_TRACES_SAMPLE_RATE,
)
