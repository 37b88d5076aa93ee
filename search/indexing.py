"""Writing the search index: from catalogue rows to ProductIndexEntry rows (and to
Elasticsearch when it is the configured backend)."""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Prefetch
from django.utils import timezone

from catalogue.models import Product
from catalogue.seasons import product_season, season_index_facts
from catalogue.selectors import certificate_valid_for_product, storefront_products
from catalogue.text import fold_vietnamese
from search.models import WORD_MAX_LENGTH, ProductIndexEntry, ProductIndexWord
from search.summary import (
    entries_lock,
    facts_of,
    live_stars_of,
    summary_build,
    summary_build_if_small,
    summary_day_for_writing,
    summary_invalidate,
    summary_update,
)
from vendors.preorders import preorder_orderable

logger = logging.getLogger(__name__)
_WORD = re.compile(r"\w+")

BATCH_SIZE = 500


def _products(ids: Iterable[int] | None = None):
    products = (
        storefront_products()
        .select_related("preorder_terms")
        .prefetch_related(Prefetch("categories"), "images", "stockrecords", "ocop_certificates")
    )
    if ids is not None:
        products = products.filter(pk__in=list(ids))
    return products.order_by("pk")


def padded_words(text: str) -> str:
    """Folded words between single spaces, with a space at each end, so a search can match
    the start of a word: " mat ong binh lieu "."""
    return " " + " ".join(_WORD.findall(fold_vietnamese(text))) + " "


def _main_category(product: Product):
    # The deepest category: a product filed under I.3.b is found under I.3 and I as well.
    categories = sorted(product.categories.all(), key=lambda c: (-c.depth, c.path))
    return categories[0] if categories else None


def _orderable_now(product: Product, record) -> bool:
    """What the "in stock" filter and facet count: a product a buyer can order today, from
    free stock or as a pre-order of the coming harvest (sold whatever its stock, as the
    storefront's strategy sells it). The nightly rebuild drops pre-orders whose day came."""
    if record is None:
        return False
    if (record.num_in_stock or 0) - (record.num_allocated or 0) > 0:
        return True
    return preorder_orderable(product=product)


def entry_for(product: Product) -> ProductIndexEntry:
    """The index row of a listed product, built from prefetched relations."""
    certificate = certificate_valid_for_product(product=product)
    category = _main_category(product)
    records = list(product.stockrecords.all())
    record = records[0] if records else None
    commune = product.origin_commune or (product.vendor.commune if product.vendor else None)
    province = commune.province if commune else None
    images = list(product.images.all())
    english = product.english_title()
    season = season_index_facts(season=product_season(product))
    words = [
        product.title,
        english,
        product.vendor.legal_name if product.vendor else "",
        commune.name if commune else "",
        province.short_name if province else "",
        category.name if category else "",
        category.name_en if category else "",
        " ".join(mark.name for mark in product.quality_marks.all()),
        product.description or "",
        product.english_description(),
    ]
    return ProductIndexEntry(
        product=product,
        title=product.title[:255],
        title_en=english[:255],
        title_folded=padded_words(f"{product.title} {english}")[:255],
        text_folded=padded_words(" ".join(words)),
        url=product.get_absolute_url(),
        image=images[0].original.name if images else "",
        stars=certificate.stars if certificate else None,
        stars_from=certificate.issued_on if certificate else None,
        stars_until=certificate.valid_until if certificate else None,
        province=province,
        commune=commune,
        category_path=category.path if category else "",
        vendor=product.vendor,
        price=int(record.price) if record and record.price is not None else None,
        in_stock=_orderable_now(product, record),
        date_created=product.date_created or timezone.now(),
        rating=product.rating if product.approved_review_count else None,
        rating_count=product.approved_review_count,
        season_months=season.months,
        season_starts_on=season.starts_on,
        season_ends_on=season.ends_on,
    )


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH_SIZE):
        yield ids[start : start + BATCH_SIZE]


_FIELDS = [
    f.name
    for f in ProductIndexEntry._meta.concrete_fields
    if f.name not in ("product", "indexed_at")
]


