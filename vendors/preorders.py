"""Pre-orders: a producer sells its coming harvest ahead, with a ship-from date, an optional
deposit and an optional cap. The terms are written here (for the producer's own products
only) and read by the storefront's strategy (shop.partner), the basket's split into parcels
(shop.shipping) and the order placement (shop.checkout)."""

import logging
from datetime import date
from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from catalogue.selectors import products_for_vendor
from shop.money import round_dong
from vendors.models import PreorderLine, PreorderTerms, Vendor
from vendors.statuses import FulfilmentStatus

logger = logging.getLogger(__name__)


def preorder_today() -> date:
    """The shop's today (Việt Nam's), which pre-order dates are compared with."""
    return timezone.localdate()


def ship_date_label(day: date) -> str:
    """A ship-from date as people write it: "15/07" in Vietnamese, "15 July" in English."""
    return dateformat.format(day, pgettext("pre-order ship-from date", "j F"))


def preorder_deposit(*, price: Decimal, percent: int) -> Decimal:
    """What is paid ahead of a pre-ordered line: its share at `percent`, or the whole line
    when the producer asks no deposit (0: everything is paid now, as for any product)."""
    if not percent:
        return round_dong(price)
    return round_dong(Decimal(price) * percent / 100)


def preorder_terms_active() -> dict[int, PreorderTerms]:
    """Open terms whose ship-from date is still ahead, by product id: the products sold as
    pre-orders now. One query, whatever the number of products priced."""
    return {
        terms.product_id: terms
        for terms in PreorderTerms.objects.filter(is_open=True, ships_from__gt=preorder_today())
    }


def preorder_terms_is_active(*, terms: PreorderTerms) -> bool:
    """Whether terms sell their product as a pre-order now (the rule of preorder_terms_active,
    for a row already loaded): open, and the ship-from day still ahead."""
    return terms.is_open and terms.ships_from > preorder_today()


def preordered_quantity(*, product_id: int) -> int:
    """How many of a product are pre-ordered in parcels not cancelled (what counts against
    the cap)."""
    return (
        PreorderLine.objects.filter(line__product_id=product_id)
        .exclude(fulfilment__status=FulfilmentStatus.CANCELLED)
        .aggregate(total=Sum("line__quantity"))["total"]
        or 0
    )


def preorder_cap_left(*, terms: PreorderTerms) -> int | None:
    """How many more may be pre-ordered under `terms`: None when there is no cap. The
    placement asks it with the terms' row locked, so two buyers cannot both take the last."""
    if terms.cap is None:
        return None
    return max(terms.cap - preordered_quantity(product_id=terms.product_id), 0)


def preorder_orderable(*, product) -> bool:
    """Whether the product can be pre-ordered now: terms open, the ship-from day still ahead
    and the cap (if any) not reached. Reads `product.preorder_terms` (select it along)."""
    try:
        terms = product.preorder_terms
    except ObjectDoesNotExist:
        return False
    if not preorder_terms_is_active(terms=terms):
        return False
    left = preorder_cap_left(terms=terms)
    return left is None or left > 0


def preorder_products_for_vendor(*, vendor: Vendor):
    """The producer's products that may take pre-orders (single products, not the parents of
    variants), with their terms."""
    return (
        products_for_vendor(vendor=vendor)
        .filter(structure="standalone")
        .select_related("preorder_terms")
    )


def preorder_product_for_vendor(*, vendor: Vendor, product_id: int):
    """One of the producer's products, or None when the id is another producer's or none."""
    return preorder_products_for_vendor(vendor=vendor).filter(pk=product_id).first()


def preorder_terms_check(
    *, is_open: bool, ships_from: date | None, deposit_percent: int, cap: int | None
) -> None:
    """Raise a ValidationError per field for terms that cannot be offered."""
    errors = {}
    if ships_from is None:
        errors["ships_from"] = _("Enter the day the pre-ordered parcels may ship from.")
    elif is_open and ships_from <= preorder_today():
        errors["ships_from"] = _(
            "Choose a ship-from date after today: pre-orders are for a harvest still to come."
        )
    if deposit_percent is None or not 0 <= deposit_percent <= 100:
        errors["deposit_percent"] = _(
            "The deposit is a share of the price from 0 to 100 % (0: the whole price now)."
        )
    if cap is not None and cap < 1:
        errors["cap"] = _("Enter at least 1, or leave it empty for no limit.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def preorder_terms_set(
    *,
    vendor: Vendor,
    product_id: int,
    is_open: bool,
    ships_from: date | None,
    deposit_percent: int,
    cap: int | None,
) -> PreorderTerms:
    """Open, change or close the pre-orders of one of the producer's own products. Raises
    ValidationError (changing nothing) for another producer's product or terms that cannot
    be offered. Parcels already pre-ordered keep the date and deposit they were sold with."""
    product = preorder_product_for_vendor(vendor=vendor, product_id=product_id)
    if product is None:
        raise ValidationError(_("This product is not one of yours."), code="not_yours")
    preorder_terms_check(
        is_open=is_open, ships_from=ships_from, deposit_percent=deposit_percent, cap=cap
    )
    terms, _created = PreorderTerms.objects.select_for_update().get_or_create(
        product=product,
        defaults={"ships_from": ships_from},
    )
    terms.is_open = is_open
    terms.ships_from = ships_from
    terms.deposit_percent = deposit_percent
    terms.cap = cap
    terms.save()
    # The product's page and cards show the terms: pages kept for visitors are stale now.
    product.save(update_fields=["date_updated"])
    logger.info(
        "Pre-orders of product %s by producer %s: open=%s from %s, %s%%, cap %s",
        product.pk,
        vendor.slug,
        is_open,
        ships_from,
        deposit_percent,
        cap,
    )
    return terms


__all__ = [
    "preorder_cap_left",
    "preorder_deposit",
    "preorder_orderable",
    "preorder_product_for_vendor",
    "preorder_products_for_vendor",
    "preorder_terms_active",
    "preorder_terms_is_active",
    "preorder_terms_check",
    "preorder_terms_set",
    "preorder_today",
    "preordered_quantity",
    "ship_date_label",
]
