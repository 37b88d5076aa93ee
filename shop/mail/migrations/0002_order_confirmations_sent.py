"""Order confirmations were recorded as Oscar communication events: carry them over, so an
order confirmed before the mail service does not get a second confirmation."""

from django.db import migrations


def events_to_sent_mail(apps, schema_editor):
    SentMail = apps.get_model("mail", "SentMail")
    CommunicationEvent = apps.get_model("order", "CommunicationEvent")
    numbers = CommunicationEvent.objects.filter(event_type__code="ORDER_PLACED").values_list(
        "order__number", flat=True
    )
    SentMail.objects.bulk_create(
        [
            SentMail(once_key=f"order-placed:{number}", template="checkout/emails/order_placed")
            for number in numbers.iterator()
        ],
        batch_size=500,
        ignore_conflicts=True,
    )


class Migration(migrations.Migration):
    dependencies = [
        ("mail", "0001_initial"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("communication", "0004_auto_20200801_0817"),
    ]

    operations = [migrations.RunPython(events_to_sent_mail, migrations.RunPython.noop)]
