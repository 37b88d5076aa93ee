"""Write-side operations of producers: create or update a producer with its Oscar partner,
take an application to sell here, and the staff decisions on it."""

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from catalogue.models import Category, Commune, OcopCertificate, Product, default_valid_until
from catalogue.services import certificates_verify_for_vendor, product_class_ensure
from catalogue.text import slugify_vietnamese
from customer.services import account_signup
from vendors.models import Vendor, VendorStatusChange
from vendors.selectors import product_producer, stockrecords_not_with_producer

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")

# Oscar's partner names and codes are 128 characters at most.
_PARTNER_FIELD_LENGTH = 128


@transaction.atomic
def vendor_upsert(
    *,
    legal_name: str,
    kind: str,
    tax_code: str,
    commune: Commune,
    contact_name: str,
    phone: str,
    email: str,
    slug: str = "",
    street_address: str | None = None,
    old_district: str | None = None,
    website: str | None = None,
    story: str | None = None,
    status: str | None = None,
    commission_rate: Decimal | None = None,
) -> Vendor:
    """The producer with this tax code, created with its partner or brought up to date.

    Optional arguments left as None keep what the producer has (a new one gets the model's
    defaults: pending review, 10% commission). The slug is set once, on creation, because
    links to the producer carry it. Saves nothing when nothing differs.
    """
    values: dict[str, object] = {
        "legal_name": legal_name,
        "kind": kind,
        "commune": commune,
        "contact_name": contact_name,
        "phone": phone,
        "email": email,
    }
    optional = {
        "street_address": street_address,
        "old_district": old_district,
        "website": website,
        "story": story,
        "status": status,
        "commission_rate": commission_rate,
    }
    values.update({field: value for field, value in optional.items() if value is not None})

    vendor = Vendor.objects.select_related("partner").filter(tax_code=tax_code).first()
    if vendor is None:
        vendor = Vendor(tax_code=tax_code, slug=slug or slugify_vietnamese(legal_name), **values)
        # Validate before the partner exists, so a bad tax code or a taken slug leaves nothing.
        vendor.full_clean(exclude=["partner"])
        vendor.partner = _partner_for(slug=vendor.slug, name=legal_name)
        vendor.save()
        logger.info("Producer %s (%s) created", vendor.slug, tax_code)
        return vendor

    changed = [field for field, value in values.items() if _differs(vendor, field, value)]
    if changed:
        for field in changed:
            setattr(vendor, field, values[field])
        vendor.full_clean(exclude=["partner", "logo"])
        vendor.save(update_fields=[*changed, "updated_at"])
    partner_name = legal_name[:_PARTNER_FIELD_LENGTH]
    if vendor.partner.name != partner_name:
        vendor.partner.name = partner_name
        vendor.partner.save(update_fields=["name"])
    return vendor


def _differs(vendor: Vendor, field: str, value: object) -> bool:
    if field == "commune":  # compare keys: loading the current commune would cost a query
        return vendor.commune_id != value.pk
    return getattr(vendor, field) != value


def _partner_for(*, slug: str, name: str) -> "Partner":
    # A partner made by hand in Oscar's dashboard may be waiting for its producer record.
    code = slug[:_PARTNER_FIELD_LENGTH]
    partner = Partner.objects.filter(code=code, vendor__isnull=True).first()
    if partner is None:
        return Partner.objects.create(code=code, name=name[:_PARTNER_FIELD_LENGTH])
    partner.name = name[:_PARTNER_FIELD_LENGTH]
    partner.save(update_fields=["name"])
    return partner


def vendor_member_add(*, vendor: Vendor, user: AbstractUser) -> None:
    """Let a person manage the producer's listings and orders in Oscar's dashboard.

    Oscar admits non-staff users holding `partner.dashboard_access` and limits them to their
    partners' products and orders; staff status would show them every producer's data.
    """
    vendor.partner.users.add(user)
    permission = Permission.objects.get(
        content_type__app_label="partner", codename="dashboard_access"
    )
    user.user_permissions.add(permission)


