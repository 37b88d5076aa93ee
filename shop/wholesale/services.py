"""Writes of wholesale: a producer's tiers, a partner's invoice details and their order."""

from __future__ import annotations

import logging
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.models import Product
from shop.tourism.models import TourismPartner
from shop.wholesale.models import LEAST_TIER_QUANTITY, InvoiceDetails, WholesaleTier
from shop.wholesale.selectors import retail_price, wholesale_partner_for_user
from shop.wholesale.taxcode import tax_code_clean

logger = logging.getLogger(__name__)

# More tiers than this is a price list, not tiers; the product page stays readable.
MOST_TIERS = 5


def wholesale_tiers_check(*, tiers: list[tuple[int, Decimal]], retail: Decimal | None) -> None:
    """Tiers must start at 2 units or more, rise in quantity while falling in price, and
    stay below the retail price; raises ValidationError saying which rule is broken."""
    errors = []
    if len(tiers) > MOST_TIERS:
        errors.append(_("Set %(count)d tiers at most.") % {"count": MOST_TIERS})
    if tiers and retail is None:
        errors.append(_("Set the product's retail price before its wholesale prices."))
    previous: tuple[int, Decimal] | None = None
    for quantity, price in tiers:
        if quantity < LEAST_TIER_QUANTITY:
            errors.append(
                _("A wholesale tier starts at %(least)d units or more; one unit is retail.")
                % {"least": LEAST_TIER_QUANTITY}
            )
        if price <= 0 or price != price.to_integral_value():
            errors.append(_("A wholesale price is a whole number of đồng above zero."))
        if retail is not None and price >= retail:
            errors.append(
                _("From %(quantity)d units: the wholesale price must be below the retail price.")
                % {"quantity": quantity}
            )
        if previous is not None:
            if quantity <= previous[0]:
                errors.append(_("Each tier must start at more units than the one before."))
            elif price >= previous[1]:
                errors.append(
                    _("From %(quantity)d units: the price must be lower than the tier before.")
                    % {"quantity": quantity}
                )
        previous = (quantity, price)
    if errors:
        raise ValidationError(list(dict.fromkeys(errors)))


@transaction.atomic
def wholesale_tiers_set(
    *, vendor, product_id: int, tiers: list[tuple[int, Decimal]]
) -> list[WholesaleTier]:
    """Replace a product's tiers with `tiers` ((from quantity, unit price) pairs). The
    product must be the producer's own: another's raises Product.DoesNotExist."""
    product = (
        Product.objects.select_for_update()
        .exclude(structure=Product.PARENT)
        .get(pk=product_id, vendor=vendor)
    )
    tiers = sorted(tiers)
    wholesale_tiers_check(tiers=tiers, retail=retail_price(product=product))
    WholesaleTier.objects.filter(product=product).delete()
    rows = WholesaleTier.objects.bulk_create(
        WholesaleTier(product=product, min_quantity=quantity, price=price)
        for quantity, price in tiers
    )
    logger.info("Wholesale tiers of product %s set: %s", product.pk, tiers)
    return rows


def invoice_details_save(
    *,
    basket,
    partner: TourismPartner,
    user,
    company_name: str,
    tax_code: str,
    address: str,
    email: str = "",
) -> InvoiceDetails:
    """The invoice details of the partner's basket, checked again here (the tax code)."""
    details, _created = InvoiceDetails.objects.update_or_create(
        basket=basket,
        order__isnull=True,
        defaults={
            "partner": partner,
            "given_by": user,
            "company_name": company_name.strip(),
            "tax_code": tax_code_clean(tax_code),
            "address": address.strip(),
            "email": email.strip(),
        },
    )
    return details


def invoice_details_clear(*, basket) -> None:
    """The partner wants no invoice for this basket after all."""
    InvoiceDetails.objects.filter(basket=basket, order__isnull=True).delete()


def invoice_details_attach_to_order(*, order, basket, user) -> InvoiceDetails | None:
    """At placement: the basket's invoice details go onto the order if the buyer still
    belongs to the approved partner that gave them (a partner suspended meanwhile, or a
    basket that changed hands, gets none)."""
    if basket is None or basket.pk is None:
        return None
    details = InvoiceDetails.objects.filter(basket=basket, order__isnull=True).first()
    if details is None:
        return None
    partner = wholesale_partner_for_user(user=user)
    if partner is None or partner.pk != details.partner_id:
        details.delete()
        return None
    details.order = order
    details.basket = None
    details.save(update_fields=["order", "basket"])
    return details
