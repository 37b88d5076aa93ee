"""Write-side operations of the catalogue: reference data (places, OCOP groups, the OCOP
product class), certificates (whose operations live in catalogue/certificates.py and are
re-exported here), staff holds on listings, batches and trace codes."""

import logging
import secrets
from datetime import date

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from catalogue.certificates import (
    CertificateDecisionError,
    certificate_add,
    certificate_reject,
    certificate_reminders_send,
    certificate_revoke,
    certificate_verify,
    certificates_expire,
    certificates_verify_for_vendor,
)
from catalogue.models import (
    Batch,
    Category,
    Commune,
    Product,
    ProductClass,
    ProductSeason,
    Province,
    TraceCode,
)
from catalogue.ocop_groups import OCOP_GROUPS, OcopNode
from catalogue.seasons import season_errors
from catalogue.text import slugify_vietnamese

logger = logging.getLogger(__name__)

_COMMUNE_KINDS = {"Xã": Commune.Kind.COMMUNE, "Phường": Commune.Kind.WARD}


def _admin_unit_rows() -> list[dict]:
    # vietnamadminunits ships the post-July-2025 units in a SQLite file it maintains.
    from vietnamadminunits.database import query

    return query(
        "SELECT provinceCode, province, provinceShort, provinceLat, provinceLon, "
        "wardCode, ward, wardShort, wardType, wardLat, wardLon FROM admin_units "
        "ORDER BY provinceCode, wardCode"
    )


