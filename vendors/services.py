"""Write-side operations of producers: create or update a producer with its Oscar partner."""

import logging
from decimal import Decimal

from django.contrib.auth.models import AbstractUser, Permission
from django.db import transaction
from oscar.core.loading import get_model

from catalogue.models import Commune
from catalogue.text import slugify_vietnamese
from vendors.models import Vendor

logger = logging.getLogger(__name__)

Partner = get_model("partner", "Partner")

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


__all__ = ["vendor_member_add", "vendor_upsert"]
