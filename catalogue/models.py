"""Catalogue models: Oscar's, extended with OCOP groups, places, certificates and marks.

Our models are defined before Oscar's wildcard import, so Oscar's loader uses them.
"""

import uuid
from datetime import date
from pathlib import PurePath

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractCategory, AbstractProduct

from catalogue.html import clean_html
from catalogue.storage import private_storage
from catalogue.validators import validate_certificate_issuer


def reader_reads_english() -> bool:
    """Whether the page being rendered is for the English site."""
    return (get_language() or "vi").startswith("en")


class Province(models.Model):
    """A provincial unit (tỉnh or thành phố) of the July 2025 map: 34 in all."""

    code = models.CharField(_("official code"), max_length=2, unique=True)
    name = models.CharField(_("name"), max_length=64)
    short_name = models.CharField(_("short name"), max_length=64)
    slug = models.SlugField(_("slug"), max_length=64, unique=True)
    is_city = models.BooleanField(_("centrally governed city"), default=False)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["short_name"]
        verbose_name = _("province")
        verbose_name_plural = _("provinces")

    def __str__(self) -> str:
        return self.short_name


class Commune(models.Model):
    """A commune-level unit (xã, phường or đặc khu) inside a province."""

    class Kind(models.TextChoices):
        COMMUNE = "xa", _("Commune")
        WARD = "phuong", _("Ward")
        SPECIAL_ZONE = "dac_khu", _("Special zone")

    code = models.CharField(_("official code"), max_length=5, unique=True)
    name = models.CharField(_("name"), max_length=96)
    short_name = models.CharField(_("short name"), max_length=96)
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    province = models.ForeignKey(
        "catalogue.Province",
        on_delete=models.PROTECT,
        related_name="communes",
        verbose_name=_("province"),
    )
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)

    class Meta:
        ordering = ["province__short_name", "short_name"]
        verbose_name = _("commune")
        verbose_name_plural = _("communes")

    def __str__(self) -> str:
        return f"{self.name}, {self.province.short_name}"


class Category(AbstractCategory):
    """An OCOP product group or subgroup (Decision 148/QĐ-TTg): name in Vietnamese and English."""

    name_en = models.CharField(_("English name"), max_length=255, blank=True)
    ocop_code = models.CharField(
        _("OCOP code"), max_length=16, blank=True, db_index=True, help_text=_("e.g. I.3.b")
    )

    @property
    def display_name(self) -> str:
        """The name in the reader's language (Vietnamese unless English is active)."""
        if (get_language() or "vi").startswith("en") and self.name_en:
            return self.name_en
        return self.name

    def save(self, *args, **kwargs):
        # Descriptions are HTML: whoever writes them (dashboard, admin, import), only the
        # sanitiser's allow-list is stored.
        self.description = clean_html(self.description)
        self.long_description = clean_html(self.long_description)
        super().save(*args, **kwargs)


