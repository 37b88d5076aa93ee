"""Read-side queries of the catalogue: stars, certificates, places, featured products, batches
and what a trace code tells."""

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from catalogue.models import Batch, Category, OcopCertificate, Product, QualityMark, TraceCode
from catalogue.seasons import (
    month_name,
    month_short,
    product_season,
    product_season_state,
    season_months,
)
from catalogue.thumbnails import CARD_THUMBNAIL, thumbnails_warm
from vendors.models import Vendor


class CardImageQuerySet(QuerySet):
    """The pictures of a list of cards: once loaded, the addresses of their card thumbnails
    are read for the whole list (catalogue.thumbnails.thumbnails_warm) instead of card by
    card; each first picture carries its own as ``card_thumbnail_url`` ("" when its card
    must ask sorl itself)."""

    def _fetch_all(self):
        fresh = self._result_cache is None
        super()._fetch_all()
        if fresh and self._result_cache and isinstance(self._result_cache[0], self.model):
            first = {}  # a card shows its product's first picture (images are in display order)
            for image in self._result_cache:
                first.setdefault(image.product_id, image)
            sources = [image.original for image in first.values()]
            urls = thumbnails_warm(sources=sources, **CARD_THUMBNAIL)
            for image in first.values():
                image.card_thumbnail_url = urls.get(image.original.name, "")


def valid_certificates(*, on: date | None = None) -> QuerySet[OcopCertificate]:
    """Certificates in force on a day: verified by staff, issued, not past their end, not
    revoked. Every star shown anywhere comes from these (or from OcopCertificate.status_on,
    which applies the same rule to rows already loaded)."""
    day = on or timezone.localdate()
    return OcopCertificate.objects.filter(
        verified_at__isnull=False,
        rejected_at__isnull=True,
        is_revoked=False,
        issued_on__lte=day,
        valid_until__gte=day,
    )


def certificate_valid_for_product(
    *, product: Product, on: date | None = None
) -> OcopCertificate | None:
    """The product's valid certificate (highest stars first), using prefetched rows if any."""
    day = on or timezone.localdate()
    cache = getattr(product, "_prefetched_objects_cache", {})
    if "ocop_certificates" in cache:
        candidates = [c for c in cache["ocop_certificates"] if c.status_on(day) == "valid"]
    else:
        candidates = list(valid_certificates(on=day).filter(product=product))
    if not candidates:
        return None
    return max(candidates, key=lambda c: (c.stars, c.valid_until))


def storefront_products() -> QuerySet[Product]:
    """Public, standalone or parent products with what the product cards need, in few queries."""
    # A card's stars: the best of the certificates valid today, in the products' own query
    # rather than every certificate of the listed products in one more (``ocop_stars`` reads
    # it; certificate_valid_for_product applies the same rule to prefetched rows).
    stars = (
        valid_certificates().filter(product=OuterRef("pk")).order_by("-stars").values("stars")[:1]
    )
    return (
        Product.objects.base_queryset()
        .annotate(stars_valid_today=Subquery(stars))
        .browsable()
        # A producer under review or suspended keeps its data but sells nothing.
        .filter(Q(vendor__isnull=True) | Q(vendor__status=Vendor.Status.APPROVED))
        .filter(hidden_at__isnull=True)
        .select_related(
            "vendor",
            "vendor__partner",
            "origin_commune__province",
            "product_class",
            "season",
            # In the same row: the pricing strategy reads a product's pre-order terms from
            # here instead of every open term of the shop (shop.partner.strategy).
            "preorder_terms",
        )
        # Oscar's base_queryset prefetches, but the pictures through CardImageQuerySet (a
        # relation can be prefetched with one queryset only). Not its "children" (Oscar's
        # strategy prices a parent from get_public_children(), which never reads that
        # prefetch) nor its options (``has_options`` reads base_queryset's two EXISTS
        # columns): each was a round trip on every list that nothing read.
        .prefetch_related(None)
        .prefetch_related(
            "quality_marks",
            "categories",
            Prefetch("images", queryset=CardImageQuerySet(Product.images.rel.related_model)),
            Prefetch("stockrecords"),
        )
    )


def product_for_page() -> QuerySet[Product]:
    """Products as their own page reads them: every relation the page shows is loaded once
    (the page used to read its stock records four times, its categories five, its
    certificates three). Whether the reader may see the product is the view's decision."""
    return (
        Product.objects.base_queryset()
        .select_related(
            "vendor",
            "vendor__partner",
            "origin_commune__province",
            "product_class",
            "parent",
            "season",
            "parent__season",
        )
        .prefetch_related(
            "images", "stockrecords", "ocop_certificates", "categories", "quality_marks"
        )
    )


