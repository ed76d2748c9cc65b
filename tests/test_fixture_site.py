"""A site built from the small fixture data: its pages, per language, follow the data."""

from __future__ import annotations

import itertools
import os
import subprocess

import cldr
from sites import LANGUAGES, Project

from cglu_site.pages.writer import MARKER

PAGES = {
    "index.html",
    "about/index.html",
    "history/index.html",
    "governance/index.html",
    "commissions/index.html",
    "commissions/culture/index.html",
    "commissions/urban-mobility/index.html",
    "sections/index.html",
    "sections/africa/index.html",
    "sections/metropolitan/index.html",
    "events/index.html",
    "events/congress-2022/index.html",
    "news/index.html",
    "documents/index.html",
    "news/2020-06-12-meeting/index.html",
    "members/index.html",
    "join/index.html",
    "contact/index.html",
    "sources/index.html",
    "open-data/index.html",
    "about-this-site/index.html",
}


def expected_paths(pages: set[str]) -> set[str]:
    """Every page, and a 404 page, in every language: the default at the root."""
    paths = set(pages) | {"404.html"}
    for lang in LANGUAGES[1:]:
        paths |= {f"{lang}/{page}" for page in pages | {"404.html"}}
    return paths


def test_exact_output_paths_per_language(fixture_site: Project) -> None:
    assert fixture_site.output_pages() == expected_paths(PAGES)


def test_each_language_page_has_its_lang_attribute(fixture_site: Project) -> None:
    for page in PAGES:
        assert fixture_site.html(page).html["lang"] == "fr"
        assert fixture_site.html(f"en/{page}").html["lang"] == "en"


def test_navigation_titles_come_from_data_and_strings(fixture_site: Project) -> None:
    fr_nav = fixture_site.html("index.html").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    en_nav = fixture_site.html("en/index.html").select_one("nav.md-nav--primary").get_text(" ", strip=True)
    assert "Commissions et groupes de travail" in fr_nav and "Committees and working groups" in en_nav
    footer = fixture_site.html("en/commissions/index.html").select_one("a.md-footer__link--next")
    assert footer is not None and footer.get_text(" ", strip=True).endswith("Sections")
    en_entry = fixture_site.html("en/commissions/culture/index.html")
    assert "Committee on Culture" in en_entry.select_one("title").get_text()
    assert "Commission Culture" not in en_entry.get_text()


def _sidebar_links(page) -> list[str]:
    return [link["href"] for link in page.select("nav.md-nav--primary a.md-nav__link")]


def test_entry_pages_are_reached_from_their_index_not_the_sidebar(fixture_site: Project) -> None:
    """The sidebar lists collections, not every entry (see entry_navigation.py); an entry page
    has a breadcrumb to its collection, the collection highlighted, and neighbour links."""
    for prefix, collection in itertools.product(("", "en/"), ("commissions", "sections", "events", "news")):
        index = fixture_site.html(f"{prefix}{collection}/index.html")
        entries = [  # in the order the index page lists them, each once
            link["href"]
            for link in index.select("article a[href]")
            if link["href"].endswith("/") and not link["href"].startswith(("..", "http", "#"))
        ]
        entries = list(dict.fromkeys(entries))
        assert entries, "the index page links its entries"
        for href in entries:
            path = f"{prefix}{collection}/{href}index.html"
            page = fixture_site.html(path)
            assert not any(link.endswith(href) and link != "../" for link in _sidebar_links(page)), path
            crumbs = page.select("nav.md-path a.md-path__link")
            assert [a["href"].rstrip("/") for a in crumbs] == ["../..", ".."], path
            assert (
                page.select_one("nav.md-path")["aria-label"]
                != page.select_one("nav.md-nav--primary")["aria-label"]
            ), "two navigation landmarks with one name"
            active = page.select_one("nav.md-nav--primary li.md-nav__item--active > a")
            assert active is not None and active["href"] == "../", path
        first = fixture_site.html(f"{prefix}{collection}/{entries[0]}index.html")
        assert first.select_one("a.md-footer__link--prev")["href"] == "../"
        if len(entries) > 1:
            assert first.select_one("a.md-footer__link--next")["href"] == f"../{entries[1]}"
            last = fixture_site.html(f"{prefix}{collection}/{entries[-1]}index.html")
            assert last.select_one("a.md-footer__link--prev")["href"] == f"../{entries[-2]}"
    # Index pages and other pages have no breadcrumb: they are at the top of the navigation.
    assert fixture_site.html("en/commissions/index.html").select_one("nav.md-path") is None


