"""Forms of the application to sell here and of the staff review: they parse and check input;
`vendors.services` writes."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from catalogue.forms import CategoryChoiceField, IssuerRuleMixin, PlaceChoiceField
from catalogue.html import validate_link
from catalogue.models import Category, Commune, OcopCertificate, Province
from catalogue.numbers import id_parse
from catalogue.validators import validate_certificate_scan
from shop.privacy.forms import APPLICATION_CONSENT, consent_field
from vendors.models import Vendor, phone_validator, tax_code_validator
from vendors.services import CertificateApplication, certificate_dates_check


def _with_example(lead, example: str) -> SafeString:
    """A help text ending in an example written in Vietnamese on both sites (a name, an
    official wording): the example is marked lang="vi" so that the English site reads it out
    as Vietnamese. Lazy, so the lead is translated into the language of the request."""
    return lazy(lambda: format_html('{} <span lang="vi">{}</span>', lead, example), SafeString)()


class ApplicationForm(forms.Form):
    """Account, legal details and contact of a producer applying to sell here."""

    account_email = forms.EmailField(label=_("E-mail to sign in with"), required=False)
    privacy_consent = consent_field(sentence=APPLICATION_CONSENT)
    password = forms.CharField(
        label=_("Password"), widget=forms.PasswordInput(render_value=False), required=False
    )
    password_again = forms.CharField(
        label=_("Password again"), widget=forms.PasswordInput(render_value=False), required=False
    )

    kind = forms.ChoiceField(label=_("Kind of producer"), choices=Vendor.Kind.choices)
    legal_name = forms.CharField(
        label=_("Legal name"),
        max_length=255,
        help_text=_with_example(
            _("As on the business registration, e.g."), "Hợp tác xã Miến dong Bình Liêu"
        ),
    )
    tax_code = forms.CharField(label=_("Tax code"), max_length=14, validators=[tax_code_validator])
    street_address = forms.CharField(label=_("Street address"), max_length=255)
    province = PlaceChoiceField(
        label=_("Province or city"),
        queryset=Province.objects.all(),
        empty_label=_("Choose a province"),
    )
    commune = forms.ModelChoiceField(
        label=_("Commune or ward"),
        queryset=Commune.objects.none(),
        empty_label=_("Choose a commune"),
        error_messages={"invalid_choice": _("Choose a commune of the selected province.")},
    )
    old_district = forms.CharField(
        label=_("Former district (optional)"),
        max_length=96,
        required=False,
        help_text=_with_example(_("As named before July 2025, e.g."), "huyện Bình Liêu"),
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=128)
    phone = forms.CharField(label=_("Phone"), max_length=16, validators=[phone_validator])
    email = forms.EmailField(label=_("Producer's e-mail"))
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        assume_scheme="https",
        validators=[validate_link],
    )
    story = forms.CharField(
        label=_("Short story"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Who you are, where you work, what makes your products yours."),
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user if user is not None and user.is_authenticated else None
        if self.user is not None:
            for name in ("account_email", "password", "password_again"):
                del self.fields[name]
        else:
            for name in ("account_email", "password"):
                self.fields[name].required = True
        # Without JavaScript the commune list fills once a province has been sent; with it,
        # the page asks /sell/communes/ as soon as a province is chosen.
        province_id = id_parse(
            self.data.get(self.add_prefix("province")) or self.initial.get("province")
        )
        if province_id is not None:
            self.fields["commune"].queryset = Commune.objects.filter(
                province_id=province_id
            ).order_by("short_name")
        else:
            self.fields["commune"].empty_label = _("Choose a province first")

    def clean_tax_code(self) -> str:
        tax_code = self.cleaned_data["tax_code"].strip()
        if Vendor.objects.filter(tax_code=tax_code).exists():
            raise ValidationError(
                _(
                    "A producer with this tax code is already registered. If it is yours, "
                    "contact us instead of applying again."
                )
            )
        return tax_code

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and commune.province_id != province.pk:
            self.add_error("commune", _("Choose a commune of the selected province."))
        if self.user is None and cleaned.get("password") != cleaned.get("password_again"):
            self.add_error("password_again", _("The two passwords differ."))
        return cleaned


class CertificateForm(IssuerRuleMixin, forms.Form):
    """One OCOP certificate and the product it recognises."""

    product_name = forms.CharField(
        label=_("Product name"),
        max_length=255,
        help_text=_with_example(_("e.g."), "Miến dong Bình Liêu"),
    )
    category = CategoryChoiceField(
        label=_("OCOP product group"),
        queryset=Category.objects.exclude(ocop_code="").order_by("path"),
        empty_label=_("Choose a group"),
    )
    stars = forms.TypedChoiceField(
        label=_("Stars"),
        coerce=int,
        choices=[(3, "3 ★"), (4, "4 ★"), (5, "5 ★")],
    )
    certificate_number = forms.CharField(label=_("Certificate number"), max_length=64)
    decision_number = forms.CharField(
        label=_("Decision number"),
        max_length=64,
        help_text=_with_example(_("e.g."), "1234/QĐ-UBND"),
    )
    issuer_kind = forms.ChoiceField(
        label=_("Issuing level"), choices=OcopCertificate.Issuer.choices
    )
    issuer_name = forms.CharField(
        label=_("Issuing body"),
        max_length=255,
        help_text=_with_example(_("e.g."), "UBND tỉnh Quảng Ninh"),
    )
    issued_on = forms.DateField(
        label=_("Date of decision"), widget=forms.DateInput(attrs={"type": "date"})
    )
    scan = forms.FileField(
        label=_("Scan of the certificate"),
        help_text=_("A PDF or a photo (JPEG, PNG or WebP), at most 10 MB."),
        validators=[validate_certificate_scan],
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,image/jpeg,image/png,image/webp"}),
    )

    def clean_issued_on(self):
        issued_on = self.cleaned_data["issued_on"]
        certificate_dates_check(issued_on=issued_on)
        return issued_on

    def application(self) -> CertificateApplication:
        return CertificateApplication(**self.cleaned_data)


class _CertificateFormSet(forms.BaseFormSet):
    default_error_messages = {
        "too_few_forms": _("Add at least one OCOP certificate."),
        "too_many_forms": _("Send at most %(num)d certificates at once; add the others later."),
    }

    def clean(self):
        super().clean()
        if any(self.errors):
            return
        numbers = [f.cleaned_data.get("certificate_number") for f in self.forms if f.cleaned_data]
        if len(numbers) != len(set(numbers)):
            raise ValidationError(_("Each certificate appears once: two have the same number."))


CertificateFormSet = forms.formset_factory(
    CertificateForm,
    formset=_CertificateFormSet,
    extra=0,
    min_num=1,
    validate_min=True,
    max_num=10,
    validate_max=True,
    # Without it Django builds up to 1,010 forms when TOTAL_FORMS claims more, and renders
    # them all again with the errors: one crafted post kept a worker busy for seconds.
    absolute_max=10,
)


class ReasonForm(forms.Form):
    """The reason staff give with a rejection or a suspension (optional when reinstating)."""

    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The producer reads it in the e-mail and on its application page."),
    )

    def __init__(self, *args, required: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["reason"].required = required


class ProducerFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All"))] + list(Vendor.Status.choices),
    )
    q = forms.CharField(label=_("Name or tax code"), required=False, max_length=64)
