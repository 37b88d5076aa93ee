"""/search/: the search service behind Oscar's search page, plus suggestions as you type."""

from django.http import JsonResponse
from django.utils.translation import gettext_lazy as _

from search.service import suggest
from search.views.catalogue import CatalogueView


class FacetedSearchView(CatalogueView):
    template_name = "oscar/search/results.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["results"] = context["products"]
        context["summary"] = _("Search")
        return context


def suggestions(request):
    """Products and categories whose names start like the typed words (accents optional)."""
    text = " ".join(request.GET.get("q", "").split())[:100]
    items = suggest(text=text) if len(text) >= 2 else []
    return JsonResponse(
        {
            "query": text,
            "suggestions": [{"kind": s.kind, "label": s.label, "url": s.url} for s in items],
        }
    )
