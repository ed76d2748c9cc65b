"""One iCalendar file (RFC 5545) per event and per language, beside the event's page.

/events/<id>/<id>.ics (French, the default language) and /en/events/<id>/<id>.ics: a
visitor adds the event to their calendar in the language they read. The event page links
to it (templates/events/entry.md.j2). The files are written by the `icalendar` library,
which folds long lines and escapes commas, semicolons and new lines as RFC 5545 requires.
"""

from __future__ import annotations

import datetime
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from icalendar import Calendar, Event

from .render import strip_language_markers

if TYPE_CHECKING:
    from .build_pages import SiteBuild
    from .languages import Language

PRODUCT = "-//CGLU-UCLG//Documentation site//EN"


def calendar_path(language: Language, event_id: str) -> str:
    """Site-relative path of an event's calendar file in one language."""
    return posixpath.join(language.link.strip("/"), "events", event_id, f"{event_id}.ics")


def event_calendar(site: SiteBuild, event: dict, language: Language, site_url: str) -> bytes:
    lang = language.code
    page_url = urljoin(site_url, posixpath.join(language.link.strip("/"), "events", event["id"]) + "/")
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    entry = Event()
    # The same UID in every language: it is one event, whichever file a calendar imported.
    entry.add("uid", f"{event['id']}@{urlsplit(site_url).hostname or 'localhost'}")
    entry.add("dtstamp", _stamp(site, event))
    entry.add("dtstart", datetime.date.fromisoformat(event["start"]))
    # All-day events end the day after their last day (DTEND is exclusive).
    entry.add("dtend", datetime.date.fromisoformat(event["end"]) + datetime.timedelta(days=1))
    entry.add("summary", _text(event["name"][lang]), parameters={"LANGUAGE": lang})
    place = ", ".join(_text(event[key][lang]) for key in ("venue", "city", "country"))
    entry.add("location", place, parameters={"LANGUAGE": lang})
    organisers = "; ".join(_text(organiser[lang]) for organiser in event["organisers"])
    label = site.strings[lang]["label"]["organisers"]
    description = f"{_text(event['summary'][lang])}\n\n{label}: {organisers}\n\n{page_url}"
    entry.add("description", description, parameters={"LANGUAGE": lang})
    entry.add("url", page_url)
    entry.add("status", "CONFIRMED")
    entry.add("transp", "TRANSPARENT")  # an event to know about, not time to block
    calendar.add_component(entry)
    return calendar.to_ical()


def write_calendars(site_dir: Path, site: SiteBuild, site_url: str) -> list[Path]:
    written = []
    for event in site.data["events"]["events"]:
        for language in site.languages:
            target = site_dir / calendar_path(language, event["id"])
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(event_calendar(site, event, language, site_url))
            written.append(target)
    return written


def _text(value: str) -> str:
    """Plain text on one line (not str.split(), which would eat no-break spaces)."""
    return strip_language_markers(re.sub(r"[ \t\r\n]+", " ", value).strip())


def _stamp(site: SiteBuild, event: dict) -> datetime.datetime:
    """DTSTAMP: when the data last changed (git), so that the same data gives the same file."""
    changed = site.changed.get(site.data.source_file("events"))
    day = changed or datetime.date.fromisoformat(event["end"])
    return datetime.datetime(day.year, day.month, day.day, tzinfo=datetime.UTC)
