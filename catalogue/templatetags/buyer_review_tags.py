"""Template helpers for buyers' reviews: who may write one, and the buyers' rating badge.

The badge is kept apart from the OCOP stars badge (ocop_tags.ocop_stars) in words, shape and
colour: OCOP stars are the state's certification, a buyer rating is an opinion.
"""

from __future__ import annotations

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import ngettext

from vendors.selectors import delivered_lines

register = template.Library()


@register.filter
def may_review(product, user) -> bool:
    """Whether to offer this person the review form: a buyer whose parcel with the product
    was delivered and who has not reviewed it yet."""
    if not getattr(user, "is_authenticated", False) or product.has_review_by(user):
        return False
    return delivered_lines(user=user, product=product).exists()


@register.inclusion_tag("catalogue/partials/buyer_rating.html")
def buyer_rating(product, size: str = "") -> dict:
    """The average of approved reviews and their number ("4,5/5 · 12 ratings"); nothing when
    no review is approved (Oscar keeps `product.rating` from approved reviews only)."""
    count = product.num_approved_reviews if product.rating is not None else 0
    if not count:
        return {"count": 0}
    score = floatformat(product.rating, -1)
    summary = ngettext(
        "%(score)s/5 · %(count)s rating", "%(score)s/5 · %(count)s ratings", count
    ) % {"score": score, "count": count}
    return {"count": count, "score": score, "summary": summary, "size": size}
