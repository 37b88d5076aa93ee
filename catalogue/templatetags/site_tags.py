"""`{{ path|on_site }}`: an absolute link on the site's public address (shop.site)."""

from django import template

from shop.site import site_url

register = template.Library()


@register.filter
def on_site(url) -> str:
    return site_url(str(url or "/"))
