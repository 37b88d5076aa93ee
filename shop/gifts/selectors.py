"""Reads of gift boxes: how many boxes the components' stock allows, and how a box's price is
shared among its producers (the same split for the basket's parcels, the order's lines, the
ledger and the box's admin page)."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Exists, OuterRef, Subquery
from oscar.core.loading import get_model

from catalogue.selectors import product_is_on_sale
from shop.gifts.models import GiftBox, GiftBoxItem, OrderGift
from shop.money import round_dong
from vendors.models import Fulfilment, Vendor
from vendors.selectors import product_producer

StockRecord = get_model("partner", "StockRecord")

# The product class of boxes (created by this app's migration): no stock of its own, since
# what a box can sell is what its components have.
GIFT_BOX_CLASS_SLUG = "gift-box"
# The partner that holds a box's stock record (its price): the platform, not a producer, so
# Oscar's machinery prices the box while its sale goes to the producers of its components.
PLATFORM_PARTNER_CODE = "ocop-gift-boxes"
# What a component without stock tracking counts as: never the limit of a box.
UNLIMITED = 10**6


@dataclass
class ItemShare:
    """One component's part of the money paid for one or more boxes."""

    product: object
    vendor: Vendor | None
    quantity: int
    stockrecord: object | None
    retail: Decimal
    share: Decimal = Decimal("0")


@dataclass
class ProducerShare:
    """What one producer receives for its components, and the platform's commission on it."""

    vendor: Vendor | None
    items: list[ItemShare] = field(default_factory=list)
    retail: Decimal = Decimal("0")
    share: Decimal = Decimal("0")

    @property
    def commission_rate(self) -> Decimal:
        return self.vendor.commission_rate if self.vendor else Decimal("0")

    @property
    def commission(self) -> Decimal:
        return round_dong(self.share * self.commission_rate)

    @property
    def net(self) -> Decimal:
        return self.share - self.commission


def is_gift_box_product(product) -> bool:
    product_class = product.get_product_class()
    return product_class is not None and product_class.slug == GIFT_BOX_CLASS_SLUG


def gift_box_of_product(product) -> GiftBox | None:
    """The box a storefront product sells, or None for any other product."""
    if not is_gift_box_product(product):
        return None
    try:
        return product.gift_box
    except GiftBox.DoesNotExist:
        return None


def _items_queryset():
    return (
        GiftBoxItem.objects.select_related(
            "product__vendor", "product__parent__vendor", "product__product_class"
        )
        .prefetch_related("product__stockrecords")
        .order_by("pk")
    )


def _items(box: GiftBox) -> list[GiftBoxItem]:
    return list(_items_queryset().filter(box=box))


def _first_stockrecord(product):
    # The record Oscar's strategy sells from (UseFirstStockRecord): the first by key.
    records = sorted(product.stockrecords.all(), key=lambda record: record.pk)
    return records[0] if records else None


def gift_box_boxes_available(*, box: GiftBox) -> int:
    """How many boxes can be sold now: none if any component is off sale, unpriced or out of
    stock, or the packing producer is not approved, else the fewest boxes any component's
    free stock fills."""
    return _boxes_available_of(GiftBoxItem.objects.filter(box=box)).get(box.pk, 0)


def gift_boxes_available_by_product() -> dict[int, int]:
    """How many of every gift box can be sold now, by the box's product id, in one query
    whether or not a page shows a box: staff compose a handful of boxes, and the storefront
    strategy asks this once a request instead of three queries for each box card."""
    boxes = _boxes_available_of(GiftBoxItem.objects.all(), by_product=True)
    return {product_id: count for product_id, count in boxes.items() if product_id is not None}


def gift_box_is_sellable(*, box: GiftBox) -> bool:
    """Whether the shop may sell the box now, whatever its stock: it holds products, each on
    sale and priced, and its packing producer (if any) is approved."""
    items = list(_annotated_items(GiftBoxItem.objects.filter(box=box)))
    return bool(items) and _sellable(box=box, items=items)


def _annotated_items(items):
    # Each component with its first stock record's figures (the record Oscar's strategy
    # sells from), read in the same query.
    first = StockRecord.objects.filter(product=OuterRef("product")).order_by("pk")
    return (
        items.select_related(
            "box__packing_vendor",
            "product__vendor",
            "product__product_class",
            "product__parent__vendor",
            "product__parent__product_class",
        )
        .annotate(
            first_price=Subquery(first.values("price")[:1]),
            first_in_stock=Subquery(first.values("num_in_stock")[:1]),
            first_allocated=Subquery(first.values("num_allocated")[:1]),
            has_record=Exists(first),
        )
        .order_by("box_id", "pk")
    )


def _boxes_available_of(items, *, by_product: bool = False) -> dict[int | None, int]:
    by_box: dict[int, list[GiftBoxItem]] = {}
    for item in _annotated_items(items):
        by_box.setdefault(item.box_id, []).append(item)
    return {
        (box_items[0].box.product_id if by_product else box_id): _boxes_available(items=box_items)
        for box_id, box_items in by_box.items()
    }


