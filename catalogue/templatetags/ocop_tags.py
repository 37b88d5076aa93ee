"""Template helpers for the storefront: the OCOP stars badge, the groups, a product's group,
the sanitised HTML of descriptions, links that may only go to the web or the site, and a
product's title and description in the reader's language (Vietnamese marked lang="vi")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django import template
from django.conf import settings
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe

from catalogue import selectors
from catalogue.html import clean_html as sanitise
from catalogue.html import safe_link
from catalogue.models import reader_reads_english
from catalogue.selectors import ocop_groups_of_request

if TYPE_CHECKING:
    from catalogue.models import Category, Product

register = template.Library()

# Decorative Font Awesome icons (bundled with Oscar's CSS) for the six OCOP groups.
GROUP_ICONS = {
    "I": "fa-wheat-awn",
    "II": "fa-wine-bottle",
    "III": "fa-mortar-pestle",
    "IV": "fa-scissors",
    "V": "fa-seedling",
    "VI": "fa-mountain-sun",
}


@register.inclusion_tag("catalogue/partials/ocop_stars.html")
def ocop_stars(product_or_stars: Product | int | None, size: str = "") -> dict:
    """The OCOP stars badge: a product's valid stars (``product.ocop_stars``), or a number.

    A product without a valid certificate has ``ocop_stars`` None and gets no badge.
    """
    if isinstance(product_or_stars, int) or product_or_stars is None:
        stars = product_or_stars
    else:
        stars = getattr(product_or_stars, "ocop_stars", None)
    return {"stars": stars, "star_icons": "★" * (stars or 0), "size": size}


@register.simple_tag(takes_context=True)
def ocop_groups(context: template.Context) -> list[Category]:
    """The six top-level OCOP groups, for the header and the home page.

    Each group carries ``is_current`` when the page shows that group, one of its subgroups
    or a product in it (read from the page's ``category`` or ``product``).
    """
    current = context.get("category")
    if current is None and context.get("product") is not None:
        current = ocop_group(context["product"])
    current_path = getattr(current, "path", "") or ""
    groups = ocop_groups_of_request(request=context.get("request"))
    for group in groups:
        group.is_current = bool(current_path) and current_path.startswith(group.path)
    return groups


@register.filter
def display_name(category: Category | None) -> str:
    """A category's name in the reader's language; falls back to its plain name."""
    if category is None:
        return ""
    return getattr(category, "display_name", None) or getattr(category, "name", "") or ""


@register.filter
def ocop_group(product: Product | None) -> Category | None:
    """The product's OCOP group (its most specific category), read from prefetched rows.

    Variants take their parent's category, as Oscar does.
    """
    if product is None:
        return None
    source = product.parent if product.is_child and product.parent_id else product
    categories = list(source.categories.all())
    if not categories:
        return None
    return max(categories, key=lambda c: (c.depth, c.path))


@register.filter
def group_icon(category: Category) -> str:
    """A Font Awesome class for a top-level OCOP group (by its code), or a neutral leaf."""
    code = getattr(category, "ocop_code", "") or ""
    return GROUP_ICONS.get(code.split(".")[0], "fa-leaf")


@register.simple_tag
def contact_email() -> str:
    """The shop's public contact address (setting ``OCOP_CONTACT_EMAIL``), or empty."""
    return getattr(settings, "OCOP_CONTACT_EMAIL", "") or ""


@register.simple_tag
def ocop_subgroups(category: Category | None) -> list[Category]:
    """The subgroups of the category's top-level group, for a category page's side menu.

    Each carries ``is_current`` (the page's category) and ``is_open`` (on its path).
    """
    if category is None:
        return []
    root = category if category.is_root() else category.get_root()
    subgroups = list(root.get_descendants().filter(is_public=True))
    for sub in subgroups:
        sub.is_current = sub.pk == category.pk
        sub.is_open = category.path.startswith(sub.path)
    _addresses_from_the_rows_above([root, *subgroups])
    return subgroups


def _addresses_from_the_rows_above(categories: list[Category]) -> None:
    """Ready each category's address for ``get_absolute_url``. Oscar builds it from the
    parent's full slug, loading the parent when its cache is cold (a query per category);
    here it is built from the rows given, in tree order, each after its parent, and Oscar's
    cache of it filled on the way."""
    full_slugs: dict[str, str] = {}
    for category in categories:
        parent_slug = full_slugs.get(category.path[: -category.steplen])
        full_slugs[category.path] = category.get_full_slug(parent_slug=parent_slug)


@register.simple_tag
def category_trail(category: Category | None) -> list[Category]:
    """The category and the groups above it, top first, for a breadcrumb, their addresses
    built from one another (no query per level)."""
    if category is None:
        return []
    trail = list(category.get_ancestors_and_self())
    _addresses_from_the_rows_above(trail)
    return trail


@register.filter
def short_name(category: Category | None) -> str:
    """A group's name cut to its first clause, for the header's narrow links.

    "Dược liệu và sản phẩm từ dược liệu" -> "Dược liệu"; the full name goes in a title.
    """
    name = display_name(category)
    head = name.split(",")[0]
    for joiner in (" và ", " and "):
        head = head.split(joiner)[0]
    return head.strip() or name


@register.simple_tag(takes_context=True)
def certificate_record_for(context, product):
    """All of a product's certificates with their status, or None for the public."""
    request = context.get("request")
    user = getattr(request, "user", None)
    if user is None or not selectors.user_manages_product(user=user, product=product):
        return None
    return selectors.certificate_record(product=product)


@register.filter
def clean_html(value: str | None) -> SafeString:
    """HTML written outside the shop (a description), through the one sanitiser.

    Applied on every render as well as on save, so a row stored before the sanitiser, or
    written around the models, is shown inert too.
    """
    return mark_safe(sanitise(value))


@register.filter
def safe_url(value: str | None) -> str:
    """A link written outside the shop if it leads to http(s) or a path of this site, else ""
    (the template then shows no link). Autoescaping still applies to what is returned."""
    return safe_link(value)


# --- A product's text in the reader's language --------------------------------------------
# On the English site a product without English text shows its Vietnamese text inside an
# element marked lang="vi", so screen readers switch voice and search engines know.


def _text_in_lang(text: str, lang: str) -> SafeString:
    """The text escaped, inside a span carrying its lang when that is not the page's."""
    if lang:
        return format_html('<span lang="{}">{}</span>', lang, text)
    return conditional_escape(text)


@register.filter
def product_title(product: Product | None) -> SafeString:
    """``{{ product|product_title }}``: the title as HTML, marked lang="vi" on fallback."""
    if product is None:
        return mark_safe("")
    return _text_in_lang(product.display_title, product.title_lang)


@register.filter
def lang_attr(lang: str | None) -> SafeString:
    """`` lang="vi"`` for an element whose text is not in the page's language, else ""."""
    return format_html(' lang="{}"', lang) if lang else mark_safe("")


@register.filter
def product_description(product: Product | None) -> SafeString:
    """The description in the reader's language, through the one sanitiser; the element
    around it takes ``{{ product.description_lang|lang_attr }}``."""
    if product is None:
        return mark_safe("")
    return mark_safe(sanitise(product.display_description))


def _line_title_lang(line) -> tuple[str, str]:
    """A basket or order line's title and the lang it needs ("" for the page's language).
    An order line keeps the title it had when bought (``line.title``); the English site shows
    the product's English title when the product still exists and has one, otherwise that
    title, in Vietnamese."""
    stored = getattr(line, "title", None) or line.product.get_title()
    if not reader_reads_english():
        return stored, ""
    product = getattr(line, "product", None)
    english = product.english_title() if product is not None else ""
    return (english, "") if english else (stored, "vi")


@register.filter
def line_title(line) -> SafeString:
    """A line's product title as HTML, marked lang="vi" on fallback."""
    return _text_in_lang(*_line_title_lang(line))


@register.filter
def line_title_text(line) -> str:
    """The same title as plain text, for mails and attributes."""
    return _line_title_lang(line)[0]
