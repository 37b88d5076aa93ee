"""Reads of the tourism app: keys, origins, a widget's products and the statistics."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from urllib.parse import urlsplit

from django.db.models import Count, Q, Sum
from django.db.models.functions import TruncDate
from django.utils import timezone

from catalogue.html import clean_html
from catalogue.models import Product
from catalogue.numbers import id_parse
from catalogue.selectors import storefront_products
from catalogue.thumbnails import thumbnails_warm
from search.query import SearchQuery, buyer_rating_shown
from search.service import search_products
from shop.tourism.models import (
    OrderReferral,
    PartnerLedgerEntry,
    TourismPartner,
    Widget,
    WidgetDailyStat,
)

KEY_PATTERN = re.compile(r"^pk_[A-Za-z0-9_-]{8,60}$")
_LABEL = r"[a-z0-9]([a-z0-9-]*[a-z0-9])?"
DOMAIN_PATTERN = re.compile(rf"^(\*\.)?{_LABEL}(\.{_LABEL})*(:\d{{1,5}})?$")
DEFAULT_PORTS = {"http": 80, "https": 443}
# The size of a card's picture in the embed: tourism/embed.html asks sorl for the same.
EMBED_THUMBNAIL = {"size": "320x320", "crop": "center", "upscale": False}


def key_holder(*, key: str | None, through: str = "") -> Q | None:
    """The condition "held by the approved partner whose current publishable key this is",
    on partners or, with `through` ("partner__"), on rows that name one; None for a missing
    or malformed key (nothing holds it). The one rule for the API and the embed."""
    if not key or not KEY_PATTERN.fullmatch(key):
        return None
    return Q(
        **{
            f"{through}publishable_key": key,
            f"{through}status": TourismPartner.Status.APPROVED,
        }
    )


def partner_for_key(*, key: str | None) -> TourismPartner | None:
    """The approved partner holding this publishable key, or None."""
    held = key_holder(key=key)
    return None if held is None else TourismPartner.objects.filter(held).first()


def partner_for_user(*, user) -> TourismPartner | None:
    if not getattr(user, "is_authenticated", False):
        return None
    return user.tourism_partners.order_by("pk").first()


def domain_normalise(raw: str) -> str:
    """What a partner typed ("https://Hotel.example/vi/") as a stored host ("hotel.example")."""
    text = raw.strip().lower()
    if "://" in text:
        text = urlsplit(text).netloc
    return text.split("/", 1)[0]


def origin_allowed(*, partner: TourismPartner, origin: str | None) -> bool:
    """Whether a page at `origin` (scheme://host[:port]) may show this partner's widgets;
    matched as CSP's frame-ancestors would: no port in the entry means the default one."""
    if not origin:
        return False
    try:
        parts = urlsplit(origin)
        port = parts.port or DEFAULT_PORTS.get(parts.scheme)
    except ValueError:
        return False
    host = (parts.hostname or "").lower()
    if parts.scheme not in DEFAULT_PORTS or not host:
        return False
    for entry in partner.domains:
        pattern, _, entry_port = entry.partition(":")
        if (int(entry_port) if entry_port else DEFAULT_PORTS[parts.scheme]) != port:
            continue
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]):
                return True
        elif host == pattern:
            return True
    return False


def origin_allowed_by_any_partner(*, origin: str) -> bool:
    """Whether some approved partner lists `origin` among its domains (a CORS preflight
    carries no key, so it can only be asked of every partner at once)."""
    partners = TourismPartner.objects.filter(status=TourismPartner.Status.APPROVED).exclude(
        allowed_domains=""
    )
    return any(origin_allowed(partner=p, origin=origin) for p in partners)


def frame_ancestors(*, partner: TourismPartner | None) -> str:
    """CSP sources that may frame a partner's widget: the shop itself (the builder's preview)
    and the partner's domains; nobody for an unknown key."""
    if partner is None:
        return "'none'"
    sources = [d for d in partner.domains if DOMAIN_PATTERN.match(d)]
    return " ".join(["'self'", *sources])


def widget_for_embed(*, widget_id: int, key: str | None) -> Widget | None:
    """The widget, if the key is its (approved) partner's current key, with what its page
    reads of it (partner, province, product group) in the same query."""
    held = key_holder(key=key, through="partner__")
    if held is None:
        return None
    return (
        Widget.objects.filter(held, pk=widget_id)
        .select_related("partner", "province", "category")
        .first()
    )


