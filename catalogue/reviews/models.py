"""Oscar's review models, unchanged (one review per buyer and product, see docs/decisions.md),
and what this shop adds to a review: the buyer's photos and the producer's one public answer."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MAX_REVIEW_PHOTOS = 3
ANSWER_MAX_LENGTH = 2000


def review_photo_path(instance: "ProductReviewPhoto | None", filename: str) -> str:
    """A random name keeping only the extension: a phone's file name can carry a person's
    name or a date and place, and a guessable path invites guessing held reviews' photos."""
    extension = PurePath(filename).suffix.lower()
    return f"reviews/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{extension}"


class ProductReviewPhoto(models.Model):
    """A photo a buyer sent with their review: checked and re-encoded like a product photo
    (catalogue.images), public once the review is approved."""

    review = models.ForeignKey(
        "reviews.ProductReview", on_delete=models.CASCADE, related_name="photos"
    )
    image = models.ImageField(_("photo"), upload_to=review_photo_path, max_length=255)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("review photo")
        verbose_name_plural = _("review photos")
        constraints = [
            # At most three photos per review, whichever path writes them.
            models.UniqueConstraint(fields=["review", "position"], name="review_photo_position"),
            models.CheckConstraint(
                condition=models.Q(position__lt=MAX_REVIEW_PHOTOS),
                name="review_photo_at_most_three",
            ),
        ]

    def __str__(self) -> str:
        return self.image.name


class ProductReviewAnswer(models.Model):
    """The producer's public answer to a review: one per review (the review is the key),
    plain text, written by a member of the product's producer."""

    review = models.OneToOneField(
        "reviews.ProductReview",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="answer",
    )
    vendor = models.ForeignKey(
        "vendors.Vendor",
        on_delete=models.CASCADE,
        related_name="review_answers",
        verbose_name=_("producer"),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("written by"),
    )
    body = models.TextField(_("answer"), max_length=ANSWER_MAX_LENGTH)
    created_at = models.DateTimeField(_("answered at"), auto_now_add=True)

    class Meta:
        verbose_name = _("producer's answer")
        verbose_name_plural = _("producers' answers")

    def __str__(self) -> str:
        return self.body[:60]


from oscar.apps.catalogue.reviews.models import *  # noqa: E402,F403
