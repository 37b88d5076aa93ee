"""Oscar's applicator, forked: a guest's voucher counts at placement as on the basket page,
and every line's discount is whole đồng, so the parcels the buyer pays add up to the total."""

from collections import defaultdict
from decimal import Decimal

from django.contrib.auth.models import AnonymousUser
from oscar.apps.offer import applicator

from shop.money import round_dong


class Applicator(applicator.Applicator):
    def get_basket_offers(self, basket, user):
        # Oscar skips vouchers when no user is given, which is how a guest's order is placed:
        # the basket page showed the guest the discount, so the order must carry it too.
        # Codes limited per buyer still refuse a guest (Oscar's voucher rule).
        return super().get_basket_offers(basket, user or AnonymousUser())

    def apply_offers(self, basket, offers):
        super().apply_offers(basket, offers)
        _discounts_in_whole_dong(basket)


def _discounts_in_whole_dong(basket) -> None:
    """Make each line's share of each offer's discount whole đồng, the offer's total being
    its discount rounded (shop.money.round_dong); the đồng left over by the rounding go to
    the lines with the largest fractions. Oscar spreads a percentage over the lines in
    fractions of a đồng, which would leave a parcel's amount to collect in fractions."""
    shares = defaultdict(list)  # offer id -> [(line, index in its discounts)]
    for line in basket.all_lines():
        for index, application in enumerate(line.discounts.all()):
            if application.offer is not None:
                shares[application.offer.pk].append((line, index))
    totals = {}
    for offer_id, places in shares.items():
        amounts = [line.discounts.all()[index].amount for line, index in places]
        target = round_dong(sum(amounts, Decimal("0")))
        whole = [Decimal(int(amount)) for amount in amounts]  # toward zero: discounts are > 0
        left = int(target - sum(whole, Decimal("0")))
        by_fraction = sorted(range(len(amounts)), key=lambda i: amounts[i] - whole[i], reverse=True)
        for i in by_fraction[: max(left, 0)]:
            whole[i] += 1
        for (line, index), amount in zip(places, whole, strict=True):
            registry = line.discounts
            registry._discounts[index] = registry._discounts[index]._replace(amount=amount)
            registry._discount_incl_tax = registry._discount_excl_tax = None
        totals[offer_id] = sum(whole, Decimal("0"))
    # The offer's recorded discount (the order's discount lines) is what its lines lost.
    for offer_id, total in totals.items():
        application = basket.offer_applications.applications.get(offer_id)
        if application is not None:
            application["discount"] = total
