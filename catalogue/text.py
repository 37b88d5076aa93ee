"""Vietnamese text helpers: accent folding for slugs and accent-free matching."""

import re
import unicodedata

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def fold_vietnamese(text: str) -> str:
    """Lower-case text without diacritics: "Miến dong Đồng Văn" -> "mien dong dong van"."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).lower()


def slugify_vietnamese(text: str, *, max_length: int = 96) -> str:
    """An ASCII slug that keeps words readable: "Mật ong Bình Liêu" -> "mat-ong-binh-lieu"."""
    return _NON_SLUG.sub("-", fold_vietnamese(text)).strip("-")[:max_length].rstrip("-")


def oscar_slugifier(value: str, allow_unicode: bool = False) -> str:
    """OSCAR_SLUG_FUNCTION: Oscar passes allow_unicode; our slugs are always ASCII."""
    return slugify_vietnamese(value, max_length=255)
