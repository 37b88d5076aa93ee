"""Move certificate scans out of the public media root into private storage, each under a
random name (the uploader's file name often names a person or a producer)."""

import logging

from django.core.files.storage import storages
from django.db import migrations, transaction

from catalogue.models import certificate_scan_path

logger = logging.getLogger(__name__)


def scans_make_private(apps, schema_editor):
    Certificate = apps.get_model("catalogue", "OcopCertificate")
    public, private = storages["default"], storages["private"]
    for certificate in Certificate.objects.exclude(scan="").only("pk", "scan").iterator():
        old_name = certificate.scan.name
        if private.exists(old_name) or not old_name.startswith("certificates/"):
            continue
        if not public.exists(old_name):
            # A file lost before this migration: the row keeps its name and the scan views
            # answer 404, as they did already.
            logger.warning("Scan %s of certificate %s is missing", old_name, certificate.pk)
            continue
        with public.open(old_name, "rb") as handle:
            new_name = private.save(certificate_scan_path(None, old_name), handle)
        Certificate.objects.filter(pk=certificate.pk).update(scan=new_name)
        # Only once the new names are committed: a failed run keeps every public original.
        transaction.on_commit(lambda name=old_name: public.delete(name))


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0040_certificate_verification"),
    ]

    operations = [
        migrations.RunPython(scans_make_private, migrations.RunPython.noop, elidable=True),
    ]
