"""The communes of a province, for the address form's commune list."""

from django.http import JsonResponse
from django.views.decorators.http import require_GET
from oscar.core.loading import get_model

Commune = get_model("catalogue", "Commune")


@require_GET
def communes_of_province(request):
    """JSON list of the province's communes: {"communes": [{"id", "name"}]}; empty for an
    unknown province."""
    try:
        province_id = int(request.GET.get("province", ""))
    except ValueError:
        return JsonResponse({"communes": []})
    communes = Commune.objects.filter(province_id=province_id).order_by("short_name")
    response = JsonResponse(
        {"communes": [{"id": pk, "name": name} for pk, name in communes.values_list("pk", "name")]}
    )
    # The map changes by decree, not by the hour.
    response["Cache-Control"] = "public, max-age=3600"
    return response