@dataclass(frozen=True)
class CertificateApplication:
    """An OCOP certificate as an applicant declares it, for a product not yet listed."""

    product_name: str
    category: Category
    stars: int
    certificate_number: str
    decision_number: str
    issuer_kind: str
    issuer_name: str
    issued_on: date
    scan: UploadedFile | None = None


def certificate_dates_check(*, issued_on: date, today: date | None = None) -> None:
    """Refuse a recognition dated in the future or past its 36 months of validity."""
    today = today or timezone.localdate()
    if issued_on > today:
        raise ValidationError(
            _("The decision date is in the future. Enter the date printed on the decision."),
            code="future",
        )
    if default_valid_until(issued_on) < today:
        raise ValidationError(
            _(
                "This certificate expired on %(date)s. Apply with your current certificate, or "
                "after your product has been re-evaluated."
            )
            % {"date": default_valid_until(issued_on).strftime("%d/%m/%Y")},
            code="expired",
        )


def _unique_slug(*, legal_name: str, tax_code: str) -> str:
    # Two producers may share a name in different provinces; the tax code tells them apart.
    slug = slugify_vietnamese(legal_name)[:80] or tax_code
    if Vendor.objects.filter(slug=slug).exists():
        slug = f"{slug[:80]}-{tax_code}"
    return slug


@transaction.atomic
def vendor_apply(
    *,
    applicant: AbstractUser | None,
    legal_name: str,
    kind: str,
    tax_code: str,
    commune: Commune,
    contact_name: str,
    phone: str,
    email: str,
    certificates: Sequence[CertificateApplication],
    account_email: str = "",
    password: str = "",
    street_address: str = "",
    old_district: str = "",
    website: str = "",
    story: str = "",
    language: str = "",
) -> Vendor | None:
    """File an application: the account (if new), the producer under review with its partner,
    one unpublished product per certificate, and the certificates with their scans.

    Raises ValidationError (keyed by field where one is to blame) and writes nothing when any
    part is wrong. The applicant and the staff are told by e-mail after commit.
    Without a signed-in applicant, `account_email` opens a new account (inactive until its
    address is confirmed); an address that already has an account gets None, nothing
    written, and a mail to its holder: the answer must not tell which it was.
    """
    if not certificates:
        raise ValidationError(_("Add at least one OCOP certificate."), code="no_certificate")
    for certificate in certificates:
        certificate_dates_check(issued_on=certificate.issued_on)
    if Vendor.objects.filter(tax_code=tax_code).exists():
        raise ValidationError(
            {
                "tax_code": _(
                    "A producer with this tax code is already registered. If it is yours, "
                    "contact us instead of applying again."
                )
            }
        )
    if applicant is None:
        try:
            validate_password(password, get_user_model()(email=account_email))
        except ValidationError as error:
            raise ValidationError({"password": error.messages}) from None
        applicant = account_signup(
            email=account_email,
            password=password,
            next_url=reverse("vendors:application"),
            language=language,
        )
        if applicant is None:
            return None
    elif applicant.producer_applications.exists() or applicant.partners.exists():
        raise ValidationError(
            _("This account already has a producer or an application."), code="duplicate"
        )

    vendor = vendor_upsert(
        legal_name=legal_name,
        kind=kind,
        tax_code=tax_code,
        commune=commune,
        contact_name=contact_name,
        phone=phone,
        email=email,
        slug=_unique_slug(legal_name=legal_name, tax_code=tax_code),
        street_address=street_address,
        old_district=old_district,
        website=website,
        story=story,
        status=Vendor.Status.PENDING,
    )
    vendor.applicant = applicant
    vendor.save(update_fields=["applicant", "updated_at"])
    for certificate in certificates:
        _draft_product_with_certificate(vendor=vendor, certificate=certificate)
    change = VendorStatusChange.objects.create(
        vendor=vendor, status=Vendor.Status.PENDING, changed_by=applicant
    )
    _notify_after_commit(change=change, language=language)
    logger.info("Producer %s applied (tax code %s)", vendor.slug, tax_code)
    return vendor


