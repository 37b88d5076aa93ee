"""Oscar's offer forms; the first step also asks who pays the discount."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.dashboard.offers import forms as oscar_forms
from oscar.apps.dashboard.offers.forms import *  # noqa: F403

from vendors.models import Vendor


class MetaDataForm(oscar_forms.MetaDataForm):
    class Meta(oscar_forms.MetaDataForm.Meta):
        fields = ("name", "description", "offer_type", "funded_by", "vendor")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["vendor"].queryset = Vendor.objects.order_by("legal_name")

    def clean(self):
        data = super().clean()
        # The model's rule, asked here too: Oscar's wizard keeps this step in the session
        # and saves the offer only at the last step, without validating it again.
        funded_by, vendor = data.get("funded_by"), data.get("vendor")
        if funded_by == "producer" and vendor is None:
            self.add_error("vendor", _("Choose the producer who pays this discount."))
        if funded_by == "platform" and vendor is not None:
            self.add_error(
                "vendor",
                _(
                    "A discount the platform pays names no producer: leave the producer "
                    "empty, or choose “The producer” as who pays."
                ),
            )
        return data
