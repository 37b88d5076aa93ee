"""Background work of the editorial site."""

from celery import shared_task
from django.core.management import call_command


@shared_task(name="cms.publish_scheduled")
def publish_scheduled() -> None:
    """Publish pages whose go-live time has come and unpublish expired ones. Wagtail's
    command only acts on what is due, so a second run does nothing."""
    call_command("publish_scheduled")
