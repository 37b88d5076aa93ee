"""Daily work on OCOP certificates (scheduled in CELERY_BEAT_SCHEDULE). Safe to run twice."""

from celery import shared_task

from catalogue.services import certificate_reminders_send, certificates_expire


@shared_task(name="catalogue.certificate_expiry_reminders", ignore_result=True)
def certificate_expiry_reminders_task() -> int:
    """Remind producers of certificates ending within 30 days, once per certificate."""
    return certificate_reminders_send()


@shared_task(name="catalogue.certificates_expire", ignore_result=True)
def certificates_expire_task() -> int:
    """Take the stars of expired certificates off the search index and tell the producers."""
    return certificates_expire()
