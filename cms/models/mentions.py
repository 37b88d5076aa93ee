"""Which products and producers a story's published body mentions, as plain rows.

Written from the body each time the story is saved whole (creation and publication), so
"stories about this product" is one indexed join on SQLite and PostgreSQL alike instead of a
search through StreamField JSON.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StoryProduct(models.Model):
    story = models.ForeignKey(
        "cms.StoryPage", on_delete=models.CASCADE, related_name="product_mentions"
    )
    product = models.ForeignKey(
        "catalogue.Product", on_delete=models.CASCADE, related_name="story_mentions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "product"], name="cms_story_product_once")
        ]
        verbose_name = _("product mentioned in a story")

    def __str__(self) -> str:
        return f"{self.story_id} → {self.product_id}"


class StoryProducer(models.Model):
    story = models.ForeignKey(
        "cms.StoryPage", on_delete=models.CASCADE, related_name="producer_mentions"
    )
    vendor = models.ForeignKey(
        "vendors.Vendor", on_delete=models.CASCADE, related_name="story_mentions"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["story", "vendor"], name="cms_story_producer_once")
        ]
        verbose_name = _("producer mentioned in a story")

    def __str__(self) -> str:
        return f"{self.story_id} → {self.vendor_id}"
