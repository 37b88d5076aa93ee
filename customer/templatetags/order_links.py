"""The link to an order's page, for the pages shown to whoever placed it (the thank-you
page); the mails build theirs with customer.tokens.order_status_url."""

from django import template

from customer.tokens import order_status_path as _order_status_path

register = template.Library()


@register.simple_tag
def order_status_path(order) -> str:
    return _order_status_path(order=order)
