"""Oscar's review forms; the review form accepts only a buyer whose parcel with the product
was delivered, so no page that reuses it can let anyone else write one, and takes up to three
photos checked like product photos."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from oscar.apps.catalogue.reviews import forms as oscar_forms
from oscar.apps.catalogue.reviews.forms import *  # noqa: F403

from catalogue.images import product_image_clean
from catalogue.reviews.models import ANSWER_MAX_LENGTH, MAX_REVIEW_PHOTOS
from vendors.selectors import delivered_lines

NOT_RECEIVED = _("You can review this product once a parcel with it has reached you.")


class MultiplePhotoInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class ReviewPhotosField(forms.FileField):
    """Up to MAX_REVIEW_PHOTOS photos, each checked whole and re-encoded without metadata
    (catalogue.images): `cleaned_data` holds the re-encoded files. A bad photo names its file."""

    widget = MultiplePhotoInput(attrs={"accept": "image/jpeg,image/png,image/webp"})

    def clean(self, data, initial=None):
        uploads = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if len(uploads) > MAX_REVIEW_PHOTOS:
            raise ValidationError(
                ngettext(
                    "Send at most %(limit)s photo; you chose %(count)s.",
                    "Send at most %(limit)s photos; you chose %(count)s.",
                    MAX_REVIEW_PHOTOS,
                )
                % {"limit": MAX_REVIEW_PHOTOS, "count": len(uploads)},
                code="too_many_photos",
            )
        cleaned, errors = [], []
        for upload in uploads:
            upload = super().clean(upload, initial)
            try:
                cleaned.append(product_image_clean(upload))
            except ValidationError as error:
                name = getattr(upload, "name", "") or "?"
                errors.extend(f"{name}: {message}" for message in error.messages)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ProductReviewForm(oscar_forms.ProductReviewForm):
    photos = ReviewPhotosField(
        label=_("Photos"),
        required=False,
        help_text=_("Up to 3 photos of the product you received: JPEG, PNG or WebP, 10 MB each."),
    )

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


class ReviewAnswerForm(forms.Form):
    """The producer's public answer: plain text, shown escaped under the review."""

    body = forms.CharField(
        label=_("Your public answer"),
        max_length=ANSWER_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Shown under the review to everyone, with your producer's name. You can answer "
            "once, and the answer cannot be changed afterwards."
        ),
    )

    def clean_body(self) -> str:
        body = self.cleaned_data["body"].strip()
        if not body:
            raise ValidationError(_("Write your answer."), code="blank")
        return body
