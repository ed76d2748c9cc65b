"""How far each language is translated, for the site to show (the table of
templates/_translation_status.md.j2, on "About this site"): the data texts and the
hand-written pages written in each language, out of all of them."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from cglu_site.data.site_data import SiteData
from cglu_site.data.text import is_text


@dataclass(frozen=True)
class LanguageRow:
    code: str
    texts: int
    texts_done: int
    pages: int
    pages_done: int


def translation_rows(
    data: SiteData,
    codes: Sequence[str],
    hand_written: Sequence[str],
    untranslated_pages: dict[tuple[str, str], str],
) -> list[LanguageRow]:
    texts = sum(1 for _ in _texts(data.files, codes))
    lacking = {code: 0 for code in codes}
    for _error, languages in data.untranslated:
        for code in languages:
            lacking[code] += 1
    return [
        LanguageRow(
            code,
            texts,
            texts - lacking[code],
            len(hand_written),
            len(hand_written) - sum(1 for (_path, lang) in untranslated_pages if lang == code),
        )
        for code in codes
    ]


def _texts(value: Any, codes: Sequence[str]) -> Iterator[dict]:
    if is_text(value, codes):
        yield value
    elif isinstance(value, dict):
        for child in value.values():
            yield from _texts(child, codes)
    elif isinstance(value, list):
        for child in value:
            yield from _texts(child, codes)
