"""/embed/ pages: the product cards a partner's widget shows inside its iframe.

Only these pages may be framed, and only by the partner's allowed domains (CSP
frame-ancestors); the rest of the site keeps X-Frame-Options DENY.
"""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from shop import page_cache
from shop.page_cache import embedding_origin
from shop.tourism.selectors import (
    frame_ancestors,
    origin_allowed,
    widget_for_embed,
    widget_products,
)
from shop.tourism.services import widget_event_count


def _embedding_origin(request) -> str | None:
    """The origin of the page framing us, as the browser tells it (the Referer of the iframe
    request; browsers send at least the origin across sites). The page cache keys embeds on
    the same reading (shop.page_cache.embedding_origin)."""
    return embedding_origin(request) or None


def impression_count(request, *, widget_id: int) -> bool:
    """An embed served from the page cache still counts its impression (see widget_embed)."""
    widget_event_count(widget_id=widget_id, kind="impressions")
    return True


@xframe_options_exempt
@require_GET
def widget_embed(request, widget_id: int):
    widget = widget_for_embed(widget_id=widget_id, key=request.GET.get("key"))
    origin = _embedding_origin(request)
    # A page on another domain gets no cards even if its browser ignored frame-ancestors.
    # The builder's live preview frames the widget from the shop itself.
    own_site = origin == f"{request.scheme}://{request.get_host()}"
    allowed = widget is not None and (
        origin is None or own_site or origin_allowed(partner=widget.partner, origin=origin)
    )
    products = widget_products(widget=widget) if allowed else []
    if products:
        widget_event_count(widget_id=widget.pk, kind="impressions")
    language = widget.language if widget and widget.language in ("vi", "en") else "vi"
    with translation.override(language):
        response = render(
            request,
            "tourism/embed.html",
            {
                "widget": widget if allowed else None,
                "products": products,
                # Size messages go only to the page that frames us, and only when allowed.
                "parent_origin": origin if allowed and origin else "",
                "language": language,
            },
        )
    # The site's policy holds here too; only who may frame the page changes. This is what
    # django-csp's @csp_replace sets, with sources known only once the widget is read.
    response._csp_replace = {
        "frame-ancestors": frame_ancestors(partner=widget.partner if allowed else None).split()
    }
    if allowed:
        # The same answer for every reader framed by this origin: the page cache keeps it
        # (keyed on the Referer's origin) and counts each impression it serves; downstream
        # caches may store it but must ask again each time (no-cache), which a 304 answers
        # and counts. The frame id is read by the page's script, so it is not in the page.
        response["Cache-Control"] = "public, no-cache"
        if products:
            page_cache.on_hit(response, "shop.tourism.embed.impression_count", widget_id=widget.pk)
    else:
        response["Cache-Control"] = "private, max-age=60"
    response["Vary"] = "Referer"
    return response
