"""Background work of producers: e-mails about parcels. Every task is safe to run twice: the
fulfilment row records what was sent, under a lock."""

import logging

from celery import shared_task
from django.conf import settings
from django.contrib.sites.models import Site
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from vendors.models import Fulfilment

logger = logging.getLogger(__name__)

BUYER_EVENTS = (Fulfilment.Status.SHIPPED, Fulfilment.Status.CANCELLED)


def _send(*, template: str, context: dict, to: str) -> None:
    # Mail goes out in the site's language: the buyer's session language is not kept.
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string(f"vendors/emails/{template}_subject.txt", context)
        body = render_to_string(f"vendors/emails/{template}_body.txt", context)
    send_mail(" ".join(subject.split()), body, None, [to])


@shared_task(name="vendors.notify_vendor_new_order", ignore_result=True)
def notify_vendor_new_order(fulfilment_id: int) -> bool:
    """Tell the producer it has a new parcel to prepare. Returns whether a mail was sent."""
    with transaction.atomic():
        fulfilment = (
            Fulfilment.objects.select_for_update()
            .select_related("order", "vendor")
            .filter(pk=fulfilment_id)
            .first()
        )
        if fulfilment is None or fulfilment.vendor_notified_at is not None:
            return False
        domain = Site.objects.get_current().domain
        path = reverse("producer-order-detail", kwargs={"pk": fulfilment.pk})
        _send(
            template="new_order",
            context={
                "fulfilment": fulfilment,
                "lines": fulfilment.lines,
                "url": f"https://{domain}{path}",
            },
            to=fulfilment.vendor.email,
        )
        fulfilment.vendor_notified_at = timezone.now()
        fulfilment.save(update_fields=["vendor_notified_at"])
    return True


@shared_task(name="vendors.notify_buyer", ignore_result=True)
def notify_buyer(fulfilment_id: int, event: str) -> bool:
    """Tell the buyer a parcel was shipped (carrier, tracking code) or cancelled (reason)."""
    with transaction.atomic():
        fulfilment = (
            Fulfilment.objects.select_for_update()
            .select_related("order", "vendor")
            .filter(pk=fulfilment_id)
            .first()
        )
        if (
            fulfilment is None
            or event not in BUYER_EVENTS
            or fulfilment.status != event
            or fulfilment.buyer_notified == event
        ):
            return False
        email = fulfilment.order.email
        if not email:
            logger.warning("Order %s has no e-mail address to notify", fulfilment.order.number)
            return False
        _send(
            template=f"parcel_{event}",
            context={"fulfilment": fulfilment, "lines": fulfilment.lines},
            to=email,
        )
        fulfilment.buyer_notified = event
        fulfilment.save(update_fields=["buyer_notified"])
    return True