def _draft_product_with_certificate(
    *, vendor: Vendor, certificate: CertificateApplication
) -> OcopCertificate:
    # Unpublished until the producer, once approved, adds its price, stock and photos.
    product = Product(
        structure=Product.STANDALONE,
        title=certificate.product_name,
        product_class=product_class_ensure(),
        vendor=vendor,
        origin_commune=vendor.commune,
        is_public=False,
    )
    product.full_clean(exclude=["slug", "upc"])
    product.save()
    product.categories.add(certificate.category)
    # An empty stock record (no price, no stock) files the draft under the producer's partner,
    # where Oscar's dashboard looks for a member's products; with no price it cannot be sold.
    stockrecord_add(product=product, partner_sku=f"OCOP-{product.pk}", price_currency="VND")
    record = OcopCertificate(
        product=product,
        stars=certificate.stars,
        certificate_number=certificate.certificate_number,
        decision_number=certificate.decision_number,
        issuer_kind=certificate.issuer_kind,
        issuer_name=certificate.issuer_name,
        issued_on=certificate.issued_on,
        valid_until=default_valid_until(certificate.issued_on),
    )
    if certificate.scan is not None:
        record.scan = certificate.scan
    record.full_clean()
    record.save()
    return record


def stockrecord_partner_rule(*, product: Product) -> str:
    """Which partner may hold this product's stock, said to the person choosing one."""
    producer = product_producer(product=product)
    if producer is None:
        return _(
            "This product has no producer, so no producer's partner may hold its stock: "
            "choose the producer in the product's details first, or the shop's own partner."
        )
    return _(
        "This product is sold by %(producer)s, so its stock belongs to that producer: "
        "choose “%(partner)s” as the partner."
    ) % {"producer": producer.legal_name, "partner": producer.partner.name}


def stockrecord_partner_error(*, product: Product, partner: "Partner") -> str | None:
    """Why `partner` may not hold this product's stock, or None when it may.

    A stock record's partner decides whose parcel and ledger a sale goes to, so it must be
    the partner of the producer the product names (`product_producer`); a product the shop
    sells itself may not be held by any producer's partner.
    """
    producer = product_producer(product=product)
    if producer is not None:
        allowed = partner.pk == producer.partner_id
    else:
        allowed = not Vendor.objects.filter(partner_id=partner.pk).exists()
    return None if allowed else stockrecord_partner_rule(product=product)


def stockrecord_add(*, product: Product, partner_sku: str, **fields) -> StockRecord:
    """A stock record for the product, always on its producer's partner (never a caller's
    choice), checked like a dashboard form would check it."""
    producer = product_producer(product=product)
    if producer is None:
        raise ValidationError(
            _("Choose the product's producer before adding its stock."), code="no_producer"
        )
    record = product.stockrecords.model(
        product=product, partner=producer.partner, partner_sku=partner_sku, **fields
    )
    record.full_clean()
    record.save()
    return record


@transaction.atomic
def stockrecords_follow_producer() -> int:
    """Move every stock record held by the wrong partner to its product's producer's partner;
    returns how many moved. A product without a producer is left as it is: nobody can tell
    which producer sells it, so `check_producers` reports it for staff to decide."""
    records = stockrecords_not_with_producer().select_for_update(of=("self",))
    moved = 0
    for record in records:
        if record.expected_partner_id is None:
            continue
        _stockrecord_move(record=record, partner_id=record.expected_partner_id)
        moved += 1
    if moved:
        logger.warning("Moved %d stock records to their product's producer", moved)
    return moved


def _stockrecord_move(*, record, partner_id: int) -> None:
    # A SKU is unique per partner: a clash with one of the producer's own SKUs keeps both
    # by suffixing the moved record's id.
    sku = record.partner_sku
    if StockRecord.objects.filter(partner_id=partner_id, partner_sku=sku).exists():
        sku = f"{sku[: 127 - len(str(record.pk))]}-{record.pk}"
    StockRecord.objects.filter(pk=record.pk).update(partner_id=partner_id, partner_sku=sku)


def _notify_after_commit(*, change: VendorStatusChange, language: str) -> None:
    from vendors.tasks import vendor_status_notify_task

    # Robust: a queue down costs the mail (logged), never the decision already committed.
    transaction.on_commit(lambda: vendor_status_notify_task.delay(change.pk, language), robust=True)


