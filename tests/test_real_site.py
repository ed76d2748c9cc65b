"""The real data builds a strict site in which every page exists, and says its facts, in every language."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from sites import LANGUAGES, ROOT, Project

from cglu_site.data.strings import load_strings
from cglu_site.data.text import strip_language_markers
from cglu_site.pages.formats import LanguageFormats


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page_path(lang: str, path: str) -> str:
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return f"{prefix}{path}"


def language_pages(site: Path, lang: str) -> set[str]:
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}
    if lang == LANGUAGES[0]:
        return {p for p in pages if p.split("/")[0] not in LANGUAGES[1:]}
    return {p.removeprefix(f"{lang}/") for p in pages if p.startswith(f"{lang}/")}


def test_every_page_exists_in_every_language(real_site: Project) -> None:
    default = language_pages(real_site.site, LANGUAGES[0])
    assert len(default) > 30
    for lang in LANGUAGES[1:]:
        assert language_pages(real_site.site, lang) == default


def test_every_page_is_in_its_own_language(real_site: Project) -> None:
    """The English page is not the French text: titles and bodies differ, lang is right."""
    for page in language_pages(real_site.site, LANGUAGES[0]):
        texts = {}
        for lang in LANGUAGES:
            html = real_site.html(page_path(lang, page))
            assert html.html["lang"] == lang, page
            texts[lang] = real_site.text(page_path(lang, page))
        assert len(set(texts.values())) == len(LANGUAGES), f"{page}: the same text in two languages"


def test_materials_labels_are_worded_as_the_strings_say(real_site: Project) -> None:
    """The edit button's name (its only one: an icon) comes from the site's strings, in every
    language: Material's French says 'Editer cette page'."""
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        for page in sorted(language_pages(real_site.site, lang)):
            (edit,) = real_site.html(page_path(lang, page)).select("a[rel=edit]")
            assert edit["title"] == strings[lang]["material"]["action_edit"], page_path(lang, page)


