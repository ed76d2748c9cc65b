"""Search without accents: each search entry gets hidden fields with its accented words folded.

Material's search (lunr) matches a query word as the beginning of an indexed word, letter
for letter: "genero" does not find "género", and lunr has no accent folding. Visitors type
without accents, on phones especially. So each entry whose title or text has accented
words gets, for each such field, a field `<field>_folded` holding those words once each,
without their accents ("género" → "genero"). The fields are declared in the index's
`config.fields` (Material's worker indexes every field named there) with half the boost
of the field they fold: an unaccented query finds the accented word, and a word written
exactly as typed still ranks first. Material shows only an entry's title and text, so
visitors never see the folded words; an accented query never matches them (it is not a
beginning of an unaccented word).
"""

from __future__ import annotations

import html
import re
import unicodedata
from typing import Any

SUFFIX = "_folded"
# How much a folded word weighs against the same word written as typed.
FOLDED_BOOST = 0.5
# The fields of an entry that are text (Material: title and text; tags are lists).
_TEXT_FIELDS = ("title", "text")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_SHORTEST = 3  # "à", "où": folded, they only find every page


def fold(word: str) -> str:
    """The word without its accents (compatibility decomposition minus combining marks)."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def folded_words(markup: str) -> str:
    """The accented words of an entry's title or text (HTML), folded, each once, in order."""
    words: dict[str, None] = {}
    for word in _WORD.findall(html.unescape(_TAG.sub(" ", markup))):
        folded = fold(word).lower()
        if folded != word.lower() and len(folded) >= _SHORTEST:
            words.setdefault(folded)
    return " ".join(words)


def add_folded_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry with a `<field>_folded` field for each text field that has accented words."""
    for name in _TEXT_FIELDS:
        value = entry.get(name)
        if isinstance(value, str) and (words := folded_words(value)):
            entry[name + SUFFIX] = words
    return entry


def fields_with_folded(fields: dict[str, Any]) -> dict[str, Any]:
    """The index's `config.fields` plus the folded fields, each at half its field's boost."""
    result = dict(fields)
    for name in _TEXT_FIELDS:
        if name in fields:
            boost = (fields[name] or {}).get("boost", 1.0)
            result[name + SUFFIX] = {"boost": boost * FOLDED_BOOST}
    return result
