"""Settings of `make bench` (bin/bench): production's, served over plain HTTP on loopback,
with a bare view in front of the site's URLs so both go through the same middleware.

bin/bench sets the variables production asks for (placeholders that reach nothing, a fresh
secret key, the throwaway PostgreSQL, the Redis it started). Without redis-server it sets
BENCH_CACHE_DIR instead: a file cache shared by the workers and by bin/bench (which empties it
for the cold measurements), and tasks run in the request as they would with no broker.
"""

from .production import *  # noqa: F403

ROOT_URLCONF = "shop.bench.urls"

BENCH_CACHE_DIR = env("BENCH_CACHE_DIR", default="")  # noqa: F405
if BENCH_CACHE_DIR:
    # Every cache the site declares keeps its options but lives in files, one folder each.
    CACHES = {
        alias: {
            **{key: value for key, value in conf.items() if key != "OPTIONS"},
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": f"{BENCH_CACHE_DIR}/{alias}",
        }
        for alias, conf in CACHES.items()  # noqa: F405
    }
    CELERY_BROKER_URL = "memory://"
    CELERY_RESULT_BACKEND = None
    CELERY_TASK_ALWAYS_EAGER = True
