"""Certificates count once staff verify them: the verification fields, and which existing
rows keep counting (docs/decisions.md, "Certificates count once staff verify them")."""

import catalogue.models
import catalogue.storage
import django.core.validators
import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models
from django.db.models import F, Q
from django.utils import timezone


def existing_certificates_decide(apps, schema_editor):
    """Rows staff entered or saw keep their stars; what a producer filed alone waits.

    Verified: added by a staff account; added by nobody (seed, import, Django admin, or an
    application) for the platform's own products, for producers that never applied (made by
    staff), or for producers whose application staff approved (approved or suspended since).
    Pending: added by a producer's member in its dashboard, or filed with an application
    still under review or rejected.
    """
    Certificate = apps.get_model("catalogue", "OcopCertificate")
    now = timezone.now()
    Certificate.objects.filter(added_by__is_staff=True).update(
        verified_at=now, verified_by=F("added_by")
    )
    Certificate.objects.filter(added_by__isnull=True).filter(
        Q(product__vendor__isnull=True)
        | Q(product__vendor__applicant__isnull=True)
        | Q(product__vendor__status__in=["approved", "suspended"])
    ).update(verified_at=now)


class Migration(migrations.Migration):

    dependencies = [
        ('catalogue', '0039_certificate_reminders'),
        ('vendors', '0002_application_review'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='ocopcertificate',
            name='rejected_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='rejected at'),
        ),
        migrations.AddField(
            model_name='ocopcertificate',
            name='rejected_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='rejected by'),
        ),
        migrations.AddField(
            model_name='ocopcertificate',
            name='rejection_reason',
            field=models.TextField(blank=True, verbose_name='reason for rejection'),
        ),
        migrations.AddField(
            model_name='ocopcertificate',
            name='verified_at',
            field=models.DateTimeField(blank=True, null=True, verbose_name='verified at'),
        ),
        migrations.AddField(
            model_name='ocopcertificate',
            name='verified_by',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='verified by'),
        ),
        migrations.RunPython(existing_certificates_decide, migrations.RunPython.noop),
        migrations.AlterField(
            model_name='ocopcertificate',
            name='scan',
            field=models.FileField(blank=True, help_text='The signed certificate or decision, as a PDF or a photo.', storage=catalogue.storage.private_storage, upload_to=catalogue.models.certificate_scan_path, validators=[django.core.validators.FileExtensionValidator(['pdf', 'jpg', 'jpeg', 'png', 'webp'])], verbose_name='scan'),
        ),
        migrations.AddConstraint(
            model_name='ocopcertificate',
            constraint=models.CheckConstraint(condition=models.Q(('verified_at__isnull', True), ('rejected_at__isnull', True), _connector='OR'), name='ocop_certificate_verified_or_rejected'),
        ),
    ]
