"""Dashboard home: Oscar's statistics for staff, a producer's own summary and charts for its
members."""

from django.core.exceptions import PermissionDenied
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from oscar.apps.dashboard import views as oscar_views
from oscar.templatetags.currency_filters import currency

from shop.charts import ColumnChart, Point, bar_list, column_chart, dong_short
from vendors.chart_selectors import (
    WEEKS,
    certificates_by_months_left,
    parcels_waiting_by_age,
    sales_by_week,
    top_products,
)
from vendors.selectors import producer_overview, vendor_for_user


def _count(value) -> str:
    return number_format(value, decimal_pos=0)


def producer_charts(*, vendor) -> dict:
    """The four charts of a producer's home, each from that producer's own rows."""
    weeks = sales_by_week(vendor=vendor)
    products = top_products(vendor=vendor)
    waiting = parcels_waiting_by_age(vendor=vendor)
    certificates = certificates_by_months_left(vendor=vendor)
    return {
        "weeks": WEEKS,
        "sales": column_chart(
            points=[
                Point(
                    label=date_format(week.start, "d/m"),
                    description=_("Week from %(day)s") % {"day": date_format(week.start, "d/m/Y")},
                    value=week.amount,
                    text=currency(week.amount, "VND"),
                    tone="honey" if index == len(weeks) - 1 else "green",
                )
                for index, week in enumerate(weeks)
            ],
            tick_format=dong_short,
        ),
        "products": bar_list(
            points=[
                Point(label=row.title, value=row.amount, text=currency(row.amount, "VND"))
                for row in products
            ]
        ),
        "waiting": _count_columns(waiting),
        "certificates": _count_columns(certificates),
    }


def _count_columns(buckets) -> ColumnChart:
    """A small column chart of counts, one column per bucket, each labelled with its count."""
    return column_chart(
        points=[
            Point(b.short, b.count, _count(b.count), b.tone, description=b.label) for b in buckets
        ],
        height=120,
        tick_format=_count,
        show_values=True,
    )


class IndexView(oscar_views.IndexView):
    def get_context_data(self, **kwargs):
        if self.request.user.is_staff:
            return super().get_context_data(**kwargs)
        # Oscar's statistics count every order and customer of the shop: not a producer's.
        context = TemplateView.get_context_data(self, **kwargs)
        vendor = vendor_for_user(user=self.request.user)
        if vendor is None:
            raise PermissionDenied
        context["overview"] = producer_overview(vendor=vendor)
        context["charts"] = producer_charts(vendor=vendor)
        return context
