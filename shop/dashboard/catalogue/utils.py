"""Which products a producer's member may manage in the dashboard: their producer's own.

Oscar's default follows stock records, so a producer could open any product it once stocked
and none it has not stocked yet; the producer recorded on the product decides here.
"""

from django.db.models import Q


def partner_product_visibility_q(user) -> Q:
    return Q(vendor__partner__users__pk=user.pk) | Q(parent__vendor__partner__users__pk=user.pk)