@transaction.atomic
def places_sync() -> tuple[int, int]:
    """Create or update the 34 provinces and their communes; returns (provinces, communes)."""
    rows = _admin_unit_rows()
    existing_provinces = {p.code: p for p in Province.objects.all()}
    provinces: dict[str, Province] = {}
    for row in rows:
        code = row["provinceCode"]
        if code in provinces:
            continue
        province = existing_provinces.get(code) or Province(code=code)
        values = {
            "name": row["province"],
            "short_name": row["provinceShort"],
            "slug": slugify_vietnamese(row["provinceShort"]),
            "is_city": row["province"].startswith("Thành phố"),
            "latitude": row["provinceLat"],
            "longitude": row["provinceLon"],
        }
        if province.pk is None or any(getattr(province, f) != v for f, v in values.items()):
            for field, value in values.items():
                setattr(province, field, value)
            province.save()
        provinces[code] = province

    existing_communes = {c.code: c for c in Commune.objects.select_related("province")}
    to_create, to_update = [], []
    for row in rows:
        commune = existing_communes.get(row["wardCode"])
        values = {
            "name": row["ward"],
            "short_name": row["wardShort"],
            "kind": _COMMUNE_KINDS.get(row["wardType"], Commune.Kind.SPECIAL_ZONE),
            "province": provinces[row["provinceCode"]],
            "latitude": row["wardLat"],
            "longitude": row["wardLon"],
        }
        if commune is None:
            to_create.append(Commune(code=row["wardCode"], **values))
        elif any(getattr(commune, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(commune, field, value)
            to_update.append(commune)
    Commune.objects.bulk_create(to_create, batch_size=500)
    Commune.objects.bulk_update(
        to_update,
        ["name", "short_name", "kind", "province", "latitude", "longitude"],
        batch_size=500,
    )
    return len(provinces), len(rows)


def _sync_category_node(node: OcopNode, parent: Category | None, position: int) -> int:
    code, name, name_en, children = node
    category = Category.objects.filter(ocop_code=code).first()
    if category is None:
        values = {"name": name, "name_en": name_en, "ocop_code": code}
        values["slug"] = slugify_vietnamese(name if parent is None else f"{code} {name}")
        category = Category.add_root(**values) if parent is None else parent.add_child(**values)
    elif (category.name, category.name_en) != (name, name_en):
        category.name, category.name_en = name, name_en
        category.save()
    created = 1
    for index, child in enumerate(children):
        created += _sync_category_node(child, category, index)
    return created


@transaction.atomic
def ocop_categories_sync() -> int:
    """Create the six OCOP groups with their groups and subgroups; returns the node count."""
    return sum(_sync_category_node(node, None, i) for i, node in enumerate(OCOP_GROUPS))


# Every OCOP product is a physical good the producer ships and counts: one product class.
OCOP_PRODUCT_CLASS_NAME = "Sản phẩm OCOP"


def product_class_ensure() -> ProductClass:
    """The product class of OCOP products (shipped, stock tracked), made on first use."""
    product_class, _created = ProductClass.objects.get_or_create(
        name=OCOP_PRODUCT_CLASS_NAME, defaults={"requires_shipping": True, "track_stock": True}
    )
    return product_class


@transaction.atomic
def product_hide(*, product: Product, reason: str, by) -> Product:
    """Staff take a listing off the storefront (and the search index); its producer is told
    why by e-mail and cannot show it again until staff do."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            _("Write the reason for hiding the product: the producer reads it."), code="reason"
        )
    product.hidden_at = timezone.now()
    product.hidden_reason = reason
    product.hidden_by = by
    product.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "date_updated"])
    logger.info("Product %s hidden by %s: %s", product.pk, getattr(by, "pk", None), reason)
    if product.vendor_id:
        from catalogue.tasks import product_hidden_notify

        transaction.on_commit(lambda: product_hidden_notify.delay(product.pk), robust=True)
    return product


@transaction.atomic
def product_show(*, product: Product, by) -> Product:
    """Lift a staff hold: the listing is on sale again if its producer publishes it."""
    if product.hidden_at is None:
        return product
    product.hidden_at = None
    product.hidden_reason = ""
    product.hidden_by = None
    product.save(update_fields=["hidden_at", "hidden_reason", "hidden_by", "date_updated"])
    logger.info("Product %s shown again by %s", product.pk, getattr(by, "pk", None))
    return product


# Trace codes are read off labels and typed by hand: no 0/O, 1/I/L look-alikes. 31 symbols to
# the power of 8 is about 850 billion codes, far too many to find a live one by guessing.
TRACE_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
TRACE_CODE_LENGTH = 8
_TRACE_CODE_ATTEMPTS = 5


def trace_code_new() -> str:
    """A fresh random code (not yet checked against the table)."""
    return "".join(secrets.choice(TRACE_CODE_ALPHABET) for _ in range(TRACE_CODE_LENGTH))


def trace_code_ensure(*, product: Product | None = None, batch: Batch | None = None) -> TraceCode:
    """The trace code of a product or of a batch, made on first need; safe to call again."""
    if (product is None) == (batch is None):
        raise ValueError("Give a product or a batch, not both.")
    owner = {"product": product} if product is not None else {"batch": batch}
    for _attempt in range(_TRACE_CODE_ATTEMPTS):
        existing = TraceCode.objects.filter(**owner).first()
        if existing is not None:
            return existing
        try:
            # A savepoint: a clash with another code must not break the caller's transaction.
            with transaction.atomic():
                return TraceCode.objects.create(code=trace_code_new(), **owner)
        except IntegrityError:
            logger.info("Trace code clash for %s, drawing again", owner)
    raise RuntimeError(f"Could not draw a free trace code for {owner}")


def trace_codes_backfill() -> int:
    """Give a code to every product (not variants) and batch that has none; returns how many.

    For rows written in bulk (synthetic demo products), which send no save signals.
    """
    taken = set(TraceCode.objects.values_list("code", flat=True))

    def draw() -> str:
        code = trace_code_new()
        while code in taken:
            code = trace_code_new()
        taken.add(code)
        return code

    products = (
        Product.objects.exclude(structure=Product.CHILD)
        .filter(trace_code__isnull=True)
        .values_list("pk", flat=True)
    )
    batches = Batch.objects.filter(trace_code__isnull=True).values_list("pk", flat=True)
    rows = [TraceCode(code=draw(), product_id=pk) for pk in products.iterator()]
    rows += [TraceCode(code=draw(), batch_id=pk) for pk in batches.iterator()]
    TraceCode.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


@transaction.atomic
def batch_create(
    *,
    product: Product,
    number: str,
    produced_on: date,
    expires_on: date | None = None,
    quantity: int | None = None,
    note: str = "",
) -> Batch:
    """Record a batch of a product, with its trace code."""
    batch = Batch(
        product=product,
        number=number.strip(),
        produced_on=produced_on,
        expires_on=expires_on,
        quantity=quantity,
        note=note,
    )
    batch.full_clean()
    batch.save()
    trace_code_ensure(batch=batch)
    return batch


@transaction.atomic
def batch_update(
    *,
    batch: Batch,
    product: Product,
    number: str,
    produced_on: date,
    expires_on: date | None = None,
    quantity: int | None = None,
    note: str = "",
) -> Batch:
    """Correct a batch's details; its trace code (printed on labels already) stays."""
    batch.product = product
    batch.number = number.strip()
    batch.produced_on = produced_on
    batch.expires_on = expires_on
    batch.quantity = quantity
    batch.note = note
    batch.full_clean()
    batch.save()
    return batch


def batch_delete(*, batch: Batch) -> None:
    """Remove a batch; its trace code goes with it and its page then answers "unknown code"."""
    batch.delete()


__all__ = [
    "CertificateDecisionError",
    "TRACE_CODE_ALPHABET",
    "batch_create",
    "batch_delete",
    "batch_update",
    "certificate_add",
    "certificate_reject",
    "certificate_reminders_send",
    "certificate_revoke",
    "certificate_verify",
    "certificates_expire",
    "certificates_verify_for_vendor",
    "ocop_categories_sync",
    "places_sync",
    "product_hide",
    "product_show",
    "trace_code_ensure",
    "trace_codes_backfill",
]


def product_season_set(
    *,
    product: Product,
    first_month: int | None = None,
    last_month: int | None = None,
    starts_on: date | None = None,
    ends_on: date | None = None,
) -> ProductSeason | None:
    """Record a product's season, by months or by dates; with neither, the product has no
    season (sold all year) and a stored one is removed. Raises ValidationError, changing
    nothing, when the season does not hold together."""
    errors = season_errors(
        first_month=first_month, last_month=last_month, starts_on=starts_on, ends_on=ends_on
    )
    if errors:
        raise ValidationError({field or "__all__": message for field, message in errors.items()})
    if not any((first_month, last_month, starts_on, ends_on)):
        ProductSeason.objects.filter(product=product).delete()
        return None
    values = {
        "first_month": first_month,
        "last_month": last_month,
        "starts_on": starts_on if not first_month else None,
        "ends_on": ends_on if not first_month else None,
    }
    current = ProductSeason.objects.filter(product=product).first()
    if current is not None and all(getattr(current, k) == v for k, v in values.items()):
        return current  # unchanged: no write, no page made stale
    season, _created = ProductSeason.objects.update_or_create(product=product, defaults=values)
    return season
