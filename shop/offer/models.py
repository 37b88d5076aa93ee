"""Oscar's offer models, forked: an offer says who pays its discount (the platform or one
producer), and a producer's offer only ever discounts that producer's lines.

Our ConditionalOffer and Benefit are defined before Oscar's wildcard import, so Oscar's loader
uses them.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.offer.abstract_models import AbstractBenefit, AbstractConditionalOffer
from oscar.apps.offer.results import ZERO_DISCOUNT


class FundedBy(models.TextChoices):
    PLATFORM = "platform", _("The platform")
    PRODUCER = "producer", _("The producer")


class ConditionalOffer(AbstractConditionalOffer):
    funded_by = models.CharField(
        _("discount paid by"),
        max_length=16,
        choices=FundedBy.choices,
        default=FundedBy.PLATFORM,
        help_text=_(
            "The platform pays its discounts out of its commission; a producer's discount "
            "is taken from that producer's sales only."
        ),
    )
    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="offers",
        verbose_name=_("producer"),
        help_text=_("The producer who pays the discount; only its products are discounted."),
    )

    class Meta(AbstractConditionalOffer.Meta):
        constraints = [
            # A producer's offer names its producer; the platform's names none.
            models.CheckConstraint(
                condition=(
                    models.Q(funded_by="platform", vendor__isnull=True)
                    | models.Q(funded_by="producer", vendor__isnull=False)
                ),
                name="offer_funder_names_its_producer",
            ),
        ]

    @property
    def is_producer_funded(self) -> bool:
        return self.funded_by == FundedBy.PRODUCER

    def clean(self):
        super().clean()
        if self.is_producer_funded and self.vendor_id is None:
            raise ValidationError(
                {"vendor": _("Choose the producer who pays this discount.")}, code="vendor"
            )
        if not self.is_producer_funded and self.vendor_id is not None:
            raise ValidationError(
                {
                    "vendor": _(
                        "A discount the platform pays names no producer: leave the producer "
                        "empty, or choose “The producer” as who pays."
                    )
                },
                code="vendor",
            )

    def _basket_seen(self, basket):
        # A producer's offer sees only the producer's lines, whatever its range holds: its
        # condition counts them alone and its benefit can discount nothing else.
        if not self.is_producer_funded:
            return basket
        return ProducerLines(basket, partner_id=self.vendor.partner_id)

    def is_condition_satisfied(self, basket):
        return super().is_condition_satisfied(self._basket_seen(basket))

    def is_condition_partially_satisfied(self, basket):
        return super().is_condition_partially_satisfied(self._basket_seen(basket))

    def get_upsell_message(self, basket):
        return super().get_upsell_message(self._basket_seen(basket))

    def apply_benefit(self, basket):
        seen = self._basket_seen(basket)
        if not self.is_condition_satisfied(basket):
            return ZERO_DISCOUNT
        return self.benefit.proxy().apply(seen, self.condition.proxy(), self)


class ProducerLines:
    """The basket as one producer's offer sees it: only the lines that producer sells.

    Oscar's conditions and benefits read a basket through `all_lines()` (and its currency);
    the lines are the basket's own objects, so a discount lands on the real basket."""

    def __init__(self, basket, *, partner_id: int):
        self._basket = basket
        self._partner_id = partner_id

    def all_lines(self):
        return [
            line
            for line in self._basket.all_lines()
            if line.stockrecord_id and line.stockrecord.partner_id == self._partner_id
        ]

    def __getattr__(self, name):
        return getattr(self._basket, name)


class Benefit(AbstractBenefit):
    # Shipping is a parcel per producer, each at its producer's rules (free from an amount
    # the producer sets); a discount on the sum of the fees would not belong to any parcel,
    # and the parcels the buyer pays on delivery would no longer add up to the total.
    SHIPPING_TYPES = (
        AbstractBenefit.SHIPPING_ABSOLUTE,
        AbstractBenefit.SHIPPING_FIXED_PRICE,
        AbstractBenefit.SHIPPING_PERCENTAGE,
    )

    class Meta(AbstractBenefit.Meta):
        pass

    def clean(self):
        if self.type in self.SHIPPING_TYPES:
            raise ValidationError(
                {
                    "type": _(
                        "Shipping discounts are not offered: each producer sets its own "
                        "free shipping. Choose a discount on the products."
                    )
                },
                code="shipping",
            )
        super().clean()


from oscar.apps.offer.models import *  # noqa: E402, F403
