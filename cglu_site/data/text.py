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
