"""Template helpers of the editorial site: stories mentioning a product or producer,
structured data, Open Graph and the language switch that keeps the reader on the page."""

from __future__ import annotations

import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from wagtail.templatetags.wagtailcore_tags import richtext

from cms import selectors
from cms.richtext import clean_rich_text
from cms.structured_data import product_json_ld

register = template.Library()

# As django.utils.html.json_script: the JSON may not close the script element.
_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def stories_mentioning(*, product=None, vendor=None, limit: int = 6):
    if product is not None:
        return selectors.stories_for_product(product=product, limit=limit)
    if vendor is not None:
        return selectors.stories_for_vendor(vendor=vendor, limit=limit)
    return []


@register.filter
def clean_richtext(value) -> SafeString:
    """Wagtail's ``richtext`` filter on the sanitised source: a row written before the
    sanitiser, or around the editor, is shown inert too."""
    source = getattr(value, "source", value)
    return richtext(clean_rich_text(source))


def _json_ld_element(data, request) -> str:
    if not data:
        return ""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_ESCAPES)
    # A data block is never run, but it carries the nonce like every script element we write,
    # so a page's markup has no script the policy does not account for.
    nonce = str(getattr(request, "csp_nonce", ""))
    return format_html(
        '<script type="application/ld+json"{}>{}</script>',
        format_html(' nonce="{}"', nonce) if nonce else "",
        mark_safe(text),
    )


@register.simple_tag(takes_context=True)
def json_ld(context, data) -> str:
    return _json_ld_element(data, context.get("request"))


@register.simple_tag(takes_context=True)
def product_structured_data(context, product) -> str:
    request = context.get("request")
    if request is None or product is None:
        return ""
    return _json_ld_element(product_json_ld(product=product, request=request), request)


@register.simple_tag(takes_context=True)
def page_image_url(context, page) -> str:
    return selectors.story_image_url(story=page, request=context.get("request"))


@register.simple_tag(takes_context=True)
def page_translations(context, page) -> list[dict]:
    """One entry per language: where the switch should take the reader from this page (its
    translation when there is one, else the same page)."""
    current = getattr(context.get("request"), "LANGUAGE_CODE", settings.LANGUAGE_CODE)
    entries = []
    translations = {
        p.locale.language_code: p for p in selectors.page_translations_all(page=page) if p.live
    }
    for code, name in settings.LANGUAGES:
        target = translations.get(code, page)
        entries.append({"code": code, "name": name, "url": target.url, "current": code == current})
    return entries


@register.simple_tag
def page_ancestors(page) -> list:
    """The page's ancestors below the tree's root, top first, for the breadcrumb: taken from
    the parents routing read on the way to the page (Wagtail keeps each on its child),
    else read from the tree as Wagtail would (a preview, a page served another way)."""
    chain = []
    current = page
    while current.depth > 2:
        parent = current.__dict__.get("_cached_parent_obj")
        if parent is None:
            return [ancestor for ancestor in page.get_ancestors() if not ancestor.is_root()]
        chain.append(parent)
        current = parent
    return chain[::-1]
