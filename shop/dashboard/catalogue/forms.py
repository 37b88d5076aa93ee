"""Dashboard product forms: the producer, the place of origin and the quality marks of a
product, photos checked and cleaned before they are stored, prices above zero, and stock
held only by the product's producer."""

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.catalogue import forms as oscar_forms

from catalogue.html import clean_html
from catalogue.images import UNREADABLE_PHOTO, product_image_clean
from catalogue.models import Commune
from catalogue.seasons import season_errors
from vendors.models import Vendor
from vendors.selectors import vendor_for_user
from vendors.services import stockrecord_partner_rule

MONTH_CHOICES = [("", "—"), *((month, MONTHS[month]) for month in range(1, 13))]
SEASON_FIELDS = {
    "season_first_month": "first_month",
    "season_last_month": "last_month",
    "season_starts_on": "starts_on",
    "season_ends_on": "ends_on",
}


def _month_field(label):
    return forms.TypedChoiceField(
        label=label, choices=MONTH_CHOICES, coerce=int, empty_value=None, required=False
    )


def _day_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def _with_english(fields: list[str]) -> list[str]:
    """Oscar's fields with the English title and description right after the Vietnamese
    description, where a producer writing the listing looks for them."""
    at = fields.index("description") + 1
    return [*fields[:at], "title_en", "description_en", *fields[at:]]


class ProductForm(oscar_forms.ProductForm):
    # The harvest season (catalogue.ProductSeason), by months that come back every year or
    # by this season's dates; written by catalogue.services.product_season_set.
    season_first_month = _month_field(_("Harvest season: first month"))
    season_last_month = _month_field(_("Harvest season: last month"))
    season_starts_on = _day_field(_("Or this season's first day"))
    season_ends_on = _day_field(_("and its last day"))

    class Meta(oscar_forms.ProductForm.Meta):
        fields = [
            *_with_english(oscar_forms.ProductForm.Meta.fields),
            "vendor",
            "origin_commune",
            "quality_marks",
        ]
        widgets = {
            **oscar_forms.ProductForm.Meta.widgets,
            "quality_marks": forms.CheckboxSelectMultiple,
        }

    def __init__(self, product_class, *args, user=None, **kwargs):
        super().__init__(product_class, *args, **kwargs)
        self.user = user
        self.producer = None if user is None or user.is_staff else vendor_for_user(user=user)
        if "description" in self.fields and self.instance.pk:
            # The rich text editor loads the description as HTML: a row stored before the
            # sanitiser reaches it cleaned.
            self.initial["description"] = clean_html(self.instance.description)
        if "description_en" in self.fields and self.instance.pk:
            self.initial["description_en"] = clean_html(self.instance.description_en)
        if "title_en" in self.fields:
            self.fields["title_en"].widget.attrs["lang"] = "en"
        if "vendor" not in self.fields:  # a variant takes its parent's producer and place
            for name in SEASON_FIELDS:  # ... and season
                del self.fields[name]
            return
        self.fields["season_first_month"].help_text = _(
            "A season may run over the new year (November to February). Leave the months "
            "and the dates empty for a product sold all year."
        )
        season = getattr(self.instance, "season", None) if self.instance.pk else None
        if season is not None:
            for name, column in SEASON_FIELDS.items():
                self.initial.setdefault(name, getattr(season, column))
        communes = Commune.objects.select_related("province").order_by(
            "province__short_name", "short_name"
        )
        if self.producer is not None:
            # A producer's listing is always its own; it picks the place of origin among the
            # communes of its province (staff can file a product anywhere).
            del self.fields["vendor"]
            self.instance.vendor = self.producer
            communes = communes.filter(province_id=self.producer.commune.province_id)
            if not self.instance.pk and not self.initial.get("origin_commune"):
                self.initial["origin_commune"] = self.producer.commune_id
        else:
            self.fields["vendor"].queryset = Vendor.objects.order_by("legal_name")
        self.fields["origin_commune"].queryset = communes
        self.fields["origin_commune"].label_from_instance = lambda c: f"{c.name}, {c.province}"
        self.fields["origin_commune"].required = True

    def delete_non_child_fields(self):
        # A variant shows its parent's description, in either language; its own title (and
        # English title) stay, since a variant may be named apart ("hũ 500 g").
        super().delete_non_child_fields()
        self.fields.pop("description_en", None)

    def clean(self):
        cleaned = super().clean()
        if "season_first_month" in self.fields:
            errors = season_errors(**self.season_values())
            for field, message in errors.items():
                self.add_error(f"season_{field}" if field else None, message)
        return cleaned

    def season_values(self) -> dict:
        """The season as catalogue.services.product_season_set takes it; {} for a variant."""
        if "season_first_month" not in self.fields:
            return {}
        return {column: self.cleaned_data.get(name) for name, column in SEASON_FIELDS.items()}


class ProductImageForm(oscar_forms.ProductImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["original"].error_messages["invalid_image"] = UNREADABLE_PHOTO

    def clean_original(self):
        upload = self.cleaned_data.get("original")
        # Only a new upload carries a content type; a stored photo was checked when it came.
        if upload and hasattr(upload, "content_type"):
            return product_image_clean(upload)
        return upload


class StockRecordForm(oscar_forms.StockRecordForm):
    """The price must be above zero and the partner must be the product's producer's: the
    stock record's own validation (shop/partner/models.py) says so on each field; the browser
    is told about the price too, so it stops most mistakes first."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "price" in self.fields:
            self.fields["price"].widget.attrs.update({"min": "1", "step": "1"})

    def full_clean(self):
        # A producer's member is offered only its own partner (Oscar's queryset), so another
        # partner's id fails as "not a choice" before the model's check can run: say the same
        # thing the model says. The formset attaches the product after building the form,
        # so this is the first moment it is known.
        product = getattr(self.instance, "product", None)
        partner = self.fields.get("partner")
        if partner is not None and product is not None and product.pk is not None:
            # Django formats this message with the posted value: a "%" in a name stays one.
            rule = stockrecord_partner_rule(product=product).replace("%", "%%")
            partner.error_messages = {**partner.error_messages, "invalid_choice": rule}
        super().full_clean()
