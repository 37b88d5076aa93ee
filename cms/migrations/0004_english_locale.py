"""Pages can be translated into English: the English locale exists next to Vietnamese."""

from django.db import migrations


def add_english(apps, schema_editor):
    Locale = apps.get_model("wagtailcore.Locale")
    Locale.objects.get_or_create(language_code="vi")
    Locale.objects.get_or_create(language_code="en")


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_stories_regions_mentions"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_english, migrations.RunPython.noop)]
