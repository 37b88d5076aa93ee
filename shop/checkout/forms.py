"""Oscar's checkout forms, with a Vietnamese delivery address: name, phone, street, and the
province and commune chosen from the real lists (the province narrows the communes)."""

from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from oscar.apps.checkout.forms import *  # noqa: F403
from oscar.core.loading import get_model

from catalogue.forms import PlaceChoiceField
from catalogue.numbers import id_parse
from shop.checkout.addresses import PHONE_HELP, country_vietnam, phone_normalise

Commune = get_model("catalogue", "Commune")
Province = get_model("catalogue", "Province")
ShippingAddress = get_model("order", "ShippingAddress")


class ShippingAddressForm(forms.ModelForm):
    """The delivery address. The commune's and province's names go to Oscar's line3 and line4,
    so orders, mails and dashboards show them without knowing our place tables."""

    phone_number = forms.CharField(
        label=_("Phone"), max_length=32, help_text=_("For the carrier, e.g. %s") % PHONE_HELP
    )
    province = PlaceChoiceField(
        label=_("Province or city"),
        queryset=Province.objects.all(),
        empty_label=_("Choose the province"),
    )
    commune = forms.ModelChoiceField(
        label=_("Commune or ward"),
        queryset=Commune.objects.none(),
        empty_label=_("Choose the commune"),
        help_text=_("The communes of the province chosen above."),
    )

    field_order = ["first_name", "phone_number", "line1", "province", "commune", "notes"]

    class Meta:
        model = ShippingAddress
        fields = ["first_name", "phone_number", "line1", "notes"]
        labels = {"first_name": _("Full name"), "line1": _("House number and street")}
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["first_name"].required = True
        self.fields["line1"].required = True
        # The same list of communes as the producers' application form.
        self.fields["commune"].widget.attrs["data-communes-url"] = reverse_lazy("vendors:communes")
        self._initial_place()
        province = self._chosen_province()
        if province is not None:
            # Only this province's communes are offered (and accepted: the choice is checked
            # against the same list, whatever the page sent).
            self.fields["commune"].queryset = Commune.objects.filter(province=province).order_by(
                "short_name"
            )

    def _initial_place(self) -> None:
        """Back on this page from a later step, the session holds the names: find the place."""
        commune_name, province_name = self.initial.get("line3"), self.initial.get("line4")
        if commune_name and province_name and "commune" not in self.initial:
            commune = (
                Commune.objects.filter(name=commune_name, province__name=province_name)
                .select_related("province")
                .first()
            )
            if commune is not None:
                self.initial["commune"] = commune.pk
                self.initial["province"] = commune.province_id

    def _chosen_province(self):
        value = self.data.get(self.add_prefix("province")) if self.is_bound else None
        value = value or self.initial.get("province")
        if not value:
            return None
        province_id = id_parse(getattr(value, "pk", value))
        return None if province_id is None else Province.objects.filter(pk=province_id).first()

    def clean_phone_number(self) -> str:
        return phone_normalise(self.cleaned_data["phone_number"])

    def clean(self):
        cleaned = super().clean()
        province, commune = cleaned.get("province"), cleaned.get("commune")
        if province and commune and commune.province_id != province.pk:
            raise ValidationError(
                {"commune": _("This commune is not in the chosen province: choose it again.")}
            )
        if commune:
            self.instance.line3 = commune.name
            self.instance.line4 = commune.province.name
        self.instance.last_name = ""
        self.instance.country = country_vietnam()
        return cleaned
