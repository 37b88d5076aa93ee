"""The partner's statistics page draws its last 30 days as the producers' charts are drawn:
clicks and commission by day, with a table read out in place of each picture, from that
partner's widgets only."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from oscar.test.factories import UserFactory

from shop.tourism.models import WidgetDailyStat
from tests.tourism.factories import TourismPartnerFactory, WidgetFactory

pytestmark = pytest.mark.django_db


def _read_out(page: str, caption: str) -> dict[str, str]:
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    return dict(re.findall(r'<th scope="row">(.*?)</th><td>(.*?)</td>', table))


def test_the_statistics_chart_counts_the_partners_own_clicks_by_day(english):
    user = UserFactory()
    mine = WidgetFactory(partner=TourismPartnerFactory(members=[user]))
    theirs = WidgetFactory(partner=TourismPartnerFactory())
    today = timezone.localdate()
    WidgetDailyStat.objects.create(widget=mine, day=today, impressions=40, clicks=7)
    WidgetDailyStat.objects.create(
        widget=mine, day=today - timedelta(days=3), impressions=10, clicks=2
    )
    WidgetDailyStat.objects.create(widget=theirs, day=today, impressions=900, clicks=333)
    english.force_login(user)

    page = english.get("/partners/stats/").content.decode()

    clicks = _read_out(page, "Clicks by day")
    assert len(clicks) == 30
    assert clicks[today.strftime("%d/%m/%Y")] == "7"
    assert clicks[(today - timedelta(days=3)).strftime("%d/%m/%Y")] == "2"
    assert sum(int(value) for value in clicks.values()) == 9
    assert page.count('class="ocop-chart__svg"') == 1  # no commission yet: said in words
    assert "No commission in the last 30 days yet." in page
    assert "333" not in page
