"""What Babel itself gives from CLDR, for tests to expect each locale's own typography (its
dashes, thin or no-break spaces) instead of a copy that the next CLDR release would break."""

from __future__ import annotations

import datetime
import re

from babel.dates import format_date, format_interval


def date_range(start: str, end: str, locale: str) -> str:
    """Babel's interval of two days, its month names in full (as the site prints them)."""
    first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
    text = format_interval(first, last, skeleton="yMMMMd", locale=locale)
    for day in (first, last):
        short, full = format_date(day, "MMM", locale=locale), format_date(day, "MMMM", locale=locale)
        text = re.sub(rf"(?<!\w){re.escape(short)}(?!\w)", full, text)
    return text
