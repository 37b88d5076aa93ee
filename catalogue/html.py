"""The one sanitiser for HTML written by producers, partners, applicants and editors.

Such text is data: only the tags and attributes below survive, and links may only lead to
http(s), mailto or a relative address. Applied when the text is saved and again when it is
shown, so a row written by any path (form, API, admin, import, an old row) is inert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

import nh3
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

# What a product or category description may use: text structure, emphasis, links, tables.
DESCRIPTION_TAGS = frozenset(
    {
        "p",
        "br",
        "hr",
        "h2",
        "h3",
        "h4",
        "strong",
        "b",
        "em",
        "i",
        "u",
        "s",
        "small",
        "sub",
        "sup",
        "blockquote",
        "ul",
        "ol",
        "li",
        "dl",
        "dt",
        "dd",
        "a",
        "table",
        "caption",
        "thead",
        "tbody",
        "tfoot",
        "tr",
        "th",
        "td",
    }
)
DESCRIPTION_ATTRIBUTES: Mapping[str, frozenset[str]] = {
    "a": frozenset({"href", "title"}),
    "th": frozenset({"colspan", "rowspan", "scope"}),
    "td": frozenset({"colspan", "rowspan"}),
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
# A seller's link must not pass the shop's reputation on, nor reach back into the opener.
LINK_REL = "nofollow noopener"


def clean_html(
    text: str | None,
    *,
    extra_tags: Iterable[str] = (),
    extra_attributes: Mapping[str, Iterable[str]] | None = None,
    link_rel: str | None = LINK_REL,
) -> str:
    """The text with everything but the allowed tags, attributes and link schemes removed.

    Script and style elements go with their content; other unknown tags are dropped and
    their text kept (escaped). ``extra_tags``/``extra_attributes`` widen the allow-list for
    a storage format that needs more (Wagtail's rich text), never to let scripts through.
    """
    if not text:
        return ""
    attributes = {tag: set(names) for tag, names in DESCRIPTION_ATTRIBUTES.items()}
    for tag, names in (extra_attributes or {}).items():
        attributes.setdefault(tag, set()).update(names)
    return nh3.clean(
        str(text),
        tags=set(DESCRIPTION_TAGS) | set(extra_tags),
        clean_content_tags={"script", "style"},
        attributes=attributes,
        url_schemes=set(URL_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
    )


# Browsers drop tabs and newlines inside a URL ("java\tscript:" runs); no link needs them.
_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]")
_web_url = URLValidator(schemes=["http", "https"])


def is_safe_link(url: str | None) -> bool:
    """True for an http(s) address or a path of this site ("/…", not "//…", which leaves it)."""
    if not url or _CONTROL_OR_SPACE.search(url):
        return False
    if url.startswith("/"):
        return not url.startswith(("//", "/\\"))
    try:
        _web_url(url)
    except ValidationError:
        return False
    return urlsplit(url).scheme.lower() in {"http", "https"}


def safe_link(url: str | None) -> str:
    """The address if it is safe to put in an href, else "" (the page then shows no link)."""
    return url if is_safe_link(url) else ""


def validate_link(url: str | None) -> None:
    """Model and form validator for a link an editor, producer or partner types."""
    if url and not is_safe_link(url):
        raise ValidationError(
            _(
                "Enter a web address starting with https:// or http://, or a path of this site "
                "starting with /."
            ),
            code="unsafe_link",
        )
