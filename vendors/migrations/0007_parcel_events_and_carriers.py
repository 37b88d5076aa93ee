"""Parcels get a timeline (ParcelEvent) and their carrier from a list.

Parcels that exist already get their timeline from the times they kept (placed, packed,
shipped, delivered, cancelled), and a carrier typed by hand that names one of the listed
carriers is stored as its code; any other name is kept as it was typed and shown as such.
The producer's own delivery may be shipped without a tracking number."""

import django.db.models.deletion
from django.db import migrations, models

CARRIER_CHOICES = [
    ("ghn", "GHN (Giao Hàng Nhanh)"),
    ("ghtk", "GHTK (Giao Hàng Tiết Kiệm)"),
    ("viettel_post", "Viettel Post"),
    ("vnpost", "VNPost (Vietnam Post)"),
    ("jt", "J&T Express"),
    ("own", "The producer's own delivery"),
]

# Names producers typed before the list, folded (no case, no spaces), and their codes.
TYPED_NAMES = {
    "ghn": "ghn",
    "giaohangnhanh": "ghn",
    "ghtk": "ghtk",
    "giaohàngtiếtkiệm": "ghtk",
    "giaohangtietkiem": "ghtk",
    "viettelpost": "viettel_post",
    "vtp": "viettel_post",
    "vnpost": "vnpost",
    "vietnampost": "vnpost",
    "bưuđiện": "vnpost",
    "j&t": "jt",
    "j&texpress": "jt",
    "jtexpress": "jt",
    "jt": "jt",
}


def timelines_backfill(apps, schema_editor):
    Fulfilment = apps.get_model("vendors", "Fulfilment")
    ParcelEvent = apps.get_model("vendors", "ParcelEvent")
    events = []
    parcels = Fulfilment.objects.select_related("order").order_by("pk")
    for parcel in parcels.iterator(chunk_size=500):
        code = TYPED_NAMES.get("".join(parcel.carrier.split()).casefold())
        if code and code != parcel.carrier:
            parcel.carrier = code
            parcel.save(update_fields=["carrier"])

        def step(name, at, **fields):
            if at is not None:
                events.append(ParcelEvent(fulfilment=parcel, step=name, at=at, **fields))

        step("placed", parcel.order.date_placed or parcel.created_at)
        step("packed", parcel.packed_at)
        step(
            "shipped",
            parcel.shipped_at,
            carrier=parcel.carrier,
            tracking_code=parcel.tracking_code,
        )
        step("delivered", parcel.delivered_at)
        step("cancelled", parcel.cancelled_at, note=parcel.cancel_reason)
    ParcelEvent.objects.bulk_create(events, batch_size=500, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("vendors", "0006_ledger_platform_discount"),
    ]

    operations = [
        migrations.CreateModel(
            name="ParcelEvent",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "step",
                    models.CharField(
                        choices=[
                            ("placed", "Order placed"),
                            ("packed", "Packed"),
                            ("shipped", "Handed to the carrier"),
                            ("delivered", "Delivered"),
                            ("cancelled", "Cancelled"),
                        ],
                        max_length=12,
                        verbose_name="step",
                    ),
                ),
                ("at", models.DateTimeField(verbose_name="time")),
                (
                    "carrier",
                    models.CharField(
                        blank=True, choices=CARRIER_CHOICES, max_length=64, verbose_name="carrier"
                    ),
                ),
                (
                    "tracking_code",
                    models.CharField(blank=True, max_length=64, verbose_name="tracking code"),
                ),
                ("note", models.TextField(blank=True, verbose_name="note")),
                (
                    "fulfilment",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="events",
                        to="vendors.fulfilment",
                        verbose_name="fulfilment",
                    ),
                ),
            ],
            options={
                "verbose_name": "parcel event",
                "verbose_name_plural": "parcel events",
                "ordering": ["at", "pk"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("fulfilment", "step"), name="parcel_event_step_once"
                    )
                ],
            },
        ),
        migrations.AlterField(
            model_name="fulfilment",
            name="carrier",
            field=models.CharField(
                blank=True, choices=CARRIER_CHOICES, max_length=64, verbose_name="carrier"
            ),
        ),
        migrations.RemoveConstraint(
            model_name="fulfilment", name="fulfilment_shipped_has_tracking"
        ),
        migrations.AddConstraint(
            model_name="fulfilment",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("status", "shipped"), _negated=True),
                    models.Q(
                        models.Q(("carrier", ""), _negated=True),
                        models.Q(
                            models.Q(("tracking_code", ""), _negated=True),
                            ("carrier", "own"),
                            _connector="OR",
                        ),
                    ),
                    _connector="OR",
                ),
                name="fulfilment_shipped_has_tracking",
            ),
        ),
        migrations.RunPython(timelines_backfill, migrations.RunPython.noop, elidable=True),
    ]
