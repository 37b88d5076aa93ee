from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0041_certificate_scans_private"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="approved_review_count",
            field=models.PositiveIntegerField(
                default=0, editable=False, verbose_name="approved reviews"
            ),
        ),
    ]
