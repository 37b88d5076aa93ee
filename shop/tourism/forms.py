"""Forms of the partner sign-up, the widget builder and the staff review."""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from catalogue.forms import CategoryChoiceField, PlaceChoiceField
from catalogue.html import validate_link
from catalogue.models import Category, Province
from catalogue.numbers import id_parse
from shop.privacy.forms import APPLICATION_CONSENT, consent_field
from shop.tourism.models import ACCENT_PATTERN, TourismPartner, Widget
from shop.tourism.selectors import DOMAIN_PATTERN, domain_normalise


def _domains(text: str) -> list[str]:
    domains = []
    for line in text.replace(",", "\n").splitlines():
        if not line.strip():
            continue
        domain = domain_normalise(line)
        if not DOMAIN_PATTERN.match(domain):
            raise forms.ValidationError(
                _("“%(domain)s” is not a domain. Write one per line, e.g. khachsan.example."),
                params={"domain": line.strip()},
            )
        domains.append(domain)
    return domains


class PartnerApplicationForm(forms.ModelForm):
    website = forms.URLField(
        label=_("website"), required=False, assume_scheme="https", validators=[validate_link]
    )
    email_login = forms.EmailField(label=_("Your e-mail (to sign in)"), required=False)
    privacy_consent = consent_field(sentence=APPLICATION_CONSENT)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput, required=False, strip=False
    )

    class Meta:
        model = TourismPartner
        fields = ["organisation", "kind", "website", "contact_name", "email", "phone"]

    domains = forms.CharField(
        label=_("Website domains allowed to show your widgets"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line, e.g. khachsan.example or *.khachsan.example"),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        if user is not None and user.is_authenticated:
            del self.fields["email_login"], self.fields["password"]
        else:
            self.fields["email_login"].required = self.fields["password"].required = True

    def clean_domains(self):
        return _domains(self.cleaned_data["domains"])

    def clean_email_login(self):
        # Whether the address has an account is not said here (customer.services).
        return self.cleaned_data["email_login"].strip().lower()

    def clean(self):
        data = super().clean()
        if "password" in self.fields and data.get("password"):
            try:
                user = get_user_model()(email=data.get("email_login", ""))
                validate_password(data["password"], user)
            except forms.ValidationError as error:
                self.add_error("password", error)
        return data


class DomainsForm(forms.Form):
    domains = forms.CharField(
        label=_("Website domains allowed to show your widgets"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def clean_domains(self):
        return _domains(self.cleaned_data["domains"])


class WidgetForm(forms.ModelForm):
    products = forms.CharField(
        label=_("Product numbers"),
        required=False,
        help_text=_("For chosen products: their numbers, separated by commas."),
    )
    province = PlaceChoiceField(
        Province.objects.all(),
        required=False,
        label=_("Province"),
        empty_label=_("Choose a province"),
    )
    category = CategoryChoiceField(
        Category.objects.order_by("path"),
        required=False,
        label=_("Product group"),
        empty_label=_("Choose a group"),
    )
    language = forms.ChoiceField(
        label=_("Language"), choices=[("vi", "Tiếng Việt"), ("en", "English")]
    )
    accent = forms.RegexField(
        label=_("Accent colour"),
        regex=ACCENT_PATTERN,
        widget=forms.TextInput(attrs={"type": "color"}),
        error_messages={"invalid": _("Choose a colour such as #1f7a4d.")},
    )
    count = forms.IntegerField(label=_("Number of products"), min_value=1, max_value=12)

    class Meta:
        model = Widget
        fields = [
            "name",
            "source",
            "province",
            "category",
            "query",
            "layout",
            "count",
            "language",
            "accent",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Every widget takes its products from somewhere: no blank "---------" to pick.
        self.fields["source"].choices = Widget.Source.choices
        if self.instance.pk and self.instance.product_ids:
            self.initial["products"] = ", ".join(str(i) for i in self.instance.product_ids)

    def clean_products(self):
        raw = self.cleaned_data["products"]
        parts = [p.strip() for p in raw.split(",") if p.strip()]
        ids = [id_parse(p) for p in parts]
        if None in ids:
            raise forms.ValidationError(_("Write product numbers separated by commas."))
        return ids[:12]

    def clean(self):
        data = super().clean()
        source = data.get("source")
        needed = {
            Widget.Source.PRODUCTS: ("products", _("Give at least one product number.")),
            Widget.Source.PROVINCE: ("province", _("Choose a province.")),
            Widget.Source.CATEGORY: ("category", _("Choose a product group.")),
            Widget.Source.SEARCH: ("query", _("Write the words to search for.")),
        }
        if source in needed:
            field, message = needed[source]
            if not data.get(field):
                self.add_error(field, message)
        return data


class PartnerReviewForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=TourismPartner.Status.choices)
    commission_percent = forms.DecimalField(
        label=_("Commission (%)"), min_value=0, max_value=50, decimal_places=2
    )
