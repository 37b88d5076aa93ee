"""The partner area under /partners/: sign-up, widget builder, key and statistics."""

import csv
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.mixins import AccessMixin
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from oscar.templatetags.currency_filters import currency

from customer.services import account_signup
from shop.charts import Point, column_chart, dong_short
from shop.privacy.models import ConsentMethod, ConsentPurpose
from shop.privacy.services import consent_give
from shop.tourism.forms import DomainsForm, PartnerApplicationForm, WidgetForm
from shop.tourism.models import TourismPartner, Widget
from shop.tourism.selectors import partner_for_user, partner_stats_by_day, partner_totals
from shop.tourism.services import (
    partner_apply,
    partner_domains_set,
    partner_key_rotate,
    widget_save,
)


class PartnerRequiredMixin(AccessMixin):
    """A signed-in member of a partner; sets `self.partner`. Others are sent to sign-up."""

    partner: TourismPartner

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        partner = partner_for_user(user=request.user)
        if partner is None:
            return redirect("tourism:join")
        self.partner = partner
        return super().dispatch(request, *args, **kwargs)


class JoinView(View):
    template_name = "tourism/join.html"

    def get(self, request):
        if partner_for_user(user=request.user):
            return redirect("tourism:home")
        form = PartnerApplicationForm(user=request.user)
        return render(request, self.template_name, {"form": form})

    def post(self, request):
        if partner_for_user(user=request.user):
            return redirect("tourism:home")
        form = PartnerApplicationForm(request.POST, user=request.user)
        if not form.is_valid():
            return render(request, self.template_name, {"form": form}, status=400)
        user = request.user
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        domains = "\n".join(form.cleaned_data["domains"])
        if not user.is_authenticated:
            # A new address gets an account to confirm, one with an account only a mail to
            # its holder: both see the same page, so the form tells nobody which it was.
            user = account_signup(
                email=form.cleaned_data["email_login"],
                password=form.cleaned_data["password"],
                next_url=reverse("tourism:home"),
                language=get_language() or "",
            )
            if user is not None:
                _partner_apply(user=user, allowed_domains=domains, **fields)
            return redirect("customer:signup-sent")
        partner = _partner_apply(user=user, allowed_domains=domains, **fields)
        messages.success(
            request,
            _("Thank you, %(name)s: we review your application and answer by e-mail.")
            % {"name": partner.organisation},
        )
        return redirect("tourism:home")


@transaction.atomic
def _partner_apply(*, user, **fields) -> TourismPartner:
    """The application, with the consent ticked on its form recorded with it."""
    partner = partner_apply(user=user, **fields)
    consent_give(purpose=ConsentPurpose.APPLICATION, method=ConsentMethod.PARTNER_FORM, user=user)
    return partner


def _snippet(request, widget: Widget) -> str:
    # Pasted on the partner's own site: the script must come from the public address.
    script = settings.SITE_URL + static("widget/v1.js")
    return (
        f'<div data-ocop-widget="{widget.pk}" data-key="{widget.partner.publishable_key}"></div>\n'
        f'<script src="{script}" async></script>'
    )


class HomeView(PartnerRequiredMixin, View):
    def get(self, request):
        widgets = [
            {"widget": w, "snippet": _snippet(request, w)} for w in self.partner.widgets.all()
        ]
        return render(
            request,
            "tourism/home.html",
            {
                "partner": self.partner,
                "widgets": widgets,
                "domains_form": DomainsForm(initial={"domains": self.partner.allowed_domains}),
                "totals": partner_totals(partner=self.partner),
            },
        )


class DomainsView(PartnerRequiredMixin, View):
    def post(self, request):
        form = DomainsForm(request.POST)
        if form.is_valid():
            partner_domains_set(partner=self.partner, domains=form.cleaned_data["domains"])
            messages.success(request, _("Your domains are saved."))
        else:
            messages.error(request, form.errors["domains"][0])
        return redirect("tourism:home")


