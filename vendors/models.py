"""Producers ("chủ thể OCOP") who sell here, each over one Oscar Partner."""

from decimal import Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from catalogue.html import validate_link
from vendors.carriers import Carrier
from vendors.statuses import FulfilmentStatus, ParcelStep

# Vietnamese tax codes: 10 digits, or 10 digits, a dash and a 3-digit branch suffix.
tax_code_validator = RegexValidator(
    r"^\d{10}(-\d{3})?$",
    _("A tax code has 10 digits, optionally followed by a dash and 3 digits (0101234567-001)."),
)
phone_validator = RegexValidator(
    r"^(\+84|0)\d{9,10}$", _("Enter a Vietnamese phone number, e.g. 0912345678 or +84912345678.")
)


class Vendor(models.Model):
    """A cooperative, cooperative group, enterprise or household business."""

    class Kind(models.TextChoices):
        COOPERATIVE = "htx", _("Cooperative (HTX)")
        COOPERATIVE_GROUP = "tht", _("Cooperative group (tổ hợp tác)")
        ENTERPRISE = "dn", _("Enterprise (doanh nghiệp)")
        HOUSEHOLD = "hkd", _("Household business (hộ kinh doanh)")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        SUSPENDED = "suspended", _("Suspended")

    partner = models.OneToOneField(
        "partner.Partner",
        on_delete=models.PROTECT,
        related_name="vendor",
        verbose_name=_("partner"),
    )
    legal_name = models.CharField(_("legal name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=96, unique=True)
    kind = models.CharField(_("kind of producer"), max_length=4, choices=Kind.choices)
    tax_code = models.CharField(
        _("tax code"), max_length=14, unique=True, validators=[tax_code_validator]
    )
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    commune = models.ForeignKey(
        "catalogue.Commune",
        on_delete=models.PROTECT,
        related_name="vendors",
        verbose_name=_("commune"),
    )
    old_district = models.CharField(
        _("former district"),
        max_length=96,
        blank=True,
        help_text=_("District named in older documents, e.g. huyện Bình Liêu."),
    )
    contact_name = models.CharField(_("contact person"), max_length=128)
    phone = models.CharField(_("phone"), max_length=16, validators=[phone_validator])
    email = models.EmailField(_("e-mail"))
    website = models.URLField(_("website"), blank=True, validators=[validate_link])
    logo = models.ImageField(_("logo"), upload_to="vendors/logos/", blank=True)
    story = models.TextField(_("short story"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PENDING
    )
    commission_rate = models.DecimalField(
        _("platform commission rate"),
        max_digits=4,
        decimal_places=3,
        default=Decimal("0.100"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("0.5"))],
        help_text=_("Share of each sale kept by the platform, e.g. 0.100 for 10%."),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="producer_applications",
        verbose_name=_("applicant"),
        help_text=_("The account that filed the application; it becomes a member on approval."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ["legal_name"]
        verbose_name = _("producer")
        verbose_name_plural = _("producers")

    def __str__(self) -> str:
        return self.legal_name

    def get_absolute_url(self) -> str:
        return reverse("vendor-detail", kwargs={"slug": self.slug})

    @property
    def name(self) -> str:
        return self.legal_name

    @property
    def province(self):
        return self.commune.province

    @property
    def place_label(self) -> str:
        return f"{self.commune.name}, {self.commune.province.short_name}"

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.APPROVED


class VendorStatusChange(models.Model):
    """One step of a producer's review: the application, then each staff decision.

    Kept as a log so a reinstatement does not erase why the producer was suspended; the row
    also records when its e-mail went out, so the mail task can run twice without sending twice.
    """

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("producer"),
    )
    status = models.CharField(_("new status"), max_length=12, choices=Vendor.Status.choices)
    reason = models.TextField(_("reason"), blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("changed by"),
    )
    created_at = models.DateTimeField(_("date"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("producer status change")
        verbose_name_plural = _("producer status changes")

    def __str__(self) -> str:
        return f"{self.vendor}: {self.get_status_display()}"


class Fulfilment(models.Model):
    """One producer's parcel of an order: its lines, shipping fee, status and tracking.

    Its lines are the order's lines whose partner is the producer's partner (see `lines`);
    each producer ships its own parcel, so an order with goods of three producers has three.
    """

    Status = FulfilmentStatus

    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        related_name="fulfilments",
        verbose_name=_("order"),
    )
    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="fulfilments", verbose_name=_("producer")
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    # A pre-ordered parcel: the day it may ship from (promised at the order), the part of its
    # price the buyer paid ahead, and the rest the carrier collects on delivery. An ordinary
    # parcel has no date, and its buyer pays it whole.
    ships_from = models.DateField(_("ships from"), null=True, blank=True)
    deposit = models.DecimalField(
        _("paid ahead"), max_digits=12, decimal_places=0, default=Decimal("0")
    )
    balance = models.DecimalField(
        _("balance due on delivery"), max_digits=12, decimal_places=0, default=Decimal("0")
    )
    shipping_fee = models.DecimalField(
        _("shipping fee"), max_digits=12, decimal_places=0, default=Decimal("0")
    )
    # A code of vendors.carriers; parcels shipped before the list existed keep the name typed.
    carrier = models.CharField(_("carrier"), max_length=64, blank=True, choices=Carrier.choices)
    tracking_code = models.CharField(_("tracking code"), max_length=64, blank=True)
    cancel_reason = models.TextField(_("reason for cancelling"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    packed_at = models.DateTimeField(_("packed"), null=True, blank=True)
    shipped_at = models.DateTimeField(_("shipped"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivered"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("fulfilment")
        verbose_name_plural = _("fulfilments")
        constraints = [
            # One parcel per producer and order, and one more for its pre-ordered goods,
            # which ship later.
            models.UniqueConstraint(
                fields=["order", "vendor"],
                condition=models.Q(ships_from__isnull=True),
                name="fulfilment_order_vendor",
            ),
            models.UniqueConstraint(
                fields=["order", "vendor"],
                condition=models.Q(ships_from__isnull=False),
                name="fulfilment_order_vendor_preorder",
            ),
            models.CheckConstraint(
                condition=models.Q(deposit__gte=0, balance__gte=0),
                name="fulfilment_preorder_amounts_not_negative",
            ),
            models.CheckConstraint(
                condition=models.Q(shipping_fee__gte=0), name="fulfilment_fee_not_negative"
            ),
            # The producer's own delivery has no carrier's tracking number.
            models.CheckConstraint(
                condition=~models.Q(status=FulfilmentStatus.SHIPPED)
                | (
                    ~models.Q(carrier="")
                    & (~models.Q(tracking_code="") | models.Q(carrier=Carrier.OWN))
                ),
                name="fulfilment_shipped_has_tracking",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.order.number} / {self.vendor}"

    @property
    def is_preorder(self) -> bool:
        return self.ships_from is not None

    @property
    def lines(self):
        """The order lines this producer ships in this parcel: its pre-ordered lines for a
        pre-order parcel, its other lines otherwise."""
        lines = self.order.lines.filter(partner_id=self.vendor.partner_id)
        if self.is_preorder:
            lines = lines.filter(preorder__fulfilment=self)
        else:
            lines = lines.filter(preorder__isnull=True)
        return lines.order_by("pk")

    def holds_line(self, line) -> bool:
        """Whether an order line (read with `select_related("preorder")`) is in this parcel."""
        if line.partner_id != self.vendor.partner_id:
            return False
        preorder = getattr(line, "preorder", None)
        return (preorder.fulfilment_id if preorder else None) == (
            self.pk if self.is_preorder else None
        )

    @property
    def reference(self) -> str:
        """Order number and producer, as printed on the parcel and in e-mails."""
        return f"{self.order.number}-{self.vendor_id}"


class ParcelEvent(models.Model):
    """A step of a parcel's timeline, with its time: placed, packed, shipped (with the
    carrier and number it was shipped with), delivered or cancelled (with the reason).

    Written by the services of vendors.fulfilment in the transaction that moves the parcel,
    so the timeline and the status never disagree; a parcel reaches each step once.
    """

    Step = ParcelStep

    fulfilment = models.ForeignKey(
        Fulfilment, on_delete=models.CASCADE, related_name="events", verbose_name=_("fulfilment")
    )
    step = models.CharField(_("step"), max_length=20, choices=ParcelStep.choices)
    at = models.DateTimeField(_("time"))
    carrier = models.CharField(_("carrier"), max_length=64, blank=True, choices=Carrier.choices)
    tracking_code = models.CharField(_("tracking code"), max_length=64, blank=True)
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("parcel event")
        verbose_name_plural = _("parcel events")
        constraints = [
            models.UniqueConstraint(fields=["fulfilment", "step"], name="parcel_event_step_once")
        ]

    def __str__(self) -> str:
        return f"{self.fulfilment_id}: {self.step}"


class LedgerEntry(models.Model):
    """One movement of what the platform owes a producer; the balance owed is their sum.

    Amounts are signed whole đồng: a sale adds, the platform's commission and a payout
    subtract, a reversal cancels the entry it points at.
    """

    class Kind(models.TextChoices):
        SALE = "sale", _("Sale")
        COMMISSION = "commission", _("Commission")
        PAYOUT = "payout", _("Payout")
        REVERSAL = "reversal", _("Reversal")
        # The platform pays the producer back what a discount it funds took off the sale.
        PLATFORM_DISCOUNT = "discount", _("Discount paid by the platform")
        # A pre-order is sold in two parts: what the buyer paid ahead, at the order, and the
        # rest (with the fee), when the parcel ships and the carrier collects it.
        DEPOSIT = "deposit", _("Pre-order deposit")
        BALANCE = "balance", _("Pre-order balance")

    vendor = models.ForeignKey(
        Vendor, on_delete=models.PROTECT, related_name="ledger_entries", verbose_name=_("producer")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    amount = models.DecimalField(_("amount"), max_digits=14, decimal_places=0)
    order = models.ForeignKey(
        "order.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("order"),
    )
    fulfilment = models.ForeignKey(
        Fulfilment,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="ledger_entries",
        verbose_name=_("fulfilment"),
    )
    reverses = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reversed_by",
        verbose_name=_("reverses"),
    )
    reference = models.CharField(_("reference"), max_length=64, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="sale", amount__gte=0)
                    | models.Q(kind="commission", amount__lte=0)
                    | models.Q(kind="payout", amount__lt=0)
                    | models.Q(kind="discount", amount__gt=0)
                    | models.Q(kind__in=["deposit", "balance"], amount__gte=0)
                    | models.Q(kind="reversal", reverses__isnull=False)
                ),
                name="ledger_amount_sign_by_kind",
            ),
            # One sale and one commission per parcel and producer (a packed gift box's
            # parcel pays each producer of its goods): placing an order twice writes nothing.
            models.UniqueConstraint(
                fields=["fulfilment", "vendor", "kind"],
                condition=models.Q(kind__in=["sale", "commission"]),
                name="ledger_one_sale_and_commission_per_producer_in_parcel",
            ),
            # Likewise a pre-order's deposit and balance: shipping twice writes one balance.
            models.UniqueConstraint(
                fields=["fulfilment", "kind"],
                condition=models.Q(kind__in=["deposit", "balance"]),
                name="ledger_one_deposit_and_balance_per_fulfilment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.amount} ({self.vendor})"


class PreorderTerms(models.Model):
    """A producer's pre-orders of one product: open or closed, the day parcels may ship
    from, the share of the price paid ahead, and how many may be pre-ordered in all.

    While open and the day is still ahead, the product is sold as a pre-order whatever its
    stock (shop.partner's strategy); from that day it is sold from stock again.
    """

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="preorder_terms",
        verbose_name=_("product"),
    )
    is_open = models.BooleanField(_("pre-orders open"), default=False)
    ships_from = models.DateField(_("ships from"))
    deposit_percent = models.PositiveSmallIntegerField(
        _("deposit (%)"),
        default=0,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Share of the price paid at the order; 0 means the whole price is paid now."),
    )
    cap = models.PositiveIntegerField(
        _("most that may be pre-ordered"),
        null=True,
        blank=True,
        help_text=_("Leave empty for no limit."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("pre-order terms")
        verbose_name_plural = _("pre-order terms")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(deposit_percent__lte=100), name="preorder_deposit_percent_max"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product_id}: {self.ships_from}"


class PreorderLine(models.Model):
    """An order line bought as a pre-order, and the parcel that will ship it."""

    line = models.OneToOneField(
        "order.Line", on_delete=models.CASCADE, related_name="preorder", verbose_name=_("line")
    )
    fulfilment = models.ForeignKey(
        Fulfilment,
        on_delete=models.CASCADE,
        related_name="preorder_lines",
        verbose_name=_("fulfilment"),
    )
    deposit_percent = models.PositiveSmallIntegerField(_("deposit (%)"), default=0)

    class Meta:
        verbose_name = _("pre-ordered line")
        verbose_name_plural = _("pre-ordered lines")

    def __str__(self) -> str:
        return f"{self.line_id} → {self.fulfilment_id}"
