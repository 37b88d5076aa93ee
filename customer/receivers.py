"""A restock queues the stock alerts of its product: a stock record whose free stock goes
from none to some, whoever saved it (the producer's dashboard, the admin, an import)."""

from django.db import transaction
from django.db.models.signals import post_save, pre_save
from oscar.core.loading import get_model


def _free(record) -> int:
    return (record.num_in_stock or 0) - (record.num_allocated or 0)


def _stock_before(sender, instance, raw=False, **kwargs):
    if raw:
        return
    before = None
    if instance.pk:
        before = (
            sender.objects.filter(pk=instance.pk).values("num_in_stock", "num_allocated").first()
        )
    # A new record counts as restocked from nothing.
    instance._free_before = (
        (before["num_in_stock"] or 0) - (before["num_allocated"] or 0) if before else 0
    )


def _stock_saved(sender, instance, raw=False, **kwargs):
    if raw or getattr(instance, "_free_before", 1) > 0 or _free(instance) <= 0:
        return
    from customer.tasks import product_alerts_send

    product_id = instance.product_id
    transaction.on_commit(lambda: product_alerts_send.delay(product_id))


def connect() -> None:
    StockRecord = get_model("partner", "StockRecord")
    pre_save.connect(_stock_before, sender=StockRecord, dispatch_uid="customer.stock_before")
    post_save.connect(_stock_saved, sender=StockRecord, dispatch_uid="customer.stock_restocked")
