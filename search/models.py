"""The search index kept in the database: one flat row per listed product.

Rows hold accent-folded text and everything the filters and facets need, so a search is a
query on one table, plus an index seek per typed word in ProductIndexWord. Elasticsearch
documents are built from the same rows.
"""

from django.db import models


class ProductIndexEntry(models.Model):
    product = models.OneToOneField(
        "catalogue.Product", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    title = models.CharField(max_length=255)
    title_folded = models.CharField(max_length=255)
    text_folded = models.TextField()
    url = models.CharField(max_length=255)
    image = models.CharField(max_length=255, blank=True)
    # Stars of the certificate valid when indexed, with its window: a search compares the
    # window with today, so expiry needs no re-indexing.
    stars = models.PositiveSmallIntegerField(null=True)
    stars_from = models.DateField(null=True)
    stars_until = models.DateField(null=True)
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