def test_generated_pages_are_marked_and_not_rewritten_when_unchanged(fixture_project: Project) -> None:
    fixture_project.build_ok()
    page = fixture_project.docs / "commissions" / "culture.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    assert lines[:2] == ["---", MARKER]
    assert "data/commissions.yml" in lines[2]
    generated = sorted(fixture_project.docs.rglob("*.md"))
    before = {path: path.stat().st_mtime_ns for path in generated}
    fixture_project.build_ok()
    assert {path: path.stat().st_mtime_ns for path in generated} == before, (
        "mkdocs serve would rebuild forever"
    )


def test_no_page_shows_a_python_value(fixture_site: Project) -> None:
    for path in fixture_site.docs.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        for leak in ("object at 0x", "built-in method", "Undefined", "None"):
            assert leak not in text, f"{path.name} shows {leak!r}"


def test_a_changed_value_appears_in_every_language(fixture_project: Project) -> None:
    fixture_project.edit("commissions.yml", "La commission de la culture.", "Texte français modifié.")
    fixture_project.edit("commissions.yml", "The culture committee.", "Changed English text.")
    fixture_project.build_ok()
    fr = fixture_project.text("commissions/culture/index.html")
    en = fixture_project.text("en/commissions/culture/index.html")
    assert "Texte français modifié." in fr and "Changed English text." not in fr
    assert "Changed English text." in en and "Texte français modifié." not in en


def test_a_removed_entry_removes_its_pages(fixture_project: Project) -> None:
    fixture_project.build_ok()
    text = (fixture_project.data / "commissions.yml").read_text(encoding="utf-8")
    start = text.index("  - id: urban-mobility")
    end = text.index("areas:")
    (fixture_project.data / "commissions.yml").write_text(text[:start] + text[end:], encoding="utf-8")
    fixture_project.build_ok()
    remaining = PAGES - {"commissions/urban-mobility/index.html"}
    assert fixture_project.output_pages() == expected_paths(remaining)
    assert not list(fixture_project.docs.glob("commissions/urban-mobility.*.md"))


def test_hand_written_page_embeds_data(fixture_site: Project) -> None:
    text = fixture_site.text("en/about-this-site/index.html")
    assert "Test Organisation (TO)" in text
    assert "draws on 2 documents" in text


def test_dates_and_numbers_are_formatted_per_language(fixture_site: Project) -> None:
    fr = fixture_site.text("events/congress-2022/index.html")
    en = fixture_site.text("en/events/congress-2022/index.html")
    # The locale's own interval (CLDR): 10–14 octobre 2022, 10 – 14 October 2022 (thin spaces).
    assert cldr.date_range("2022-10-10", "2022-10-14", "fr_FR") in fr
    assert cldr.date_range("2022-10-10", "2022-10-14", "en_GB") in en
    home_fr = fixture_site.text("index.html")
    home_en = fixture_site.text("en/index.html")
    assert "plus de 240\u202f000" in home_fr and "70\xa0%" in home_fr
    assert "more than 240,000" in home_en and "70%" in home_en


def test_pages_show_when_their_source_file_last_changed(fixture_project: Project) -> None:
    """A generated page is as recent as its data file's last commit, in each language's words."""
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": "2026-03-03T12:00:00",
        "GIT_COMMITTER_DATE": "2026-03-03T12:00:00",
    }
    for args in (
        ["init", "-q"],
        ["add", "-A"],
        ["-c", "user.name=Editor", "-c", "user.email=e@example.org", "commit", "-qm", "x"],
    ):
        subprocess.run(
            ["git", "-C", str(fixture_project.root), *args], check=True, capture_output=True, env=env
        )
    fixture_project.build_ok()
    fr = (
        fixture_project.html("commissions/culture/index.html")
        .select_one(".md-source-file")
        .get_text(" ", strip=True)
    )
    en = (
        fixture_project.html("en/about-this-site/index.html")
        .select_one(".md-source-file")
        .get_text(" ", strip=True)
    )
    assert "Dernière mise à jour\u00a0: 3 mars 2026" in fr
    assert "Last updated: 3 March 2026" in en
