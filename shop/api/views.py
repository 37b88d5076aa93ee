"""Read-only viewsets of /api/v1/. Each one is registered on the router in urls.py: a new
resource (e.g. stories) is one more viewset and one `router.register` line."""

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from catalogue.models import Category, Province
from catalogue.numbers import id_or_404, page_parse
from cms.selectors import stories_published
from search.query import SORTS, SearchQuery
from search.service import search_products
from shop import page_cache
from shop.api import serializers
from shop.api.access import (
    AnonymousAddressThrottle,
    KnownKeyOrAnonymous,
    PartnerAddressThrottle,
    PartnerKeyThrottle,
    request_partner,
)
from shop.orders.selectors import orders_of_buyer
from shop.orders.statuses import OrderStatus
from shop.tourism.selectors import api_product_detail
from vendors.fulfilment_selectors import order_parcels

KEY_PARAMETER = OpenApiParameter(
    "key",
    OpenApiTypes.STR,
    description="Publishable key (pk_…); the X-OCOP-Key header works too.",
)


def _text(name: str, description: str) -> OpenApiParameter:
    return OpenApiParameter(name, OpenApiTypes.STR, description=description)


SEARCH_PARAMETERS = [
    _text(
        "q",
        "Words to find, with or without Vietnamese accents; English titles are searched too.",
    ),
    OpenApiParameter("stars", OpenApiTypes.INT, description="Minimum OCOP stars (1-5)."),
    _text("province", "Official two-digit province code."),
    _text("commune", "Official five-digit commune code."),
    _text("category", "Category slug; a group includes its subgroups."),
    _text("vendor", "Producer slug."),
    OpenApiParameter("price_min", OpenApiTypes.INT, description="Lowest price in đồng."),
    OpenApiParameter("price_max", OpenApiTypes.INT, description="Highest price in đồng."),
    OpenApiParameter("in_stock", OpenApiTypes.BOOL, description="Only products in stock."),
    OpenApiParameter(
        "in_season",
        OpenApiTypes.BOOL,
        description="Only products whose harvest season is open today (products sold all "
        "year are left out).",
    ),
    OpenApiParameter(
        "rating",
        OpenApiTypes.INT,
        description="Least average of buyers' approved reviews (1-5), e.g. 4: rated 4 and up.",
    ),
    OpenApiParameter("sort", OpenApiTypes.STR, enum=list(SORTS)),
    OpenApiParameter("page", OpenApiTypes.INT, description="Page number, from 1 to 100."),
    OpenApiParameter(
        "facets",
        OpenApiTypes.BOOL,
        description="Include the facet counts. By default they are included without `q` "
        "(they come from a summary kept with the index) and left out with `q` (counting "
        "the matches costs time): `facets=1` asks for them, `facets=0` leaves them out; "
        "left out, `facets` is an empty object.",
    ),
]


class SingleAnswerSchema(AutoSchema):
    def _is_list_view(self, serializer=None) -> bool:
        return False


def answers(ok, *, not_found: bool = False) -> dict:
    """The documented answers: the resource, a refused key, the rate limit (and 404)."""
    documented = {
        200: ok,
        403: serializers.ErrorSerializer,
        429: serializers.ThrottledSerializer,
    }
    if not_found:
        documented[404] = serializers.ErrorSerializer
    return documented


def retrieve_schema(summary: str, serializer):
    """One resource by its numeric id: the resource, or a JSON 404."""
    return extend_schema(
        summary=summary,
        parameters=[OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH), KEY_PARAMETER],
        responses=answers(serializer, not_found=True),
    )


class PublicViewSet(viewsets.ViewSet):
    """Base of every public resource: key check, throttles, cacheable answers."""

    permission_classes = [KnownKeyOrAnonymous]
    throttle_classes = [PartnerKeyThrottle, PartnerAddressThrottle, AnonymousAddressThrottle]
    authentication_classes: list = []

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        if response.status_code == 200:
            response["Cache-Control"] = "public, max-age=60"
        return response


@extend_schema_view(
    list=extend_schema(
        summary="Search products",
        operation_id="products_search",
        description="The search contract of /search/: a parameter that cannot be used is "
        "ignored and named in `ignored`. Each product carries its Vietnamese `title` and, "
        "when its producer wrote one, its English `title_en` (null otherwise); the answer "
        "does not depend on Accept-Language.",
        parameters=[*SEARCH_PARAMETERS, KEY_PARAMETER],
        responses=answers(serializers.SearchResultSerializer),
    ),
    retrieve=retrieve_schema("One product", serializers.ProductDetailSerializer),
)
class ProductViewSet(PublicViewSet):
    # Its list is one search answer (count, facets, results), not an array of products.
    schema = SingleAnswerSchema()
    lookup_field = "id"
    lookup_value_regex = r"[0-9]+"

    def list(self, request):
        query = SearchQuery.from_params(request.query_params)
        asked = str(request.query_params.get("facets", "")).lower()
        if asked in ("1", "true", "yes", "on"):
            facets = True
        elif asked in ("0", "false", "no", "off"):
            facets = False
        else:
            facets = not query.words
        response = Response(search_products(query=query, facets=facets).as_json())
        if request_partner(request) is None:
            # Kept by the page cache for anonymous callers; their rate still applies.
            page_cache.on_hit(response, "shop.api.access.anonymous_answer_allowed")
        return response

    def retrieve(self, request, id: str):
        detail = api_product_detail(product_id=id_or_404(id), strategy=request.strategy)
        if detail is None:
            raise Http404
        return Response(serializers.ProductDetailSerializer(detail).data)


