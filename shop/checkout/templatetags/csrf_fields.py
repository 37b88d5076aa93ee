"""A CSRF field for forms on pages that caches should be able to keep."""

from django import template
from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def csrf_field(context) -> SafeString:
    """Django's token when the reader already has a CSRF cookie or is signed in; otherwise an
    empty field that static/js/ocop.js fills on submit.

    `{% csrf_token %}` makes the response set the CSRF cookie, so a catalogue page full of
    "Add to basket" buttons could never be served from a cache. On submit the script sets a
    random CSRF cookie and the same value in the field, which is the pair Django's middleware
    checks; another site can neither read nor set that cookie, so the protection holds."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if request is not None and (
        settings.CSRF_COOKIE_NAME in request.COOKIES
        or settings.CSRF_USE_SESSIONS
        or getattr(user, "is_authenticated", False)
    ):
        return format_html(
            '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
        )
    return mark_safe('<input type="hidden" name="csrfmiddlewaretoken" value="" data-csrf-fill>')
