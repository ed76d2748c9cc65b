"""The one markup a data text may hold, and the text without it.

A data text is a single paragraph per language; a phrase in another language is marked
`[[en: The Hague]]` so that pages can tell screen readers its language. Titles, feeds,
calendars, JSON-LD and meta descriptions print the plain text: markers reduced to their
phrase, on one line.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

FOREIGN_PHRASE = re.compile(r"\[\[([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*): (.+?)\]\]")
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")


def strip_language_markers(text: str) -> str:
    """The text with `[[en: phrase]]` markers reduced to their phrase (for titles)."""
    return FOREIGN_PHRASE.sub(lambda match: match.group(2), text)


def plain_text(text: str) -> str:
    """The text on one line, markers removed: for feeds, calendars, JSON-LD, descriptions."""
    return strip_language_markers(_WHITE_SPACE.sub(" ", text).strip())


def without_accents(text: str) -> str:
    """The text without its accents (compatibility decomposition minus combining marks):
    "género" → "genero" (a ligature such as "Œ" is a letter of its own and stays)."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


DESCRIPTION_LENGTH = 160  # characters: what search engines show under a title
_TRAILING = " \u00a0\u202f,;:.–—-(«"  # nothing a cut text may end with before its ellipsis


def summary(text: str, ellipsis: str, limit: int = DESCRIPTION_LENGTH) -> str:
    """The text if it is short, else its beginning cut at a space (never a no-break one), at
    the end of a sentence if only a few words of the next would follow, and followed by
    `ellipsis`: at most `limit` characters in all, for meta descriptions."""
    if len(text) <= limit:
        return text
    room = limit - len(ellipsis)
    cut = text.rfind(" ", 0, room + 1)
    kept = text[:cut] if cut > 0 else text[:room]
    # A few words of the next sentence say nothing ("… in 2022. The…"): stop at its start.
    sentence_end = max(kept.rfind(mark) for mark in (". ", "! ", "? "))
    if sentence_end > 0 and len(kept) - sentence_end < limit // 4:
        kept = kept[:sentence_end]
    return kept.rstrip(_TRAILING) + ellipsis


class Untranslated(str):
    """A text shown in a language it was not written in: its original's words, and that
    original's language (`original`). The data holds one for each language a text lacks while
    the project allows it (`missing_translations: notice`), so that every page exists in
    every language; pages mark it with its language and say it awaits translation."""

    original: str

    def __new__(cls, text: str, original: str) -> Untranslated:
        value = super().__new__(cls, text)
        value.original = original
        return value

    def __reduce__(self):  # copies and pickles keep the original language
        return (Untranslated, (str(self), self.original))


def is_text(value: object, codes: Sequence[str]) -> bool:
    """A data text: a mapping of some of the site's languages to strings."""
    return (
        isinstance(value, dict)
        and bool(value)
        and all(key in codes and isinstance(text, str) for key, text in value.items())
    )


def fill_untranslated(
    value: object, codes: Sequence[str], path: tuple = ()
) -> Iterator[tuple[tuple, list[str]]]:
    """Give every data text inside `value` the languages it lacks, as `Untranslated` copies of
    its text in the first of `codes` it has (the default language first); yield the path of
    each text filled and the languages it lacked."""
    if is_text(value, codes):
        assert isinstance(value, dict)
        lacking = [code for code in codes if code not in value]
        if lacking:
            original = next(code for code in codes if code in value)
            for code in lacking:
                value[code] = Untranslated(value[original], original)
            yield path, lacking
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from fill_untranslated(child, codes, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from fill_untranslated(child, codes, (*path, index))


def as_written(value: Any) -> Any:
    """The data as its editors wrote it: without the `Untranslated` stand-ins (open data)."""
    if isinstance(value, dict):
        return {key: as_written(child) for key, child in value.items() if not isinstance(child, Untranslated)}
    if isinstance(value, list):
        return [as_written(child) for child in value]
    return value
