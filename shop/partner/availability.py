"""Availability policies of our own, beside Oscar's (which this module re-exports)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.availability import *  # noqa: F403
from oscar.apps.partner.availability import Unavailable


class NoLongerSold(Unavailable):
    """A listing the shop does not sell now: hidden by staff, unpublished by its producer,
    from a producer that is not approved, or without a valid price. A subclass of Oscar's
    Unavailable, so the basket page flags its lines as it does for any unavailable product."""

    code = "no-longer-sold"
    message = _("No longer sold")

    def __init__(self, title: str):
        self.title = title

    def is_purchase_permitted(self, quantity):
        return False, _("“%(title)s” is no longer sold.") % {"title": self.title}