def widget_products(*, widget: Widget) -> list[Product]:
    """The products a widget shows, at most `count`, only those on sale."""
    limit = max(1, min(widget.count, 12))
    source = widget.source
    if (source == Widget.Source.PROVINCE and widget.province_id is None) or (
        source == Widget.Source.CATEGORY and widget.category_id is None
    ):
        # Its province or product group was deleted (SET_NULL): without it the search below
        # would show the whole catalogue, not what the partner chose.
        return []
    if widget.source == Widget.Source.PRODUCTS:
        ids = [i for i in map(id_parse, widget.product_ids) if i is not None][:limit]
    else:
        query = SearchQuery(
            q=widget.query if widget.source == Widget.Source.SEARCH else "",
            province=widget.province.code
            if widget.source == Widget.Source.PROVINCE and widget.province
            else None,
            category=widget.category.slug
            if widget.source == Widget.Source.CATEGORY and widget.category
            else None,
            in_stock=True,
            sort="stars" if widget.source != Widget.Source.SEARCH else "relevance",
        )
        ids = [hit.product_id for hit in search_products(query=query, facets=False).hits][:limit]
    found = {p.pk: p for p in storefront_products().filter(pk__in=ids)}
    products = [found[i] for i in ids if i in found]
    # The embed shows its own size of each picture (tourism/embed.html): what sorl knows of
    # those thumbnails is read for all the cards in one query, not one query per card.
    # A product without a photo gets a stand-in (a dict, as Oscar gives it), no thumbnail.
    pictures = [product.primary_image() for product in products]
    thumbnails_warm(
        sources=[picture.original for picture in pictures if not isinstance(picture, dict)],
        **EMBED_THUMBNAIL,
    )
    return products


@dataclass
class DayStats:
    day: date
    widget: str
    impressions: int = 0
    clicks: int = 0
    orders: int = 0
    revenue: Decimal = Decimal(0)
    commission: Decimal = Decimal(0)


def partner_stats_by_day(
    *, partner: TourismPartner, start: date | None = None, end: date | None = None
) -> list[DayStats]:
    """One row per day and widget, newest first: impressions and clicks from the flushed
    counters, orders and revenue from referrals, commission from the ledger (net of
    reversals)."""
    end = end or timezone.localdate()
    start = start or end - timedelta(days=29)
    names = dict(partner.widgets.values_list("id", "name"))
    rows: dict[tuple[date, int | None], DayStats] = {}

    def row(day, widget_id) -> DayStats:
        key = (day, widget_id)
        if key not in rows:
            rows[key] = DayStats(day=day, widget=names.get(widget_id, "—"))
        return rows[key]

    for stat in WidgetDailyStat.objects.filter(
        widget__partner=partner, day__gte=start, day__lte=end
    ):
        entry = row(stat.day, stat.widget_id)
        entry.impressions += stat.impressions
        entry.clicks += stat.clicks
    referrals = (
        OrderReferral.objects.filter(partner=partner)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .filter(day__gte=start, day__lte=end)
        .values("day", "widget_id")
        .annotate(orders=Count("id"), revenue=Sum("goods_total"))
    )
    for item in referrals:
        entry = row(item["day"], item["widget_id"])
        entry.orders += item["orders"]
        entry.revenue += item["revenue"] or 0
    ledger = (
        PartnerLedgerEntry.objects.filter(partner=partner)
        .annotate(day=TruncDate("created_at", tzinfo=timezone.get_current_timezone()))
        .filter(day__gte=start, day__lte=end)
        .values("day", "widget_id")
        .annotate(total=Sum("amount"))
    )
    for item in ledger:
        row(item["day"], item["widget_id"]).commission += item["total"] or 0
    return sorted(rows.values(), key=lambda r: (r.day, r.widget), reverse=True)


def partner_totals(*, partner: TourismPartner) -> dict[str, Decimal]:
    totals = defaultdict(Decimal)
    for kind, amount in PartnerLedgerEntry.objects.filter(partner=partner).values_list(
        "kind", "amount"
    ):
        totals[kind] += amount
    totals["balance"] = sum(totals.values(), Decimal(0))
    return dict(totals)


def partners_for_review(*, status: str = "") -> list[TourismPartner]:
    queryset = TourismPartner.objects.prefetch_related("members")
    if status:
        queryset = queryset.filter(status=status)
    return list(queryset)


def api_product_detail(*, product_id: int, strategy) -> dict | None:
    """A product on sale as the public API shows it; price and stock from Oscar's strategy."""
    product = storefront_products().filter(pk=product_id).first()
    if product is None:
        return None
    info = strategy.fetch_for_product(product)
    price = info.price.incl_tax if info.price.exists else None
    commune = product.origin_commune
    return {
        "id": product.pk,
        "title": product.get_title(),
        "title_en": product.english_title() or None,
        "url": product.get_absolute_url(),
        # Partners put this on their own pages: only the sanitiser's HTML, even for an old row.
        "description": clean_html(product.description),
        "description_en": clean_html(product.english_description()) or None,
        "price": int(price) if price is not None else None,
        "currency": getattr(info.price, "currency", None) or "VND",
        "in_stock": bool(info.availability.is_available_to_buy),
        "stars": product.ocop_stars,
        "producer": product.vendor.legal_name if product.vendor_id else None,
        "province": commune.province.short_name if commune else None,
        "commune": commune.name if commune else None,
        "categories": [c.slug for c in product.categories.all()],
        "images": [image.original.url for image in product.images.all() if image.original],
        "buyer_rating": buyer_rating_shown(product.rating, product.approved_review_count),
        "buyer_rating_count": product.approved_review_count,
    }
