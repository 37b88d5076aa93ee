"""Tourism partners (hotels, restaurants, tour operators) who embed products on their own
sites, their widgets, the referrals they bring and the commission they earn."""

import re
import secrets

from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from catalogue.html import validate_link


def publishable_key_new() -> str:
    return "pk_" + secrets.token_urlsafe(24)


def partner_ref_new() -> str:
    # Short and readable: it shows in the buyer's address bar.
    return secrets.token_hex(4)


class TourismPartner(models.Model):
    """A partner organisation; its members are users (not producers)."""

    class Kind(models.TextChoices):
        HOTEL = "hotel", _("Hotel or homestay")
        RESTAURANT = "restaurant", _("Restaurant")
        TOUR_OPERATOR = "tour_operator", _("Tour operator")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        SUSPENDED = "suspended", _("Suspended")

    organisation = models.CharField(_("organisation"), max_length=255)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    website = models.URLField(_("website"), blank=True, validators=[validate_link])
    contact_name = models.CharField(_("contact name"), max_length=128)
    email = models.EmailField(_("e-mail"))
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    # One host per line, e.g. "khachsan.example" or "*.khachsan.example" or "127.0.0.1:8123".
    allowed_domains = models.TextField(_("domains allowed to embed"), blank=True)
    publishable_key = models.CharField(
        _("publishable key"), max_length=64, unique=True, default=publishable_key_new
    )
    ref = models.CharField(_("reference"), max_length=16, unique=True, default=partner_ref_new)
    commission_rate = models.DecimalField(
        _("commission rate"),
        max_digits=5,
        decimal_places=4,
        default=0,
        help_text=_("Share of the goods total, e.g. 0.05 for 5%."),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.PENDING
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="tourism_partners", verbose_name=_("members")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reviewed by"),
    )

    class Meta:
        verbose_name = _("tourism partner")
        verbose_name_plural = _("tourism partners")
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(commission_rate__gte=0) & Q(commission_rate__lte="0.5"),
                name="tourism_partner_rate_range",
            )
        ]

    def __str__(self) -> str:
        return self.organisation

    @property
    def domains(self) -> list[str]:
        return [line.strip() for line in self.allowed_domains.splitlines() if line.strip()]

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED


# The accent goes into the embed page's stylesheet: only a #rrggbb colour may reach it.
ACCENT_PATTERN = r"^#[0-9a-fA-F]{6}\Z"
DEFAULT_ACCENT = "#1f7a4d"


class Widget(models.Model):
    """One embed a partner built; statistics are kept per widget."""

    class Source(models.TextChoices):
        PRODUCTS = "products", _("Chosen products")
        PROVINCE = "province", _("A province")
        CATEGORY = "category", _("A product group")
        SEARCH = "search", _("A search")

    class Layout(models.TextChoices):
        GRID = "grid", _("Grid")
        LIST = "list", _("List")
        CAROUSEL = "carousel", _("Carousel")

    partner = models.ForeignKey(
        TourismPartner, on_delete=models.CASCADE, related_name="widgets", verbose_name=_("partner")
    )
    name = models.CharField(_("name"), max_length=128)
    source = models.CharField(_("products from"), max_length=16, choices=Source.choices)
    product_ids = models.JSONField(_("products"), default=list, blank=True)
    province = models.ForeignKey(
        "catalogue.Province",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("province"),
    )
    category = models.ForeignKey(
        "catalogue.Category",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("product group"),
    )
    query = models.CharField(_("search words"), max_length=200, blank=True)
    layout = models.CharField(
        _("layout"), max_length=16, choices=Layout.choices, default=Layout.GRID
    )
    count = models.PositiveSmallIntegerField(_("number of products"), default=4)
    language = models.CharField(_("language"), max_length=8, default="vi")
    accent = models.CharField(
        _("accent colour"),
        max_length=7,
        default=DEFAULT_ACCENT,
        validators=[RegexValidator(ACCENT_PATTERN, message=_("Choose a colour such as #1f7a4d."))],
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("widget")
        verbose_name_plural = _("widgets")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def accent_colour(self) -> str:
        """The accent for the stylesheet; a row stored before the check falls back."""
        if re.match(ACCENT_PATTERN, self.accent or ""):
            return self.accent
        return DEFAULT_ACCENT


class BasketReferral(models.Model):
    """The last partner that sent this basket's owner to the shop; read at placement."""

    basket = models.OneToOneField(
        "basket.Basket", on_delete=models.CASCADE, related_name="partner_referral"
    )
    partner = models.ForeignKey(TourismPartner, on_delete=models.CASCADE, related_name="+")
    widget = models.ForeignKey(Widget, on_delete=models.SET_NULL, null=True, related_name="+")
    referred_at = models.DateTimeField()

    class Meta:
        verbose_name = _("basket referral")

    def __str__(self) -> str:
        return f"{self.basket_id} → {self.partner_id}"


class OrderReferral(models.Model):
    """The partner credited with an order, copied from the basket at placement."""

    order = models.OneToOneField(
        "order.Order", on_delete=models.CASCADE, related_name="partner_referral"
    )
    partner = models.ForeignKey(
        TourismPartner, on_delete=models.PROTECT, related_name="order_referrals"
    )
    widget = models.ForeignKey(
        Widget, on_delete=models.SET_NULL, null=True, blank=True, related_name="order_referrals"
    )
    referred_at = models.DateTimeField()
    # The partner's rate when the order was placed: a later change of rate is not retroactive.
    commission_rate = models.DecimalField(max_digits=5, decimal_places=4)
    # Goods total (excluding shipping) the commission is computed on, in đồng.
    goods_total = models.DecimalField(max_digits=14, decimal_places=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("order referral")

    def __str__(self) -> str:
        return f"{self.order_id} → {self.partner_id}"


class PartnerLedgerEntry(models.Model):
    """What the platform owes a partner: a commission when an order is paid, its reversal on
    refund. One row per order and kind, enforced by the database."""

    class Kind(models.TextChoices):
        COMMISSION = "commission", _("Commission")
        REVERSAL = "reversal", _("Commission reversed")

    partner = models.ForeignKey(
        TourismPartner, on_delete=models.PROTECT, related_name="ledger_entries"
    )
    order = models.ForeignKey("order.Order", on_delete=models.PROTECT, related_name="+")
    widget = models.ForeignKey(Widget, on_delete=models.SET_NULL, null=True, related_name="+")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    # Positive for a commission, negative for its reversal; whole đồng.
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=0)
    rate = models.DecimalField(_("rate"), max_digits=5, decimal_places=4)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("partner ledger entry")
        verbose_name_plural = _("partner ledger entries")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["order", "kind"], name="partner_ledger_order_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.amount} ({self.order_id})"


class WidgetDailyStat(models.Model):
    """Impressions and clicks of a widget on one day (Vietnam time), flushed in batches."""

    widget = models.ForeignKey(Widget, on_delete=models.CASCADE, related_name="daily_stats")
    day = models.DateField()
    impressions = models.PositiveIntegerField(default=0)
    clicks = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["widget", "day"], name="widget_daily_stat_day"),
        ]

    def __str__(self) -> str:
        return f"{self.widget_id} {self.day}"
