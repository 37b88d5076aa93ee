"""The producers' mails go out once through the mail service's record: carry over what the
old marker fields knew, so no mail already sent goes out again, then drop the fields."""

from django.db import migrations


def markers_to_sent_mail(apps, schema_editor):
    SentMail = apps.get_model("mail", "SentMail")
    VendorStatusChange = apps.get_model("vendors", "VendorStatusChange")
    Fulfilment = apps.get_model("vendors", "Fulfilment")
    rows = []
    for change in VendorStatusChange.objects.exclude(notified_at=None).only("pk", "status"):
        rows.append(SentMail(once_key=f"vendor-status:{change.pk}", template="vendors/email"))
        if change.status == "pending":
            rows.append(
                SentMail(once_key=f"vendor-status-staff:{change.pk}", template="vendors/email")
            )
    for parcel in Fulfilment.objects.exclude(vendor_notified_at=None).only("pk"):
        rows.append(SentMail(once_key=f"parcel-new:{parcel.pk}", template="vendors/emails"))
    for parcel in Fulfilment.objects.exclude(buyer_notified="").only("pk", "buyer_notified"):
        key = f"parcel-{parcel.buyer_notified}:{parcel.pk}"
        rows.append(SentMail(once_key=key, template="vendors/emails"))
    SentMail.objects.bulk_create(rows, batch_size=500, ignore_conflicts=True)


class Migration(migrations.Migration):
    dependencies = [
        ("vendors", "0004_website_safe_link"),
        ("mail", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(markers_to_sent_mail, migrations.RunPython.noop, elidable=True),
        migrations.RemoveField(model_name="fulfilment", name="buyer_notified"),
        migrations.RemoveField(model_name="fulfilment", name="vendor_notified_at"),
        migrations.RemoveField(model_name="vendorstatuschange", name="notified_at"),
    ]
