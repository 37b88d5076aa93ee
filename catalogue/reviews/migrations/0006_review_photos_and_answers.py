import catalogue.reviews.models
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

APPROVED = 1


def fill_buyer_ratings(apps, schema_editor):
    """Store each reviewed product's approved count and average (Oscar kept the average
    only, from a save of the whole product)."""
    Product = apps.get_model("catalogue", "Product")
    ProductReview = apps.get_model("reviews", "ProductReview")
    totals = (
        ProductReview.objects.filter(status=APPROVED)
        .values("product_id")
        .annotate(total=models.Sum("score"), count=models.Count("pk"))
    )
    reviewed = set()
    for row in totals:
        reviewed.add(row["product_id"])
        Product.objects.filter(pk=row["product_id"]).update(
            rating=float(row["total"]) / row["count"], approved_review_count=row["count"]
        )
    Product.objects.exclude(pk__in=reviewed).exclude(rating=None).update(rating=None)


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0005_productreview_code"),
        ("catalogue", "0042_product_approved_review_count"),
        ("vendors", "0005_mail_markers_to_sent_mail"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="ProductReviewAnswer",
            fields=[
                (
                    "review",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="answer",
                        serialize=False,
                        to="reviews.productreview",
                    ),
                ),
                ("body", models.TextField(max_length=2000, verbose_name="answer")),
                ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="answered at")),
                (
                    "author",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="written by",
                    ),
                ),
                (
                    "vendor",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="review_answers",
                        to="vendors.vendor",
                        verbose_name="producer",
                    ),
                ),
            ],
            options={
                "verbose_name": "producer's answer",
                "verbose_name_plural": "producers' answers",
            },
        ),
        migrations.CreateModel(
            name="ProductReviewPhoto",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "image",
                    models.ImageField(
                        max_length=255,
                        upload_to=catalogue.reviews.models.review_photo_path,
                        verbose_name="photo",
                    ),
                ),
                ("position", models.PositiveSmallIntegerField(default=0)),
                (
                    "review",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="photos",
                        to="reviews.productreview",
                    ),
                ),
            ],
            options={
                "verbose_name": "review photo",
                "verbose_name_plural": "review photos",
                "ordering": ["position", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("review", "position"), name="review_photo_position"
                    ),
                    models.CheckConstraint(
                        condition=models.Q(("position__lt", 3)), name="review_photo_at_most_three"
                    ),
                ],
            },
        ),
        migrations.RunPython(fill_buyer_ratings, migrations.RunPython.noop),
    ]
