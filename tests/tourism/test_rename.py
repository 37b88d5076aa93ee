"""The tourism app kept what existing databases, queues and embed codes already hold when its
module was renamed from shop/partners: tables, migration history, permissions, the beat
task's old name and every public path."""

from io import StringIO

import pytest
from django.contrib.auth.models import Permission
from django.core.management import call_command
from django.db import connection
from django.db.migrations.recorder import MigrationRecorder
from oscar.test.factories import UserFactory

from shop.celery import app as celery_app
from shop.tourism.models import WidgetDailyStat
from shop.tourism.services import widget_event_count
from tests.tourism.factories import WidgetFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]

TABLES = {
    "partners_tourismpartner",
    "partners_widget",
    "partners_basketreferral",
    "partners_orderreferral",
    "partners_partnerledgerentry",
    "partners_widgetdailystat",
}


def test_the_tables_and_migration_history_of_existing_databases_are_used_as_they_are():
    applied = set(
        MigrationRecorder.Migration.objects.filter(app="partners").values_list("name", flat=True)
    )
    out = StringIO()
    call_command("makemigrations", "partners", "--check", "--dry-run", stdout=out)

    assert TABLES <= set(connection.introspection.table_names())
    assert {"0001_partners_widgets_referrals_ledger", "0003_widget_accent_colour"} <= applied
    assert "No changes detected" in out.getvalue()


def test_staff_permissions_on_partners_keep_their_names():
    codenames = set(
        Permission.objects.filter(content_type__app_label="partners").values_list(
            "codename", flat=True
        )
    )

    assert {"change_tourismpartner", "view_widget"} <= codenames


def test_a_flush_queued_under_the_tasks_old_name_still_moves_the_counters():
    widget = WidgetFactory()
    widget_event_count(widget_id=widget.pk, kind="impressions")

    celery_app.loader.import_default_modules()  # what a worker does on start
    celery_app.tasks["partners.flush_widget_counters"].delay()

    assert WidgetDailyStat.objects.get(widget=widget).impressions == 1
    assert "tourism.flush_widget_counters" in celery_app.tasks


def test_a_visitor_is_sent_to_the_dashboard_login_and_a_customer_refused(client):
    anonymous = client.get("/dashboard/tourism-partners/")
    client.force_login(UserFactory())

    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith("/dashboard/login/")
    assert client.get("/dashboard/tourism-partners/").status_code == 403


def test_the_staff_menu_leads_to_the_tourism_partners_review(client):
    client.force_login(UserFactory(is_staff=True))

    page = client.get("/dashboard/").content.decode()

    assert 'href="/dashboard/tourism-partners/"' in page
