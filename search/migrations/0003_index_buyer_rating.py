from django.db import migrations, models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Coalesce


def copy_buyer_ratings(apps, schema_editor):
    """Index rows of products already reviewed take their rating now, not at the night's sweep."""
    Product = apps.get_model("catalogue", "Product")
    ProductIndexEntry = apps.get_model("search", "ProductIndexEntry")
    product = Product.objects.filter(pk=OuterRef("product_id"), approved_review_count__gt=0)
    ProductIndexEntry.objects.update(
        rating=Subquery(product.values("rating")[:1]),
        rating_count=Coalesce(Subquery(product.values("approved_review_count")[:1]), 0),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0042_product_approved_review_count"),
        ("search", "0002_index_words"),
        ("reviews", "0006_review_photos_and_answers"),
        ("vendors", "0005_mail_markers_to_sent_mail"),
    ]

    operations = [
        migrations.AddField(
            model_name="productindexentry",
            name="rating",
            field=models.FloatField(null=True),
        ),
        migrations.AddField(
            model_name="productindexentry",
            name="rating_count",
            field=models.PositiveIntegerField(default=0),
        ),
        migrations.AddIndex(
            model_name="productindexentry",
            index=models.Index(
                fields=["-rating", "-rating_count"], name="search_prod_rating_dd1a11_idx"
            ),
        ),
        migrations.RunPython(copy_buyer_ratings, migrations.RunPython.noop),
    ]