def featured_products(*, limit: int = 8, on: date | None = None) -> list[Product]:
    """Certified products with stock, best rated first: the home page's showcase."""
    day = on or timezone.localdate()
    certified = valid_certificates(on=day)
    offers = Product._meta.get_field("stockrecords").related_model.objects
    in_stock = Exists(offers.filter(product=OuterRef("pk"), num_in_stock__gt=0))
    # The few newest ids first, from a narrow query that needs no DISTINCT (stock is tested
    # with EXISTS rather than a join), and in the same query their stars: only the cards
    # shown are then loaded with their prefetches. Joining first made the database sort
    # every product on the home page; loading every candidate's card cost more than ranking.
    newest = (
        storefront_products()
        .filter(in_stock, id__in=certified.values("product_id"))
        .order_by("-date_updated", "-id")
        .values("id")[: limit * 4]
    )
    ranked = (
        certified.filter(product_id__in=newest)
        .order_by()
        .values("product_id")
        .annotate(best=Max("stars"), updated=Max("product__date_updated"))
        .values_list("product_id", "best", "updated")
    )
    # Best stars first; among equal stars the newest, as before.
    chosen = [
        pk for pk, _, _ in sorted(ranked, key=lambda row: (-row[1], -row[2].timestamp(), -row[0]))
    ][:limit]
    loaded = storefront_products().in_bulk(chosen)
    return [loaded[pk] for pk in chosen if pk in loaded]


def ocop_groups() -> QuerySet[Category]:
    """The six top-level OCOP groups in their official order."""
    return Category.get_root_nodes()


def request_memo(request) -> dict:
    """What a page works out once and uses in many places, kept on its request (so never
    beyond it, and never shared between readers); a fresh dict when there is no request."""
    if request is None:
        return {}
    memo = getattr(request, "_ocop_memo", None)
    if memo is None:
        memo = request._ocop_memo = {}
    return memo


def ocop_groups_of_request(*, request) -> list[Category]:
    """The six groups, read once for a request: the header's menu, the catalogue's side
    column and the home page's tiles each list them, and on a cache miss each read the same
    six rows."""
    memo = request_memo(request)
    if "ocop_groups" not in memo:
        memo["ocop_groups"] = list(ocop_groups())
    return memo["ocop_groups"]


def user_manages_product(*, user, product: Product) -> bool:
    """Superusers, platform staff and the users of the product's producer manage it."""
    if not getattr(user, "is_authenticated", False):
        return False
    if user.is_superuser:
        return True
    if product.vendor_id and product.vendor.partner.users.filter(pk=user.pk).exists():
        return True
    # Staff who belong to no producer work for the platform; producer members never see
    # another producer's records.
    return user.is_staff and not user.partners.exists()


def product_is_on_sale(*, product: Product) -> bool:
    """Public, not held back by staff, and from an approved producer (or the platform)."""
    return (
        product.is_public
        and product.hidden_at is None
        and (product.vendor_id is None or product.vendor.status == Vendor.Status.APPROVED)
    )


def certificate_record(*, product: Product) -> list[OcopCertificate]:
    """Every certificate a product has held, newest first, for staff and its producer."""
    return sorted(product.ocop_certificates.all(), key=lambda c: c.issued_on, reverse=True)


def trace_code_normalise(raw: str) -> str:
    """A code as stored: upper case, without the spaces or dashes people type between groups."""
    return re.sub(r"[\s-]+", "", raw or "").upper()


@dataclass(frozen=True)
class TraceReport:
    """What a trace code tells a buyer, worked out for one day."""

    code: str
    product: Product
    batch: Batch | None
    # The certificate valid on the day, else the latest one held (shown with its status).
    certificate: OcopCertificate | None
    certificate_is_valid: bool
    on_sale: bool
    marks: list[QualityMark]
    old_district: str
    batch_past_expiry: bool


