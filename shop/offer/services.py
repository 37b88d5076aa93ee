"""Writes of vouchers a producer runs for its own products, paid by itself."""

from datetime import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.offer.models import FundedBy
from vendors.models import Vendor

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


@transaction.atomic
def producer_voucher_create(
    *,
    vendor: Vendor,
    code: str,
    percent: Decimal | None,
    amount: Decimal | None,
    starts_at: datetime,
    ends_at: datetime,
    once_per_customer: bool,
    uses_per_customer: int | None = None,
) -> "Voucher":
    """A code taking `percent` (or `amount` đồng) off the producer's own products in a
    basket, paid by the producer, once per customer, `uses_per_customer` times, or without
    a limit per customer. The code is the shop's: one taken by anyone is refused."""
    code = code.strip().upper()
    if Voucher.objects.filter(code=code).exists():
        raise ValidationError(
            {"code": _("The code %(code)s is taken: choose another.") % {"code": code}},
            code="taken",
        )
    if ends_at <= starts_at:
        raise ValidationError({"ends_at": _("The end must come after the start.")}, code="dates")
    if once_per_customer:
        uses_per_customer = None  # the code's own rule (Oscar's once per customer) says it
    # Every product: the offer, paid by the producer, discounts only its own lines.
    products, _created = Range.objects.get_or_create(
        name=f"Sản phẩm của {vendor.legal_name}"[:128], defaults={"includes_all_products": True}
    )
    if percent is not None:
        benefit = Benefit.objects.create(range=products, type=Benefit.PERCENTAGE, value=percent)
    else:
        benefit = Benefit.objects.create(range=products, type=Benefit.FIXED, value=amount)
    name = f"{code} ({vendor.legal_name})"[:100]
    offer = ConditionalOffer.objects.create(
        name=name,
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=products, type=Condition.COUNT, value=1),
        benefit=benefit,
        funded_by=FundedBy.PRODUCER,
        vendor=vendor,
        # One application an order, so a buyer's uses of the code are its orders.
        max_basket_applications=1,
        max_user_applications=uses_per_customer or None,
    )
    voucher = Voucher.objects.create(
        name=name,
        code=code,
        usage=Voucher.ONCE_PER_CUSTOMER if once_per_customer else Voucher.MULTI_USE,
        start_datetime=starts_at,
        end_datetime=ends_at,
    )
    voucher.offers.add(offer)
    return voucher


@transaction.atomic
def producer_voucher_end(*, vendor: Vendor, voucher_id: int) -> "Voucher":
    """End the producer's code now (a code of another producer's is not found)."""
    # (FOR UPDATE refuses DISTINCT: the producer's codes are asked in a subquery.)
    voucher = (
        Voucher.objects.select_for_update()
        .filter(pk__in=Voucher.objects.filter(offers__vendor=vendor).values("pk"))
        .get(pk=voucher_id)
    )
    now = timezone.now()
    if voucher.end_datetime > now:
        voucher.end_datetime = max(now, voucher.start_datetime)
        voucher.save(update_fields=["end_datetime"])
    return voucher
