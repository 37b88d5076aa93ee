"""Forms of the certificate pages: they parse input; catalogue.certificates writes."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from catalogue.forms import IssuerRuleMixin
from catalogue.models import OcopCertificate, default_valid_until
from catalogue.validators import validate_certificate_scan


class CertificateForm(IssuerRuleMixin, forms.ModelForm):
    """A producer files a certificate for one of its own products."""

    stars = forms.TypedChoiceField(
        label=_("Stars"),
        coerce=int,
        choices=[(3, "3 ★"), (4, "4 ★"), (5, "5 ★")],
    )

    class Meta:
        model = OcopCertificate
        fields = [
            "product",
            "stars",
            "certificate_number",
            "decision_number",
            "issuer_kind",
            "issuer_name",
            "issued_on",
            "scan",
        ]
        widgets = {
            "issued_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "scan": forms.ClearableFileInput(
                attrs={"accept": ".pdf,.jpg,.jpeg,.png,.webp,application/pdf,image/*"}
            ),
        }

    def __init__(self, *args, products, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the producer's own products can be chosen: another id is "not a valid choice".
        self.fields["product"].queryset = products
        self.fields["product"].empty_label = None
        self.fields["scan"].required = True
        self.fields["scan"].help_text = _(
            "The signed certificate or decision: a PDF, or a JPG, PNG or WebP photo, at most 10 MB."
        )

    def clean_scan(self):
        scan = self.cleaned_data.get("scan")
        if scan:
            validate_certificate_scan(scan)
        return scan

    def clean_issued_on(self):
        issued_on = self.cleaned_data["issued_on"]
        if default_valid_until(issued_on) < timezone.localdate():
            raise forms.ValidationError(
                _(
                    "A certificate of this date expired on %(date)s. Upload the certificate "
                    "of the product's latest evaluation."
                )
                % {"date": default_valid_until(issued_on).strftime("%d/%m/%Y")}
            )
        return issued_on


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for rejection"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown to the producer on its certificate page: say what to correct."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the certificate is rejected."))
        return reason


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("reason for revocation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        help_text=_("Shown to the producer on its certificate page."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why the certificate is revoked."))
        return reason
