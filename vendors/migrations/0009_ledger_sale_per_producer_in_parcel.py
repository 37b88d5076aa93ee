# A packed gift box's parcel holds one sale and one commission per producer of its goods.

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("vendors", "0008_preorder_terms"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="ledgerentry",
            name="ledger_one_sale_and_commission_per_fulfilment",
        ),
        migrations.AddConstraint(
            model_name="ledgerentry",
            constraint=models.UniqueConstraint(
                condition=models.Q(("kind__in", ["sale", "commission"])),
                fields=("fulfilment", "vendor", "kind"),
                name="ledger_one_sale_and_commission_per_producer_in_parcel",
            ),
        ),
    ]
