"""/embed/ pages: the product cards a partner's widget shows inside its iframe.

Only these pages may be framed, and only by the partner's allowed domains (CSP
frame-ancestors); the rest of the site keeps X-Frame-Options DENY.
"""

from urllib.parse import urlsplit

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_GET

from shop.tourism.selectors import (
    frame_ancestors,
    origin_allowed,
    widget_for_embed,
    widget_products,
)
from shop.tourism.services import widget_event_count


def _embedding_origin(request) -> str | None:
    """The origin of the page framing us, as the browser tells it (the Referer of the iframe
    request; browsers send at least the origin across sites)."""
    referer = request.headers.get("Referer", "")
    if not referer:
        return None
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


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
    frame_id = request.GET.get("fid", "")[:40]
    with translation.override(language):
        response = render(
            request,
            "tourism/embed.html",
            {
                "widget": widget if allowed else None,
                "products": products,
                "frame_id": frame_id if frame_id.replace("-", "").isalnum() else "",
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
    response["Cache-Control"] = "private, max-age=60"
    response["Vary"] = "Referer"
    return response
