"""Stock alerts remember the language they were asked in, for the mail sent later."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("customer", "0009_productalert_kind"),
    ]

    operations = [
        migrations.AddField(
            model_name="productalert",
            name="language",
            field=models.CharField(blank=True, default="", max_length=10, verbose_name="Language"),
        ),
    ]
