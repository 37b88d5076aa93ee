"""/api/v1/products/: the search contract as JSON, same parameters as /search/."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET

from search.query import SearchQuery
from search.service import search_products


@require_GET
def products(request):
    query = SearchQuery.from_params(request.GET)
    result = search_products(query=query)
    response = JsonResponse(result.as_json(), json_dumps_params={"ensure_ascii": False})
    response["Cache-Control"] = "public, max-age=60"
    return response