class QualityMark(models.Model):
    """A certification mark, collective mark or geographical indication products may carry."""

    class Kind(models.TextChoices):
        CERTIFICATION = "certification", _("Certification mark")
        COLLECTIVE = "collective", _("Collective mark")
        GEOGRAPHICAL = "geographical", _("Geographical indication")

    name = models.CharField(_("name"), max_length=128)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    holder = models.CharField(_("holder"), max_length=255)
    registration_number = models.CharField(_("registration number"), max_length=64, blank=True)
    is_registered = models.BooleanField(
        _("registered"), default=True, help_text=_("Untick while registration is pending.")
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("quality mark")
        verbose_name_plural = _("quality marks")

    def __str__(self) -> str:
        return self.name


class Product(AbstractProduct):
    """A product with its producer, its place of origin and its quality marks."""

    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("producer"),
    )
    origin_commune = models.ForeignKey(
        "catalogue.Commune",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("place of origin"),
    )
    quality_marks = models.ManyToManyField(
        "catalogue.QualityMark",
        blank=True,
        related_name="products",
        verbose_name=_("quality marks"),
    )
    # Platform staff can take any listing off the storefront; the producer sees why and
    # cannot publish it again until staff lift the hold.
    hidden_at = models.DateTimeField(_("hidden by staff at"), null=True, blank=True)
    hidden_reason = models.TextField(_("reason for hiding"), blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("hidden by"),
    )

    # Oscar keeps the buyers' average in `rating`; the number of approved reviews behind it
    # is kept beside it, so a card shows "4,5/5 · 12" without counting reviews.
    approved_review_count = models.PositiveIntegerField(
        _("approved reviews"), default=0, editable=False
    )

    # Optional English text for tourists. Without it the English site shows the Vietnamese
    # title and description, marked lang="vi" so a screen reader pronounces them right.
    title_en = models.CharField(
        _("English title"),
        max_length=255,
        blank=True,
        help_text=_("Shown on the English site. Leave empty to show the Vietnamese title."),
    )
    description_en = models.TextField(
        _("English description"),
        blank=True,
        help_text=_("Shown on the English site. Leave empty to show the Vietnamese description."),
    )

    def save(self, *args, **kwargs):
        # The producer's description is HTML from outside the shop: store only what the
        # sanitiser allows, whichever path (dashboard, admin, API, import) wrote it.
        self.description = clean_html(self.description)
        self.description_en = clean_html(self.description_en)
        self.title_en = (self.title_en or "").strip()
        super().save(*args, **kwargs)

    # --- The product's text in the reader's language ------------------------------------
    # Oscar's `get_title()` stays Vietnamese: order lines, slugs, mails to producers and the
    # dashboards keep the producer's own title. Shopper pages ask for `display_title`.

    def english_title(self) -> str:
        """The English title, a variant's own or (for a variant without a title of its own)
        its parent's; empty when none was written."""
        if self.title_en:
            return self.title_en
        if self.is_child and not self.title and self.parent_id:
            return self.parent.title_en
        return ""

    def english_description(self) -> str:
        if self.description_en:
            return self.description_en
        if self.is_child and not self.description and self.parent_id:
            return self.parent.description_en
        return ""

    @property
    def display_title(self) -> str:
        """The title in the reader's language: English on the English site when written,
        the Vietnamese title otherwise."""
        if reader_reads_english():
            return self.english_title() or self.get_title()
        return self.get_title()

    @property
    def title_lang(self) -> str:
        """The lang attribute the title needs: "vi" when the English site shows the
        Vietnamese title, else empty."""
        return "vi" if reader_reads_english() and not self.english_title() else ""

    @property
    def display_description(self) -> str:
        if reader_reads_english():
            return self.english_description() or self.description
        return self.description

    @property
    def description_lang(self) -> str:
        if not reader_reads_english() or self.english_description():
            return ""
        return "vi" if self.description else ""

    def get_meta_title(self) -> str:
        # The producer's meta title is Vietnamese; on the English site the English title wins.
        if reader_reads_english() and self.english_title():
            return self.english_title()
        return super().get_meta_title()

    def get_meta_description(self) -> str:
        if reader_reads_english() and self.english_description():
            return strip_tags(self.english_description())[:300].strip()
        return super().get_meta_description()

    def update_rating(self) -> None:
        # Oscar saves the whole product here, from whatever copy the review holds: a
        # producer's edit made meanwhile would be written over. Only the two columns change.
        from catalogue.reviews.services import product_rating_refresh

        product_rating_refresh(product=self)

    update_rating.alters_data = True

    @property
    def num_approved_reviews(self) -> int:
        """Oscar's count of approved reviews, read from the stored column (no query)."""
        return self.approved_review_count

    @property
    def is_hidden_by_staff(self) -> bool:
        return self.hidden_at is not None

    @property
    def current_certificate(self) -> "OcopCertificate | None":
        """The certificate valid today, the highest-rated if several are."""
        from catalogue.selectors import certificate_valid_for_product

        return certificate_valid_for_product(product=self)

    @property
    def ocop_stars(self) -> int | None:
        """Stars shown to consumers: those of the valid certificate, or none. Products of
        the storefront's lists come with them (``stars_valid_today``, the same rule applied
        in their query by catalogue.selectors.storefront_products)."""
        if "stars_valid_today" in self.__dict__:
            return self.__dict__["stars_valid_today"]
        certificate = self.current_certificate
        return certificate.stars if certificate else None


def certificate_scan_path(instance: "OcopCertificate | None", filename: str) -> str:
    """A random name that keeps only the (lower-cased) extension: the uploader's file name
    often carries a person's or a producer's name, and a guessable path invites guessing."""
    extension = PurePath(filename).suffix.lower()
    return f"certificates/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


