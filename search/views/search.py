"""Product search over the database, the stand-in until the search service lands.

Every word of the query must appear in the title, the description or the producer's name.
"""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from search.views.catalogue import CatalogueView

MAX_QUERY_LENGTH = 200


class FacetedSearchView(CatalogueView):
    template_name = "oscar/search/results.html"

    def get_query(self) -> str:
        return " ".join(self.request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]

    def get_products(self):
        products = super().get_products()
        for word in self.get_query().split():
            products = products.filter(
                Q(title__icontains=word)
                | Q(description__icontains=word)
                | Q(vendor__legal_name__icontains=word)
            )
        return products.distinct()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query"] = self.get_query()
        context["results"] = context["products"]
        context["summary"] = _("Search")
        return context
