"""Background work of the checkout: the buyer's order confirmation.

Queued after the order's commit; safe to run twice, as the order records the mail as an
Oscar communication event and a second run finds it.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from oscar.core.loading import get_model

from shop.checkout.selectors import order_summary

logger = logging.getLogger(__name__)

CommunicationEvent = get_model("order", "CommunicationEvent")
CommunicationEventType = get_model("communication", "CommunicationEventType")
Order = get_model("order", "Order")

EVENT_CODE = "ORDER_PLACED"


@shared_task(name="checkout.order_confirmation_send", ignore_result=True)
def order_confirmation_send(order_id: int) -> bool:
    """Send the buyer the order's confirmation. Returns whether a mail was sent."""
    with transaction.atomic():
        order = Order.objects.select_for_update(of=("self",)).filter(pk=order_id).first()
        if order is None:
            return False
        event_type, _created = CommunicationEventType.objects.get_or_create(
            code=EVENT_CODE, defaults={"name": "Order placed", "category": "Order related"}
        )
        if CommunicationEvent.objects.filter(order=order, event_type=event_type).exists():
            return False
        email = order.email
        if not email:
            logger.warning("Order %s has no e-mail address to confirm to", order.number)
            return False
        # Mail goes out in the site's language: the buyer's session language is not kept.
        with translation.override(settings.LANGUAGE_CODE):
            context = {"order": order, "summary": order_summary(order=order)}
            subject = render_to_string("checkout/emails/order_placed_subject.txt", context)
            body = render_to_string("checkout/emails/order_placed_body.txt", context)
        send_mail(" ".join(subject.split()), body, None, [email])
        CommunicationEvent.objects.create(order=order, event_type=event_type)
    logger.info("Order %s confirmed to the buyer", order.number)
    return True
