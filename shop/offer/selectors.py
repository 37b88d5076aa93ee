"""Reads about vouchers: whether a code may be used by this buyer on this basket now, and if
not, the sentence that tells the buyer why. The basket page and the order placement both ask."""

from django.contrib.auth.models import AnonymousUser
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from vendors.models import Vendor


def _when(moment) -> str:
    return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")


def voucher_refusal(*, voucher, user, basket) -> str:
    """Why this buyer cannot use the code on this basket now ("" if they can, as far as
    dates, the buyer's uses and the producers in the basket go; whether the basket meets
    the offer's condition is Oscar's to say once the code is applied)."""
    user = user if user is not None else AnonymousUser()
    now = timezone.now()
    code = voucher.code
    if voucher.start_datetime and now < voucher.start_datetime:
        return _("The code %(code)s can be used from %(start)s.") % {
            "code": code,
            "start": _when(voucher.start_datetime),
        }
    if voucher.end_datetime and voucher.end_datetime < now:
        return _("The code %(code)s ended on %(end)s.") % {
            "code": code,
            "end": _when(voucher.end_datetime),
        }
    if voucher.usage == voucher.SINGLE_USE and voucher.applications.exists():
        return _("The code %(code)s has already been used.") % {"code": code}
    if voucher.usage == voucher.ONCE_PER_CUSTOMER:
        if not user.is_authenticated:
            return _("The code %(code)s can be used once per customer: sign in to use it.") % {
                "code": code
            }
        if voucher.applications.filter(user=user).exists():
            return _(
                "You have already used the code %(code)s in an earlier order; it can be "
                "used once per customer."
            ) % {"code": code}
    refusal = _uses_per_customer_refusal(voucher=voucher, user=user)
    if refusal:
        return refusal
    producers = _producers_paying(voucher=voucher)
    if producers is not None:
        partner_ids = {
            line.stockrecord.partner_id for line in basket.all_lines() if line.stockrecord_id
        }
        if not any(vendor.partner_id in partner_ids for vendor in producers):
            return _(
                "The code %(code)s is for products of %(producers)s only: add one of "
                "their products to your basket to use it."
            ) % {"code": code, "producers": ", ".join(str(vendor) for vendor in producers)}
    return ""


def _uses_per_customer_refusal(*, voucher, user) -> str:
    """A code limited to N uses per customer (N > 1; once is asked above): a guest must sign
    in, and a buyer who used it in N orders is refused. Oscar counts a buyer's uses of an
    offer over its orders (`get_num_user_applications`), and so does this."""
    offers = [offer for offer in voucher.offers.all() if offer.max_user_applications]
    if not offers:
        return ""
    limit = min(offer.max_user_applications for offer in offers)
    code = voucher.code
    if not user.is_authenticated:
        return ngettext(
            "The code %(code)s can be used %(limit)d time per customer: sign in to use it.",
            "The code %(code)s can be used %(limit)d times per customer: sign in to use it.",
            limit,
        ) % {"code": code, "limit": limit}
    if any(
        offer.get_num_user_applications(user) >= offer.max_user_applications for offer in offers
    ):
        return ngettext(
            "You have already used the code %(code)s %(limit)d time, as often as it can be "
            "used per customer.",
            "You have already used the code %(code)s %(limit)d times, as often as it can be "
            "used per customer.",
            limit,
        ) % {"code": code, "limit": limit}
    return ""


def _producers_paying(*, voucher) -> list[Vendor] | None:
    """The producers who pay every offer of the code, or None if the platform pays one."""
    offers = list(voucher.offers.select_related("vendor"))
    if not offers or any(not offer.is_producer_funded for offer in offers):
        return None
    return list({offer.vendor_id: offer.vendor for offer in offers}.values())


def vouchers_of_producer(*, vendor: Vendor):
    """The codes a producer pays for, newest first."""
    from oscar.core.loading import get_model

    Voucher = get_model("voucher", "Voucher")
    return (
        Voucher.objects.filter(pk__in=Voucher.objects.filter(offers__vendor=vendor).values("pk"))
        .prefetch_related("offers__benefit")
        .order_by("-date_created", "-pk")
    )
