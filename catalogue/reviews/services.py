"""Writing around buyers' reviews: the product's stored rating, a review's photos and the
producer's answer."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Count, Sum
from django.utils.translation import gettext_lazy as _

from catalogue.models import Product
from catalogue.reviews.models import (
    MAX_REVIEW_PHOTOS,
    ProductReview,
    ProductReviewAnswer,
    ProductReviewPhoto,
)
from catalogue.reviews.signals import buyer_rating_changed

ALREADY_ANSWERED = _("This review already has your answer; an answer is given once.")


@transaction.atomic
def product_rating_refresh(*, product: Product) -> None:
    """Store the average and number of the product's approved reviews on the product, and
    announce a change (search re-indexes the product).

    The product's row is locked first: two reviews approved at once then count one after the
    other, and the second sees the first (a count read before the other commits would lose it).
    """
    current = (
        Product.objects.select_for_update()
        .filter(pk=product.pk)
        .values_list("rating", "approved_review_count")
        .first()
    )
    if current is None:  # the product is being deleted with its reviews
        return
    totals = ProductReview.objects.filter(
        product_id=product.pk, status=ProductReview.APPROVED
    ).aggregate(total=Sum("score"), count=Count("pk"))
    count = totals["count"] or 0
    rating = float(totals["total"]) / count if count else None
    product.rating, product.approved_review_count = rating, count
    if current == (rating, count):
        return
    Product.objects.filter(pk=product.pk).update(rating=rating, approved_review_count=count)
    buyer_rating_changed.send(sender=Product, product_id=product.pk)


def review_photos_add(*, review: ProductReview, photos: Sequence[ContentFile]) -> None:
    """Attach photos already checked and re-encoded (catalogue.images.product_image_clean)."""
    if len(photos) > MAX_REVIEW_PHOTOS:
        raise ValueError(f"at most {MAX_REVIEW_PHOTOS} photos per review")
    for position, photo in enumerate(photos):
        item = ProductReviewPhoto(review=review, position=position)
        item.image.save(photo.name, photo, save=False)
        item.save()


def review_answer_add(*, review: ProductReview, vendor, author, body: str) -> ProductReviewAnswer:
    """The producer's one public answer. Raises ValidationError when the review already has
    one (also when a second click races the first: the review is the answer's key)."""
    if ProductReviewAnswer.objects.filter(review=review).exists():
        raise ValidationError(ALREADY_ANSWERED, code="already_answered")
    try:
        with transaction.atomic():
            return ProductReviewAnswer.objects.create(
                review=review, vendor=vendor, author=author, body=body.strip()
            )
    except IntegrityError:
        raise ValidationError(ALREADY_ANSWERED, code="already_answered") from None
