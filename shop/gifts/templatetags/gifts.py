"""Gift boxes in pages: what a box holds and from whom, the basket's gift message form, an
order's gift message."""

from django import template

from shop.gifts.forms import GiftMessageForm
from shop.gifts.models import BasketGift
from shop.gifts.selectors import (
    gift_box_of_product,
    gift_box_producer_shares,
    gift_message_of_order,
)

register = template.Library()


@register.inclusion_tag("gifts/partials/box_contents.html")
def gift_box_contents(product):
    box = gift_box_of_product(product)
    if box is None:
        return {"box": None}
    # Grouped by producer; amounts are not shown to buyers, only what and from whom.
    return {"box": box, "producers": gift_box_producer_shares(box=box)}


@register.simple_tag
def basket_gift_form(basket):
    message = ""
    if basket is not None and basket.id is not None:
        gift = BasketGift.objects.filter(basket_id=basket.id).first()
        message = gift.message if gift else ""
    return GiftMessageForm(initial={"message": message})


@register.simple_tag
def order_gift_message(order) -> str:
    return gift_message_of_order(order=order)


@register.filter
def quoted_text(message: str) -> str:
    """A buyer's message for a plain-text mail: every line behind "> ", so no line of it can
    pass for the mail's own words (a fake instruction or link)."""
    return "\n".join(f"> {line}".rstrip() for line in (message or "").splitlines())
