"""Words and typography on every built page: labels agree in number with what they head."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from sites import LANGUAGES, Project

from cglu_site.data.strings import is_plural, load_strings


def page_path(lang: str, path: str) -> str:
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def language_pages(site: Path, lang: str) -> list[str]:
    """Every built page of one language (paths without the language's prefix)."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    if lang == LANGUAGES[0]:
        return sorted(p for p in pages if p.split("/")[0] not in LANGUAGES[1:])
    return sorted(p.removeprefix(f"{lang}/") for p in pages if p.startswith(f"{lang}/"))


def plural_strings(strings: dict) -> list[dict[str, str]]:
    """Every label of one language that has plural forms."""
    found = []
    for value in strings.values():
        if is_plural(value):
            found.append(value)
        elif isinstance(value, dict):
            found += plural_strings(value)
    return found


def folded(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").replace("¶", "").split())


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_a_heading_over_a_list_agrees_with_its_count(request: pytest.FixtureRequest, site_name: str) -> None:
    """A heading printed over a list, when it is a label with plural forms, has the form its
    language's plural rules give for the number of items ('Section métropolitaine' over one,
    'Sections régionales' over seven), and a label never shows its other form over it."""
    site: Project = request.getfixturevalue(site_name)
    strings = load_strings(LANGUAGES)
    checked = 0
    for lang in LANGUAGES:
        locale = Locale.parse(strings[lang]["meta"]["babel_locale"])
        forms_of = {folded(text): forms for forms in plural_strings(strings[lang]) for text in forms.values()}
        for page in language_pages(site.site, lang):
            article = site.html(page_path(lang, page)).select_one("article")
            if article is None:
                continue
            for heading in article.find_all(["h2", "h3"]):
                forms = forms_of.get(folded(heading.get_text(" ")))
                listed = heading.find_next_sibling()
                while listed is not None and listed.name == "p":  # an introduction first
                    listed = listed.find_next_sibling()
                if forms is None or listed is None or listed.name not in ("ul", "ol"):
                    continue
                count = len(listed.find_all("li", recursive=False))
                expected = forms[locale.plural_form(count)]
                assert folded(heading.get_text(" ")) == folded(expected), (
                    f"{page_path(lang, page)}: {heading.get_text()!r} over {count} items"
                )
                checked += 1
    assert checked > 10


def test_a_badge_names_one_thing(real_site: Project) -> None:
    """The kind printed on an entry's page is the singular of the heading over its kind's list:
    the Forum of Regions is a 'Forum of Regions', not 'Forum of regions', on its page."""
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        for page in language_pages(real_site.site, lang):
            if not page.startswith("sections/") or page == "sections/index.html":
                continue
            badge = real_site.html(page_path(lang, page)).select_one("article h1 + p em")
            kinds = strings[lang]["kinds"]
            singulars = [kinds[kind]["one"] for kind in ("regional", "metropolitan", "regions")]
            assert badge is not None and badge.get_text() in singulars, page_path(lang, page)
    text = real_site.text("en/sections/index.html")
    assert "Forum of regions" not in text and "Forum of Regions" in text


def test_a_list_of_sources_is_headed_by_its_count(fixture_site: Project) -> None:
    """One cited source: 'Source' and 'this document', in every language."""
    strings = load_strings(LANGUAGES)
    counts = set()
    for lang in LANGUAGES:
        for page in language_pages(fixture_site.site, lang):
            html = fixture_site.html(page_path(lang, page))
            heading = html.select_one("h2#sources")
            listed = heading.find_next_sibling(["ol", "ul"]) if heading is not None else None
            if listed is None or listed.name != "ol":  # the Open data page's dataset 'Sources'
                continue
            count = len(listed.find_all("li", recursive=False))
            counts.add(count)
            locale = Locale.parse(strings[lang]["meta"]["babel_locale"])
            category = locale.plural_form(count)
            assert folded(heading.get_text()) == strings[lang]["label"]["sources"][category]
            intro = folded(heading.find_next_sibling("p").get_text())
            assert intro == folded(strings[lang]["label"]["sources_intro"][category]), page_path(lang, page)
    assert 1 in counts and len(counts) > 1


def test_the_history_badges_name_the_office_whoever_holds_it(real_site: Project) -> None:
    """The badge of a term on the History page is the office's name ('Présidence de CGLU'),
    right over one holder as over three co-presidents: never a plural such as 'Présidents'."""
    for lang in LANGUAGES:
        badges = real_site.html(page_path(lang, "history/index.html")).select(".cglu-timeline__kind--term")
        assert badges
        for badge in badges:
            assert not re.search(r"Présidents|Presidents|Presidentes|\(e\)", badge.get_text()), badge
