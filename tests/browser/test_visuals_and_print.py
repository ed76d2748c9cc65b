"""The map, the timeline and printing, in Chromium: keyboard use, no other host, clean paper."""

from __future__ import annotations

import datetime
import io

import pytest
import yaml
from pypdf import PdfReader
from sites import FIXTURE_DATA, LANGUAGES, ROOT

SECTIONS = yaml.safe_load((ROOT / "data" / "sections.yml").read_text(encoding="utf-8"))["sections"]
STRINGS = {
    lang: yaml.safe_load((ROOT / "cglu_site" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES
}


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {inMap: !!element.closest('.cglu-map'), href: element.getAttribute('href'),
                    outline: style.outlineStyle, outlineWidth: parseFloat(style.outlineWidth)};
        }"""
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_region_of_the_map_is_reached_with_the_keyboard_and_followed(
    live_site, visit, lang: str
) -> None:
    page = visit.page
    page.goto(live_site.url + prefix(lang) + "sections/")
    page.wait_for_load_state("networkidle")  # the search index, before we leave the page
    page.locator("figure.cglu-map").evaluate("map => { map.tabIndex = -1; map.focus(); }")  # start at the map
    reached = []
    for _ in range(len(SECTIONS)):
        page.keyboard.press("Tab")
        state = focused(page)
        assert state["inMap"], f"Tab left the map after {reached}"
        assert state["outline"] != "none" and state["outlineWidth"] >= 2, "focus is visible"
        reached.append(state["href"])
    assert sorted(reached) == sorted(f"{section['id']}/" for section in SECTIONS)
    page.keyboard.press("Shift+Tab")  # back to the previous region, then follow it
    expected = reached[-2]
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url == live_site.url + prefix(lang) + "sections/" + expected
    assert not visit.failures, visit.failures


@pytest.mark.parametrize("path", ["sections/", "history/", "open-data/", "events/daejeon-2022/"])
def test_new_pages_load_everything_from_the_site_itself(live_site, visit, path: str) -> None:
    for lang in LANGUAGES:
        visit.page.goto(live_site.url + prefix(lang) + path)
        visit.page.wait_for_load_state("networkidle")
    assert not visit.failures, visit.failures
    assert not visit.console_errors, visit.console_errors
    assert not [url for url in visit.requests if not url.startswith(live_site.origin)], (
        "request to another host"
    )


def test_the_map_keeps_its_size_on_a_phone_and_the_timeline_fits(live_site, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(live_site.url + "sections/")
    map_box = page.locator(".cglu-map__svg").bounding_box()
    assert map_box["width"] >= 600, "labels stay readable: the map scrolls sideways instead of shrinking"
    assert page.evaluate("document.documentElement.scrollWidth") <= 390, "only the map scrolls, not the page"
    page.goto(live_site.url + "history/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()


def pdf_text(page, url: str) -> tuple[str, int]:
    page.goto(url)
    page.wait_for_load_state("networkidle")
    reader = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = "\n".join(pdf_page.extract_text() for pdf_page in reader.pages)
    return " ".join(text.split()), len(reader.pages)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_page_prints_without_navigation_and_with_its_link_targets(live_site, page, lang: str) -> None:
    organisation = yaml.safe_load((ROOT / "data" / "organisation.yml").read_text(encoding="utf-8"))[
        "organisation"
    ]
    strings = STRINGS[lang]
    text, pages = pdf_text(page, live_site.url + prefix(lang) + "contact/")
    assert 1 <= pages <= 3
    assert strings["nav"]["contact"] in text and organisation["contact"]["street"] in text
    # Links that leave the site show where they lead.
    assert organisation["contact"]["website"] in text
    assert organisation["contact"]["social"][0]["url"] in text
    # No navigation, search or footer: other pages' titles and the theme's chrome are absent.
    assert strings["nav"]["governance"] not in text and strings["nav"]["members"] not in text
    for hidden in (
        ".md-header",
        ".md-sidebar--primary",
        ".md-sidebar--secondary",
        ".md-search",
        ".md-footer",
        ".md-content__button",
    ):
        page.emulate_media(media="print")
        assert not page.locator(hidden).first.is_visible(), f"{hidden} prints"
    # The map and the timeline print too.
    text, _ = pdf_text(page, live_site.url + prefix(lang) + "history/")
    assert "1913" in text and strings["nav"]["history"] in text
    page.goto(live_site.url + prefix(lang) + "sections/")
    page.emulate_media(media="print")
    assert page.locator(".cglu-map__svg").is_visible()


# Every link of the article, what it says and what print.css adds after it (or "none").
PRINTED_LINKS = """() => [...document.querySelectorAll("article a[href]")].map(link => ({
  href: link.getAttribute("href"), text: link.textContent.trim(),
  after: getComputedStyle(link, "::after").content,
}))"""


def squeezed(address: str) -> str:
    """An address as a reader compares it: no scheme of e-mail or telephone, spaces, case or final slash."""
    for scheme in ("mailto:", "tel:"):
        address = address.removeprefix(scheme)
    return address.replace(" ", "").replace("\u00a0", "").rstrip("/").lower()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_printed_link_shows_its_address_once(live_site, page, lang: str) -> None:
    shown_after = 0
    for path in ("contact/", "sources/", "documents/", "events/daejeon-2022/", "commissions/culture/"):
        page.goto(live_site.url + prefix(lang) + path)
        page.emulate_media(media="print")
        for link in page.evaluate(PRINTED_LINKS):
            if link["after"] in ("none", "normal"):
                continue
            shown_after += 1
            assert squeezed(link["href"]) not in squeezed(link["text"]), (
                f"/{prefix(lang)}{path}: {link['text']!r} is its own address, printed again after it"
            )
        page.emulate_media(media="screen")
    assert shown_after, "links whose text is not their address still print it"


FIXTURE_EVENT = yaml.safe_load((FIXTURE_DATA / "events.yml").read_text(encoding="utf-8"))["events"][0]


def at_noon(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(12), datetime.UTC)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_an_event_still_to_come_offers_its_calendar_file(dated_sites, browser, lang: str) -> None:
    """Built before the event, its page offers the .ics file (not on paper); built after it, or
    visited after it, the page says the event is over instead."""
    words = STRINGS[lang]["calendar"]
    path = prefix(lang) + f"events/{FIXTURE_EVENT['id']}/"
    end = datetime.date.fromisoformat(str(FIXTURE_EVENT["end"]))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="UTC")
    page = context.new_page()
    try:
        page.clock.set_fixed_time(at_noon(end))  # its last day: still to come
        page.goto(dated_sites["before"].url + path)
        offer = page.get_by_role("link", name=words["download"])
        over = page.get_by_text(words["past"], exact=True)
        assert offer.is_visible() and not over.is_visible()
        calendar = page.request.get(page.url + offer.get_attribute("href"))
        assert calendar.ok and calendar.text().startswith("BEGIN:VCALENDAR")
        page.emulate_media(media="print")
        assert not offer.is_visible(), "the calendar button prints"
        page.emulate_media(media="screen")

        page.clock.set_fixed_time(at_noon(end + datetime.timedelta(days=1)))  # built before, read after
        page.goto(dated_sites["before"].url + path)
        assert not offer.is_visible() and over.is_visible()

        page.goto(dated_sites["after"].url + path)  # built after
        assert offer.count() == 0 and over.is_visible()
    finally:
        context.close()
