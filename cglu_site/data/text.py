"""The one markup a data text may hold, and the text without it.

A data text is a single paragraph per language; a phrase in another language is marked
`[[en: The Hague]]` so that pages can tell screen readers its language. Titles, feeds,
calendars, JSON-LD and meta descriptions print the plain text: markers reduced to their
phrase, on one line.
"""

from __future__ import annotations

import re

FOREIGN_PHRASE = re.compile(r"\[\[([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*): (.+?)\]\]")
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")


def strip_language_markers(text: str) -> str:
    """The text with `[[en: phrase]]` markers reduced to their phrase (for titles)."""
    return FOREIGN_PHRASE.sub(lambda match: match.group(2), text)


def plain_text(text: str) -> str:
    """The text on one line, markers removed: for feeds, calendars, JSON-LD, descriptions."""
    return strip_language_markers(_WHITE_SPACE.sub(" ", text).strip())


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
