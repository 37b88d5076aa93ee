"""Write-side operations on OCOP certificates: filing, revoking, expiry reminders and expiry.

The daily tasks of catalogue/tasks.py call `certificate_reminders_send` and
`certificates_expire`; both claim each certificate with a conditional UPDATE, so running
them twice, or twice at once, mails a producer once per certificate.
"""

from __future__ import annotations

import logging
from datetime import date

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.models import OcopCertificate, Product, default_valid_until
from catalogue.selectors import certificate_valid_for_product, certificates_due_for_reminder
from catalogue.validators import validate_certificate_scan
from shop.mail.services import mail_send

logger = logging.getLogger(__name__)


def certificate_add(
    *,
    product: Product,
    stars: int,
    certificate_number: str,
    decision_number: str,
    issuer_kind: str,
    issuer_name: str,
    issued_on: date,
    scan: File | None = None,
    added_by: AbstractBaseUser | None = None,
    valid_until: date | None = None,
    verified: bool = False,
    verified_by: AbstractBaseUser | None = None,
) -> OcopCertificate:
    """File a recognition for a product; a product that already has one is re-evaluated.

    What a producer files waits for staff to check it (`certificate_verify`) and gives no
    stars until then. Staff entering a certificate pass `verified_by`, the platform's own
    data (demo, imports) `verified=True`: such a certificate counts at once.

    The scan is checked by content before anything is written; a row that fails validation
    leaves no file in storage.
    """
    if scan:
        validate_certificate_scan(scan)
    certificate = OcopCertificate(
        product=product,
        stars=stars,
        certificate_number=certificate_number,
        decision_number=decision_number,
        issuer_kind=issuer_kind,
        issuer_name=issuer_name,
        issued_on=issued_on,
        valid_until=valid_until,
        added_by=added_by if added_by and added_by.is_authenticated else None,
    )
    if verified or verified_by is not None:
        certificate.verified_at = timezone.now()
        certificate.verified_by = (
            verified_by if verified_by and verified_by.is_authenticated else None
        )
    if scan:
        certificate.scan = scan
    # valid_until defaults in save(); fill it first so the date constraint can be checked.
    if not certificate.valid_until and issued_on:
        certificate.valid_until = default_valid_until(issued_on)
    certificate.full_clean()
    try:
        certificate.save()
    except Exception:
        _discard_scan(certificate)
        raise
    logger.info("Certificate %s filed for product %s", certificate.pk, product.pk)
    return certificate


def _discard_scan(certificate: OcopCertificate) -> None:
    # The file is written by the field's pre_save, before the INSERT that may fail.
    if certificate.scan and getattr(certificate.scan, "_committed", False):
        certificate.scan.storage.delete(certificate.scan.name)


class CertificateDecisionError(ValidationError):
    """A verification or rejection asked of a certificate that is no longer pending."""


def _pending_for_decision(certificate: OcopCertificate) -> OcopCertificate:
    # Lock the row: two staff deciding at once keep the first decision.
    locked = OcopCertificate.objects.select_for_update().get(pk=certificate.pk)
    if locked.verified_at is not None or locked.rejected_at is not None:
        if locked.verified_at is not None:
            message = _("This certificate is already verified; reload the page.")
        else:
            message = _("This certificate was already rejected; reload the page.")
        raise CertificateDecisionError(message, code="stale")
    return locked


@transaction.atomic
def certificate_verify(
    *, certificate: OcopCertificate, verified_by: AbstractBaseUser
) -> OcopCertificate:
    """Staff have checked the certificate against the decision: from now on it gives stars
    (while in force). Saving re-indexes the product through the search receivers."""
    locked = _pending_for_decision(certificate)
    vendor = locked.product.vendor
    if vendor is not None and vendor.partner.users.filter(pk=verified_by.pk).exists():
        # A staff account that also works for the producer would be awarding itself stars.
        raise CertificateDecisionError(
            _("You work for this producer: another staff member must verify its certificate."),
            code="own_producer",
        )
    locked.verified_at = timezone.now()
    locked.verified_by = verified_by
    locked.save(update_fields=["verified_at", "verified_by"])
    logger.info("Certificate %s verified by user %s", locked.pk, verified_by.pk)
    return locked


