"""The Elasticsearch document of a listed product, built from its ProductIndexEntry row, with
the analyzers that make Vietnamese text match with or without accents."""

from __future__ import annotations

from django.conf import settings
from elasticsearch.dsl import (
    Boolean,
    Completion,
    Date,
    Document,
    Float,
    Index,
    Integer,
    Keyword,
    Long,
    Text,
    analyzer,
    token_filter,
)

from catalogue.seasons import month_bit
from catalogue.text import fold_vietnamese
from search.models import ProductIndexEntry

STEP = 4  # treebeard's path step: each level of a category path adds 4 characters
# Pages beyond the default window of 10,000 must stay reachable: MAX_PAGE * PAGE_SIZE results.
MAX_RESULT_WINDOW = 50_000

# asciifolding turns "Miến dong Đồng Văn" into "mien dong dong van" (it folds đ/Đ to d/D).
folding = analyzer("vietnamese_folding", tokenizer="standard", filter=["lowercase", "asciifolding"])
# Indexed as word starts so a typed word matches from the start of a word, as the database
# backend does ("ong" finds "ong", not "khong"); queries are analysed with `folding`.
word_start = token_filter("word_start", "edge_ngram", min_gram=1, max_gram=30)
prefix = analyzer(
    "vietnamese_prefix",
    tokenizer="standard",
    filter=["lowercase", "asciifolding", word_start],
)


def index_name() -> str:
    """The alias searches go through; concrete indices are `<alias>-<timestamp>`."""
    return getattr(settings, "SEARCH_INDEX_NAME", "ocop-products")


def _prefix_field() -> Text:
    return Text(analyzer=prefix, search_analyzer=folding)


class ProductDocument(Document):
    product_id = Integer()
    title = Text(
        analyzer=folding,
        fields={"raw": Keyword(), "prefix": _prefix_field()},
    )
    # The producer's English title (empty when none): found and ranked like the title.
    title_en = Text(analyzer=folding, fields={"prefix": _prefix_field()})
    text = Text(analyzer=folding, fields={"prefix": _prefix_field()})
    url = Keyword(index=False)
    image = Keyword(index=False)
    stars = Integer()
    stars_from = Date(format="date")
    stars_until = Date(format="date")
    province_code = Keyword()
    province_name = Keyword()
    commune_code = Keyword()
    category_path = Keyword()
    # Every path prefix of the category: a term filter on a group also finds its subgroups.
    category_ancestors = Keyword(multi=True)
    vendor_slug = Keyword()
    vendor_name = Keyword()
    price = Long()
    in_stock = Boolean()
    # Buyers' average of approved reviews (absent without any) and their number.
    rating = Float()
    rating_count = Integer()
    # The harvest season: its months (1-12; none without a season) and, for a season given
    # by dates, its first and last day.
    season_months = Integer(multi=True)
    season_starts_on = Date(format="date")
    season_ends_on = Date(format="date")
    date_created = Date()
    suggest = Completion(analyzer=folding, search_analyzer=folding)

    class Index:
        name = index_name()
        settings = {
            "number_of_shards": 1,
            "number_of_replicas": 0,
            "max_result_window": MAX_RESULT_WINDOW,
        }


def product_index(name: str) -> Index:
    """A concrete index with the product mapping and analyzers, not yet created."""
    return ProductDocument._index.clone(name=name)


def category_ancestors(path: str) -> list[str]:
    """ "000100030002" -> ["0001", "00010003", "000100030002"]."""
    return [path[:end] for end in range(STEP, len(path) + 1, STEP)]


def document_from_entry(entry: ProductIndexEntry) -> ProductDocument:
    """The document of one index row; its id is the product's id."""
    title_folded = fold_vietnamese(entry.title)
    inputs = [entry.title] if title_folded == entry.title else [entry.title, title_folded]
    # Completion matches from the start of an input: one more input from each later word
    # lets "binh l" complete "Miến dong Bình Liêu" as the database backend would.
    words = entry.title_folded.split()
    inputs += [" ".join(words[start:]) for start in range(1, len(words))]
    return ProductDocument(
        meta={"id": entry.product_id},
        product_id=entry.product_id,
        title=entry.title,
        title_en=entry.title_en,
        text=entry.text_folded.strip(),
        url=entry.url,
        image=entry.image,
        stars=entry.stars,
        stars_from=entry.stars_from,
        stars_until=entry.stars_until,
        province_code=entry.province.code if entry.province else None,
        province_name=entry.province.short_name if entry.province else None,
        commune_code=entry.commune.code if entry.commune else None,
        category_path=entry.category_path or None,
        category_ancestors=category_ancestors(entry.category_path),
        vendor_slug=entry.vendor.slug if entry.vendor else None,
        vendor_name=entry.vendor.legal_name if entry.vendor else None,
        price=entry.price,
        in_stock=entry.in_stock,
        rating=entry.rating if entry.rating_count else None,
        rating_count=entry.rating_count,
        season_months=[m for m in range(1, 13) if entry.season_months & month_bit(m)],
        season_starts_on=entry.season_starts_on,
        season_ends_on=entry.season_ends_on,
        date_created=entry.date_created,
        suggest={"input": inputs},
    )
