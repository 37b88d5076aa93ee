"""Background work of the checkout: the buyer's order confirmation.

Queued after the order's commit; safe to run twice, as the mail service sends it once per
order.
"""

import logging

from celery import shared_task
from oscar.core.loading import get_model

from customer.tokens import order_status_url
from shop.checkout.selectors import order_summary
from shop.mail.services import mail_send

logger = logging.getLogger(__name__)

Order = get_model("order", "Order")


def order_confirmation_key(order) -> str:
    """What makes the confirmation go out once per order."""
    return f"order-placed:{order.number}"


@shared_task(name="checkout.order_confirmation_send", ignore_result=True)
def order_confirmation_send(order_id: int, language: str = "") -> bool:
    """Send the buyer the order's confirmation, in the language the order was placed in.
    Returns whether a mail was sent."""
    order = Order.objects.filter(pk=order_id).first()
    if order is None:
        return False
    if not order.email:
        logger.warning("Order %s has no e-mail address to confirm to", order.number)
        return False
    sent = mail_send(
        template="checkout/emails/order_placed",
        context={
            "order": order,
            "summary": order_summary(order=order),
            "order_url": order_status_url(order=order),
        },
        to=[order.email],
        once_key=order_confirmation_key(order),
        language=language,
    )
    if sent:
        logger.info("Order %s confirmed to the buyer", order.number)
    return sent
