"""Vietnamese text helpers: accent folding for slugs and accent-free matching, and the
Vietnamese alphabetical order for sorting names."""

import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")

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


# The Vietnamese alphabet, with the Latin letters it lacks (f j w z) where the Latin alphabet
# puts them, so foreign names still sort sensibly. Ă and Â follow A, Đ follows D, and so on.
_ALPHABET = "a ă â b c d đ e ê f g h i j k l m n o ô ơ p q r s t u ư v w x y z".split()
_LETTER_RANK = {letter: rank for rank, letter in enumerate(_ALPHABET)}
# Marks that make a letter of their own (ă â ê ô ơ ư) as against tone marks.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
# Tones in dictionary order: level, huyền, hỏi, ngã, sắc, nặng.
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


def vietnamese_sort_key(text: str) -> tuple[tuple[tuple[int, int], ...], tuple[int, ...], str]:
    """A sort key in Vietnamese alphabetical order, for place and people's names.

    Python's default order compares code points, which puts "Cao Bằng" before "Cà Mau" and
    every Đ after Z. Here letters compare first (a < ă < â < b … d < đ < e …), spaces and digits
    before letters; tones only break ties between otherwise equal words (ngang, huyền, hỏi, ngã,
    sắc, nặng), then case does. Use it as `sorted(items, key=...)`.
    """
    letters: list[tuple[int, int]] = []
    tones: list[int] = []
    for cluster in _clusters(unicodedata.normalize("NFD", text.lower())):
        base, marks = cluster[0], cluster[1:]
        shape = "".join(mark for mark in marks if mark in _LETTER_MARKS)
        letter = unicodedata.normalize("NFC", base + shape)
        tone = next((_TONE_RANK[m] for m in marks if m in _TONE_RANK), 0)
        if letter in _LETTER_RANK:
            letters.append((3, _LETTER_RANK[letter]))
        elif letter.isspace():
            letters.append((0, 0))
        elif letter.isdigit():
            letters.append((2, int(letter) if letter.isascii() else ord(letter)))
        else:
            letters.append((1, ord(letter)))
        tones.append(tone)
    return tuple(letters), tuple(tones), text


def vietnamese_sorted(items: Iterable[T], *, key: Callable[[T], str] = str) -> list[T]:
    """The items in Vietnamese alphabetical order of `key(item)` (their text by default)."""
    return sorted(items, key=lambda item: vietnamese_sort_key(key(item)))


def _clusters(decomposed: str) -> Iterator[str]:
    # A base character followed by the combining marks that belong to it.
    cluster = ""
    for ch in decomposed:
        if cluster and unicodedata.combining(ch):
            cluster += ch
        else:
            if cluster:
                yield cluster
            cluster = ch
    if cluster:
        yield cluster
