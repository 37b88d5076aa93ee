"""Catalogue browsing on the search service: all products, or one OCOP group and its
subgroups, with the same filters and facets as /search/.

Each listed item carries its product as ``.object``, as Oscar's templates expect.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from urllib.parse import unquote, urlencode

from django.core.paginator import Paginator
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from oscar.core.loading import get_model

from catalogue.numbers import number_parse
from catalogue.selectors import storefront_products
from search.query import MAX_PAGE, PRICE_BANDS, SORTS, FacetValue, SearchQuery, SearchResult
from search.service import facet_values, search_products
from shop.money import vnd

Category = get_model("catalogue", "Category")
Product = get_model("catalogue", "Product")

FACET_TITLES = {
    "stars": _("OCOP stars"),
    "category": _("OCOP group"),
    "province": _("Province"),
    "vendor": _("Producer"),
    "price": _("Price"),
    "rating": _("Buyers' rating"),
}
SORT_LABELS = {
    "relevance": _("Relevance"),
    "price": _("Price: low to high"),
    "-price": _("Price: high to low"),
    "stars": _("Most stars"),
    "newest": _("Newest"),
    "rating": _("Best rated by buyers"),
}
# A facet longer than this shows its first values and folds the rest under "more" (the
# producers' list runs to dozens; a phone should not scroll past them all).
FACET_SHOWN = 6
# Facets whose list has no natural end (about 10,000 producers nationally): the page shows the
# first few, and "see all" loads the rest on demand (or, without a script, links to the page
# with that list in full), so a page's weight does not grow with the number of producers.
LAZY_FACETS = ("vendor",)
# Facet name -> the request parameters its value sets.
FACET_PARAMS = {
    "stars": ("stars",),
    "province": ("province", "commune"),
    "category": ("category",),
    "vendor": ("vendor",),
    "price": ("price_min", "price_max"),
    "rating": ("rating",),
}


@dataclass(frozen=True)
class Listing:
    object: Product


def _price_label(key: str) -> str:
    low, high = next((lo, hi) for k, lo, hi in PRICE_BANDS if k == key)
    if low is None:
        return str(_("Under %(price)s") % {"price": vnd(high)})
    if high is None:
        return str(_("From %(price)s") % {"price": vnd(low)})
    return f"{vnd(low)} – {vnd(high)}"


def _price_params(key: str) -> dict[str, str]:
    low, high = next((lo, hi) for k, lo, hi in PRICE_BANDS if k == key)
    params = {}
    if low is not None:
        params["price_min"] = str(low)
    if high is not None:
        params["price_max"] = str(high - 1)
    return params


def _filters_chosen(params: dict[str, str], *, fixed: dict[str, str]) -> int:
    """How many facets the reader has narrowed (a province with its commune, or a price
    range, counts once); a category page's own group is not the reader's choice."""
    chosen = {k for k in params if k not in fixed}
    toggles = ("in_stock" in chosen) + ("in_season" in chosen)
    return sum(1 for keys in FACET_PARAMS.values() if chosen & set(keys)) + toggles


class CatalogueView(TemplateView):
    """All listed products with filters, facets and sorting."""

    template_name = "oscar/catalogue/browse.html"
    fixed_params: dict[str, str] = {}

    def get_query(self) -> SearchQuery:
        return SearchQuery.from_params(self.request.GET, **self.fixed_query())

    def fixed_query(self) -> dict:
        return {}

    def get(self, request, *args, **kwargs):
        self.query = self.get_query()
        # ?more=vendor: that facet's every value (the page in full, or with fragment=1 only
        # the list, which the "see all" script puts in place of the short one).
        more = request.GET.get("more")
        self.more = more if more in LAZY_FACETS else None
        if self.more and request.GET.get("fragment"):
            # Only that list is sent: neither the results nor the other facets are counted.
            values = facet_values(query=self.query, facet=self.more)
            facet = self._facet_data({self.more: values})[self.more]
            return render(
                request,
                "search/partials/facet_values.html",
                {"field": self.more, "items": facet["results"]},
            )
        self.result = search_products(query=self.query)
        if self.more:
            facets = dict(self.result.facets)
            facets[self.more] = facet_values(query=self.query, facet=self.more)
            self.result = replace(self.result, facets=facets)
        return super().get(request, *args, **kwargs)

    def page_notice(self) -> str:
        """What to say when the page asked for is not the page shown."""
        asked = number_parse(self.request.GET.get("page") or "", low=1, high=10**9)
        if not asked or asked <= self.result.page:
            return ""
        if self.result.num_pages >= MAX_PAGE:
            return _(
                "Only the first %(pages)s pages are listed. To see other products, choose a "
                "filter or another order."
            ) % {"pages": MAX_PAGE}
        return _("There is no page %(asked)s: this is the last page.") % {"asked": asked}

    def _url(self, params: dict[str, str]) -> str:
        # A query-only address ("?province=22") stays on this page: a category's path is
        # over 100 characters, and a page of facets repeats it in some 60 links. Without a
        # query, the page's path (an empty href would keep the current query).
        clean = {k: v for k, v in params.items() if k not in self.fixed_params}
        return f"?{urlencode(clean)}" if clean else self.request.path

    def facet_data(self, result: SearchResult) -> dict:
        return self._facet_data(result.facets)

    def _facet_data(self, facets: dict[str, list[FacetValue]]) -> dict:
        current = self.query.to_params()
        on_category_page = bool(self.fixed_params.get("category"))
        category_urls = (
            {
                c.slug: c.get_absolute_url()
                for c in Category.objects.filter(
                    slug__in=[v.value for v in facets.get("category", [])]
                )
            }
            if on_category_page
            else {}
        )
        data = {}
        for name, values in facets.items():
            cleared = {k: v for k, v in current.items() if k not in FACET_PARAMS[name]}
            items = []
            for value in values:
                if name == "price":
                    chosen = _price_params(value.value)
                    label = _price_label(value.value)
                elif name == "rating":
                    chosen = {"rating": value.value}
                    # Words, never stars: the OCOP stars facet sits just above.
                    label = _("Rated %(level)s/5 and up by buyers") % {"level": value.value}
                else:
                    chosen = {FACET_PARAMS[name][0]: value.value}
                    label = value.label
                if name == "category" and on_category_page:
                    # On a category page the group is the page itself: link to its children.
                    select_url = category_urls.get(value.value, self.request.path)
                else:
                    select_url = self._url({**cleared, **chosen})
                items.append(
                    {
                        "name": label,
                        "count": value.count,
                        "show_count": True,
                        "selected": value.selected,
                        "disabled": value.count == 0 and not value.selected,
                        "select_url": select_url,
                        "deselect_url": self._url(cleared),
                    }
                )
            data[name] = self._folding(name, items, current)
        return data

    def season_filter(self, current: dict[str, str]) -> dict:
        """The "in season now" choice: a link that adds it, or removes it when chosen."""
        others = {k: v for k, v in current.items() if k not in ("in_season", "page")}
        return {
            "selected": self.query.in_season,
            "url": self._url(others if self.query.in_season else {**others, "in_season": "1"}),
        }

    def _folding(self, name: str, items: list[dict], current: dict[str, str]) -> dict:
        facet = {"name": FACET_TITLES[name], "results": items, "more_url": ""}
        if name in LAZY_FACETS and len(items) > FACET_SHOWN + 1:
            # The top few and any chosen value stay on the page; the rest waits for "see all".
            if self.more == name:
                return {**facet, "shown": items, "folded": []}
            top = items[:FACET_SHOWN]
            shown = top + [item for item in items[FACET_SHOWN:] if item["selected"]]
            more_url = self._url({**current, "more": name})
            return {
                **facet,
                "shown": shown,
                "folded": [],
                "more_url": f"{more_url}#ocop-facet-{name}",
                "fragment_url": f"{more_url}&fragment=1",
            }
        folded = items[FACET_SHOWN:] if len(items) > FACET_SHOWN + 1 else []
        return {
            **facet,
            "shown": items[: len(items) - len(folded)],
            "folded": folded,
            "folded_open": any(item["selected"] for item in folded),
        }

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        result = self.result
        by_id = {
            p.pk: p
            for p in storefront_products().filter(pk__in=[h.product_id for h in result.hits])
        }
        products = [Listing(by_id[h.product_id]) for h in result.hits if h.product_id in by_id]
        # The page links stop at the last page served (MAX_PAGE); the count stays the true one.
        listed = min(result.count, result.num_pages * self.query.page_size)
        page = Paginator(range(listed), self.query.page_size).page(result.page)
        current = self.query.to_params()
        active = {k: v for k, v in current.items() if k not in ("q", "sort")}
        context.update(
            summary=_("All products"),
            search_result=result,
            products=products,
            page_obj=page,
            page=page,
            paginator=page.paginator,
            is_paginated=page.paginator.num_pages > 1,
            facet_data=self.facet_data(result),
            season_filter=self.season_filter(current),
            page_notice=self.page_notice(),
            has_facets=True,
            filter_count=_filters_chosen(current, fixed=self.fixed_params),
            selected_facets=[],
            form=None,
            query=self.query.q,
            sort_options=[(key, SORT_LABELS[key]) for key in SORTS],
            current_sort=self.query.sort,
            hidden_params={k: v for k, v in current.items() if k != "sort"},
            clear_filters_url=self._url({k: v for k, v in current.items() if k == "q"})
            if active and not set(active) <= set(self.fixed_params)
            else "",
        )
        return context


class ProductCategoryView(CatalogueView):
    """Products of an OCOP group and all its subgroups."""

    template_name = "oscar/catalogue/category.html"

    def get(self, request, *args, **kwargs):
        self.category = get_object_or_404(Category, pk=kwargs["pk"])
        if not (self.category.is_public or request.user.is_staff):
            raise Http404
        expected = self.category.get_absolute_url()
        if unquote(expected) != unquote(request.path):
            return HttpResponsePermanentRedirect(expected)
        self.fixed_params = {"category": self.category.slug}
        return super().get(request, *args, **kwargs)

    def fixed_query(self) -> dict:
        return {"category": self.category.slug}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["category"] = self.category
        context["summary"] = self.category.display_name
        return context
