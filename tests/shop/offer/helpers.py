"""Vouchers as staff set them up in the dashboard: a range, a condition, a benefit, an offer
saying who pays, and the code."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from oscar.core.loading import get_model

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")


def voucher_make(
    code: str,
    *,
    vendor=None,
    percent: int | None = 10,
    amount: int | None = None,
    usage: str = "Multi-use",
    starts_in: timedelta = timedelta(days=-1),
    ends_in: timedelta = timedelta(days=30),
    per_customer: int | None = None,
):
    """A code taking `percent` off (or `amount` đồng off) every product, paid by `vendor` if
    given, else by the platform, usable `per_customer` times by one buyer if given. The
    range holds every product on purpose: a producer's offer must still discount only its
    own producer's lines."""
    everything = Range.objects.create(name=f"Mọi sản phẩm {code}", includes_all_products=True)
    condition = Condition.objects.create(range=everything, type=Condition.COUNT, value=1)
    if amount is not None:
        benefit = Benefit.objects.create(
            range=everything, type=Benefit.FIXED, value=Decimal(amount)
        )
    else:
        benefit = Benefit.objects.create(
            range=everything, type=Benefit.PERCENTAGE, value=Decimal(percent)
        )
    offer = ConditionalOffer.objects.create(
        name=f"Ưu đãi {code}",
        offer_type=ConditionalOffer.VOUCHER,
        condition=condition,
        benefit=benefit,
        funded_by="producer" if vendor else "platform",
        vendor=vendor,
        max_user_applications=per_customer,
        max_basket_applications=1 if per_customer else None,
    )
    now = timezone.now()
    voucher = Voucher.objects.create(
        name=f"Mã {code}",
        code=code,
        usage=usage,
        start_datetime=now + starts_in,
        end_datetime=now + ends_in,
    )
    voucher.offers.add(offer)
    return voucher
