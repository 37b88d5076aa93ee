"""The search index kept in the database: one flat row per listed product.

Rows hold accent-folded text and everything the filters and facets need, so a search is a
query on one table, plus an index seek per typed word in ProductIndexWord. Elasticsearch
documents are built from the same rows.
"""

from django.db import models
from django.db.models import F


class ProductIndexEntry(models.Model):
    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=255)
    # The producer's English title, when written: shown to English readers, and its words
    # are in title_folded and text_folded so an English search finds the product.
    title_en = models.CharField(max_length=255, blank=True, default="")
    title_folded = models.CharField(max_length=255)
    text_folded = models.TextField()
    url = models.CharField(max_length=255)
    image = models.CharField(max_length=255, blank=True)
    # Stars of the certificate valid when indexed, with its window: a search compares the
    # window with today, so expiry needs no re-indexing.
    stars = models.PositiveSmallIntegerField(null=True)
    stars_from = models.DateField(null=True)
    stars_until = models.DateField(null=True)
    # Those stars on the facet summary's day (FacetSummaryState.day), else 0: a column the
    # "most stars" and default orders can read from an index. The summary moves it when the
    # day changes (search.summary), so it never lags a certificate's window by more than that.
    live_stars = models.PositiveSmallIntegerField(default=0)
    province = models.ForeignKey(
        "catalogue.Province", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    commune = models.ForeignKey(
        "catalogue.Commune", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    category_path = models.CharField(max_length=255, blank=True)
    vendor = models.ForeignKey(
        "vendors.Vendor", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    price = models.BigIntegerField(null=True)
    in_stock = models.BooleanField(default=False)
    # The buyers' average of approved reviews (None without any) and their number: the
    # "rated 4 and up by buyers" filter and the "best rated by buyers" sort.
    rating = models.FloatField(null=True)
    rating_count = models.PositiveIntegerField(default=0)
    # The harvest season (catalogue.seasons.SeasonIndexFacts): its months as a bit mask
    # (January 1 ... December 2048, 0 without a season) and, for a season given by dates, its
    # days. "In season" compares them with today, so no re-indexing is needed as months pass.
    season_months = models.PositiveSmallIntegerField(default=0)
    season_starts_on = models.DateField(null=True)
    season_ends_on = models.DateField(null=True)
    date_created = models.DateTimeField()
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["province", "stars"]),
            models.Index(fields=["category_path"]),
            models.Index(fields=["vendor"]),
            models.Index(fields=["price"]),
            models.Index(fields=["-date_created"]),
            models.Index(fields=["-rating", "-rating_count"]),
            # One index per order of the result list (ties: newest, then the highest id), so
            # the first pages are read from an index instead of sorting every row. The price
            # and rating orders put empty values last, which SQLite cannot say in an index:
            # migration 0004 writes those three indexes for each database.
            models.Index(
                F("live_stars").desc(),
                F("in_stock").desc(),
                F("date_created").desc(),
                F("product").desc(),
                name="search_entry_relevance",
            ),
            models.Index(
                F("live_stars").desc(),
                F("date_created").desc(),
                F("product").desc(),
                name="search_entry_stars",
            ),
            models.Index(F("date_created").desc(), F("product").desc(), name="search_entry_newest"),
        ]

    def __str__(self) -> str:
        return self.title


WORD_MAX_LENGTH = 64


class ProductIndexWord(models.Model):
    """One distinct folded word of an entry's text. A typed word is a B-tree range over
    word starts ("mat" <= word < "mau"), an index seek on SQLite and PostgreSQL alike,
    where a LIKE over the text would read every row."""

    # (word, entry) is the primary key: its index answers a word range with the product ids
    # alone, without reading the table.
    pk = models.CompositePrimaryKey("word", "entry")
    word = models.CharField(max_length=WORD_MAX_LENGTH)
    entry = models.ForeignKey(ProductIndexEntry, on_delete=models.CASCADE, related_name="words")

    def __str__(self) -> str:
        return self.word


class FacetCount(models.Model):
    """How many listed products fall under one facet value, among all products (scope "")
    or among those passing one filter (scope "province:<id>", "stars:4", "in_stock"...).

    Kept by the index writer in the same transaction as the entries (search.summary), so
    browsing without text reads its counts here instead of counting the index."""

    pk = models.CompositePrimaryKey("scope", "facet", "value")
    scope = models.CharField(max_length=64)
    facet = models.CharField(max_length=16)
    value = models.CharField(max_length=255)
    count = models.IntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.scope or '*'} {self.facet}={self.value}: {self.count}"


class FacetSummaryState(models.Model):
    """The one row saying which day the summary's stars (and the entries' `live_stars`)
    were counted for; no row, or no day, means the summary is to be built."""

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    day = models.DateField(null=True)

    def __str__(self) -> str:
        return f"facet summary of {self.day}"
