"""Catalogue views of the fork: Oscar's, with the producer's standing taken into account, and
the public trace pages behind QR labels."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.cache import patch_cache_control
from oscar.apps.catalogue.views import ProductDetailView as OscarProductDetailView

from catalogue.reviews.selectors import reviews_shown
from catalogue.seasons import months_list_display, product_season, season_months, season_state
from catalogue.selectors import (
    product_for_page,
    product_is_on_sale,
    recently_viewed_products,
    trace_code_normalise,
    trace_report,
    user_manages_product,
)


class ProductDetailView(OscarProductDetailView):
    def get_queryset(self):
        return product_for_page()

    def is_viewable(self, product, request):
        # A suspended or unapproved producer's products disappear for shoppers, but the
        # producer and the platform's staff can still open them.
        listed = product.parent if product.is_child else product
        if product_is_on_sale(product=listed) and (not product.is_child or product.is_public):
            return True
        return user_manages_product(user=request.user, product=listed)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The first approved reviews with their photos and answers, in three queries: the
        # page reads the product's stored count for everything else.
        if self.object.approved_review_count:
            context["approved_reviews"] = list(reviews_shown(product_id=self.object.pk)[:3])
        # The harvest season (none for a product sold all year) and its months in words.
        season = product_season(self.object)
        context["season"] = season_state(season=season, day=timezone.localdate())
        context["season_months"] = months_list_display(season_months(season=season))
        return context

    def send_signal(self, request, response, product):
        # Oscar's receivers write the view counter and the recently-viewed cookie on every
        # view. For an anonymous reader that made each product page a database write and a
        # Set-Cookie, so no cache could keep it: their history is kept by the browser
        # (static/js/ocop.js writes the same cookie) and their views are not counted.
        if request.user.is_authenticated:
            super().send_signal(request, response, product)


def trace_lookup(request: HttpRequest) -> HttpResponse:
    """/trace/: a form to type the code printed under a QR label."""
    raw = request.GET.get("code", "")
    code = trace_code_normalise(raw)
    if code and code.isascii() and code.isalnum():
        return redirect("trace", code=code)
    context = {"code": raw, "not_a_code": bool(raw.strip())}
    return render(request, "catalogue/trace/lookup.html", context)


def trace_page(request: HttpRequest, code: str) -> HttpResponse:
    """/trace/<code>/: the product, its producer, place, certificate and batch behind a code."""
    report = trace_report(code=code)
    if report is None:
        context = {"code": trace_code_normalise(code)}
        return render(request, "catalogue/trace/unknown.html", context, status=404)
    return render(request, "catalogue/trace/page.html", {"report": report})


def recently_viewed(request: HttpRequest) -> HttpResponse:
    """/recently-viewed/?exclude=<product id>: the cards of the reader's recently viewed
    products, which the product page's script fetches and shows under the page. Kept out of
    the product page itself so that page is the same for every anonymous reader."""
    exclude = request.GET.get("exclude", "")
    products = recently_viewed_products(
        cookie=request.COOKIES.get(settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME, ""),
        exclude=int(exclude)
        if exclude.isascii() and exclude.isdigit() and len(exclude) < 10
        else None,
    )
    response = render(
        request, "oscar/customer/history/recently_viewed_products.html", {"products": products}
    )
    patch_cache_control(response, private=True, max_age=0)
    return response