def plain(text: str) -> str:
    """Text without typographic no-break spaces (French pages add them; tests elsewhere check it)."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def entries(name: str, key: str) -> list[tuple[str, dict]]:
    return [(entry["id"], entry) for entry in load(name)[key]]


PAGES_FROM_DATA = [
    *[
        (f"commissions/{id_}/index.html", entry, ("name", "description"))
        for id_, entry in entries("commissions", "bodies")
    ],
    *[
        (f"sections/{id_}/index.html", entry, ("region", "name", "description"))
        for id_, entry in entries("sections", "sections")
    ],
    *[
        (
            f"events/{id_}/index.html",
            entry,
            ("name", "summary", "city", *(("venue",) if "venue" in entry else ())),
        )
        for id_, entry in entries("events", "events")
    ],
    *[(f"news/{id_}/index.html", entry, ("title", "summary")) for id_, entry in entries("news", "news")],
]


@pytest.mark.parametrize(("page", "entry", "fields"), PAGES_FROM_DATA, ids=[p[0] for p in PAGES_FROM_DATA])
def test_entry_pages_show_their_data_in_each_language(
    real_site: Project, page: str, entry: dict, fields: tuple
) -> None:
    for lang in LANGUAGES:
        text = plain(real_site.text(page_path(lang, page)))
        for field in fields:
            assert expected(entry[field][lang]) in text, f"{lang}/{page}: {field}"
        own_text = plain(real_site.text(page_path(lang, page), own_language_only=True))
        others = [expected(entry[field][other]) for field in fields for other in LANGUAGES if other != lang]
        for other_text in others:
            if all(other_text != expected(entry[field][lang]) for field in fields) and len(other_text) > 20:
                assert other_text not in own_text, f"{lang}/{page} shows another language's text"


def expected(text: str) -> str:
    """A data text as a reader sees it: language markers reduced to their phrase."""
    return plain(strip_language_markers(text))


def texts_of(value) -> list[dict]:
    """Every {fr, en} text inside a data value."""
    if isinstance(value, dict):
        if set(value) == set(LANGUAGES):
            return [value]
        return [text for child in value.values() for text in texts_of(child)]
    if isinstance(value, list):
        return [text for child in value for text in texts_of(child)]
    return []


ORGANISATION = load("organisation")["organisation"]
GOVERNANCE = load("governance")
FACTS_BY_PAGE = {
    "index.html": [
        ORGANISATION["summary"]["text"],
        *[figure["label"] for figure in ORGANISATION["key_figures"]],
    ],
    "about/index.html": texts_of(
        {
            key: ORGANISATION[key]
            for key in (
                "founded",
                "seat",
                "mission",
                "objectives",
                "action_plan",
                "axes",
                "values",
                "history",
            )
        }
    ),
    "governance/index.html": texts_of(GOVERNANCE),
    "commissions/index.html": [area["label"] for area in load("commissions")["areas"]]
    + [load("commissions")["list"]["intro"]],
    "members/index.html": texts_of(load("members")["members"]),
    "contact/index.html": [ORGANISATION["contact"]["city"], ORGANISATION["contact"]["country"]],
    "sources/index.html": [source["title"] for source in load("sources")["sources"]],
}


@pytest.mark.parametrize("page", sorted(FACTS_BY_PAGE))
def test_pages_show_every_fact_of_their_data_in_each_language(real_site: Project, page: str) -> None:
    for lang in LANGUAGES:
        text = plain(real_site.text(page_path(lang, page)))
        missing = [expected(fact[lang]) for fact in FACTS_BY_PAGE[page] if expected(fact[lang]) not in text]
        assert not missing, f"{lang}/{page} lacks: {missing[:3]}"


def test_contact_page_gives_every_way_to_reach_the_secretariat(real_site: Project) -> None:
    contact = ORGANISATION["contact"]
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "contact/index.html"))
        text = plain(real_site.text(page_path(lang, "contact/index.html")))
        assert plain(contact["street"]) in text and contact["postcode"] in text
        hrefs = {link["href"] for link in html.select("article a[href]")}
        assert f"mailto:{contact['email']}" in hrefs
        assert "tel:" + contact["phone"].replace(" ", "") in hrefs
        assert any(href.startswith(contact["website"].rstrip("/")) for href in hrefs)


def test_every_area_of_work_is_reachable_from_the_commissions_index(real_site: Project) -> None:
    areas = load("commissions")["areas"]
    assert len(areas) == 22
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "commissions/index.html"))
        for area in areas:
            assert html.find(id=area["id"]) is not None, f"{lang}: no anchor for {area['id']}"


def test_every_generated_page_lists_the_sources_it_cites(real_site: Project) -> None:
    for page in language_pages(real_site.site, LANGUAGES[0]):
        if page in ("sources/index.html", "about-this-site/index.html", "open-data/index.html"):  # no facts
            continue
        for lang in LANGUAGES:
            html = real_site.html(page_path(lang, page))
            cited = {a["href"] for a in html.select("article sup a")}
            listed = {f"#{span['id']}" for span in html.select("article li span[id^=source-]")}
            assert cited, f"{lang}/{page} cites no source"
            assert cited <= listed, f"{lang}/{page}: citations without a listed source"


def dates_of(value) -> list[str]:
    """Every `as_of` inside a data value."""
    if isinstance(value, dict):
        own = [str(value["as_of"])] if "as_of" in value else []
        return own + [date for child in value.values() for date in dates_of(child)]
    if isinstance(value, list):
        return [date for child in value for date in dates_of(child)]
    return []


DATED_PAGES = [(page, dates_of(entry)) for page, entry, _ in PAGES_FROM_DATA if dates_of(entry)] + [
    ("index.html", dates_of(ORGANISATION["key_figures"])),
    ("governance/index.html", dates_of(GOVERNANCE)),
    ("documents/index.html", dates_of(load("documents"))),
]


@pytest.mark.parametrize(("page", "dates"), DATED_PAGES, ids=[page for page, _ in DATED_PAGES])
def test_time_sensitive_facts_say_when_they_were_true(
    real_site: Project, page: str, dates: list[str]
) -> None:
    """Every `as_of` of a page's data shows, worded and formatted for each language."""
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        text = plain(real_site.text(page_path(lang, page)))
        for as_of in dates:
            precision = ("year", "month", "day")[as_of.count("-")]
            when = LanguageFormats(strings[lang]["meta"]["babel_locale"]).date(as_of)
            # Within a sentence or standing alone, as the strings word it: not recased.
            phrases = [
                strings[lang]["label"][key][precision].format(date=when) for key in ("as_of", "as_of_alone")
            ]
            assert any(plain(phrase) in text for phrase in phrases), f"{lang}/{page}: {phrases}"