def index_words(text_folded: str) -> set[str]:
    """The distinct words of an entry's folded text, cut to the word column's length."""
    return {word[:WORD_MAX_LENGTH] for word in text_folded.split()}


def _write_batch(batch: list[int], *, rebuilding: bool = False) -> int:
    """Write the index rows and words of one batch of product ids (inside a transaction),
    and move the facet summary's counts from the old rows to the new ones."""
    # Lock the existing rows first: two tasks for the same products then write one after
    # the other, and each builds its rows from what the other committed (PostgreSQL).
    previous = {
        entry.pk: entry
        for entry in ProductIndexEntry.objects.select_for_update().filter(pk__in=batch)
    }
    entries = [entry_for(p) for p in _products(batch)]
    # Then the summary (always after the entries, as its other writers do).
    day = summary_day_for_writing()
    for entry in entries:
        entry.live_stars = live_stars_of(entry, day or timezone.localdate())
    listed = {e.product_id for e in entries}
    # Deleted rows take their counts away themselves (search.summary's receiver).
    ProductIndexEntry.objects.filter(product_id__in=set(batch) - listed).delete()
    ProductIndexEntry.objects.bulk_create(
        entries,
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=_FIELDS,
    )
    if day is not None:
        summary_update(
            before=[facts_of(previous[pk]) for pk in listed if pk in previous],
            after=[facts_of(e) for e in entries],
        )
    elif not rebuilding:
        summary_build_if_small(day=timezone.localdate())
    # Stock and price changes, the most frequent, leave the text alone: words are rewritten
    # only for entries whose text changed.
    changed = [
        e
        for e in entries
        if e.product_id not in previous or previous[e.product_id].text_folded != e.text_folded
    ]
    if changed:
        ProductIndexWord.objects.filter(entry_id__in=[e.product_id for e in changed]).delete()
        ProductIndexWord.objects.bulk_create(
            ProductIndexWord(entry_id=e.product_id, word=word)
            for e in changed
            for word in index_words(e.text_folded)
        )
    return len(entries)


@transaction.atomic
def index_products(*, product_ids: Iterable[int]) -> int:
    """Bring the index rows of these products up to date; unlisted ones are removed."""
    ids = sorted(set(product_ids))
    written = sum(_write_batch(batch) for batch in _batches(ids))
    _push_to_elasticsearch(ids)
    return written


def index_rebuild(*, progress=None) -> int:
    """Rebuild the whole database index and its facet summary (and the Elasticsearch index,
    through an alias swap)."""
    # The summary is dropped first, in a transaction of its own: writes meanwhile leave it
    # alone, and searches count rows until it is built again below.
    with transaction.atomic():
        summary_invalidate()
    ids = list(storefront_products().order_by("pk").values_list("pk", flat=True))
    with transaction.atomic():
        ProductIndexEntry.objects.exclude(product_id__in=ids).delete()
        for batch in _batches(ids):
            _write_batch(batch, rebuilding=True)
            if progress:
                progress(len(batch))
        entries_lock()
        summary_day_for_writing()
        summary_build(day=timezone.localdate())
    _refresh_planner_statistics()
    if settings.SEARCH_BACKEND == "elasticsearch":
        from search.backends.elasticsearch import rebuild_index

        rebuild_index()
    return len(ids)


def _refresh_planner_statistics() -> None:
    # A rebuild rewrites the index tables in bulk; until autovacuum gets to them, PostgreSQL
    # plans word lookups from stale counts and scans where an index would do.
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in (ProductIndexEntry, ProductIndexWord):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")


def _push_to_elasticsearch(ids: list[int]) -> None:
    if settings.SEARCH_BACKEND != "elasticsearch" or not ids:
        return
    try:
        from search.backends.elasticsearch import update_documents

        update_documents(product_ids=ids)
    except Exception:  # the database index is written; the sweep retries the cluster
        logger.warning("Elasticsearch update failed for %d products", len(ids), exc_info=True)
