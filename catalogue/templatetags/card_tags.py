"""The product card's facts, worked out in Python once per card.

A card used to ask the template engine for each fact: two strategy lookups, an Oscar form
rendered through the form templates, Oscar's image fallbacks, the stars and rating badges as
included templates. With 24 to 48 cards on a page that was half the request. Here every fact
a card shows is read from rows the storefront selector already prefetched
(catalogue.selectors.storefront_products), and the template only prints them.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django import template
from django.conf import settings
from django.template import Context
from django.template.defaultfilters import floatformat
from django.template.loader import get_template
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language, ngettext
from oscar.core.thumbnails import get_thumbnailer

from catalogue.seasons import product_season_state
from catalogue.selectors import request_memo
from catalogue.templatetags.ocop_tags import display_name, ocop_group
from catalogue.thumbnails import CARD_THUMBNAIL
from shop.money import price_text

if TYPE_CHECKING:
    from catalogue.models import Product

register = template.Library()
logger = logging.getLogger(__name__)


@dataclass
class ProductCard:
    """What one card prints; `product` stays available for blocks that need more."""

    product: Product
    url: str
    title: str
    title_lang: str = ""
    image_url: str = ""
    group_code: str = ""
    group_name: str = ""
    stars: int | None = None
    star_icons: str = ""
    rating_count: int = 0
    rating_summary: str = ""
    producer_name: str = ""
    producer_kind: str = ""
    origin: str = ""
    marks: list = field(default_factory=list)
    has_price: bool = False
    price: str = ""
    availability_code: str = ""
    availability_message: str = ""
    can_buy: bool = False
    needs_options: bool = False
    add_url: str = ""
    # The harvest season: "in_season", "upcoming" or "ended" with its words; empty for a
    # product sold all year.
    season_status: str = ""
    season_label: str = ""


def _rows(product: Product, relation: str) -> list:
    """A relation's prefetched rows, without building a related manager per card (Django
    makes a new manager and queryset on every ``product.images``); a query if not prefetched."""
    cache = getattr(product, "_prefetched_objects_cache", {})
    if relation in cache:
        return list(cache[relation])
    return list(getattr(product, relation).all())


def _image_url(product: Product) -> str:
    """The card thumbnail's URL, from the prefetched images (the first by display order);
    Oscar's "image not found" picture when the product has none."""
    images = _rows(product, "images")
    if images:
        # Read with the list's other pictures by the storefront selector when it could be.
        known = getattr(images[0], "card_thumbnail_url", "")
        if known:
            return known
        source = images[0].original
    elif product.is_child and product.parent_id:
        return _image_url(product.parent)
    else:
        source = product.get_missing_image()
    try:
        return get_thumbnailer().generate_thumbnail(source, **CARD_THUMBNAIL).url
    except Exception:  # a broken file must not break the page: the card shows no picture
        if getattr(settings, "OSCAR_THUMBNAIL_DEBUG", settings.DEBUG):
            raise
        logger.exception("Card thumbnail failed for product %s", product.pk)
        return ""


# A stand-in id: the add-to-basket address is reversed once a request with it, then each
# card puts its own id in its place.
_ANY_ID = 9081726354


def _add_url(memo: dict, pk: int) -> str:
    pattern = memo.get("card_add_url")
    if pattern is None:
        pattern = memo["card_add_url"] = reverse("basket:add", kwargs={"pk": _ANY_ID})
    return pattern.replace(str(_ANY_ID), str(pk))


def product_card_build(*, product: Product, request) -> ProductCard:
    """One card's facts. Price and availability come from the request's strategy, as
    everywhere else; stars only from a valid certificate (``product.ocop_stars``)."""
    card = ProductCard(
        product=product,
        url=product.get_absolute_url(),
        title=product.display_title,
        title_lang=product.title_lang,
    )
    card.image_url = _image_url(product)
    # Texts every card of the request shares: Django's reverse of Oscar's namespaced basket
    # address costs about 0.15 ms, and a producer kind's label is translated on each call.
    memo = request_memo(request)

    group = ocop_group(product)
    if group is not None:
        card.group_code = group.ocop_code
        card.group_name = display_name(group)

    card.stars = product.ocop_stars
    card.star_icons = "★" * (card.stars or 0)
    count = product.num_approved_reviews if product.rating is not None else 0
    if count:
        card.rating_count = count
        card.rating_summary = ngettext(
            "%(score)s/5 · %(count)s rating", "%(score)s/5 · %(count)s ratings", count
        ) % {"score": floatformat(product.rating, -1), "count": count}

    if product.vendor_id:
        card.producer_name = product.vendor.legal_name
        key = ("kind", product.vendor.kind, get_language())
        if key not in memo:
            memo[key] = product.vendor.get_kind_display()
        card.producer_kind = memo[key]
    if product.origin_commune_id:
        commune = product.origin_commune
        card.origin = f"{commune.name}, {commune.province.short_name}"
    card.marks = _rows(product, "quality_marks")
    season = product_season_state(product=product, day=timezone.localdate())
    if season is not None:
        card.season_status = season.status
        card.season_label = season.label

    info = request.strategy.fetch_for_product(product)
    price = info.price
    if price.exists:
        card.has_price = True
        amount = price.incl_tax if price.is_tax_known else price.excl_tax
        card.price = price_text(amount, price.currency)
        card.availability_code = info.availability.code
        card.availability_message = info.availability.short_message
    card.needs_options = product.is_parent or product.has_options
    card.can_buy = bool(card.has_price and info.availability.is_available_to_buy)
    if card.can_buy and not card.needs_options:
        card.add_url = _add_url(memo, product.pk)
    return card


@register.simple_tag(takes_context=True)
def product_card(context, product: Product) -> ProductCard:
    """``{% product_card product as card %}``: the card's facts for the template."""
    return product_card_build(product=product, request=context["request"])


CARD_TEMPLATE = "oscar/catalogue/partials/product.html"


@register.simple_tag(takes_context=True)
def product_cards(context, products) -> SafeString:
    """``{% product_cards products %}``: a list's cards, each in its ``<li>``, from the
    same card template as Oscar's ``{% render_product %}``.

    Oscar's tag looks the template up again for every card (two missing names before the
    card's own, each raising an exception) and copies the page's whole context into each
    card's; here the template is looked up once and each card is rendered with only what it
    reads (its product and the request). Items may be products or search listings that
    carry theirs as ``.object``."""
    request = context["request"]
    card = get_template(CARD_TEMPLATE).template
    html = []
    for item in products:
        product = getattr(item, "object", item)
        if product is None:
            continue
        html.append("<li>")
        html.append(card.render(Context({"product": product, "request": request}, autoescape=True)))
        html.append("</li>")
    return mark_safe("".join(html))  # each card escaped by its template