# Which status each decision may start from: anything else is a stale page or a forged post.
_ALLOWED_FROM = {
    Vendor.Status.APPROVED: {Vendor.Status.PENDING},
    Vendor.Status.REJECTED: {Vendor.Status.PENDING},
    Vendor.Status.SUSPENDED: {Vendor.Status.APPROVED},
    "reinstated": {Vendor.Status.SUSPENDED},
}


def _decide(
    *, vendor: Vendor, status: str, by: AbstractUser, reason: str = "", step: str = "", language=""
) -> VendorStatusChange:
    locked = Vendor.objects.select_for_update().get(pk=vendor.pk)
    if locked.status not in _ALLOWED_FROM[step or status]:
        raise ValidationError(
            _("This producer is %(status)s now; reload the page and decide again.")
            % {"status": locked.get_status_display().lower()},
            code="stale",
        )
    locked.status = status
    # save() rather than update(): the search receivers re-index the producer's products.
    locked.save(update_fields=["status", "updated_at"])
    vendor.status = status
    change = VendorStatusChange.objects.create(
        vendor=locked, status=status, reason=reason, changed_by=by
    )
    _notify_after_commit(change=change, language=language)
    logger.info("Producer %s is now %s (by user %s)", vendor.slug, status, by.pk)
    return change


def _reason_required(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason; the producer will read it.")})
    return reason


@transaction.atomic
def vendor_approve(*, vendor: Vendor, approved_by: AbstractUser, language: str = "") -> Vendor:
    """Let the producer sell: its applicant becomes a member with dashboard access.

    Approving also verifies the certificates filed with the application: the reviewer has
    read each of them, with its scan, on the producer's review page before deciding.
    """
    _decide(vendor=vendor, status=Vendor.Status.APPROVED, by=approved_by, language=language)
    certificates_verify_for_vendor(vendor_id=vendor.pk, verified_by=approved_by)
    if vendor.applicant_id:
        vendor_member_add(vendor=vendor, user=vendor.applicant)
    return vendor


def _decide_with_reason(
    *, vendor: Vendor, status: str, reason: str, by: AbstractUser, language: str
) -> Vendor:
    """A decision the producer must be told the reason for (rejection, suspension)."""
    _decide(
        vendor=vendor,
        status=status,
        by=by,
        reason=_reason_required(reason),
        language=language,
    )
    return vendor


@transaction.atomic
def vendor_reject(
    *, vendor: Vendor, reason: str, rejected_by: AbstractUser, language: str = ""
) -> Vendor:
    """Turn down an application; the applicant reads the reason by e-mail and on the site."""
    return _decide_with_reason(
        vendor=vendor,
        status=Vendor.Status.REJECTED,
        reason=reason,
        by=rejected_by,
        language=language,
    )


@transaction.atomic
def vendor_suspend(
    *, vendor: Vendor, reason: str, suspended_by: AbstractUser, language: str = ""
) -> Vendor:
    """Take the producer's products off the storefront and search; its data stays."""
    return _decide_with_reason(
        vendor=vendor,
        status=Vendor.Status.SUSPENDED,
        reason=reason,
        by=suspended_by,
        language=language,
    )


@transaction.atomic
def vendor_reinstate(
    *, vendor: Vendor, reinstated_by: AbstractUser, reason: str = "", language: str = ""
) -> Vendor:
    """Put a suspended producer's public products back on sale."""
    _decide(
        vendor=vendor,
        status=Vendor.Status.APPROVED,
        by=reinstated_by,
        reason=(reason or "").strip(),
        step="reinstated",
        language=language,
    )
    return vendor


__all__ = [
    "CertificateApplication",
    "certificate_dates_check",
    "stockrecord_add",
    "stockrecord_partner_error",
    "stockrecord_partner_rule",
    "stockrecords_follow_producer",
    "vendor_apply",
    "vendor_approve",
    "vendor_member_add",
    "vendor_reinstate",
    "vendor_reject",
    "vendor_suspend",
    "vendor_upsert",
]
