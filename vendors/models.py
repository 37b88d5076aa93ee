"""Producers ("chủ thể OCOP") who sell here, each over one Oscar Partner."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

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
    website = models.URLField(_("website"), blank=True)
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
