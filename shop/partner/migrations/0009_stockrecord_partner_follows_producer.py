"""Each stock record held by its product's producer: a record on another partner is moved to
the partner of the producer the product names (its own, or a variant's parent's), since that
producer is the one the dashboard and search show. A product without a producer is left
alone: nothing tells which producer sells it; `manage.py check_producers` lists those."""

from django.db import migrations
from django.db.models import F, Q
from django.db.models.functions import Coalesce


def stockrecords_follow_producer(apps, schema_editor):
    StockRecord = apps.get_model("partner", "StockRecord")
    wrong = (
        StockRecord.objects.annotate(
            expected_partner_id=Coalesce(
                F("product__vendor__partner_id"), F("product__parent__vendor__partner_id")
            )
        )
        .filter(expected_partner_id__isnull=False)
        .exclude(partner_id=F("expected_partner_id"))
        .order_by("pk")
    )
    for record in wrong:
        sku = record.partner_sku
        # A SKU is unique per partner: keep a clashing one apart with the record's id.
        taken = StockRecord.objects.filter(partner_id=record.expected_partner_id, partner_sku=sku)
        if taken.exists():
            sku = f"{sku[: 127 - len(str(record.pk))]}-{record.pk}"
        StockRecord.objects.filter(pk=record.pk).update(
            partner_id=record.expected_partner_id, partner_sku=sku
        )
        print(  # noqa: T201
            f"  stock record {record.pk} ({record.partner_sku}): partner "
            f"{record.partner_id} -> {record.expected_partner_id}"
        )
    orphans = StockRecord.objects.filter(
        Q(product__vendor__isnull=True)
        & (Q(product__parent__isnull=True) | Q(product__parent__vendor__isnull=True))
        & Q(partner__vendor__isnull=False)
    ).count()
    if orphans:
        print(  # noqa: T201
            f"  {orphans} stock records of products without a producer are held by a "
            "producer's partner: run manage.py check_producers"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0034_product_vendor_product_origin_commune_and_more"),
        ("partner", "0008_stockrecord_price_positive"),
        ("vendors", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(stockrecords_follow_producer, migrations.RunPython.noop),
    ]
