"""Oscar's analytics counters (views, basket additions, purchases per product; a signed-in
buyer's own totals), kept with an upsert that survives two requests creating the same row.

Oscar's receivers add to a counter row and create it when there is none; when two requests
create it at once, the loser's INSERT fails inside the request's transaction
(ATOMIC_REQUESTS) and its next query raises: the shopper's "Add to basket" (or a product page,
or the order being placed) answered 500. Here the INSERT runs in a savepoint, so a lost race
only means adding to the row the other request made. `receivers_replace` swaps Oscar's
receivers for these; shop.basket's app config calls it once Oscar's are connected."""

from django.db import IntegrityError, transaction
from django.db.models import F, Model
from oscar.apps.basket.signals import basket_addition
from oscar.apps.catalogue.signals import product_viewed
from oscar.apps.order.signals import order_placed
from oscar.core.loading import get_model

ProductRecord = get_model("analytics", "ProductRecord")
UserRecord = get_model("analytics", "UserRecord")
UserProductView = get_model("analytics", "UserProductView")


def counter_add(*, model: type[Model], match: dict, add: dict, also: dict | None = None) -> None:
    """Add each of `add`'s amounts to the row of `model` matching `match` (and set `also`'s
    values on it), creating the row with those values when there is none yet."""
    changes = {field: F(field) + amount for field, amount in add.items()} | (also or {})
    if model.objects.filter(**match).update(**changes):
        return
    try:
        with transaction.atomic():
            model.objects.create(**match, **add, **(also or {}))
            return
    except IntegrityError:
        pass  # created by another request since our UPDATE: the savepoint kept ours usable
    model.objects.filter(**match).update(**changes)


def _product_and_reader_count(*, product, user, product_field: str, reader_field: str) -> None:
    """One more on the product's counter and, for a signed-in reader, on theirs."""
    counter_add(model=ProductRecord, match={"product": product}, add={product_field: 1})
    if user and user.is_authenticated:
        counter_add(model=UserRecord, match={"user": user}, add={reader_field: 1})


def product_view_count(sender, product, user, **kwargs) -> None:
    if kwargs.get("raw"):  # a fixture being loaded, not a reader
        return
    _product_and_reader_count(
        product=product, user=user, product_field="num_views", reader_field="num_product_views"
    )
    if user and user.is_authenticated:
        UserProductView.objects.create(product=product, user=user)


def basket_addition_count(sender, product, user, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    _product_and_reader_count(
        product=product,
        user=user,
        product_field="num_basket_additions",
        reader_field="num_basket_additions",
    )


def order_placed_count(sender, order, user, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    for line in order.lines.all():
        if line.product_id:
            counter_add(
                model=ProductRecord,
                match={"product_id": line.product_id},
                add={"num_purchases": line.quantity},
            )
    if user and user.is_authenticated:
        counter_add(
            model=UserRecord,
            match={"user": user},
            add={
                "num_orders": 1,
                "num_order_lines": order.num_lines,
                "num_order_items": order.num_items,
                "total_spent": order.total_incl_tax,
            },
            also={"date_last_order": order.date_placed},
        )


def receivers_replace() -> None:
    """Oscar's analytics receivers out, these in (the same signals, the same counters)."""
    from oscar.apps.analytics import receivers as oscar

    for signal, theirs, ours in (
        (product_viewed, oscar.receive_product_view, product_view_count),
        (basket_addition, oscar.receive_basket_addition, basket_addition_count),
        (order_placed, oscar.receive_order_placed, order_placed_count),
    ):
        signal.disconnect(theirs)
        signal.connect(ours, dispatch_uid=f"shop.analytics.{ours.__name__}")
