from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0042_product_approved_review_count"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="title_en",
            field=models.CharField(
                blank=True,
                help_text="Shown on the English site. Leave empty to show the Vietnamese title.",
                max_length=255,
                verbose_name="English title",
            ),
        ),
        migrations.AddField(
            model_name="product",
            name="description_en",
            field=models.TextField(
                blank=True,
                help_text=(
                    "Shown on the English site. Leave empty to show the Vietnamese description."
                ),
                verbose_name="English description",
            ),
        ),
    ]
