"""The product page's wholesale tiers, for members of an approved tourism partner only."""

from django import template

from shop.wholesale.selectors import tiers_for_products, tiers_offered

register = template.Library()


@register.inclusion_tag("wholesale/product_tiers.html", takes_context=True)
def wholesale_tiers(context, product) -> dict:
    request = context.get("request")
    strategy = getattr(request, "strategy", None)
    # Only the signed-in strategy knows a partner; anonymous readers (and the page cache,
    # which keeps only their pages) never get past this line.
    partner = getattr(strategy, "wholesale_partner", None)
    if partner is None or product.is_parent:
        return {"tiers": []}
    price = strategy.fetch_for_product(product).price
    if not price.exists:
        return {"tiers": []}
    tiers = tiers_for_products(product_ids=[product.pk]).get(product.pk, [])
    return {
        "tiers": tiers_offered(tiers=tiers, retail=price.excl_tax),
        "currency": price.currency,
        "partner": partner,
    }
