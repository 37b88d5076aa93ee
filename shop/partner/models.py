"""Oscar's partner models; the stock record refuses a price of zero or less, and a partner
other than its product's producer's.

Our StockRecord is defined before Oscar's wildcard import, so Oscar's loader uses it.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.partner.abstract_models import AbstractStockRecord

PRICE_NOT_POSITIVE = _("Enter a price above 0 ₫.")


class StockRecord(AbstractStockRecord):
    """A producer's offer of a product: its price, and how many are in stock."""

    class Meta(AbstractStockRecord.Meta):
        constraints = [
            # No price (the listing cannot be bought yet) is allowed; zero or less never is:
            # a negative line would lower a whole basket's total.
            models.CheckConstraint(
                condition=models.Q(price__isnull=True) | models.Q(price__gt=0),
                name="partner_stockrecord_price_positive",
                violation_error_message=PRICE_NOT_POSITIVE,
            ),
        ]

    def clean(self):
        super().clean()
        errors = {}
        if self.price is not None and self.price <= 0:
            errors["price"] = ValidationError(PRICE_NOT_POSITIVE, code="price_not_positive")
        # Every form that writes a stock record (Oscar's dashboard, the admin) comes through
        # here: the partner decides whose parcel and ledger a sale goes to.
        if self.product_id and self.partner_id:
            from vendors.services import stockrecord_partner_error

            message = stockrecord_partner_error(product=self.product, partner=self.partner)
            if message:
                errors["partner"] = ValidationError(message, code="partner_not_producer")
        if errors:
            raise ValidationError(errors)


from oscar.apps.partner.models import *  # noqa: E402,F403
