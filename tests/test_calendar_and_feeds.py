"""The calendar file of each event and the news feed of each language, read by real parsers."""

from __future__ import annotations

import datetime
import posixpath
import re
from types import SimpleNamespace

import feedparser
import icalendar
import pytest
import yaml
from sites import LANGUAGES, ROOT, Project

from cglu_site.data.languages import Language
from cglu_site.data.text import strip_language_markers
from cglu_site.outputs.calendars import event_calendar
from cglu_site.pages.formats import LanguageFormats

SITE_URL = "https://cglu-docs.example.org/"


def load(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))[name]


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def plain(text: str) -> str:
    return strip_language_markers(re.sub(r"[ \t\r\n]+", " ", text).strip())


EVENTS = load("events")


STRINGS = {
    lang: yaml.safe_load((ROOT / "cglu_site" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES
}


@pytest.mark.parametrize("event", EVENTS, ids=[event["id"] for event in EVENTS])
def test_each_event_has_a_calendar_file_in_each_language(real_site: Project, event: dict) -> None:
    """Every event's file is published; the page offers it only while the event is not over
    (on the day of the build), and else says it is over."""
    still_to_come = str(event["end"]) >= datetime.date.today().isoformat()
    uids = set()
    for lang in LANGUAGES:
        page = f"{prefix(lang)}events/{event['id']}/index.html"
        html = real_site.html(page)
        link = html.select_one('article a[href$=".ics"]')
        over = html.select_one("article .cglu-event-over")
        assert over is not None and over.get_text(strip=True) == STRINGS[lang]["calendar"]["past"], page
        if still_to_come:
            assert link is not None and link.get("download"), f"{page}: no calendar link"
            assert link.get_text(strip=True) == STRINGS[lang]["calendar"]["download"]
            assert over.has_attr("hidden"), f"{page}: an event still to come is said to be over"
            assert link.find_parent(attrs={"data-cglu-until": str(event["end"])}), (
                "cglu.js needs the last day"
            )
        else:
            assert link is None, f"{page}: a past event offers its calendar file"
            assert not over.has_attr("hidden"), f"{page}: a past event is not said to be over"
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), f"{event['id']}.ics"))
        raw = (real_site.site / target).read_bytes()
        calendar = icalendar.Calendar.from_ical(raw)
        assert calendar["VERSION"] == "2.0" and calendar.get("PRODID")
        (vevent,) = calendar.walk("VEVENT")
        # RFC 5545: whole days, DTEND the day after the last one; DTSTAMP and UID required.
        assert vevent.decoded("DTSTART") == datetime.date.fromisoformat(str(event["start"]))
        assert vevent.decoded("DTEND") == datetime.date.fromisoformat(str(event["end"])) + datetime.timedelta(
            days=1
        )
        assert isinstance(vevent.decoded("DTSTAMP"), datetime.datetime)
        assert str(vevent["SUMMARY"]) == plain(event["name"][lang])
        assert vevent["SUMMARY"].params["LANGUAGE"] == lang
        assert plain(event["city"][lang]) in str(vevent["LOCATION"])
        assert str(vevent["URL"]) == SITE_URL + page.removesuffix("index.html")
        assert all(line_length <= 75 for line_length in map(len, raw.split(b"\r\n")))  # folded lines
        uids.add(str(vevent["UID"]))
    assert len(uids) == 1, "one event, one UID, whichever language's file a calendar imports"


def test_calendar_texts_are_escaped_and_folded_as_rfc_5545_asks() -> None:
    tricky = "Réunion, «\u00a0débat\u00a0»; chemin C:\\temp — " + "é" * 80 + " 🌍" * 30
    text = {"fr": tricky}
    event = {
        "id": "test",
        "start": "2026-03-01",
        "end": "2026-03-02",
        "name": text,
        "summary": text,
        "venue": text,
        "city": {"fr": "Québec"},
        "country": {"fr": "Canada"},
        "organisers": [{"fr": "A, B"}, {"fr": "C; D"}],
    }
    site = SimpleNamespace(
        strings={"fr": {"label": {"organisers": "Organisateurs"}}},
        formats=lambda lang: LanguageFormats("fr_FR"),
        changed={},
        data=SimpleNamespace(source_file=lambda name: f"data/{name}.yml"),
    )
    raw = event_calendar(site, event, Language("fr", "Français", True, "/"), SITE_URL)
    assert raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    for line in lines:
        line.decode("utf-8")  # no character cut between two lines
    (vevent,) = icalendar.Calendar.from_ical(raw).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == tricky
    assert str(vevent["LOCATION"]) == f"{tricky}, Québec, Canada"
    assert str(vevent["DESCRIPTION"]) == f"{tricky}\n\nOrganisateurs: A, B; C; D\n\n{SITE_URL}events/test/"
    assert vevent.decoded("DTSTAMP") == datetime.datetime(2026, 3, 2, tzinfo=datetime.UTC)


NEWS = sorted(load("news"), key=lambda item: str(item["date"]), reverse=True)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_a_valid_atom_feed_of_the_news(real_site: Project, lang: str) -> None:
    raw = (real_site.site / prefix(lang) / "feed.xml").read_bytes()
    feed = feedparser.parse(raw)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    assert feed.feed.language == lang
    assert feed.feed.id == f"{SITE_URL}{prefix(lang)}feed.xml"
    assert feed.feed.author  # Atom: an author for the feed, which its entries inherit
    assert [entry.title for entry in feed.entries] == [plain(item["title"][lang]) for item in NEWS]
    for entry, item in zip(feed.entries, NEWS, strict=True):
        assert entry.link == f"{SITE_URL}{prefix(lang)}news/{item['id']}/"
        assert (real_site.site / prefix(lang) / "news" / item["id"] / "index.html").is_file()
        assert entry.summary == plain(item["summary"][lang])
        assert entry.published_parsed[:3] == tuple(int(part) for part in str(item["date"]).split("-"))


def test_every_page_links_to_its_language_feed(real_site: Project) -> None:
    for path in sorted(real_site.site.rglob("*.html")):
        relative = path.relative_to(real_site.site).as_posix()
        lang = relative.split("/")[0] if relative.split("/")[0] in LANGUAGES[1:] else LANGUAGES[0]
        html = real_site.html(relative)
        if relative.endswith("404.html"):
            continue
        links = html.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, relative
        target = posixpath.normpath(posixpath.join(posixpath.dirname(relative), links[0]["href"]))
        assert target == f"{prefix(lang)}feed.xml", relative
        assert links[0]["title"]
