"""Every visitor stays in their language: search, 404, switcher, hreflang and sitemaps, in the output."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ElementTree

from markdown.extensions.toc import TocExtension
from sites import LANGUAGES, Project

from cglu_site.data.strings import load_strings

SITE_URL = "https://cglu-docs.example.org/"  # mkdocs.yml's default site_url
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def pages_of(site: Project, lang: str) -> list[str]:
    """Site paths of one language's pages (directory URLs), 404 excluded."""
    paths = [p.relative_to(site.site).as_posix() for p in site.site.rglob("index.html")]
    if lang == LANGUAGES[0]:
        return [p for p in paths if p.split("/")[0] not in LANGUAGES[1:]]
    return [p for p in paths if p.startswith(f"{lang}/")]


def test_each_language_has_its_own_search_index(fixture_site: Project) -> None:
    for lang in LANGUAGES:
        index = json.loads(
            (fixture_site.site / prefix(lang) / "search/search_index.json").read_text(encoding="utf-8")
        )
        assert index["config"]["lang"] == [lang]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        own_pages = {
            p.removeprefix(prefix(lang)).removesuffix("index.html") for p in pages_of(fixture_site, lang)
        }
        assert locations == own_pages, "an index holds exactly its language's pages"
        titles = {doc["title"] for doc in index["docs"]}
        assert ("Commission Culture" in titles) == (lang == "fr")
        assert ("Committee on Culture" in titles) == (lang == "en")


def test_each_language_has_a_404_page_in_that_language(fixture_site: Project) -> None:
    for lang in LANGUAGES:
        page = fixture_site.html(prefix(lang) + "404.html")
        assert page.html["lang"] == lang
        nav_links = [
            a["href"] for a in page.select("nav.md-nav--primary a[href]") if not a["href"].startswith("http")
        ]
        assert nav_links and all(href.startswith("/" + prefix(lang)) for href in nav_links), nav_links
        switcher = {a["hreflang"]: a["href"] for a in page.select("a.md-select__link")}
        assert switcher == {other: "/" + prefix(other) for other in LANGUAGES}