def trace_report(*, code: str, on: date | None = None) -> TraceReport | None:
    """The product (and batch) behind a code, or None for a code that is not one of ours."""
    day = on or timezone.localdate()
    normalised = trace_code_normalise(code)
    if not normalised:
        return None
    trace = (
        TraceCode.objects.select_related(
            "product__vendor__commune__province",
            "product__origin_commune__province",
            "batch__product__vendor__commune__province",
            "batch__product__origin_commune__province",
        )
        .filter(code=normalised)
        .first()
    )
    if trace is None:
        return None
    batch = trace.batch
    product = batch.product if batch else trace.product
    certificate = certificate_valid_for_product(product=product, on=day)
    if certificate is None:
        # A rejected certificate is not one we hold; a pending one is shown as such.
        certificate = (
            product.ocop_certificates.filter(rejected_at__isnull=True)
            .order_by("-issued_on", "-pk")
            .first()
        )
    vendor = product.vendor
    # The former district belongs to the producer's address: it only names the origin too
    # when the product comes from the producer's own commune.
    old_district = ""
    if vendor and vendor.old_district and product.origin_commune_id in (None, vendor.commune_id):
        old_district = vendor.old_district
    return TraceReport(
        code=trace.code,
        product=product,
        batch=batch,
        certificate=certificate,
        certificate_is_valid=bool(certificate and certificate.status_on(day) == "valid"),
        on_sale=product_is_on_sale(product=product),
        marks=list(product.quality_marks.all()),
        old_district=old_district,
        batch_past_expiry=bool(batch and batch.is_past_expiry(day)),
    )


def batches_for_vendor(*, vendor: Vendor) -> QuerySet[Batch]:
    """A producer's batches, newest first, with their product and code."""
    return Batch.objects.filter(product__vendor=vendor).select_related("product", "trace_code")


def products_for_vendor(*, vendor: Vendor) -> QuerySet[Product]:
    """A producer's own products (parents and standalones, not variants), listed or not:
    what it may label, batch and file certificates for."""
    return (
        Product.objects.filter(vendor=vendor)
        .exclude(structure=Product.CHILD)
        .select_related("trace_code")
        .order_by("title", "pk")
    )


def certificates_due_for_reminder(*, today: date | None = None) -> QuerySet[OcopCertificate]:
    """Certificates ending within the reminder window, not revoked, not reminded yet, and
    not already followed by a filed certificate that lasts longer."""
    day = today or timezone.localdate()
    horizon = day + timedelta(days=settings.OCOP_CERTIFICATE_REMINDER_DAYS)
    successor = OcopCertificate.objects.filter(
        product=OuterRef("product"),
        is_revoked=False,
        rejected_at__isnull=True,
        valid_until__gt=OuterRef("valid_until"),
    ).exclude(pk=OuterRef("pk"))
    return (
        OcopCertificate.objects.filter(
            is_revoked=False,
            rejected_at__isnull=True,
            reminder_sent_at__isnull=True,
            valid_until__gte=day,
            valid_until__lte=horizon,
        )
        .exclude(Exists(successor))
        .order_by("valid_until", "pk")
    )


@dataclass(frozen=True)
class CertificateStanding:
    """How a certificate stands on a day, as the dashboards show it."""

    code: str  # valid, expiring, expired, revoked or not_yet_valid
    label: str
    days_left: int | None
    badge: str  # Bootstrap colour of the badge


def certificate_standing(
    *, certificate: OcopCertificate, on: date | None = None
) -> CertificateStanding:
    """Valid, expiring within the reminder window (with days left), expired, revoked or not
    yet valid."""
    day = on or timezone.localdate()
    status = certificate.status_on(day)
    days_left = (certificate.valid_until - day).days
    if status == OcopCertificate.Status.VALID:
        if days_left <= settings.OCOP_CERTIFICATE_REMINDER_DAYS:
            label = ngettext("Expires in %(days)d day", "Expires in %(days)d days", days_left) % {
                "days": days_left
            }
            if days_left == 0:
                label = gettext("Expires today")
            return CertificateStanding("expiring", label, days_left, "warning")
        return CertificateStanding("valid", gettext("Valid"), days_left, "success")
    badges = {
        OcopCertificate.Status.EXPIRED: "secondary",
        OcopCertificate.Status.REVOKED: "danger",
        OcopCertificate.Status.NOT_YET_VALID: "info",
        OcopCertificate.Status.PENDING: "warning",
        OcopCertificate.Status.REJECTED: "danger",
    }
    return CertificateStanding(
        status, OcopCertificate.Status(status).label, None, badges[OcopCertificate.Status(status)]
    )


def certificates_of_vendor(*, vendor: Vendor) -> QuerySet[OcopCertificate]:
    """Every certificate of the producer's products, the latest first."""
    return (
        OcopCertificate.objects.filter(product__vendor=vendor)
        .select_related("product")
        .order_by("-issued_on", "-pk")
    )


