"""Writes of gift boxes: publishing a box as a storefront product, the buyer's gift message,
and the order lines a box becomes when it is bought."""

import html
import re
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from oscar.core.loading import get_model

from shop.gifts.models import (
    GIFT_MESSAGE_MAX_LENGTH,
    BasketGift,
    GiftBox,
    GiftOrderLine,
    OrderGift,
)
from shop.gifts.selectors import (
    GIFT_BOX_CLASS_SLUG,
    PLATFORM_PARTNER_CODE,
    gift_box_item_splits,
    gift_box_of_product,
)
from shop.money import round_dong
from vendors.models import Vendor
from vendors.selectors import product_producer

Line = get_model("order", "Line")
Partner = get_model("partner", "Partner")
Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductImage = get_model("catalogue", "ProductImage")
StockRecord = get_model("partner", "StockRecord")

# Control characters other than line breaks would only hide text from whoever reads the slip.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def gift_box_components_error(*, items: list[tuple[object, int]], packing_vendor=None) -> str:
    """Why these (product, quantity) pairs cannot make a box, or "" when they can."""
    if not items:
        return _("Add at least one product to the box.")
    if packing_vendor is not None and packing_vendor.status != Vendor.Status.APPROVED:
        return _("%(producer)s is not an approved producer: choose another to pack the box.") % {
            "producer": packing_vendor
        }
    for product, _quantity in items:
        producer = product_producer(product=product)
        if producer is None:
            return _("“%(title)s” has no producer: a box holds producers' products only.") % {
                "title": product.get_title()
            }
        if producer.status != Vendor.Status.APPROVED:
            return _("“%(title)s” is from %(producer)s, which is not an approved producer now.") % {
                "title": product.get_title(),
                "producer": producer,
            }
        if product.get_product_class() and product.get_product_class().slug == (
            GIFT_BOX_CLASS_SLUG
        ):
            return _("A gift box cannot hold another gift box.")
        if product.is_parent:
            return _("Choose one variant of “%(title)s”, not the product with variants.") % {
                "title": product.get_title()
            }
    return ""


def _gift_box_class():
    product_class, _created = ProductClass.objects.get_or_create(
        slug=GIFT_BOX_CLASS_SLUG,
        defaults={"name": "Hộp quà", "requires_shipping": True, "track_stock": False},
    )
    return product_class


def _platform_partner():
    partner, _created = Partner.objects.get_or_create(
        code=PLATFORM_PARTNER_CODE, defaults={"name": "Sàn OCOP – hộp quà"}
    )
    return partner


@transaction.atomic
def gift_box_publish(*, box: GiftBox) -> GiftBox:
    """Create or update the box's storefront product: its title, description, picture, box
    price (a stock record of the platform's partner) and whether it is on sale."""
    product = box.product
    if product is None:
        product = Product(product_class=_gift_box_class(), structure=Product.STANDALONE)
    product.title = box.title
    product.description = html.escape(box.description).replace("\n", "<br>")
    product.is_public = box.is_public
    product.save()
    if box.product_id != product.pk:
        box.product = product
        box.save(update_fields=["product"])
    record = product.stockrecords.first()
    if record is None:
        record = StockRecord(
            product=product, partner=_platform_partner(), partner_sku=f"GIFT-{box.pk}"
        )
    record.price = box.price
    record.price_currency = settings.OSCAR_DEFAULT_CURRENCY
    record.save()
    if box.image:
        image = product.images.order_by("display_order").first()
        if image is None or image.original.name != box.image.name:
            product.images.all().delete()
            ProductImage.objects.create(product=product, original=box.image.name, display_order=0)
    return box


def gift_message_clean(message: str) -> str:
    """The message as kept: text (never markup: every page escapes it), without control
    characters, its line breaks normalised; ValidationError if too long."""
    message = _CONTROL.sub("", (message or "").replace("\r\n", "\n").replace("\r", "\n")).strip()
    if len(message) > GIFT_MESSAGE_MAX_LENGTH:
        raise ValidationError(
            _("Keep the gift message to %(max)d characters (it has %(count)d).")
            % {"max": GIFT_MESSAGE_MAX_LENGTH, "count": len(message)},
            code="too_long",
        )
    return message


def basket_gift_message_set(*, basket, message: str) -> BasketGift | None:
    """Keep the buyer's gift message with the basket; an empty message removes it."""
    message = gift_message_clean(message)
    if not message:
        BasketGift.objects.filter(basket=basket).delete()
        return None
    gift, _created = BasketGift.objects.update_or_create(
        basket=basket, defaults={"message": message}
    )
    return gift


def gift_box_order_lines_create(*, order, basket_line, status: str = "") -> list:
    """The order lines a basket line of boxes becomes: one per component, on its producer's
    partner (or the packing producer's), priced at the component's share of what the line
    cost, so each producer's parcel and ledger hold its part of the box. The stock is
    allocated afterwards, by `gift_order_complete`."""
    box = gift_box_of_product(basket_line.product)
    boxes = basket_line.quantity
    paid, before = gift_box_item_splits(
        box=box,
        amounts=[basket_line.line_price_incl_tax_incl_discounts, basket_line.line_price_incl_tax],
        boxes=boxes,
    )
    lines = []
    for item, undiscounted in zip(paid, before, strict=True):
        vendor = box.packing_vendor or item.vendor
        partner = vendor.partner
        record = item.stockrecord
        line = Line._default_manager.create(
            order=order,
            partner=partner,
            partner_name=partner.name,
            partner_sku=record.partner_sku if record else "",
            stockrecord=record,
            product=item.product,
            title=item.product.get_title(),
            upc=item.product.upc,
            quantity=item.quantity,
            line_price_incl_tax=item.share,
            line_price_excl_tax=item.share,
            line_price_before_discounts_incl_tax=undiscounted.share,
            line_price_before_discounts_excl_tax=undiscounted.share,
            unit_price_incl_tax=_unit(item.share, item.quantity),
            unit_price_excl_tax=_unit(item.share, item.quantity),
            num_allocated=item.quantity,
            status=status,
        )
        GiftOrderLine.objects.create(line=line, box=box, box_title=box.title, boxes=boxes)
        lines.append(line)
    return lines


def _unit(amount: Decimal, quantity: int) -> Decimal:
    # Shown per unit in whole đồng like every price; the line's total is the share itself.
    return round_dong(amount / quantity)


def gift_order_complete(*, order, basket) -> None:
    """After the order's lines are written: take the boxes' components from stock and keep
    the buyer's gift message with the order. Runs in the placement's transaction, under its
    locks, once Oscar has allocated the order's other lines: each record is read again so
    this adds to what they took, and saved as Oscar saves an allocation (its signals keep
    the stock alerts and the page cache right)."""
    for part in GiftOrderLine.objects.filter(line__order=order).select_related(
        "line__product__product_class", "line__product__parent__product_class"
    ):
        line = part.line
        if line.stockrecord_id and line.product.get_product_class().track_stock:
            record = StockRecord.objects.select_for_update().get(pk=line.stockrecord_id)
            record.allocate(line.quantity)
    gift = BasketGift.objects.filter(basket_id=basket.pk).first()
    if gift is not None and gift.message:
        OrderGift.objects.get_or_create(order=order, defaults={"message": gift.message})