def test_generated_pages_are_never_committed(real_site: Project) -> None:
    """Every page the plugin writes is ignored by git (see .gitignore)."""
    import subprocess

    from cglu_site.pages.writer import is_generated

    generated = [
        p.relative_to(real_site.root).as_posix() for p in real_site.docs.rglob("*.md") if is_generated(p)
    ]
    assert generated
    result = subprocess.run(
        ["git", "-C", str(ROOT), "check-ignore", "--no-index", "--stdin"],
        input="\n".join(generated),
        capture_output=True,
        text=True,
    )
    ignored = set(result.stdout.split())
    assert set(generated) <= ignored, sorted(set(generated) - ignored)


EVENTS = load("events")["events"]
CONGRESSES = [event for event in EVENTS if event.get("kind") == "congress"]


def event_links(html, heading_id: str) -> list[str]:
    """The event pages listed under one heading of the Events page, in order."""
    heading = html.find(id=heading_id)
    assert heading is not None, heading_id
    links = []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        links += [a["href"].strip("/") for a in sibling.select("a[href]") if not a["href"].startswith("#")]
    return links


def test_the_events_page_lists_upcoming_events_apart_from_past_ones(real_site: Project) -> None:
    """Events not over on the day of the build come first (soonest first), under their own
    heading; the past ones follow, newest first. Every event, congresses included, is listed."""
    import datetime

    today = datetime.date.today().isoformat()
    upcoming = [e["id"] for e in sorted(EVENTS, key=lambda e: str(e["start"])) if str(e["end"]) >= today]
    past = [
        e["id"] for e in sorted(EVENTS, key=lambda e: str(e["start"]), reverse=True) if str(e["end"]) < today
    ]
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "events/index.html"))
        headings = {h.get("id"): plain(h.get_text()).rstrip("¶ ") for h in html.select("article h2")}
        assert headings["upcoming"] == strings[lang]["events"]["upcoming"], lang
        assert headings["past"] == strings[lang]["events"]["past"], lang
        assert event_links(html, "upcoming") == upcoming, lang
        assert event_links(html, "past") == past, lang
        if not upcoming:
            text = plain(real_site.text(page_path(lang, "events/index.html")))
            assert plain(strings[lang]["events"]["none_upcoming"]).split("{date}")[0] in text, lang


def test_every_world_congress_has_its_page_with_its_outcomes(real_site: Project) -> None:
    assert len(CONGRESSES) >= 8  # Paris 2004 to Daejeon 2022, and Tangier 2026
    assert [str(c["start"])[:4] for c in sorted(CONGRESSES, key=lambda c: str(c["start"]))][:7] == [
        "2004",
        "2007",
        "2010",
        "2013",
        "2016",
        "2019",
        "2022",
    ]
    for congress in CONGRESSES:
        for lang in LANGUAGES:
            page = page_path(lang, f"events/{congress['id']}/index.html")
            text = plain(real_site.text(page))
            for field in ("name", "city", "country", "summary"):
                assert expected(congress[field][lang]) in text, f"{page}: {field}"
            for outcome in congress.get("outcomes", []):
                assert expected(outcome["text"][lang]) in text, f"{page}: outcome"
            if "motto" in congress:
                assert expected(congress["motto"]["text"][lang]) in text, f"{page}: motto"


