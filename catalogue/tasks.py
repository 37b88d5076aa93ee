"""Background work of the catalogue: daily work on OCOP certificates (scheduled in
CELERY_BEAT_SCHEDULE) and producer notices. Every task is safe to run twice."""

import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from catalogue.models import Product
from catalogue.services import certificate_reminders_send, certificates_expire

logger = logging.getLogger(__name__)


@shared_task(name="catalogue.product_hidden_notify", ignore_result=True)
def product_hidden_notify(product_id: int) -> bool:
    """Tell a producer that staff hid one of its listings, and why."""
    product = Product.objects.select_related("vendor").filter(pk=product_id).first()
    if product is None or product.vendor is None or product.hidden_at is None:
        return False  # shown again, or gone, before the mail went out
    # One mail per hold, even if the task is delivered twice.
    if not cache.add(
        f"product-hidden-mail:{product.pk}:{product.hidden_at.timestamp()}", 1, 7 * 86400
    ):
        return False
    with translation.override("vi"):
        subject = _("Your product “%(title)s” is hidden from the marketplace") % {
            "title": product.title
        }
        body = _(
            "Hello %(name)s,\n\n"
            "The marketplace's staff have hidden “%(title)s” from the storefront.\n"
            "Reason: %(reason)s\n\n"
            "Correct the listing in your dashboard, then reply to this e-mail to have it "
            "shown again.\n"
        ) % {
            "name": product.vendor.contact_name,
            "title": product.title,
            "reason": product.hidden_reason,
        }
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [product.vendor.email])
    logger.info("Producer %s told that product %s is hidden", product.vendor_id, product.pk)
    return True


@shared_task(name="catalogue.certificate_expiry_reminders", ignore_result=True)
def certificate_expiry_reminders_task() -> int:
    """Remind producers of certificates ending within 30 days, once per certificate."""
    return certificate_reminders_send()


@shared_task(name="catalogue.certificates_expire", ignore_result=True)
def certificates_expire_task() -> int:
    """Take the stars of expired certificates off the search index and tell the producers."""
    return certificates_expire()
