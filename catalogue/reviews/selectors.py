"""Reading buyers' reviews: what a product page shows, and a producer's reviews to answer."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from catalogue.reviews.models import ProductReview


def reviews_shown(*, product_id: int) -> QuerySet[ProductReview]:
    """Approved reviews of a product with their photos, answer and reviewer, best first."""
    return (
        ProductReview.objects.approved()
        .filter(product_id=product_id)
        .select_related("user", "answer", "answer__vendor")
        .prefetch_related("photos")
    )


def reviews_for_producer(*, vendor) -> QuerySet[ProductReview]:
    """Approved reviews of the producer's products (a variant's review counts for its parent's
    producer when the variant has none), newest first."""
    return (
        ProductReview.objects.approved()
        .filter(
            Q(product__vendor=vendor)
            | Q(product__vendor__isnull=True, product__parent__vendor=vendor)
        )
        .select_related("product", "user", "answer")
        .prefetch_related("photos")
        .order_by("-date_created", "-pk")
    )
