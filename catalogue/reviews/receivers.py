"""Keep a product's stored buyer rating right when reviews go with something else."""

from django.db.models.signals import post_delete

from catalogue.reviews.models import ProductReview


def _review_deleted(sender, instance: ProductReview, origin=None, **kwargs) -> None:
    # A review deleted on its own already refreshes the rating (Oscar's delete() calls
    # update_rating); one deleted with its author's account does not.
    if origin is instance or instance.product_id is None:
        return
    from catalogue.models import Product
    from catalogue.reviews.services import product_rating_refresh

    product_rating_refresh(product=Product(pk=instance.product_id))


def connect() -> None:
    post_delete.connect(
        _review_deleted, sender=ProductReview, dispatch_uid="reviews.review_deleted_rating"
    )
