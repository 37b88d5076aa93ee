"""`{% load page_cache %}`: Django's `{% cache %}` fragment tag, except that a cache that
cannot be reached renders the fragment instead of failing the page (as the page cache and
the widget counters already do)."""

import logging

from django import template
from django.templatetags.cache import CacheNode, do_cache

logger = logging.getLogger(__name__)
register = template.Library()


class TolerantCacheNode(CacheNode):
    def render(self, context):
        try:
            return super().render(context)
        except Exception:  # noqa: BLE001 - any backend's connection error
            # An error of the fragment itself is raised again by this second rendering.
            logger.warning("Fragment cache unreachable: fragment rendered")
            return self.nodelist.render(context)


@register.tag("cache")
def tolerant_cache(parser, token):
    node = do_cache(parser, token)
    node.__class__ = TolerantCacheNode
    return node
