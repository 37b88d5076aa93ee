"""The OCOP marketplace project: settings, URLs, Celery and the storefront glue."""

from shop.celery import app as celery_app

__all__ = ("celery_app",)
