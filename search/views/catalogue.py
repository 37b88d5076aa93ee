"""Catalogue browsing read straight from the database.

Oscar's own browse views need a haystack index; until the search service lands they list
the storefront's products with the same context names Oscar's templates use. Each hit
carries its product as ``.object``, as haystack's results do.
"""

from dataclasses import dataclass
from urllib.parse import unquote

from django.contrib import messages
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalogue.selectors import storefront_products

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")


@dataclass(frozen=True)
class Hit:
    object: Product


class CatalogueView(TemplateView):
    """All public products, newest first, paginated."""

    template_name = "oscar/catalogue/browse.html"
    paginate_by = 24

    def get_products(self):
        return storefront_products().order_by("-date_created", "-id")

    def get(self, request, *args, **kwargs):
        paginator = Paginator(self.get_products(), self.paginate_by)
        try:
            self.page = paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage):
            messages.error(request, _("The given page number was invalid."))
            return redirect(request.path)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = self.page
        context.update(
            summary=_("All products"),
            products=[Hit(object=p) for p in page.object_list],
            page_obj=page,
            page=page,
            paginator=page.paginator,
            is_paginated=page.paginator.num_pages > 1,
            has_facets=False,
            facet_data={},
            selected_facets=[],
            form=None,
        )
        return context


class ProductCategoryView(CatalogueView):
    """Products of a category and all its subgroups."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        return super().get(request, *args, **kwargs)

    def get_products(self):
        categories = self.category.get_descendants_and_self()
        return super().get_products().filter(categories__in=categories).distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.display_name
        return context
