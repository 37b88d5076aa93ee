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


class PreOrder(Available):  # noqa: F405
    """A product sold ahead of its harvest (vendors.preorders): bought whatever its stock,
    up to the producer's cap, and shipped from the terms' date."""

    code = "preorder"

    def __init__(self, terms, title: str):
        self.preorder = terms
        self.title = title

    @property
    def ships_from_label(self) -> str:
        from vendors.preorders import ship_date_label

        return ship_date_label(self.preorder.ships_from)

    @property
    def short_message(self):
        if self.preorder.deposit_percent:
            return _("Pre-order – ships from %(date)s · %(percent)s%% deposit") % {
                "date": self.ships_from_label,
                "percent": self.preorder.deposit_percent,
            }
        return _("Pre-order – ships from %(date)s") % {"date": self.ships_from_label}

    @property
    def message(self):
        if self.preorder.deposit_percent:
            return _(
                "Pre-order – ships from %(date)s. A %(percent)s%% deposit is paid now, the "
                "rest to the courier on delivery."
            ) % {"date": self.ships_from_label, "percent": self.preorder.deposit_percent}
        return _("Pre-order – ships from %(date)s. The whole price is paid now.") % {
            "date": self.ships_from_label
        }

    def is_purchase_permitted(self, quantity):
        from vendors.preorders import preorder_cap_left

        left = preorder_cap_left(terms=self.preorder)
        if left is not None and quantity > left:
            if not left:
                return False, _("“%(title)s” is fully pre-ordered: no more can be ordered.") % {
                    "title": self.title
                }
            return False, _("Only %(left)s more of “%(title)s” can be pre-ordered.") % {
                "left": left,
                "title": self.title,
            }
        return True, ""
