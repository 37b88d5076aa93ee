"""Stock record prices above zero: a database check, after clearing any price of zero or
less (such a row could be saved before; without a price Oscar's strategy sells nothing, and
the producer is asked for a price the next time it edits the listing)."""

from django.db import migrations, models


def prices_not_positive_clear(apps, schema_editor):
    StockRecord = apps.get_model("partner", "StockRecord")
    bad = StockRecord.objects.filter(price__lte=0)
    for sku in bad.values_list("partner_sku", flat=True):
        print(f"  stock record {sku}: price of zero or less cleared")  # noqa: T201
    bad.update(price=None)


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0039_certificate_reminders"),
        ("partner", "0007_partneraddress_code"),
    ]

    operations = [
        migrations.RunPython(prices_not_positive_clear, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="stockrecord",
            constraint=models.CheckConstraint(
                condition=models.Q(("price__isnull", True), ("price__gt", 0), _connector="OR"),
                name="partner_stockrecord_price_positive",
                violation_error_message="Enter a price above 0 ₫.",
            ),
        ),
    ]