@extend_schema_view(
    list=extend_schema(
        summary="OCOP product groups",
        parameters=[KEY_PARAMETER],
        responses=answers(serializers.CategorySerializer(many=True)),
    )
)
class CategoryViewSet(PublicViewSet):
    def list(self, request):
        categories = list(Category.objects.order_by("path"))
        by_path = {c.path: c.pk for c in categories}
        step = Category.steplen
        data = [
            {
                "id": c.pk,
                "slug": c.slug,
                "name": c.name,
                "name_en": c.name_en,
                "ocop_code": c.ocop_code,
                "depth": c.depth,
                "parent": by_path.get(c.path[:-step]) if c.depth > 1 else None,
            }
            for c in categories
        ]
        return Response(serializers.CategorySerializer(data, many=True).data)


@extend_schema_view(
    list=extend_schema(
        summary="Provinces",
        parameters=[KEY_PARAMETER],
        responses=answers(serializers.ProvinceSerializer(many=True)),
    )
)
class ProvinceViewSet(PublicViewSet):
    def list(self, request):
        provinces = Province.objects.order_by("code")
        return Response(serializers.ProvinceSerializer(provinces, many=True).data)


STORIES_PER_PAGE = 20


def _story_data(story, request) -> dict:
    return {
        "id": story.pk,
        "title": story.title,
        # Wagtail's site is written from SITE_URL: the public address, not the one asked on.
        "url": story.full_url or settings.SITE_URL + "/",
        "date": story.date,
        "intro": story.intro,
        "author": story.author,
        "language": story.locale.language_code,
        "region": story.region,
        "tags": [tag.name for tag in story.tags.all()],
        # Ids of the products the story shows; /api/v1/products/<id>/ answers 404 for one that
        # is no longer on sale.
        "products": sorted(mention.product_id for mention in story.product_mentions.all()),
    }


@extend_schema_view(
    list=extend_schema(
        summary="Published stories",
        operation_id="stories_list",
        description="Newest first, 20 a page, in the language of the `django_language` cookie "
        "(Vietnamese by default). `region` is a province slug, `tag` a tag slug; an unknown "
        "value matches nothing, a page out of range gives the last page.",
        parameters=[
            _text("region", "Province slug"),
            _text("tag", "Tag slug"),
            OpenApiParameter("page", OpenApiTypes.STR, OpenApiParameter.QUERY),
            KEY_PARAMETER,
        ],
        responses=answers(serializers.StoryPageSerializer),
    ),
    retrieve=retrieve_schema("One story", serializers.StorySerializer),
)
class StoryViewSet(PublicViewSet):
    schema = SingleAnswerSchema()
    lookup_field = "id"
    lookup_value_regex = r"[0-9]+"

    def list(self, request):
        params = request.query_params
        stories = stories_published(
            # NUL never names a region or tag, and PostgreSQL refuses it in a lookup.
            region=params.get("region", "").replace("\x00", "")[:64],
            tag=params.get("tag", "").replace("\x00", "")[:100],
        ).select_related("locale")
        paginator = Paginator(stories, STORIES_PER_PAGE)
        page = paginator.get_page(page_parse(params.get("page")))
        data = {
            "count": paginator.count,
            "page": page.number,
            "num_pages": paginator.num_pages,
            "results": [_story_data(story, request) for story in page],
        }
        return Response(serializers.StoryPageSerializer(data).data)

    def retrieve(self, request, id: str):
        story = stories_published().select_related("locale").filter(pk=id_or_404(id)).first()
        if story is None:
            raise Http404
        return Response(serializers.StorySerializer(_story_data(story, request)).data)


ORDERS_PER_PAGE = 20


def _order_data(order, request, *, parcels: bool) -> dict:
    data = {
        "number": order.number,
        "order": order,
        "status_label": str(dict(OrderStatus.choices).get(order.status, order.status)),
        "url": request.build_absolute_uri(reverse("api-order-detail", args=[order.number])),
    }
    if parcels:
        data["parcels"] = order_parcels(order=order)
    return data


@extend_schema_view(
    list=extend_schema(
        summary="My orders",
        description="The signed-in buyer's own orders, newest first, 20 a page. Signed in "
        "with the shop's session (the storefront's cookie); no partner key.",
        parameters=[OpenApiParameter("page", OpenApiTypes.INT)],
        responses=answers(serializers.OrderListSerializer),
    ),
    retrieve=extend_schema(
        summary="One of my orders, with each parcel's carrier, tracking number and timeline",
        description="Another buyer's order number answers 404, as an unknown one does.",
        responses=answers(serializers.OrderSerializer, not_found=True),
    ),
)
class OrderViewSet(viewsets.ViewSet):
    """The signed-in buyer's orders and their parcels: private, read-only, never cached."""

    authentication_classes = [SessionAuthentication]
    permission_classes = [IsAuthenticated]
    throttle_classes = [AnonymousAddressThrottle]
    lookup_value_regex = r"[A-Za-z0-9-]{1,128}"

    def list(self, request):
        paginator = Paginator(orders_of_buyer(user=request.user), ORDERS_PER_PAGE)
        page = paginator.get_page(page_parse(request.query_params.get("page")))
        data = {
            "count": paginator.count,
            "page": page.number,
            "pages": paginator.num_pages,
            "results": [_order_data(order, request, parcels=False) for order in page],
        }
        return Response(serializers.OrderListSerializer(data).data)

    def retrieve(self, request, pk=None):
        order = orders_of_buyer(user=request.user).filter(number=pk).first()
        if order is None:
            raise Http404
        return Response(serializers.OrderSerializer(_order_data(order, request, parcels=True)).data)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Cache-Control"] = "private, no-store"
        return response


def not_found(request, *args, **kwargs):
    """Any other address under /api/v1/: a JSON 404 rather than the site's HTML page."""
    return JsonResponse({"detail": gettext("Not found.")}, status=404)
