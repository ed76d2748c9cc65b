"""The map of the sections and the history timeline, as built from the data."""

from __future__ import annotations

import posixpath
import re

import pytest
import yaml
from sites import LANGUAGES, ROOT, Project

from cglu_site.data.text import strip_language_markers
from cglu_site.pages.section_map import SHAPES_FILE


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def plain(text: str) -> str:
    return strip_language_markers(re.sub(r"[ \t\r\n]+", " ", text).strip())


SECTIONS = load("sections")["sections"]


def test_every_regional_section_has_an_outline() -> None:
    shapes = yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))
    regional = {section["id"] for section in SECTIONS if section["kind"] == "regional"}
    assert regional <= set(shapes["regions"]), (
        "draw the new region in cglu_site/pages/map_regions.yml (scripts/map_shapes.py)"
    )
    assert SHAPES_FILE.stat().st_size < 40_000, "the map stays small"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_map_links_every_section_and_says_what_it_shows(real_site: Project, lang: str) -> None:
    page = f"{prefix(lang)}sections/index.html"
    html = real_site.html(page)
    figure = html.select_one("article figure.cglu-map")
    svg = figure.find("svg")
    # A text alternative: the SVG is named and described by its own title and desc.
    title = svg.find("title", recursive=False)
    desc = svg.find("desc", recursive=False)
    assert svg["aria-labelledby"] == title["id"] and svg["aria-describedby"] == desc["id"]
    assert title.get_text(strip=True) and figure.find("figcaption").get_text(strip=True)
    assert re.fullmatch(r"0,0,\d+,\d+", svg["viewbox"])  # html.parser lower-cases attribute names
    # Regions are links of the drawing; the sections drawn as no region, links under it.
    links = figure.find_all("a")
    assert len(links) == len(SECTIONS)
    for link, section in zip(
        sorted(links, key=lambda a: a["href"]), sorted(SECTIONS, key=lambda s: s["id"]), strict=True
    ):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))
        assert target == f"{prefix(lang)}sections/{section['id']}", link["href"]
        assert (real_site.site / target / "index.html").is_file()
        drawn = link.find("path") is not None
        assert drawn == (section["kind"] == "regional")
        assert (link.find_parent("svg") is svg) == drawn
        name = link.find("title").get_text() if drawn else link["title"]
        assert name.startswith(plain(section["region"][lang])) and plain(section["name"][lang]) in name
        assert plain(section["region"][lang]) in desc.get_text()
        if drawn:  # one label for a map shown wide, one for a phone's (cglu.css shows one)
            labels = link.find_all("text")
            sizes = {label["class"][-1].removeprefix("cglu-map__label--") for label in labels}
            assert sizes == {"wide", "narrow"}
            region = plain(section["region"][lang]).replace(" ", "")
            for label in labels:  # wrapped into lines (tspans): compared without the spaces
                assert "".join(label.stripped_strings).replace(" ", "") == region
        else:
            assert link.get_text() == plain(section["region"][lang])
    # The same sections as a list, for whoever does not see the map.
    listed = {a["href"] for a in html.select("article li a[href]")}
    assert {f"{section['id']}/" for section in SECTIONS} <= listed
    # No tiles, no script, no other host: everything is in the page.
    assert not svg.find_all(["image", "script", "foreignObject", "use"])
    assert not [
        value
        for tag in svg.find_all(True)
        for key, value in tag.attrs.items()
        if "http" in str(value) and key != "xmlns"
    ]


def dates_shown(html) -> list[str]:
    return [item.select_one("time")["datetime"] for item in html.select("article .cglu-timeline > ol > li")]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_timeline_tells_the_history_in_date_order(real_site: Project, lang: str) -> None:
    page = f"{prefix(lang)}history/index.html"
    html = real_site.html(page)
    organisation = load("organisation")["organisation"]
    offices = load("governance")["offices"]
    items = html.select("article .cglu-timeline > ol > li")
    holders = [holder for office in offices for holder in office["holders"]]
    assert len(items) == len(organisation["history"]) + len(holders)
    dates = dates_shown(html)
    assert dates == sorted(dates), "oldest first"
    assert dates[0] == "1913" and "2004-05" in dates  # the municipal movement, then UCLG's creation
    text = real_site.text(page).replace("\xa0", " ").replace("\u202f", " ")
    for milestone in organisation["history"]:
        assert plain(milestone["text"][lang]).replace("\xa0", " ") in text
    for holder in holders:
        assert ", ".join(holder["names"]) in text
    presidents = [item for item in items if "cglu-timeline__kind--term" in str(item)]
    assert len(presidents) == len(holders)
    # A machine-readable date on every item, and the congress of Daejeon linked to its page.
    assert all(
        re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", time["datetime"]) for time in html.select("article time")
    )
    links = {
        posixpath.normpath(posixpath.join(posixpath.dirname(page), a["href"]))
        for a in html.select("article .cglu-timeline a[href]")
        if not a["href"].startswith("#")
    }
    assert f"{prefix(lang)}events/daejeon-2022" in links


def test_an_event_no_milestone_speaks_of_is_on_the_timeline(fixture_site: Project) -> None:
    """The fixture's history stops in 1913: its 2022 congress is an item of its own."""
    html = fixture_site.html("en/history/index.html")
    assert dates_shown(html) == ["1913", "2019-11-15", "2022-10", "2022-10-10"]
    event = html.select("article .cglu-timeline > ol > li")[-1]
    assert event.select_one(".cglu-timeline__kind--event").get_text() == "Event"
    assert event.select_one("a")["href"].rstrip("/").endswith("events/congress-2022")
