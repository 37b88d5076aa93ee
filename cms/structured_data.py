"""schema.org Product data for product pages, read through Oscar's strategy.

Only true claims: the offer is the strategy's price and availability, a rating appears only
when customers left approved reviews, and OCOP stars are an additional property, not a rating.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from catalogue.models import Product
from search.query import buyer_rating_shown
from shop.site import site_url


def product_json_ld(*, product: Product, request: HttpRequest) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.display_title,
        "url": site_url(product.get_absolute_url()),
    }
    if product.upc:
        data["sku"] = product.upc
    description = (product.display_description or "").strip()
    if description:
        from html import unescape

        from django.utils.html import strip_tags

        # Plain text in the JSON (json_ld escapes "<" so it cannot close the script).
        data["description"] = unescape(strip_tags(description))[:500]
    image = product.primary_image()
    original = getattr(image, "original", None)
    if original:
        data["image"] = site_url(original.url)
    if product.vendor_id:
        data["brand"] = {"@type": "Organization", "name": product.vendor.legal_name}
    strategy = getattr(request, "strategy", None)
    if strategy is not None:
        info = strategy.fetch_for_product(product)
        price = info.price
        if price.exists:
            data["offers"] = {
                "@type": "Offer",
                "priceCurrency": price.currency,
                # Whole đồng: VND has no minor unit.
                "price": str(
                    int(info.price.incl_tax if info.price.is_tax_known else info.price.excl_tax)
                ),
                "availability": (
                    "https://schema.org/InStock"
                    if info.availability.is_available_to_buy
                    else "https://schema.org/OutOfStock"
                ),
                "url": data["url"],
            }
    reviews = getattr(product, "num_approved_reviews", 0) or 0
    if reviews and product.rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            # Rounded as the page's badge rounds it (half up), so both say the same.
            "ratingValue": buyer_rating_shown(product.rating, reviews),
            "reviewCount": reviews,
            "bestRating": 5,
            "worstRating": 1,
        }
    stars = product.ocop_stars
    if stars:
        data["additionalProperty"] = [
            {"@type": "PropertyValue", "name": "OCOP", "value": stars, "unitText": "stars"}
        ]
    return data
