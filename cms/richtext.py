"""Editors' rich text through the shop's one sanitiser (catalogue.html).

Wagtail stores rich text in its own format (a link to a page is ``<a linktype="page" id="3">``)
and expands it when the page is shown, without removing anything it does not know. Anything
written around the editor (an import, the shell, an old row) is therefore cleaned to that
format's allow-list on save and on render.
"""

from __future__ import annotations

from wagtail import blocks
from wagtail.rich_text import RichText

from catalogue.html import clean_html

# Wagtail's storage markup for links to pages and documents, on top of the description
# allow-list. The editors' features (cms.blocks.RICH_TEXT_FEATURES) have no images or embeds,
# so no <embed> is kept.
_STORAGE_ATTRIBUTES = {"a": {"linktype", "id"}}


def clean_rich_text(source: str | None) -> str:
    """Rich text in Wagtail's storage format with only the allowed markup left."""
    # No rel is added: Wagtail drops attributes of internal links when expanding them, and
    # editors' external links are the shop's own.
    return clean_html(source, extra_attributes=_STORAGE_ATTRIBUTES, link_rel=None)


class CleanRichTextBlock(blocks.RichTextBlock):
    """A rich text block whose value is sanitised when read, written and taken from a form."""

    def to_python(self, value):
        return RichText(clean_rich_text(value))

    def normalize(self, value):
        source = value.source if isinstance(value, RichText) else value
        return RichText(clean_rich_text(source and str(source)))

    def value_from_form(self, value):
        return RichText(clean_rich_text(value))

    class Meta:
        icon = "pilcrow"