def default_valid_until(issued_on: date) -> date:
    return issued_on + relativedelta(months=settings.OCOP_CERTIFICATE_VALIDITY_MONTHS)


class OcopCertificate(models.Model):
    """An OCOP recognition: a decision with a certificate, valid 36 months from its date."""

    class Issuer(models.TextChoices):
        PROVINCE = "province", _("Provincial People's Committee")
        NATIONAL = "national", _("Ministry of Agriculture and Environment (national council)")
        DISTRICT = "district", _("District People's Committee (before July 2025)")

    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        EXPIRED = "expired", _("Expired")
        REVOKED = "revoked", _("Revoked")
        NOT_YET_VALID = "not_yet_valid", _("Not yet valid")
        PENDING = "pending", _("Awaiting verification")
        REJECTED = "rejected", _("Rejected")

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="ocop_certificates",
        verbose_name=_("product"),
    )
    stars = models.PositiveSmallIntegerField(
        _("stars"), validators=[MinValueValidator(3), MaxValueValidator(5)]
    )
    certificate_number = models.CharField(_("certificate number"), max_length=64)
    decision_number = models.CharField(
        _("decision number"), max_length=64, help_text=_("e.g. 1234/QĐ-UBND")
    )
    issuer_kind = models.CharField(_("issuing level"), max_length=16, choices=Issuer.choices)
    issuer_name = models.CharField(
        _("issuing body"), max_length=255, help_text=_("e.g. UBND tỉnh Quảng Ninh")
    )
    issued_on = models.DateField(_("date of decision"))
    valid_until = models.DateField(
        _("valid until"),
        blank=True,
        db_index=True,
        help_text=_("Left empty: 36 months after the decision."),
    )
    is_revoked = models.BooleanField(_("revoked"), default=False)
    revoked_reason = models.TextField(_("reason for revocation"), blank=True)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    scan = models.FileField(
        _("scan"),
        upload_to=certificate_scan_path,
        storage=private_storage,
        blank=True,
        validators=[FileExtensionValidator(["pdf", "jpg", "jpeg", "png", "webp"])],
        help_text=_("The signed certificate or decision, as a PDF or a photo."),
    )
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("added by"),
    )
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    # A certificate counts (gives stars) only once staff have checked it against the decision;
    # what a producer files waits for them. See "Certificates count once staff verify them"
    # in docs/decisions.md.
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verified by"),
    )
    rejected_at = models.DateTimeField(_("rejected at"), null=True, blank=True)
    rejected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("rejected by"),
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    # Set once by the daily tasks of catalogue/tasks.py, so each mail goes out exactly once.
    reminder_sent_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True)
    expiry_processed_at = models.DateTimeField(_("expiry processed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-issued_on"]
        verbose_name = _("OCOP certificate")
        verbose_name_plural = _("OCOP certificates")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(stars__gte=3, stars__lte=5), name="ocop_certificate_stars_3_to_5"
            ),
            models.CheckConstraint(
                condition=models.Q(valid_until__gt=models.F("issued_on")),
                name="ocop_certificate_valid_after_issue",
            ),
            models.UniqueConstraint(
                fields=["product", "certificate_number"],
                name="ocop_certificate_unique_number_per_product",
            ),
            models.CheckConstraint(
                condition=models.Q(verified_at__isnull=True) | models.Q(rejected_at__isnull=True),
                name="ocop_certificate_verified_or_rejected",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.certificate_number} ({self.stars}★)"

    def save(self, *args, **kwargs):
        if not self.valid_until and self.issued_on:
            self.valid_until = default_valid_until(self.issued_on)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        super().clean()
        validate_certificate_issuer(
            stars=self.stars, issuer_kind=self.issuer_kind, issued_on=self.issued_on
        )

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None and self.rejected_at is None

    @property
    def is_rejected(self) -> bool:
        return self.rejected_at is not None

    def status_on(self, day: date | None = None) -> str:
        day = day or timezone.localdate()
        if self.is_revoked:
            return self.Status.REVOKED
        if self.rejected_at is not None:
            return self.Status.REJECTED
        if self.verified_at is None:
            return self.Status.PENDING
        if day < self.issued_on:
            return self.Status.NOT_YET_VALID
        if day > self.valid_until:
            return self.Status.EXPIRED
        return self.Status.VALID

    @property
    def status(self) -> str:
        return self.status_on()

    def get_status_display(self) -> str:
        return self.Status(self.status).label

    @property
    def is_valid(self) -> bool:
        return self.status == self.Status.VALID


