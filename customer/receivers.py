"""A restock queues the stock alerts of its product: a stock record whose free stock goes
from none to some, whoever saved it (the producer's dashboard, the admin, an import).

The free stock a record had is noted when it is loaded, so a save (and each allocation at
order placement, which Oscar announces as a save) costs no query to learn it. Only a record
loaded without its stock fields, or holding an expression, is read again before the save."""

from django.db import transaction
from django.db.models.signals import post_init, post_save, pre_save
from oscar.core.loading import get_model

_FIELDS = ("num_in_stock", "num_allocated")


def _free(record) -> int:
    return (record.num_in_stock or 0) - (record.num_allocated or 0)


def _loaded_free(record) -> int | None:
    """Free stock from the values the instance holds, or None when they are not plain
    numbers as loaded (a deferred field, an F() expression)."""
    values = [record.__dict__.get(name, ...) for name in _FIELDS]
    if any(value is not None and not isinstance(value, int) for value in values):
        return None
    return _free(record)


def _stock_loaded(sender, instance, **kwargs):
    # Rows read from the database have a key; a record being created has no "before".
    if instance.pk is None:
        return
    instance._free_loaded = _loaded_free(instance)


def _stock_before(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if not instance.pk:
        instance._free_before = 0  # A new record counts as restocked from nothing.
        return
    loaded = getattr(instance, "_free_loaded", None)
    if loaded is not None:
        instance._free_before = loaded
        return
    before = sender.objects.filter(pk=instance.pk).values(*_FIELDS).first()
    instance._free_before = (
        (before["num_in_stock"] or 0) - (before["num_allocated"] or 0) if before else 0
    )


def _stock_saved(sender, instance, raw=False, **kwargs):
    # What was just written is what the next save of this instance starts from.
    instance._free_loaded = _loaded_free(instance)
    if raw or getattr(instance, "_free_before", 1) > 0 or _free(instance) <= 0:
        return
    from customer.tasks import product_alerts_send

    product_id = instance.product_id
    transaction.on_commit(lambda: product_alerts_send.delay(product_id))


def connect() -> None:
    StockRecord = get_model("partner", "StockRecord")
    post_init.connect(_stock_loaded, sender=StockRecord, dispatch_uid="customer.stock_loaded")
    pre_save.connect(_stock_before, sender=StockRecord, dispatch_uid="customer.stock_before")
    post_save.connect(_stock_saved, sender=StockRecord, dispatch_uid="customer.stock_restocked")