def test_the_history_page_links_every_congress(real_site: Project) -> None:
    """Each congress appears on the History page, linked: from the milestone of its month,
    or as an item of its own (timeline.py)."""
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "history/index.html"))
        linked = {a["href"].strip("/").split("/")[-1] for a in html.select("article a[href*='events/']")}
        missing = [c["id"] for c in CONGRESSES if c["id"] not in linked]
        assert not missing, f"{lang}: {missing}"


NEWS = load("news")["news"]


def test_the_news_page_lists_every_item_newest_first_with_its_date(real_site: Project) -> None:
    newest_first = sorted(NEWS, key=lambda item: str(item["date"]), reverse=True)
    assert len(NEWS) >= 6
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "news/index.html"))
        listed = [
            a["href"].strip("/") for a in html.select("article h2 a[href]") if not a["href"].startswith("#")
        ]
        assert listed == [item["id"] for item in newest_first], lang
        text = plain(real_site.text(page_path(lang, "news/index.html")))
        formats = LanguageFormats(strings[lang]["meta"]["babel_locale"])
        for item in NEWS:
            assert plain(formats.date(str(item["date"]))) in text, f"{lang}: {item['id']}"
            assert expected(item["summary"][lang]) in text, f"{lang}: {item['id']}"
        feed = (real_site.site / page_path(lang, "feed.xml")).read_text(encoding="utf-8")
        for item in NEWS:
            assert f"/news/{item['id']}/" in feed, f"{lang} feed: {item['id']}"


@pytest.mark.parametrize("item", NEWS, ids=[item["id"] for item in NEWS])
def test_every_news_item_shows_its_whole_body(real_site: Project, item: dict) -> None:
    for lang in LANGUAGES:
        text = plain(real_site.text(page_path(lang, f"news/{item['id']}/index.html")))
        for paragraph in item["body"]:
            assert expected(paragraph[lang]) in text, f"{lang}/{item['id']}"


DOCUMENTS = load("documents")["documents"]


def test_the_documents_page_lists_every_document_with_its_addresses(real_site: Project) -> None:
    """Every document of documents.yml, in every language: its title, date, description, the
    event it was adopted at (linked), and every address it can be read at, with its languages."""
    strings = load_strings(LANGUAGES)
    assert {d["kind"] for d in DOCUMENTS} >= {"statutes", "declaration", "report"}
    for lang in LANGUAGES:
        page = page_path(lang, "documents/index.html")
        html = real_site.html(page)
        text = plain(real_site.text(page))
        formats = LanguageFormats(strings[lang]["meta"]["babel_locale"])
        for document in DOCUMENTS:
            heading = html.find(id=document["id"])
            assert heading is not None and heading.name == "h3", f"{page}: {document['id']}"
            assert expected(document["title"][lang]) in plain(heading.get_text()), f"{page}: title"
            assert expected(document["description"][lang]) in text, f"{page}: {document['id']}"
            assert plain(formats.date(str(document["date"]))) in text, f"{page}: {document['id']} date"
            section = []
            for sibling in heading.find_next_siblings():
                if sibling.name in ("h2", "h3"):
                    break
                section.append(sibling)
            hrefs = [a["href"] for part in section for a in part.select("a[href]")]
            for version in document["versions"]:
                assert version["url"] in hrefs, f"{page}: {document['id']} {version['url']}"
                item = next(
                    li for part in section for li in part.select("li") if li.find("a", href=version["url"])
                )
                for code in version["languages"]:
                    assert strings[lang]["documents"]["languages"][code] in item.get_text(), f"{page}: {code}"
            if "event" in document:
                assert any(href.rstrip("/").endswith(f"events/{document['event']}") for href in hrefs), page


