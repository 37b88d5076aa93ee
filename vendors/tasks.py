"""Background work of producers: the e-mails of the application and its review, and about
parcels.

Each task is queued after commit and safe to run twice: every mail goes through
shop.mail.services.mail_send with a key naming what it is about, and goes out once.
"""

import logging

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from customer.tokens import order_status_url
from shop.mail.services import mail_send
from vendors.carriers import carrier_name, tracking_url
from vendors.fulfilment_selectors import fulfilment_discounts
from vendors.models import Fulfilment, Vendor, VendorStatusChange

logger = logging.getLogger(__name__)


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
    """Tell the applicant (and, for a new application, the staff) about a status change.
    Returns whether the applicant's mail went out."""
    change = (
        VendorStatusChange.objects.select_related("vendor__applicant", "vendor__commune__province")
        .filter(pk=change_id)
        .first()
    )
    if change is None:
        return False
    vendor = change.vendor
    base_url = settings.SITE_URL
    recipients = [vendor.email]
    if vendor.applicant and vendor.applicant.email.lower() != vendor.email.lower():
        recipients.append(vendor.applicant.email)
    template = _template_for(change)
    context = {
        "vendor": vendor,
        "change": change,
        "shop_name": settings.OSCAR_SHOP_NAME,
        "status_url": base_url + reverse("vendors:application"),
        "dashboard_url": base_url + reverse("dashboard:index"),
        "contact_email": settings.OCOP_CONTACT_EMAIL,
    }
    sent = mail_send(
        template=f"vendors/email/{template}",
        context=context,
        to=recipients,
        once_key=f"vendor-status:{change.pk}",
        language=language,
    )
    if template == "received":
        context["review_url"] = base_url + reverse(
            "dashboard:producer-review-detail", kwargs={"pk": vendor.pk}
        )
        mail_send(
            template="vendors/email/staff_new_application",
            context=context,
            to=[settings.OCOP_CONTACT_EMAIL],
            once_key=f"vendor-status-staff:{change.pk}",
        )
    if sent:
        logger.info("Producer %s told of status %s", vendor.slug, change.status)
    return sent


# A mail to the buyer at each step of the parcel's timeline. Its first step, the order
# placed, is told by the order's confirmation (shop.checkout.tasks), once for all parcels.
BUYER_EVENTS = (
    Fulfilment.Status.PACKED,
    Fulfilment.Status.SHIPPED,
    Fulfilment.Status.DELIVERED,
    Fulfilment.Status.CANCELLED,
)


def parcel_mail_key(*, fulfilment_id: int, event: str) -> str:
    """The once key of a parcel's mail: "new" to the producer, a buyer event to the buyer."""
    return f"parcel-{event}:{fulfilment_id}"


def parcel_mail_keys(fulfilment: Fulfilment) -> list[str]:
    """The once keys of a parcel's mails for every step it has reached."""
    reached = set(fulfilment.events.values_list("step", flat=True))
    events = ["new", *(event for event in BUYER_EVENTS if event in reached)]
    return [parcel_mail_key(fulfilment_id=fulfilment.pk, event=event) for event in events]


@shared_task(name="vendors.notify_vendor_new_order", ignore_result=True)
def notify_vendor_new_order(fulfilment_id: int) -> bool:
    """Tell the producer it has a new parcel to prepare. Returns whether a mail was sent."""
    fulfilment = (
        Fulfilment.objects.select_related("order", "vendor").filter(pk=fulfilment_id).first()
    )
    if fulfilment is None:
        return False
    path = reverse("dashboard:producer-order-detail", kwargs={"pk": fulfilment.pk})
    # Producers read the site's language (Vietnamese).
    return mail_send(
        template="vendors/emails/new_order",
        context={
            "fulfilment": fulfilment,
            "lines": fulfilment.lines,
            "discounts": fulfilment_discounts(fulfilment=fulfilment),
            "url": settings.SITE_URL + path,
        },
        to=[fulfilment.vendor.email],
        once_key=parcel_mail_key(fulfilment_id=fulfilment.pk, event="new"),
    )


@shared_task(name="vendors.notify_buyer", ignore_result=True)
def notify_buyer(fulfilment_id: int, event: str) -> bool:
    """Tell the buyer their parcel moved: packed, shipped (carrier, tracking number and the
    carrier's page), delivered or cancelled (reason); every mail links to the order's page.
    A parcel that has already moved on gets no mail about the step it left."""
    fulfilment = (
        Fulfilment.objects.select_related("order", "vendor").filter(pk=fulfilment_id).first()
    )
    if fulfilment is None or event not in BUYER_EVENTS or fulfilment.status != event:
        return False
    email = fulfilment.order.email
    if not email:
        logger.warning("Order %s has no e-mail address to notify", fulfilment.order.number)
        return False
    # The buyer's session language is not kept: the mail is in the site's language.
    return mail_send(
        template=f"vendors/emails/parcel_{event}",
        context={
            "fulfilment": fulfilment,
            "lines": fulfilment.lines,
            "carrier": carrier_name(fulfilment.carrier),
            "tracking_url": tracking_url(
                carrier=fulfilment.carrier, tracking_code=fulfilment.tracking_code
            ),
            "order_url": order_status_url(order=fulfilment.order),
            "contact_email": settings.OCOP_CONTACT_EMAIL,
        },
        to=[email],
        once_key=parcel_mail_key(fulfilment_id=fulfilment.pk, event=event),
    )
