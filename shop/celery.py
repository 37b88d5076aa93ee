"""The Celery application; each package keeps its tasks in its own tasks.py."""

import os

from celery import Celery
from django_structlog.celery.steps import DjangoStructLogInitStep

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings.dev")

app = Celery("shop")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
# The worker binds each task's lines to the request that queued it (its request_id).
app.steps["worker"].add(DjangoStructLogInitStep)