class Batch(models.Model):
    """A lot of a product as its producer records it: number, production and expiry dates."""

    product = models.ForeignKey(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="batches",
        verbose_name=_("product"),
    )
    number = models.CharField(
        _("batch number"), max_length=32, help_text=_("The lot number printed on the pack.")
    )
    produced_on = models.DateField(_("production date"))
    expires_on = models.DateField(
        _("expiry date"), null=True, blank=True, help_text=_("Left empty for goods that keep.")
    )
    quantity = models.PositiveIntegerField(_("quantity"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["-produced_on", "-pk"]
        verbose_name = _("batch")
        verbose_name_plural = _("batches")
        constraints = [
            models.UniqueConstraint(
                fields=["product", "number"], name="batch_unique_number_per_product"
            ),
            models.CheckConstraint(
                condition=models.Q(expires_on__isnull=True)
                | models.Q(expires_on__gt=models.F("produced_on")),
                name="batch_expires_after_production",
                violation_error_message=_("The expiry date must come after the production date."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.product.title} · {self.number}"

    def clean(self) -> None:
        super().clean()
        if self.expires_on and self.produced_on and self.expires_on <= self.produced_on:
            raise ValidationError(
                {"expires_on": _("The expiry date must come after the production date.")}
            )

    def is_past_expiry(self, day: date | None = None) -> bool:
        return bool(self.expires_on) and (day or timezone.localdate()) > self.expires_on


class TraceCode(models.Model):
    """The short code behind a product's or a batch's QR label and its page /trace/<code>/.

    One table for both kinds keeps codes unique across them, so a code alone says what it is.
    """

    code = models.CharField(_("trace code"), max_length=16, unique=True)
    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="trace_code",
        verbose_name=_("product"),
    )
    batch = models.OneToOneField(
        "catalogue.Batch",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="trace_code",
        verbose_name=_("batch"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("trace code")
        verbose_name_plural = _("trace codes")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(product__isnull=False, batch__isnull=True)
                | models.Q(product__isnull=True, batch__isnull=False),
                name="trace_code_product_or_batch",
            ),
        ]

    def __str__(self) -> str:
        return self.code

    def get_absolute_url(self) -> str:
        return reverse("trace", kwargs={"code": self.code})


class ProductSeason(models.Model):
    """When a product is harvested or made: a span of months that comes back every year
    (July to August; November to February runs over the year's end), or two dates of one
    season. No row means the product is sold all year and no season is shown.

    catalogue.seasons answers what a season means on a given day."""

    product = models.OneToOneField(
        "catalogue.Product",
        on_delete=models.CASCADE,
        related_name="season",
        verbose_name=_("product"),
    )
    first_month = models.PositiveSmallIntegerField(
        _("season's first month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    last_month = models.PositiveSmallIntegerField(
        _("season's last month"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
    )
    starts_on = models.DateField(_("season starts on"), null=True, blank=True)
    ends_on = models.DateField(_("season ends on"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("season")
        verbose_name_plural = _("seasons")
        constraints = [
            # Either both months or both dates, never a half of each.
            models.CheckConstraint(
                condition=(
                    models.Q(
                        first_month__gte=1,
                        first_month__lte=12,
                        last_month__gte=1,
                        last_month__lte=12,
                        starts_on__isnull=True,
                        ends_on__isnull=True,
                    )
                    | models.Q(
                        first_month__isnull=True,
                        last_month__isnull=True,
                        starts_on__isnull=False,
                        ends_on__gte=models.F("starts_on"),
                    )
                ),
                name="product_season_months_or_dates",
            ),
        ]

    def __str__(self) -> str:
        if self.first_month:
            return f"{self.product_id}: {self.first_month}-{self.last_month}"
        return f"{self.product_id}: {self.starts_on} - {self.ends_on}"


from oscar.apps.catalogue.models import *  # noqa: E402,F403
