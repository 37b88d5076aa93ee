"""Oscar's review forms; the review form accepts only a buyer whose parcel with the product
was delivered, so no page that reuses it can let anyone else write one."""

from django import forms
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.reviews import forms as oscar_forms
from oscar.apps.catalogue.reviews.forms import *  # noqa: F403

from vendors.selectors import delivered_lines

NOT_RECEIVED = _("You can review this product once a parcel with it has reached you.")


class ProductReviewForm(oscar_forms.ProductReviewForm):
    def __init__(self, product, *args, user=None, **kwargs):
        super().__init__(product, *args, user=user, **kwargs)
        self.reviewer = user

    def clean(self):
        cleaned_data = super().clean()
        # Anonymous reviews are off (OSCAR_ALLOW_ANON_REVIEWS), so a reviewer is a buyer
        # with an account, and the proof is a delivered parcel of theirs holding the product.
        if (
            self.reviewer is None
            or not delivered_lines(user=self.reviewer, product=self.instance.product).exists()
        ):
            raise forms.ValidationError(NOT_RECEIVED, code="not_received")
        return cleaned_data
