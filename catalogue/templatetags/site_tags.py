"""`{{ path|on_site }}`: an absolute link on the site's public address (shop.site);
`{{ number|phone }}`: a phone number written the way a reader of the page dials it."""

import phonenumbers
from django import template
from django.utils.translation import get_language

from shop.site import site_url

register = template.Library()

# A Vietnamese reader dials a Vietnamese number as at home ("0912 345 678"); anyone else,
# and any number from abroad, gets the international form ("+84 912 345 678").
HOME_REGION = "VN"


@register.filter
def on_site(url) -> str:
    return site_url(str(url or "/"))


@register.filter
def phone(number) -> str:
    if not number:
        return ""
    raw = str(number)
    try:
        parsed = phonenumbers.parse(raw, HOME_REGION)
    except phonenumbers.NumberParseException:
        # Something that is no number is shown as typed (and escaped by the template).
        return raw
    if not phonenumbers.is_possible_number(parsed):
        return raw
    national = phonenumbers.region_code_for_number(parsed) == HOME_REGION
    if national and (get_language() or "").startswith("vi"):
        return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
