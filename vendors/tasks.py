"""Background work of producers: the e-mails of the application and its review, and about
parcels.

Each task is queued after commit and safe to run twice: a status change, or a parcel, records
when its e-mail went out.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from vendors.models import Fulfilment, Vendor, VendorStatusChange

logger = logging.getLogger(__name__)


def _message(template: str, context: dict) -> tuple[str, str]:
    subject = render_to_string(f"vendors/email/{template}_subject.txt", context)
    body = render_to_string(f"vendors/email/{template}_body.txt", context)
    return " ".join(subject.split()), body


def _template_for(change: VendorStatusChange) -> str:
    if change.status == Vendor.Status.PENDING:
        return "received"
    if change.status == Vendor.Status.APPROVED:
        earlier = (
            VendorStatusChange.objects.filter(vendor=change.vendor_id, pk__lt=change.pk)
            .order_by("-pk")
            .values_list("status", flat=True)
            .first()
        )
        return "reinstated" if earlier == Vendor.Status.SUSPENDED else "approved"
    return change.status


@shared_task(name="vendors.status_notify", ignore_result=True)
def vendor_status_notify_task(change_id: int, language: str = "") -> bool:
    """Tell the applicant (and, for a new application, the staff) about a status change."""
    with transaction.atomic():
        change = (
            VendorStatusChange.objects.select_for_update(of=("self",))
            .select_related("vendor__applicant", "vendor__commune__province")
            .filter(pk=change_id)
            .first()
        )
        if change is None or change.notified_at is not None:
            return False
        vendor = change.vendor
        base_url = settings.SITE_URL
        recipients = [vendor.email]
        if vendor.applicant and vendor.applicant.email.lower() != vendor.email.lower():
            recipients.append(vendor.applicant.email)
        template = _template_for(change)
        with translation.override(language or settings.LANGUAGE_CODE):
            context = {
                "vendor": vendor,
                "change": change,
                "shop_name": settings.OSCAR_SHOP_NAME,
                "status_url": base_url + reverse("vendors:application"),
                "dashboard_url": base_url + reverse("dashboard:index"),
                "contact_email": settings.OCOP_CONTACT_EMAIL,
            }
            subject, body = _message(template, context)
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, recipients)
            if template == "received":
                context["review_url"] = base_url + reverse(
                    "dashboard:producer-review-detail", kwargs={"pk": vendor.pk}
                )
                subject, body = _message("staff_new_application", context)
                send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [settings.OCOP_CONTACT_EMAIL])
        change.notified_at = timezone.now()
        change.save(update_fields=["notified_at"])
    logger.info("Producer %s told of status %s", vendor.slug, change.status)
    return True


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
        path = reverse("dashboard:producer-order-detail", kwargs={"pk": fulfilment.pk})
        _send(
            template="new_order",
            context={
                "fulfilment": fulfilment,
                "lines": fulfilment.lines,
                "url": settings.SITE_URL + path,
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