def test_the_documents_page_groups_documents_by_kind_newest_first(real_site: Project) -> None:
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "documents/index.html"))
        for kind in {d["kind"] for d in DOCUMENTS}:
            heading = html.find(id=kind)
            assert heading is not None and heading.name == "h2", f"{lang}: {kind}"
            listed = []
            for sibling in heading.find_next_siblings():
                if sibling.name == "h2":
                    break
                if sibling.name == "h3":
                    listed.append(sibling["id"])
            of_kind = [d for d in DOCUMENTS if d["kind"] == kind]
            newest_first = sorted(of_kind, key=lambda d: str(d["date"]), reverse=True)
            assert listed == [d["id"] for d in newest_first], f"{lang}: {kind}"


def test_the_documents_page_is_in_the_navigation_of_every_language(real_site: Project) -> None:
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "index.html"))
        labels = [plain(a.get_text()) for a in html.select("nav a[href]")]
        assert strings[lang]["nav"]["documents"] in labels, lang


def test_event_pages_link_the_documents_adopted_there(real_site: Project) -> None:
    for document in [d for d in DOCUMENTS if "event" in d]:
        for lang in LANGUAGES:
            html = real_site.html(page_path(lang, f"events/{document['event']}/index.html"))
            hrefs = [a["href"] for a in html.select("article a[href]")]
            assert any(href.endswith(f"documents/#{document['id']}") for href in hrefs), (
                f"{lang}: {document['id']}"
            )


# ---------------------------------------------------------------- readable pages, sources one click away
def notes_by_page() -> dict[str, list[dict]]:
    """The remarks on the sources (`notes`, `mission_note`) each page's data holds, by page."""
    commissions = load("commissions")
    pages: dict[str, list[dict]] = {
        "about/index.html": [ORGANISATION["mission_note"]],
        "governance/index.html": [
            note
            for part in ("bodies", "offices")
            for item in GOVERNANCE[part]
            for note in item.get("notes", [])
        ],
        "members/index.html": [
            note for member in load("members")["members"] for note in member.get("notes", [])
        ],
        "commissions/index.html": commissions["list"].get("notes", []),
        "contact/index.html": ORGANISATION["contact"].get("notes", []),
        "join/index.html": load("members")["membership"].get("notes", []),
    }
    for name, key, folder in (
        ("commissions", "bodies", "commissions"),
        ("sections", "sections", "sections"),
        ("events", "events", "events"),
        ("news", "news", "news"),
    ):
        for entry in load(name)[key]:
            pages[f"{folder}/{entry['id']}/index.html"] = entry.get("notes", [])
    return {page: notes for page, notes in pages.items() if notes}


NOTES_BY_PAGE = notes_by_page()


def test_running_pages_have_no_note_boxes(real_site: Project) -> None:
    """The old `!!! note` admonitions are gone from every page: remarks on the sources are
    collapsed under their statement instead."""
    for lang in LANGUAGES:
        for page in sorted(language_pages(real_site.site, lang)):
            html = real_site.html(page_path(lang, page))
            article = html.select_one("article")
            assert not article.select(".admonition"), f"{lang}/{page}: an admonition is left"
            assert "!!!" not in article.get_text(), f"{lang}/{page}: an admonition was not converted"


@pytest.mark.parametrize("page", sorted(NOTES_BY_PAGE))
def test_remarks_on_the_sources_are_collapsed_under_about_the_sources(real_site: Project, page: str) -> None:
    """Every `notes` entry of a page's data is in a closed <details> whose <summary> (a native,
    keyboard-reachable button) is worded by the strings of the page's language, in Material's
    details style; the remark's sources are cited there."""
    strings = load_strings(LANGUAGES)
    assert len(NOTES_BY_PAGE) >= 6
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, page))
        blocks = html.select("article details.cglu-about-sources")
        assert blocks, f"{lang}/{page}: no 'About the sources' element"
        for block in blocks:
            assert not block.has_attr("open"), f"{lang}/{page}: 'About the sources' is not collapsed"
            summary = block.find(recursive=False)
            assert summary.name == "summary"
            assert plain(summary.get_text()) == strings[lang]["label"]["about_sources"]
            assert block.select("sup a[href^='#source-']"), f"{lang}/{page}: remarks without sources"
        inside = plain(" ".join(block.get_text() for block in blocks))
        for note in NOTES_BY_PAGE[page]:
            assert expected(note["text"][lang])[:60] in inside, f"{lang}/{page}: {note['text'][lang][:60]}"


