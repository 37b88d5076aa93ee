from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_facet_summary"),
    ]

    operations = [
        migrations.AddField(
            model_name="productindexentry",
            name="title_en",
            field=models.CharField(blank=True, default="", max_length=255),
        ),
    ]
