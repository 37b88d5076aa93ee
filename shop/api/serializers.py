"""Output shapes of the public API (read only)."""

from rest_framework import serializers


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()
    selected = serializers.BooleanField()


ENGLISH_TITLE_HELP = (
    "The producer's English title, or null when none was written: show `title` (Vietnamese) "
    'then, marked lang="vi".'
)


class HitSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="The producer's title, in Vietnamese.")
    title_en = serializers.CharField(allow_null=True, help_text=ENGLISH_TITLE_HELP)
    url = serializers.CharField()
    price = serializers.IntegerField(allow_null=True)
    stars = serializers.IntegerField(allow_null=True)
    province = serializers.CharField(allow_blank=True)
    vendor = serializers.CharField(allow_blank=True)
    image = serializers.CharField(allow_blank=True)
    in_stock = serializers.BooleanField()
    buyer_rating = serializers.FloatField(
        allow_null=True,
        help_text="Average of approved buyers' reviews, 1-5 with one decimal; null without "
        "any. Not the OCOP stars.",
    )
    buyer_rating_count = serializers.IntegerField(help_text="Number of approved reviews.")


class FacetsSerializer(serializers.Serializer):
    """Every facet, or none when they were not asked for (see the `facets` parameter)."""

    stars = FacetValueSerializer(many=True, required=False)
    province = FacetValueSerializer(many=True, required=False)
    category = FacetValueSerializer(many=True, required=False)
    vendor = FacetValueSerializer(many=True, required=False)
    price = FacetValueSerializer(many=True, required=False)
    rating = FacetValueSerializer(many=True, required=False)


class SearchResultSerializer(serializers.Serializer):
    """The search contract (search.query.SearchResult.as_json)."""

    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = HitSerializer(many=True)
    facets = FacetsSerializer()
    ignored = serializers.ListField(child=serializers.CharField())


class ProductDetailSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="The producer's title, in Vietnamese.")
    title_en = serializers.CharField(allow_null=True, help_text=ENGLISH_TITLE_HELP)
    url = serializers.CharField()
    description = serializers.CharField(
        allow_blank=True, help_text="Sanitised HTML, in Vietnamese."
    )
    description_en = serializers.CharField(
        allow_null=True,
        help_text="Sanitised HTML in English, or null when none was written: show "
        '`description` then, marked lang="vi".',
    )
    price = serializers.IntegerField(allow_null=True)
    currency = serializers.CharField()
    in_stock = serializers.BooleanField()
    stars = serializers.IntegerField(allow_null=True)
    producer = serializers.CharField(allow_null=True)
    province = serializers.CharField(allow_null=True)
    commune = serializers.CharField(allow_null=True)
    categories = serializers.ListField(child=serializers.CharField())
    images = serializers.ListField(child=serializers.CharField())
    buyer_rating = serializers.FloatField(
        allow_null=True,
        help_text="Average of approved buyers' reviews, 1-5 with one decimal; null without "
        "any. Not the OCOP stars.",
    )
    buyer_rating_count = serializers.IntegerField(help_text="Number of approved reviews.")


class CategorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    slug = serializers.CharField()
    name = serializers.CharField()
    name_en = serializers.CharField(allow_blank=True)
    ocop_code = serializers.CharField(allow_blank=True, allow_null=True)
    depth = serializers.IntegerField()
    parent = serializers.IntegerField(allow_null=True)


class ProvinceSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    short_name = serializers.CharField()
    slug = serializers.CharField()


class StorySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.CharField()
    date = serializers.DateField()
    intro = serializers.CharField()
    author = serializers.CharField(allow_blank=True)
    language = serializers.CharField()
    region = ProvinceSerializer(allow_null=True)
    tags = serializers.ListField(child=serializers.CharField())
    products = serializers.ListField(child=serializers.IntegerField())


class StoryPageSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    results = StorySerializer(many=True)


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


class ThrottledSerializer(serializers.Serializer):
    detail = serializers.CharField()
    retry_after = serializers.IntegerField()


class TimelineStepSerializer(serializers.Serializer):
    step = serializers.CharField(help_text="placed, packed, shipped, delivered or cancelled")
    label = serializers.CharField()
    done = serializers.BooleanField()
    at = serializers.DateTimeField(allow_null=True, help_text="null: a step still to come")
    note = serializers.CharField(help_text="why a parcel was cancelled")
    carrier = serializers.CharField()
    tracking_code = serializers.CharField()
    tracking_url = serializers.CharField(help_text="the carrier's own tracking page")


class ParcelSerializer(serializers.Serializer):
    producer = serializers.CharField(source="vendor.name")
    status = serializers.CharField()
    status_label = serializers.CharField()
    carrier = serializers.CharField(help_text="the carrier's name; empty before shipping")
    tracking_code = serializers.CharField()
    tracking_url = serializers.CharField()
    timeline = TimelineStepSerializer(source="steps", many=True)


class OrderSummarySerializer(serializers.Serializer):
    number = serializers.CharField()
    placed_at = serializers.DateTimeField(source="order.date_placed")
    status = serializers.CharField(source="order.status")
    status_label = serializers.CharField()
    total = serializers.DecimalField(
        source="order.total_incl_tax", max_digits=12, decimal_places=0, coerce_to_string=True
    )
    currency = serializers.CharField(source="order.currency")
    url = serializers.CharField(help_text="this order with its parcels and their timelines")


class OrderListSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    page = serializers.IntegerField()
    pages = serializers.IntegerField()
    results = OrderSummarySerializer(many=True)


class OrderSerializer(serializers.Serializer):
    number = serializers.CharField()
    placed_at = serializers.DateTimeField(source="order.date_placed")
    status = serializers.CharField(source="order.status")
    status_label = serializers.CharField()
    total = serializers.DecimalField(
        source="order.total_incl_tax", max_digits=12, decimal_places=0, coerce_to_string=True
    )
    currency = serializers.CharField(source="order.currency")
    parcels = ParcelSerializer(many=True)