# ---------------------------------------------------------------- how to join
MEMBERSHIP = load("members")["membership"]


def test_join_page_says_how_to_join_in_every_language(real_site: Project) -> None:
    """The Join page, made from `membership` in data/members.yml, gives both routes, every
    category, the fee and how to apply and whom to contact, in each language; the home page
    and the Members page link to it."""
    strings = load_strings(LANGUAGES)
    facts = texts_of(MEMBERSHIP)
    assert len(MEMBERSHIP["routes"]) >= 2 and len(MEMBERSHIP["categories"]) >= 4
    for lang in LANGUAGES:
        page = page_path(lang, "join/index.html")
        html = real_site.html(page)
        text = plain(real_site.text(page))
        assert plain(html.select_one("article h1").get_text()).startswith(strings[lang]["nav"]["join"])
        missing = [expected(fact[lang])[:60] for fact in facts if expected(fact[lang]) not in text]
        assert not missing, f"{lang}: {missing[:3]}"
        for part in ("routes", "categories"):
            for item in MEMBERSHIP[part]:
                assert html.find(id=item["id"]) is not None, f"{lang}: no anchor {item['id']}"
        for heading in ("routes", "categories", "fee", "apply", "contact"):
            assert strings[lang]["join"][heading] in text, f"{lang}: no '{heading}' heading"
        hrefs = {a["href"] for a in html.select("article a[href]")}
        assert MEMBERSHIP["website"] in hrefs
        assert {"../contact/", "../sections/"} <= hrefs, (
            f"{lang}: the Contact and Sections pages are not linked"
        )
        for linking in ("index.html", "members/index.html"):
            links = real_site.html(page_path(lang, linking)).select("article a[href]")
            targets = {
                link["href"] for link in links if plain(link.get_text()) == strings[lang]["nav"]["join"]
            }
            assert targets & {"join/", "../join/"}, f"{lang}/{linking} does not link the Join page"


# ---------------------------------------------------------------- governance as it is
def test_governance_page_shows_every_body_and_office_with_its_current_holders(real_site: Project) -> None:
    """Every body and office has its anchor; each office lists its holders oldest first, and the
    holder still in office (no `end`) is the last one, marked in office with the date of its source."""
    strings = load_strings(LANGUAGES)
    offices = {office["id"]: office for office in GOVERNANCE["offices"]}
    current = [holder for holder in offices["presidents"]["holders"] if "end" not in holder]
    assert len(current) == 1 and current[0] is offices["presidents"]["holders"][-1]
    assert {"co-presidents", "treasurer", "secretary-general"} <= set(offices)
    for lang in LANGUAGES:
        page = page_path(lang, "governance/index.html")
        html = real_site.html(page)
        text = plain(real_site.text(page))
        for item in [*GOVERNANCE["bodies"], *GOVERNANCE["offices"]]:
            assert html.find(id=item["id"]) is not None, f"{lang}: no anchor for {item['id']}"
        for office in GOVERNANCE["offices"]:
            start = text.find(expected(office["title"][lang]))
            names = [", ".join(holder["names"]) for holder in office["holders"]]
            positions = [text.find(name, start) for name in names]
            assert -1 not in positions and positions == sorted(positions), f"{lang}/{office['id']}: order"
        in_office = strings[lang]["label"]["in_office"]
        president = current[0]
        colon = plain(strings[lang]["punctuation"]["colon"]).strip()
        marked = rf"{re.escape(in_office)}\s*{re.escape(colon)}\s*{re.escape(president['names'][0])}"
        assert re.search(marked, text), f"{lang}: the current President is not marked in office"
        for body in GOVERNANCE["bodies"]:
            for part in body.get("parts", []):
                assert expected(part["name"][lang]) in text, f"{lang}: {part['name'][lang]}"
        # The rotating Presidency elected in Daejeon, in the order of its turns.
        start = text.find(expected(offices["presidents"]["title"][lang]))
        rotation = [
            text.find(name, start)
            for name in ("Carolina Cosse", "Uğur İbrahim Altay", "Jan van Zanen", "Lee Jang-woo")
        ]
        assert -1 not in rotation and rotation == sorted(rotation)