@transaction.atomic
def certificate_reject(
    *, certificate: OcopCertificate, reason: str, rejected_by: AbstractBaseUser
) -> OcopCertificate:
    """Staff could not confirm the certificate: it never gives stars; the producer reads why
    on its certificate page and may file a corrected one."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Say why the certificate is rejected.")})
    locked = _pending_for_decision(certificate)
    locked.rejected_at = timezone.now()
    locked.rejected_by = rejected_by
    locked.rejection_reason = reason
    locked.save(update_fields=["rejected_at", "rejected_by", "rejection_reason"])
    logger.info("Certificate %s rejected by user %s", locked.pk, rejected_by.pk)
    return locked


def certificates_verify_for_vendor(*, vendor_id: int, verified_by: AbstractBaseUser) -> int:
    """Verify every pending certificate of a producer at once: staff approving an application
    have read the certificates and scans it was filed with. Returns how many."""
    pending = list(
        OcopCertificate.objects.select_for_update().filter(
            product__vendor_id=vendor_id, verified_at__isnull=True, rejected_at__isnull=True
        )
    )
    now = timezone.now()
    for certificate in pending:
        certificate.verified_at = now
        certificate.verified_by = verified_by
        # One save per row, not update(): the search receivers re-index each product.
        certificate.save(update_fields=["verified_at", "verified_by"])
    if pending:
        logger.info(
            "%s certificates of producer %s verified by user %s",
            len(pending),
            vendor_id,
            verified_by.pk,
        )
    return len(pending)


def certificate_revoke(
    *,
    certificate: OcopCertificate,
    reason: str,
    revoked_by: AbstractBaseUser | None = None,
) -> OcopCertificate:
    """Withdraw a recognition: the product loses its stars and the OCOP mark at once."""
    certificate.is_revoked = True
    certificate.revoked_reason = reason
    certificate.revoked_at = timezone.now()
    certificate.revoked_by = revoked_by if revoked_by and revoked_by.is_authenticated else None
    certificate.save(update_fields=["is_revoked", "revoked_reason", "revoked_at", "revoked_by"])
    logger.info("Certificate %s revoked", certificate.pk)
    return certificate


def certificate_reminders_send(*, today: date | None = None) -> int:
    """Mail each producer whose certificate ends within 30 days; returns the mails sent."""
    day = today or timezone.localdate()
    sent = 0
    for pk in list(certificates_due_for_reminder(today=day).values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                # The conditional UPDATE is the claim: a concurrent run waits on the row lock,
                # then finds reminder_sent_at set and updates nothing. A failed mail rolls it
                # back.
                claimed = OcopCertificate.objects.filter(
                    pk=pk, reminder_sent_at__isnull=True
                ).update(reminder_sent_at=timezone.now())
                if not claimed:
                    continue
                certificate = _certificate_for_mail(pk)
                mailed = _mail_producer(
                    certificate=certificate,
                    template="catalogue/emails/certificate_expiry_reminder",
                    context={"days_left": (certificate.valid_until - day).days},
                    once_key=f"certificate-reminder:{pk}:{certificate.valid_until.isoformat()}",
                )
        except OSError:  # SMTP errors and timeouts
            _log_mail_failure(pk)
            continue
        sent += mailed
    return sent


def certificates_expire(*, today: date | None = None) -> int:
    """Process certificates whose validity ended: re-index their products and tell the
    producer the stars are gone (unless another certificate still carries them)."""
    from search.receivers import queue_reindex

    day = today or timezone.localdate()
    due = OcopCertificate.objects.filter(
        valid_until__lt=day, expiry_processed_at__isnull=True
    ).order_by("valid_until", "pk")
    processed = 0
    for pk in list(due.values_list("pk", flat=True)):
        try:
            with transaction.atomic():
                claimed = OcopCertificate.objects.filter(
                    pk=pk, expiry_processed_at__isnull=True
                ).update(expiry_processed_at=timezone.now())
                if not claimed:
                    continue
                certificate = _certificate_for_mail(pk)
                queue_reindex([certificate.product_id])
                # A revoked certificate's stars left when it was revoked; a renewed product
                # keeps stars from its newer certificate; one never verified gave no stars.
                # None of them needs a mail.
                successor = certificate_valid_for_product(product=certificate.product, on=day)
                if not certificate.is_revoked and certificate.is_verified and successor is None:
                    _mail_producer(
                        certificate=certificate,
                        template="catalogue/emails/certificate_expired",
                        context={},
                        once_key=f"certificate-expired:{pk}",
                    )
        except OSError:  # SMTP errors and timeouts
            _log_mail_failure(pk)
            continue
        processed += 1
    return processed


def _log_mail_failure(pk: int) -> None:
    # The certificate's work was rolled back with its mail and waits for the next run. The
    # others go on: certificates come in the same order every day, so one producer's refused
    # address would otherwise hold back every certificate after it, day after day.
    logger.exception("Mail for certificate %s failed; it is tried again on the next run", pk)


def _certificate_for_mail(pk: int) -> OcopCertificate:
    return OcopCertificate.objects.select_related("product__vendor__partner").get(pk=pk)


def _producer_recipients(product: Product) -> list[str]:
    vendor = product.vendor
    if vendor is None:
        # The platform's own listings: staff renew those.
        return [settings.OCOP_CONTACT_EMAIL]
    members = vendor.partner.users.exclude(email="").values_list("email", flat=True)
    return list(dict.fromkeys([vendor.email, *members]))


def _mail_producer(
    *, certificate: OcopCertificate, template: str, context: dict, once_key: str
) -> bool:
    recipients = _producer_recipients(certificate.product)
    base_url = settings.SITE_URL
    context = {
        "certificate": certificate,
        "product": certificate.product,
        "vendor": certificate.product.vendor,
        "add_url": base_url
        + reverse("dashboard:producer-certificate-add")
        + f"?product={certificate.product_id}",
        "list_url": base_url + reverse("dashboard:producer-certificate-list"),
        "contact_email": settings.OCOP_CONTACT_EMAIL,
        **context,
    }
    # Producers read the site's language (Vietnamese), whatever the worker runs in.
    return mail_send(template=template, context=context, to=recipients, once_key=once_key)


__all__ = [
    "CertificateDecisionError",
    "certificate_add",
    "certificate_reject",
    "certificate_verify",
    "certificates_verify_for_vendor",
    "certificate_reminders_send",
    "certificate_revoke",
    "certificates_expire",
]