def certificates_awaiting_verification() -> QuerySet[OcopCertificate]:
    """For staff: certificates producers filed that nobody has checked yet, oldest first."""
    return (
        OcopCertificate.objects.filter(
            verified_at__isnull=True, rejected_at__isnull=True, is_revoked=False
        )
        .select_related("product__vendor")
        .order_by("created_at", "pk")
    )


def certificates_needing_attention(
    *, on: date | None = None, expired_within_days: int = 90
) -> QuerySet[OcopCertificate]:
    """For staff, across producers: certificates ending within the reminder window and those
    that ended recently, soonest first."""
    day = on or timezone.localdate()
    return (
        OcopCertificate.objects.filter(
            # Certificates still waiting for a check are in the verification queue instead.
            verified_at__isnull=False,
            is_revoked=False,
            valid_until__gte=day - timedelta(days=expired_within_days),
            valid_until__lte=day + timedelta(days=settings.OCOP_CERTIFICATE_REMINDER_DAYS),
        )
        .select_related("product__vendor")
        .order_by("valid_until", "pk")
    )


RECENTLY_VIEWED_SHOWN = 6


def recently_viewed_ids(*, cookie: str) -> list[int]:
    """The product ids of a "recently viewed" cookie, oldest first, each once: the cookie is
    the reader's to write, so anything but a JSON list of ids in range gives nothing, and
    values of another kind in the list are dropped."""
    try:
        written = json.loads(cookie) if cookie else []
    except (ValueError, RecursionError):  # not JSON, or nested past the parser's depth
        return []
    if not isinstance(written, list):
        return []
    ids: list[int] = []
    for value in reversed(written[-20:]):
        if type(value) is int and 0 < value < 2**31 and value not in ids:
            ids.append(value)
    return ids[::-1]


def recently_viewed_products(*, cookie: str, exclude: int | None = None) -> list[Product]:
    """The products of a "recently viewed" cookie (a JSON list of ids, oldest first, written
    by the browser), latest first, as the storefront lists them. The cookie is the reader's
    to write: anything but a list of ids in range is ignored, and a listing hidden since is
    left out."""
    ids = [pk for pk in reversed(recently_viewed_ids(cookie=cookie)) if pk != exclude]
    if not ids:
        return []
    found = {product.pk: product for product in storefront_products().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found][:RECENTLY_VIEWED_SHOWN]


@dataclass(frozen=True)
class CalendarMonth:
    number: int
    name: str
    short: str
    is_now: bool


@dataclass(frozen=True)
class CalendarRow:
    title: str
    url: str
    # "vi" when the English site shows the Vietnamese title (no English one written).
    lang: str
    label: str
    # One per month, January first: (in season that month, the current month).
    cells: list[tuple[bool, bool]]


@dataclass(frozen=True)
class SeasonCalendar:
    months: list[CalendarMonth]
    rows: list[CalendarRow]


# A region's calendar lists this many seasonal products at most (a table, not a catalogue).
SEASON_CALENDAR_LIMIT = 40


def season_calendar(*, province, day: date | None = None) -> SeasonCalendar:
    """The months in which each seasonal product of a province is in season, for its region
    page: products on sale that come from the province (their place of origin, else their
    producer's), in the order their seasons open in the year, then by name."""
    day = day or timezone.localdate()
    products = (
        storefront_products()
        .prefetch_related(None)
        .filter(season__isnull=False)
        .filter(
            Q(origin_commune__province=province)
            | Q(origin_commune__isnull=True, vendor__commune__province=province)
        )
        .order_by("title", "pk")[:SEASON_CALENDAR_LIMIT]
    )
    rows = []
    for product in products:
        ordered = season_months(season=product_season(product))
        months = set(ordered)
        state = product_season_state(product=product, day=day)
        cells = [(month in months, month == day.month) for month in range(1, 13)]
        first = ordered[0] if ordered else 13
        rows.append(
            (
                first,
                CalendarRow(
                    title=product.display_title,
                    url=product.get_absolute_url(),
                    lang=product.title_lang,
                    label=state.label if state else "",
                    cells=cells,
                ),
            )
        )
    rows.sort(key=lambda pair: pair[0])  # stable: names stay in order within a month
    return SeasonCalendar(
        months=[
            CalendarMonth(m, month_name(m), month_short(m), m == day.month) for m in range(1, 13)
        ],
        rows=[row for _first, row in rows],
    )
