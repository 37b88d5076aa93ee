"""Celery tasks of the partners app."""

from celery import shared_task

from shop.partners.services import widget_counters_flush


@shared_task(name="partners.flush_widget_counters")
def flush_widget_counters() -> int:
    # Safe to run twice: a second run finds the counters already moved.
    return widget_counters_flush()