def _sellable(*, box: GiftBox, items: list[GiftBoxItem]) -> bool:
    packer = box.packing_vendor
    if packer is not None and packer.status != Vendor.Status.APPROVED:
        return False
    for item in items:
        product = item.product
        if (
            not product_is_on_sale(product=product)
            or (product.parent_id and not product_is_on_sale(product=product.parent))
            # Its order line goes on its producer's partner: the shop's own product has none.
            or product_producer(product=product) is None
            or not item.has_record
            or item.first_price is None
            or item.first_price <= 0
        ):
            return False
    return True


def _boxes_available(*, items: list[GiftBoxItem]) -> int:
    if not items or not _sellable(box=items[0].box, items=items):
        return 0
    boxes = UNLIMITED
    for item in items:
        if item.product.get_product_class().track_stock:
            free = (item.first_in_stock or 0) - (item.first_allocated or 0)
            boxes = min(boxes, max(free, 0) // item.quantity)
    return boxes


def gift_box_item_shares(*, box: GiftBox, amount: Decimal, boxes: int = 1) -> list[ItemShare]:
    """`amount` (what `boxes` boxes sold for) split over the components in proportion to
    their retail value, in whole đồng; the rounding difference goes to the component worth
    most, so the shares always add up to `amount`."""
    return gift_box_item_splits(box=box, amounts=[amount], boxes=boxes)[0]


def gift_box_item_splits(
    *, box: GiftBox, amounts: list[Decimal], boxes: int = 1
) -> list[list[ItemShare]]:
    """`gift_box_item_shares` of each amount (say, what a line cost and its discount), with
    the box's components read once for all of them."""
    components = []
    for item in _items(box):
        record = _first_stockrecord(item.product)
        price = record.price if record is not None and record.price else Decimal("0")
        components.append((item, record, price))
    return [_split(components=components, amount=amount, boxes=boxes) for amount in amounts]


def _split(*, components: list, amount: Decimal, boxes: int) -> list[ItemShare]:
    amount = round_dong(amount)
    shares = [
        ItemShare(
            product=item.product,
            vendor=product_producer(product=item.product),
            quantity=item.quantity * boxes,
            stockrecord=record,
            retail=price * item.quantity * boxes,
        )
        for item, record, price in components
    ]
    if not shares:
        return []
    total = sum((share.retail for share in shares), Decimal("0"))
    for share in shares:
        share.share = round_dong(amount * share.retail / total) if total else Decimal("0")
    largest = max(shares, key=lambda share: share.retail)
    largest.share += amount - sum((share.share for share in shares), Decimal("0"))
    return shares


def gift_box_producer_shares(
    *, box: GiftBox, amount: Decimal | None = None, boxes: int = 1
) -> list[ProducerShare]:
    """The item shares grouped by producer, in the order their components were added."""
    amount = box.price * boxes if amount is None else amount
    by_vendor: dict[int | None, ProducerShare] = {}
    for item in gift_box_item_shares(box=box, amount=amount, boxes=boxes):
        key = item.vendor.pk if item.vendor else None
        producer = by_vendor.setdefault(key, ProducerShare(vendor=item.vendor))
        producer.items.append(item)
        producer.retail += item.retail
        producer.share += item.share
    return list(by_vendor.values())


@dataclass
class LinePart:
    """A piece of a basket line as a parcel sees it: whose parcel, how much, how many."""

    vendor: Vendor | None
    product: object
    quantity: int
    amount: Decimal
    platform_discount: Decimal
    # Whose product it is: the producer whose ledger receives `amount`, also when `vendor`
    # (the packing producer) sends it.
    producer: Vendor | None = None


def gift_box_line_parts(*, line, platform_discount: Decimal = Decimal("0")) -> list[LinePart]:
    """A basket line of boxes as the parcels it makes: each component goes to its producer
    (or all to the packing producer), with its share of what the line costs after discounts
    and of what the platform pays of those discounts. Empty for any other line."""
    box = gift_box_of_product(line.product)
    if box is None:
        return []
    amount = line.line_price_incl_tax_incl_discounts or Decimal("0")
    items, discounts = gift_box_item_splits(
        box=box, amounts=[amount, platform_discount], boxes=line.quantity
    )
    packer = box.packing_vendor
    return [
        LinePart(
            vendor=packer or item.vendor,
            product=item.product,
            quantity=item.quantity,
            amount=item.share,
            platform_discount=discount.share,
            producer=item.vendor,
        )
        for item, discount in zip(items, discounts, strict=True)
    ]


@dataclass
class StockDemand:
    stockrecord_id: int
    quantity: int
    title: str


def gift_box_stock_demand(*, lines) -> list[StockDemand]:
    """What the basket's box lines take from their components' stock records."""
    demand = []
    for line in lines:
        box = gift_box_of_product(line.product)
        if box is None:
            continue
        for item in _items(box):
            record = _first_stockrecord(item.product)
            if record is None or not item.product.get_product_class().track_stock:
                continue
            demand.append(
                StockDemand(
                    stockrecord_id=record.pk,
                    quantity=item.quantity * line.quantity,
                    title=line.product.get_title(),
                )
            )
    return demand


def gift_message_of_order(*, order) -> str:
    gift = OrderGift.objects.filter(order=order).first()
    return gift.message if gift else ""


def fulfilment_for_producer(*, vendor: Vendor, pk: int) -> Fulfilment | None:
    """The producer's own parcel by key; another producer's is None, as if it did not exist."""
    return (
        Fulfilment.objects.filter(vendor=vendor, pk=pk)
        .select_related("order__shipping_address", "vendor")
        .first()
    )
