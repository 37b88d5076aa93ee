"""Forms of the producer's batch pages: only the producer's own products can be chosen."""

from django import forms

from catalogue.models import Batch
from catalogue.selectors import products_for_vendor
from vendors.models import Vendor


class BatchForm(forms.ModelForm):
    class Meta:
        model = Batch
        fields = ["product", "number", "produced_on", "expires_on", "quantity", "note"]
        widgets = {
            "produced_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "expires_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "note": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, vendor: Vendor, **kwargs):
        super().__init__(*args, **kwargs)
        # Another producer's product id posted by hand is "not one of the available choices".
        self.fields["product"].queryset = products_for_vendor(vendor=vendor)
