"""The basket's forms: Oscar's, with a name for the quantity box that screen readers announce
(the stock page shows it under a column heading only, which is no label)."""

from django.utils.translation import gettext_lazy as _
from oscar.apps.basket import forms


class BasketLineForm(forms.BasketLineForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["quantity"].widget.attrs["aria-label"] = _("Quantity")