# ---------------------------------------------------------------- committees and working groups
COMMISSIONS = load("commissions")["bodies"]


def test_committee_pages_say_what_each_body_does_and_who_leads_it(real_site: Project) -> None:
    """An entry page says more than one sentence; where the data names who leads the body, the
    page says it under the 'Led by' label, with the date of its source when there is one."""
    strings = load_strings(LANGUAGES)
    led = [body for body in COMMISSIONS if "led_by" in body]
    assert len(led) >= 10 and sum("as_of" in body["led_by"] for body in led) >= 5
    for lang in LANGUAGES:
        for body in COMMISSIONS:
            page = page_path(lang, f"commissions/{body['id']}/index.html")
            text = plain(real_site.text(page))
            sentences = expected(body["description"][lang]).count(". ") + 1 + ("led_by" in body)
            assert sentences >= 2, f"{body['id']}: one sentence only"
            if "led_by" not in body:
                continue
            assert strings[lang]["label"]["led_by"] in text
            assert expected(body["led_by"]["text"][lang]) in text, f"{lang}/{body['id']}: led_by"
            if "as_of" in body["led_by"]:
                when = LanguageFormats(strings[lang]["meta"]["babel_locale"]).date(
                    str(body["led_by"]["as_of"])
                )
                assert plain(when).lower() in text.lower(), f"{lang}/{body['id']}: no date for led_by"


def test_the_gender_equality_chair_is_the_co_president_the_governance_page_names(real_site: Project) -> None:
    """The Standing Committee on Gender Equality is chaired by the Co-President elected for it:
    the committee page and the governance page agree, in every language."""
    chair = next(body for body in COMMISSIONS if body["id"] == "gender-equality")["led_by"]["text"]
    co_presidents = next(office for office in GOVERNANCE["offices"] if office["id"] == "co-presidents")
    names = [name for holder in co_presidents["holders"] if "role" in holder for name in holder["names"]]
    assert names and all(name in chair["en"] for name in names)
    for lang in LANGUAGES:
        committee = plain(real_site.text(page_path(lang, "commissions/gender-equality/index.html")))
        governance = plain(real_site.text(page_path(lang, "governance/index.html")))
        for name in names:
            assert name in committee and name in governance, f"{lang}: {name}"


def test_contact_page_dates_its_details_and_links_the_join_page(real_site: Project) -> None:
    """The contact details carry their date; later confirmations carry theirs; the remarks on the
    sources are collapsed; the page leads to the Join and Sections pages."""
    strings = load_strings(LANGUAGES)
    contact = ORGANISATION["contact"]
    assert contact["updates"] and contact["notes"]
    for lang in LANGUAGES:
        page = page_path(lang, "contact/index.html")
        html = real_site.html(page)
        text = plain(real_site.text(page))
        formats = LanguageFormats(strings[lang]["meta"]["babel_locale"])
        for item in [contact, *contact["updates"]]:
            assert plain(formats.date(str(item["as_of"]))).lower() in text.lower(), f"{lang}: {item['as_of']}"
        for update in contact["updates"]:
            assert expected(update["text"][lang]) in text
        assert html.select("article details.cglu-about-sources:not([open])")
        hrefs = {a["href"] for a in html.select("article a[href]")}
        assert {"../join/", "../sections/"} <= hrefs, f"{lang}: {sorted(hrefs)}"
