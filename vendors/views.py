"""Public pages of producers: /vendors/<slug>/ with their story, place, certificates, products."""

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from vendors.selectors import (
    producer_certificates,
    producer_marks,
    producer_products,
    producer_public,
)

PRODUCTS_PER_PAGE = 24


def producer_page(request: HttpRequest, slug: str) -> HttpResponse:
    vendor = producer_public(slug=slug)
    if vendor is None:
        raise Http404("No approved producer has this address.")
    paginator = Paginator(producer_products(vendor=vendor), PRODUCTS_PER_PAGE)
    page = paginator.get_page(request.GET.get("page"))
    context = {
        "vendor": vendor,
        "certificates": producer_certificates(vendor=vendor),
        "marks": producer_marks(vendor=vendor),
        "products": page.object_list,
        "page_obj": page,
        "paginator": paginator,
    }
    return render(request, "vendors/producer_page.html", context)
