"""Celery tasks of the tourism app."""

from celery import shared_task

from shop.tourism.services import widget_counters_flush


@shared_task(name="tourism.flush_widget_counters")
def flush_widget_counters() -> int:
    # Safe to run twice: a second run finds the counters already moved.
    return widget_counters_flush()


@shared_task(name="partners.flush_widget_counters")
def flush_widget_counters_under_old_name() -> int:
    # The name the task had before the app was called tourism. Messages a running beat queued
    # under it still find a worker during a deploy; delete once no deployed beat sends it.
    return widget_counters_flush()
