"""Background work of the catalogue: daily work on OCOP certificates (scheduled in
CELERY_BEAT_SCHEDULE) and producer notices. Every task is safe to run twice."""

import logging

from celery import shared_task

from catalogue.models import Product
from catalogue.services import certificate_reminders_send, certificates_expire
from shop.mail.services import mail_send

logger = logging.getLogger(__name__)


@shared_task(name="catalogue.product_hidden_notify", ignore_result=True)
def product_hidden_notify(product_id: int) -> bool:
    """Tell a producer that staff hid one of its listings, and why. One mail per hold."""
    product = Product.objects.select_related("vendor").filter(pk=product_id).first()
    if product is None or product.vendor is None or product.hidden_at is None:
        return False  # shown again, or gone, before the mail went out
    sent = mail_send(
        template="catalogue/emails/product_hidden",
        context={"product": product},
        to=[product.vendor.email],
        once_key=f"product-hidden:{product.pk}:{product.hidden_at.isoformat()}",
    )
    if sent:
        logger.info("Producer %s told that product %s is hidden", product.vendor_id, product.pk)
    return sent


@shared_task(name="catalogue.certificate_expiry_reminders", ignore_result=True)
def certificate_expiry_reminders_task() -> int:
    """Remind producers of certificates ending within 30 days, once per certificate."""
    return certificate_reminders_send()


@shared_task(name="catalogue.certificates_expire", ignore_result=True)
def certificates_expire_task() -> int:
    """Take the stars of expired certificates off the search index and tell the producers."""
    return certificates_expire()
