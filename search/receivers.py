"""Keep the search index in step with the catalogue: changes are queued after commit."""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from oscar.core.loading import get_model

from catalogue.models import (
    OcopCertificate,
    Product,
    ProductCategory,
    ProductImage,
    ProductSeason,
)
from catalogue.reviews.signals import buyer_rating_changed
from search.models import ProductIndexEntry
from search.summary import entry_deleted
from vendors.models import Vendor


def queue_reindex(product_ids) -> None:
    ids = sorted({int(pk) for pk in product_ids if pk})
    if not ids:
        return
    from search.tasks import index_products_task

    transaction.on_commit(lambda: index_products_task.delay(ids))


def _product_changed(sender, instance, **kwargs):
    queue_reindex([instance.pk])


def _related_changed(sender, instance, **kwargs):
    queue_reindex([instance.product_id])


def _vendor_changed(sender, instance, **kwargs):
    queue_reindex(instance.products.values_list("pk", flat=True))


def _marks_changed(sender, instance, action, pk_set, **kwargs):
    if action.startswith("post_") and isinstance(instance, Product):
        queue_reindex([instance.pk])


def _buyer_rating_changed(sender, product_id, **kwargs):
    queue_reindex([product_id])


def connect() -> None:
    StockRecord = get_model("partner", "StockRecord")

    post_save.connect(_product_changed, sender=Product, dispatch_uid="search.product_saved")
    post_delete.connect(_product_changed, sender=Product, dispatch_uid="search.product_deleted")
    for model in (StockRecord, OcopCertificate, ProductCategory, ProductImage, ProductSeason):
        for signal, verb in ((post_save, "saved"), (post_delete, "deleted")):
            signal.connect(
                _related_changed,
                sender=model,
                dispatch_uid=f"search.{model._meta.model_name}_{verb}",
            )
    post_save.connect(_vendor_changed, sender=Vendor, dispatch_uid="search.vendor_saved")
    m2m_changed.connect(
        _marks_changed,
        sender=Product.quality_marks.through,
        dispatch_uid="search.product_marks_changed",
    )
    # The buyers' average is written with an UPDATE (no save signal): reviews announce it.
    buyer_rating_changed.connect(_buyer_rating_changed, dispatch_uid="search.buyer_rating_changed")
    # An index row deleted (its product deleted, or no longer listed) takes its facet counts
    # with it, in the same transaction.
    post_delete.connect(
        entry_deleted, sender=ProductIndexEntry, dispatch_uid="search.summary_entry_deleted"
    )
