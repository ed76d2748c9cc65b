"""One iCalendar file (RFC 5545) per event and per language, beside the event's page.

/events/<id>/<id>.ics (French, the default language) and /en/events/<id>/<id>.ics: a
visitor adds the event to their calendar in the language they read. The event page links
to it (templates/events/entry.md.j2). The format asks little of a writer, done here (a
library for it costs a build more memory and time than all the rest of this module):
texts escape backslashes, commas, semicolons and new lines; lines end with CRLF and are
folded at 75 octets, never inside a character. The tests read the files back with the
`icalendar` library.
"""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from cglu_site.data.text import plain_text
from cglu_site.outputs.writing import Write, write_file

if TYPE_CHECKING:
    from cglu_site.data.languages import Language
    from cglu_site.pages.generate import SiteBuild

PRODUCT = "-//CGLU-UCLG//Documentation site//EN"


def calendar_path(language: Language, event_id: str) -> str:
    """Site-relative path of an event's calendar file in one language."""
    return language.path(f"events/{event_id}/{event_id}.ics")


def event_calendar(site: SiteBuild, event: dict, language: Language, site_url: str) -> bytes:
    lang = language.code
    page_url = urljoin(site_url, language.path(f"events/{event['id']}/"))
    place = ", ".join(plain_text(event[key][lang]) for key in ("venue", "city", "country") if key in event)
    organisers = "; ".join(plain_text(organiser[lang]) for organiser in event["organisers"])
    label = site.formats(lang).plural(site.strings[lang]["label"]["organisers"], len(event["organisers"]))
    description = f"{plain_text(event['summary'][lang])}\n\n{label}: {organisers}\n\n{page_url}"
    start = datetime.date.fromisoformat(event["start"])
    # All-day events end the day after their last day (DTEND is exclusive).
    end = datetime.date.fromisoformat(event["end"]) + datetime.timedelta(days=1)
    in_language = f";LANGUAGE={lang}"
    lines = [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODUCT}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        # The same UID in every language: it is one event, whichever file a calendar imported.
        f"UID:{event['id']}@{urlsplit(site_url).hostname or 'localhost'}",
        f"DTSTAMP:{_stamp(site, event):%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY{in_language}:{_escaped(plain_text(event['name'][lang]))}",
        f"LOCATION{in_language}:{_escaped(place)}",
        f"DESCRIPTION{in_language}:{_escaped(description)}",
        f"URL:{page_url}",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",  # an event to know about, not time to block
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_folded(line) + "\r\n" for line in lines).encode("utf-8")


def write_calendars(site_dir: Path, site: SiteBuild, site_url: str, write: Write = write_file) -> list[Path]:
    written = []
    for event in site.data["events"]["events"]:
        for language in site.languages:
            target = site_dir / calendar_path(language, event["id"])
            write(target, event_calendar(site, event, language, site_url))
            written.append(target)
    return written


def _stamp(site: SiteBuild, event: dict) -> datetime.datetime:
    """DTSTAMP: when the data last changed (git), so that the same data gives the same file."""
    changed = site.changed.get(site.data.source_file("events"))
    day = changed or datetime.date.fromisoformat(event["end"])
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)


def _escaped(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11)."""
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _folded(line: str) -> str:
    """The line cut into lines of at most 75 octets, each further one starting with a space
    (RFC 5545 3.1); a UTF-8 character is never cut."""
    pieces, piece, size = [], [], 0
    for character in line:
        width = len(character.encode("utf-8"))
        if size + width > 75:
            pieces.append("".join(piece))
            piece, size = [], 1  # the space that starts the next line
        piece.append(character)
        size += width
    pieces.append("".join(piece))
    return "\r\n ".join(pieces)