class KeyRotateView(PartnerRequiredMixin, View):
    def post(self, request):
        partner_key_rotate(partner=self.partner)
        messages.success(
            request,
            _("A new key is ready: replace the snippets on your website with the new ones."),
        )
        return redirect("tourism:home")


class WidgetView(PartnerRequiredMixin, View):
    """The builder: the form, the live preview (the real /embed/ frame) and the snippet."""

    template_name = "tourism/widget_form.html"

    def get_widget(self, pk):
        if pk is None:
            return None
        widget = self.partner.widgets.filter(pk=pk).first()
        if widget is None:
            raise Http404
        return widget

    def get(self, request, pk=None):
        widget = self.get_widget(pk)
        form = WidgetForm(instance=widget, initial={"count": 4, "accent": "#1f7a4d"})
        return self.show(request, form, widget)

    def post(self, request, pk=None):
        widget = self.get_widget(pk)
        form = WidgetForm(request.POST, instance=widget)
        if not form.is_valid():
            return self.show(request, form, widget, status=400)
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        widget = widget_save(
            partner=self.partner,
            widget=widget,
            product_ids=form.cleaned_data["products"],
            **fields,
        )
        messages.success(request, _("Widget saved. Copy the snippet to your website."))
        return redirect("tourism:widget-edit", pk=widget.pk)

    def show(self, request, form, widget, status=200):
        context = {"form": form, "widget": widget, "partner": self.partner}
        if widget is not None:
            context["snippet"] = _snippet(request, widget)
            context["preview_url"] = (
                reverse("partner-widget-embed", args=[widget.pk])
                + f"?key={self.partner.publishable_key}"
            )
        return render(request, self.template_name, context, status=status)


class StatsView(PartnerRequiredMixin, View):
    def get(self, request):
        rows = partner_stats_by_day(partner=self.partner)
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="ocop-partner-stats.csv"'
            writer = csv.writer(response)
            writer.writerow(
                [
                    _("Day"),
                    _("Widget"),
                    _("Impressions"),
                    _("Clicks"),
                    _("Orders"),
                    _("Revenue (VND)"),
                    _("Commission (VND)"),
                ]
            )
            for row in rows:
                writer.writerow(
                    [
                        row.day.isoformat(),
                        row.widget,
                        row.impressions,
                        row.clicks,
                        row.orders,
                        int(row.revenue),
                        int(row.commission),
                    ]
                )
            return response
        return render(
            request,
            "tourism/stats.html",
            {"partner": self.partner, "rows": rows, **_stats_charts(rows)},
        )


STATS_DAYS = 30


def _stats_charts(rows) -> dict:
    """Clicks and commission of each of the last 30 days (all widgets together), drawn as
    the producers' charts are; `rows` are the partner's own (partner_stats_by_day)."""
    end = timezone.localdate()
    days = [end - timedelta(days=back) for back in range(STATS_DAYS - 1, -1, -1)]
    clicks = dict.fromkeys(days, 0)
    commission = dict.fromkeys(days, Decimal(0))
    for row in rows:
        if row.day in clicks:
            clicks[row.day] += row.clicks
            commission[row.day] += row.commission

    def label(index: int, day) -> str:
        # One date in five under the bars; every date is in the table read out.
        return date_format(day, "d/m") if index % 5 == 0 else ""

    def named(day) -> str:
        return date_format(day, "d/m/Y")

    return {
        "clicks_chart": column_chart(
            points=[
                Point(label(i, day), clicks[day], str(clicks[day]), description=named(day))
                for i, day in enumerate(days)
            ],
            height=120,
        ),
        "commission_chart": column_chart(
            points=[
                Point(
                    label(i, day),
                    commission[day],
                    currency(commission[day], "VND"),
                    tone="honey",
                    description=named(day),
                )
                for i, day in enumerate(days)
            ],
            height=120,
            tick_format=dong_short,
        ),
    }