def folded(text: str) -> str:
    """Text with its white space, no-break spaces included, folded to single spaces."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_each_language_has_a_404_page_that_explains_and_leads_home_to_sections_and_search(
    fixture_site: Project,
) -> None:
    """The 404 page, in its language: heading, sentence, its home, its main sections, search.
    The default language's page (the one hosts serve for every missing address) holds every
    language, its own shown, the others hidden for its script to show; the others only their own."""
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        page = fixture_site.html(prefix(lang) + "404.html")
        blocks = page.select("article .cglu-not-found")
        held = LANGUAGES if lang == LANGUAGES[0] else (lang,)
        assert [block["lang"] for block in blocks] == [lang, *[other for other in held if other != lang]]
        assert [block.has_attr("hidden") for block in blocks] == [False] + [True] * (len(held) - 1)
        for block in blocks:
            words = strings[block["lang"]]["not_found"]
            own_prefix = "/" + prefix(block["lang"])
            assert folded(block.h1.get_text()) == folded(words["heading"])
            texts = [folded(paragraph.get_text()) for paragraph in block.select("p")]
            assert texts == [folded(words[key]) for key in ("text", "home", "sections", "search")]
            home = block.find(
                "a", string=lambda text, words=words: folded(text or "") == folded(words["home"])
            )
            assert home["href"] == own_prefix
            sections = {a["href"]: folded(a.get_text()) for a in block.select("ul a")}
            nav = strings[block["lang"]]["nav"]
            assert sections[own_prefix + "commissions/"] == folded(nav["commissions"])
            assert sections[own_prefix + "about/"] == folded(nav["about"])
            assert all(href.startswith(own_prefix) for href in sections), sections
            for href in sections:
                assert (fixture_site.site / href.lstrip("/") / "index.html").exists(), href
            assert block.select_one("button").get_text() == words["search"]
        assert page.title.get_text().startswith(strings[lang]["not_found"]["heading"] + " - ")
        others = [strings[other]["not_found"]["heading"] for other in LANGUAGES if other not in held]
        assert not [heading for heading in others if heading in str(page)], lang


def test_heading_anchors_are_titled_in_the_language_of_their_page(fixture_site: Project) -> None:
    """The ¶ after every heading (toc's permalink) is titled in the page's language, never in
    Python-Markdown's English or another language's words."""
    titles = {lang: load_strings(LANGUAGES)[lang]["label"]["permalink"] for lang in LANGUAGES}
    assert len(set(titles.values())) == len(LANGUAGES), "each language words it its own way"
    for lang in LANGUAGES:
        # Python-Markdown's own title ("Permanent link"), and the other languages' words.
        others = {*titles.values(), TocExtension().getConfig("permalink_title")} - {titles[lang]}
        anchors = 0
        for path in pages_of(fixture_site, lang):
            page_anchors = fixture_site.html(path).select("a.headerlink")
            anchors += len(page_anchors)
            assert {anchor.get("title") for anchor in page_anchors} <= {titles[lang]}, path
            text = (fixture_site.site / path).read_text(encoding="utf-8")
            assert not [title for title in others if f'"{title}"' in text], path
        assert anchors > 0, lang


def test_every_page_has_absolute_hreflang_links_and_x_default(fixture_site: Project) -> None:
    for lang in LANGUAGES:
        for path in pages_of(fixture_site, lang):
            page = fixture_site.html(path)
            links = {
                link["hreflang"]: link["href"] for link in page.select("head link[rel=alternate][hreflang]")
            }
            assert set(links) == {*LANGUAGES, "x-default"}, path
            assert all(href.startswith(SITE_URL) for href in links.values()), links
            own = SITE_URL + path.removesuffix("index.html")
            assert links[lang] == own
            assert links["x-default"] == links[LANGUAGES[0]]
            for href in links.values():
                assert (fixture_site.site / href.removeprefix(SITE_URL) / "index.html").exists(), href


def test_switcher_links_are_relative_and_lead_to_the_same_page(fixture_site: Project) -> None:
    for lang in LANGUAGES:
        for path in pages_of(fixture_site, lang):
            page = fixture_site.html(path)
            same_page = path.removeprefix(prefix(lang))
            for link in page.select("a.md-select__link"):
                href = link["href"]
                assert not href.startswith(("/", "http")), f"{path}: {href} would break under a sub-path"
                target = posixpath.normpath(posixpath.join(posixpath.dirname(path), href, "index.html"))
                assert target == posixpath.normpath(prefix(link["hreflang"]) + same_page), (path, href)
                assert link.get("target") == "_self" and link.get("lang") == link["hreflang"]


def test_sitemaps_list_every_page_with_its_alternates(fixture_site: Project) -> None:
    root = ElementTree.parse(fixture_site.site / "sitemap.xml").getroot()
    urls = {url.findtext("s:loc", namespaces=SITEMAP): url for url in root.findall("s:url", SITEMAP)}
    every_page = {
        SITE_URL + p.removesuffix("index.html") for lang in LANGUAGES for p in pages_of(fixture_site, lang)
    }
    assert set(urls) == every_page
    for url in urls.values():
        alternates = {link.get("hreflang") for link in url.findall("x:link", SITEMAP)}
        assert alternates == {*LANGUAGES, "x-default"}
    for lang in LANGUAGES[1:]:
        own = ElementTree.parse(fixture_site.site / lang / "sitemap.xml").getroot()
        locations = {url.findtext("s:loc", namespaces=SITEMAP) for url in own.findall("s:url", SITEMAP)}
        assert locations == {SITE_URL + p.removesuffix("index.html") for p in pages_of(fixture_site, lang)}


def test_no_alternate_link_makes_the_browser_ask_for_a_missing_sitemap(fixture_site: Project) -> None:
    """Material's script fetches sitemap.xml beside every alternate link of a page."""
    for lang in LANGUAGES:
        for path in pages_of(fixture_site, lang):
            for link in fixture_site.html(path).select("head link[rel=alternate][hreflang]"):
                folder = link["href"].removeprefix(SITE_URL)
                assert (fixture_site.site / folder / "sitemap.xml").exists(), f"{path}: {folder}sitemap.xml"
