"""Every string of ours is translated into Vietnamese, and the compiled catalogue is current."""

import gettext
from pathlib import Path

from babel.messages.pofile import read_po
from django.test import Client

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "vi" / "LC_MESSAGES"


def _catalogue():
    with open(LOCALE / "django.po", "rb") as po:
        return read_po(po)


def test_every_message_has_a_vietnamese_translation():
    untranslated = [m.id for m in _catalogue() if m.id and not all(_strings(m))]

    assert untranslated == []


def test_compiled_catalogue_matches_the_source():
    with open(LOCALE / "django.mo", "rb") as mo:
        compiled = gettext.GNUTranslations(mo)

    stale = [
        m.id
        for m in _catalogue()
        if m.id and isinstance(m.id, str) and _compiled_string(compiled, m) != m.string
    ]

    assert stale == []


def _compiled_string(compiled, message):
    # A message with a context (pgettext) is looked up under that context, as Django does.
    if message.context:
        return compiled.pgettext(message.context, message.id)
    return compiled.gettext(message.id)


def _strings(message):
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_pages_speak_vietnamese_by_default_and_english_on_request(db):
    vietnamese = Client().get("/catalogue/").content.decode()
    english = Client(headers={"cookie": "django_language=en"}).get("/catalogue/").content.decode()

    assert "Tất cả sản phẩm" in vietnamese and "Chủ thể sản xuất" not in english
    assert "All products" in english
    assert "Tìm mật ong, chè, miến" in vietnamese
    assert "Search honey, tea, noodles" in english
