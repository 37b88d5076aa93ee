"""Demo vouchers for the Tết campaign: one the platform pays for every product, one the
noodle cooperative pays for its own, so both kinds can be tried in the basket."""

from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from oscar.core.loading import get_model

from shop.demo.data import NOODLE_COOPERATIVE
from vendors.models import Vendor

Benefit = get_model("offer", "Benefit")
Condition = get_model("offer", "Condition")
ConditionalOffer = get_model("offer", "ConditionalOffer")
Range = get_model("offer", "Range")
Voucher = get_model("voucher", "Voucher")

# The campaign runs from the seeding day through the weeks around Tết, whenever it is seeded.
CAMPAIGN_DAYS = 90


@transaction.atomic
def demo_vouchers_ensure() -> list[str]:
    """The demo codes, made once (a code that exists is left as it is); returns the codes."""
    noodles = Vendor.objects.filter(slug=NOODLE_COOPERATIVE).first()
    made = [
        _voucher_ensure(
            code="TET2027",
            name="Tết 2027: giảm 10% mọi sản phẩm",
            percent=10,
            vendor=None,
            usage=Voucher.ONCE_PER_CUSTOMER,
        )
    ]
    if noodles is not None:
        made.append(
            _voucher_ensure(
                code="MIENDONGTET",
                name="Tết 2027: miến dong Bình Liêu giảm 15%",
                percent=15,
                vendor=noodles,
                usage=Voucher.MULTI_USE,
            )
        )
    return made


def _voucher_ensure(*, code: str, name: str, percent: int, vendor, usage: str) -> str:
    if Voucher.objects.filter(code=code).exists():
        return code
    # Every product: a producer's offer still discounts only its own products.
    products, _created = Range.objects.get_or_create(
        name="Mọi sản phẩm", defaults={"includes_all_products": True}
    )
    offer = ConditionalOffer.objects.create(
        name=name,
        offer_type=ConditionalOffer.VOUCHER,
        condition=Condition.objects.create(range=products, type=Condition.COUNT, value=1),
        benefit=Benefit.objects.create(
            range=products, type=Benefit.PERCENTAGE, value=Decimal(percent)
        ),
        funded_by="producer" if vendor else "platform",
        vendor=vendor,
    )
    now = timezone.now()
    voucher = Voucher.objects.create(
        name=name,
        code=code,
        usage=usage,
        start_datetime=now - timedelta(days=1),
        end_datetime=now + timedelta(days=CAMPAIGN_DAYS),
    )
    voucher.offers.add(offer)
    return code
