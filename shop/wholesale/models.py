"""A producer's wholesale tiers per product, and the invoice details a partner gives."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

# The fewest units a tier may start at: one unit is always the retail price.
LEAST_TIER_QUANTITY = 2


class WholesaleTier(models.Model):
    """From `min_quantity` units on one basket line, an approved partner pays `price` a unit."""

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="wholesale_tiers",
        verbose_name=_("product"),
    )
    min_quantity = models.PositiveIntegerField(_("from quantity"))
    price = models.DecimalField(_("unit price"), max_digits=12, decimal_places=2)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("wholesale tier")
        verbose_name_plural = _("wholesale tiers")
        ordering = ["product", "min_quantity"]
        constraints = [
            models.UniqueConstraint(
                fields=["product", "min_quantity"], name="wholesale_tier_one_per_quantity"
            ),
            models.CheckConstraint(
                condition=Q(min_quantity__gte=LEAST_TIER_QUANTITY) & Q(price__gt=0),
                name="wholesale_tier_quantity_and_price",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_id} ≥ {self.min_quantity}: {self.price}"


class InvoiceDetails(models.Model):
    """Who the producers' VAT invoices are made out to: given by a partner's member at
    checkout, kept with the basket and moved onto the order when it is placed."""

    partner = models.ForeignKey(
        "partners.TourismPartner",
        on_delete=models.PROTECT,
        related_name="invoice_details",
        verbose_name=_("partner"),
    )
    basket = models.OneToOneField(
        "basket.Basket",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="wholesale_invoice",
    )
    order = models.OneToOneField(
        "order.Order",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="wholesale_invoice",
        verbose_name=_("order"),
    )
    given_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    company_name = models.CharField(_("company name"), max_length=255)
    tax_code = models.CharField(_("tax code"), max_length=14)
    address = models.CharField(_("invoice address"), max_length=400)
    email = models.EmailField(_("e-mail for the e-invoice"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("invoice details")
        verbose_name_plural = _("invoice details")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.company_name} ({self.tax_code})"
