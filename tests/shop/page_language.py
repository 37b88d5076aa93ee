"""Reading a page as a listener would: the text a reader sees or a screen reader speaks, each
piece with the language the page declares for it (the nearest `lang`), so a test can find
English left in a Vietnamese page and Vietnamese left unmarked in an English one."""

import re
from dataclasses import dataclass
from html.parser import HTMLParser

# Never read out: code, styles, templates, and what the page hides from everyone.
SILENT = {"script", "style", "template", "noscript", "svg", "textarea", "select"}
VOID = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
    "track", "wbr",
}  # fmt: skip
# Attributes a reader sees (a picture's text, a field's hint) or hears (a label, a title).
READ_ATTRIBUTES = ("alt", "title", "placeholder", "aria-label")

# Common English words no Vietnamese sentence uses (two-letter words like "to", "an", "in"
# are Vietnamese words too, so they are not here).
ENGLISH_WORDS = {
    "the", "and", "your", "you", "of", "is", "are", "for", "with", "this", "that", "from",
    "please", "basket", "order", "orders", "page", "product", "products", "search", "items",
    "view", "sign", "login", "account", "price", "shipping", "checkout", "continue", "back",
    "next", "previous", "password", "address", "total", "more", "all", "add", "remove",
    "filter", "filters", "sort", "stars", "stock", "reviews", "story", "stories", "region",
    "regions", "home", "contact", "about", "help", "close", "menu", "buy", "quantity", "no",
    "yes", "not", "our", "will", "have", "has", "what", "how", "when", "where", "which",
}  # fmt: skip
VIETNAMESE_LETTERS = re.compile(
    "[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]", re.IGNORECASE
)
WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Piece:
    text: str
    lang: str
    where: str  # the element it was read in, for the failure message


class _Reader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str, bool]] = []  # tag, lang, silent
        self.pieces: list[Piece] = []

    def _lang(self) -> str:
        return self.stack[-1][1] if self.stack else ""

    def _silent(self) -> bool:
        return bool(self.stack) and self.stack[-1][2]

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        lang = (values.get("lang") or self._lang() or "").split("-")[0].lower()
        silent = (
            self._silent()
            or tag in SILENT
            or "hidden" in values
            or values.get("aria-hidden") == "true"
            or (tag == "input" and values.get("type") == "hidden")
        )
        if not silent:
            for name in READ_ATTRIBUTES:
                if values.get(name):
                    self.pieces.append(Piece(values[name], lang, f"<{tag} {name}>"))
            if (
                tag == "input"
                and values.get("type") in {"submit", "button"}
                and values.get("value")
            ):
                self.pieces.append(Piece(values["value"], lang, f"<{tag} value>"))
        if tag not in VOID:
            self.stack.append((tag, lang, silent))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag):
        # Tolerate unclosed elements (<p>, <li>): close up to the matching tag.
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if text and not self._silent():
            where = self.stack[-1][0] if self.stack else "document"
            self.pieces.append(Piece(text, self._lang(), f"<{where}>"))


def read(html: str) -> list[Piece]:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader.pieces


def english_in(pieces: list[Piece], *, names: list[str]) -> list[str]:
    """Pieces declared Vietnamese that hold English words (names taken out first)."""
    found = []
    for piece in pieces:
        if piece.lang != "vi":
            continue
        text = _without(piece.text, names)
        words = [w for w in WORD.findall(text) if w.lower() in ENGLISH_WORDS and not w.isupper()]
        if words:
            found.append(f"{piece.where} {piece.text!r}: {', '.join(words)}")
    return found


def vietnamese_in(pieces: list[Piece], *, names: list[str]) -> list[str]:
    """Pieces declared English that hold Vietnamese letters (names taken out first): each
    Vietnamese text in an English page must be marked lang="vi" so it is read out right."""
    found = []
    for piece in pieces:
        if piece.lang != "en":
            continue
        text = _without(piece.text, names)
        if VIETNAMESE_LETTERS.search(text):
            found.append(f"{piece.where} {piece.text!r}")
    return found


def _without(text: str, names: list[str]) -> str:
    for name in names:
        if name and name in text:
            text = text.replace(name, " ")
    return text
