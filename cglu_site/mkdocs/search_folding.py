"""Search without accents: each search entry gets hidden fields with the words a visitor
types but Material's search would not find.

Material's search (lunr) matches a query word as the beginning of an indexed word, letter
for letter, and splits the text only at its separator (spaces and hyphens): "genero" does
not find "género" (lunr has no accent folding), and "égalité" does not find "l'égalité" or
"(égalité)". Visitors type without accents, on phones especially. So each entry gets, for
its title and its text, a field `<field>_words` holding once each:

- its accented words without their accents ("género" → "genero");
- the words that do not begin a separated word ("l'égalité" → "égalité", "egalite").

The fields are declared in the index's `config.fields` (Material's worker indexes every
field named there) with half the boost of the field they come from: the hidden words find
their entries, and a word written exactly as typed still ranks first. Material shows only
an entry's title and text, and highlights there only the words found as written: visitors
never see the hidden words.
"""

from __future__ import annotations

import functools
import hashlib
import html
import re
from typing import Any

from cglu_site.data.text import without_accents

SUFFIX = "_words"
# How much a hidden word weighs against the same word written as typed.
HIDDEN_BOOST = 0.5
# The fields of an entry that are text (Material: title and text; tags are lists).
_TEXT_FIELDS = ("title", "text")
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")
_PLAIN = re.compile(r"\w+\W*")
_SHORTEST = 3  # "à", "où", the "l" of "l'égalité": they would find everything
DEFAULT_SEPARATOR = r"[\s\-]+"  # Material's


@functools.lru_cache(maxsize=1 << 16)  # a site has far fewer words; each comes back often
def fold(word: str) -> str:
    """The word without its accents."""
    return without_accents(word)


# `mkdocs serve` splits the index again at each rebuild: unchanged entries cost nothing.
# Kept by a digest of the entry, not the entry: its text would be kept with it, every page's
# whole text at the time a build uses the most memory.
_HIDDEN_KEPT: dict[tuple[bytes, str], str] = {}
_HIDDEN_KEPT_MOST = 1 << 14


def hidden_words(markup: str, separator: str = DEFAULT_SEPARATOR) -> str:
    """The words of an entry's title or text (HTML) that a query typed without accents, or
    for a word inside a separated one, would not find: each once, in order."""
    key = (hashlib.blake2b(markup.encode("utf-8"), digest_size=16).digest(), separator)
    words = _HIDDEN_KEPT.get(key)
    if words is None:
        if len(_HIDDEN_KEPT) >= _HIDDEN_KEPT_MOST:
            _HIDDEN_KEPT.clear()
        words = _HIDDEN_KEPT[key] = _hidden_words(markup, separator)
    return words


def _hidden_words(markup: str, separator: str) -> str:
    text = html.unescape(_TAG.sub(" ", markup)).lower()
    pieces = [piece for piece in re.split(separator, text) if piece]
    # What queries find already: the words that begin a piece ("uclg" of "uclg's").
    found = {match.group() for piece in pieces if (match := _WORD.match(piece))}
    words: dict[str, None] = {}
    for piece in dict.fromkeys(pieces):
        if piece.isascii() and _PLAIN.fullmatch(piece):
            continue  # most pieces: one unaccented word, maybe punctuation after it
        for match in _WORD.finditer(piece):
            word = match.group()
            inside = match.start() > 0  # after an apostrophe, a bracket, a quote
            folded = fold(word)
            for variant in (word if inside else "", folded if folded != word else ""):
                if len(variant) >= _SHORTEST and variant not in found:
                    words.setdefault(variant)
    return " ".join(words)


def add_hidden_fields(entry: dict[str, Any], separator: str = DEFAULT_SEPARATOR) -> dict[str, Any]:
    """The entry with a `<field>_words` field for each text field that has hidden words."""
    for name in _TEXT_FIELDS:
        value = entry.get(name)
        if isinstance(value, str) and (words := hidden_words(value, separator)):
            entry[name + SUFFIX] = words
    return entry


def fields_with_hidden(fields: dict[str, Any]) -> dict[str, Any]:
    """The index's `config.fields` plus the hidden fields, each at half its field's boost."""
    result = dict(fields)
    for name in _TEXT_FIELDS:
        if name in fields:
            boost = (fields[name] or {}).get("boost", 1.0)
            result[name + SUFFIX] = {"boost": boost * HIDDEN_BOOST}
    return result
