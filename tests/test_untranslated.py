"""A text may be written in one language first: the others show its original, marked, with a
notice; the build and `check` say what awaits translation; `missing_translations: error` and
a text in no language at all fail; `status` lists what awaits translation and what may be
outdated since `status --record`."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest
import yaml
from babel import Locale
from sites import LANGUAGES, Project

from cglu_site.data.strings import load_strings

NEWS_TITLE = "title: {fr: Réunion de test, en: Test meeting, es: Reunión de prueba}"
NEWS_SUMMARY = "summary: {fr: Une réunion., en: A meeting., es: Una reunión.}"
NEWS_BODY = (
    "- {fr: Les participants se sont réunis., en: Participants met., es: Los participantes se reunieron.}"
)
CULTURE_NAME = "name: {fr: Commission Culture, en: Committee on Culture, es: Comisión de Cultura}"
ORIGINAL, OTHERS = LANGUAGES[0], LANGUAGES[1:]
PAGE = "news/2020-06-12-meeting/index.html"


def write_in_original_only(project: Project) -> None:
    """The fixture's one news item, written in the default language only."""
    project.edit("news.yml", NEWS_TITLE, "title: {fr: Réunion de test}".replace("fr", ORIGINAL))
    project.edit("news.yml", NEWS_SUMMARY, "summary: {fr: Une réunion.}".replace("fr", ORIGINAL))
    project.edit("news.yml", NEWS_BODY, "- {fr: Les participants se sont réunis.}".replace("fr", ORIGINAL))


def command(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cglu_site", *args, "--project", str(project.root)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def set_option(project: Project, value: str) -> None:
    config = project.root / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "      missing_translations: notice\n" in text
    config.write_text(
        text.replace("missing_translations: notice", f"missing_translations: {value}", 1), encoding="utf-8"
    )


def expected_notice(lang: str, original: str) -> str:
    words = load_strings(list(LANGUAGES))[lang]["translation"]["not_translated"]
    locale = Locale.parse(load_strings(list(LANGUAGES))[lang]["meta"]["babel_locale"])
    return words.format(language=locale.languages[lang], original=locale.languages[original])


def folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def test_a_text_in_one_language_is_shown_in_the_others_marked_and_announced(fixture_project: Project) -> None:
    write_in_original_only(fixture_project)
    (fixture_project.docs / f"about-this-site.{OTHERS[-1]}.md").unlink()
    result = fixture_project.build_ok()
    assert "Awaiting translation" in result.stderr
    assert "data/news.yml:4: news item '2020-06-12-meeting': 'title'" in result.stderr
    assert f"docs/about-this-site.{OTHERS[-1]}.md: page (shown in {ORIGINAL})" in result.stderr
    assert "WARNING" not in result.stderr

    original_page = fixture_project.html(PAGE)
    assert original_page.select_one(".cglu-untranslated") is None  # written in this language
    for lang in OTHERS:
        page = fixture_project.html(f"{lang}/{PAGE}")
        assert page.html["lang"] == lang
        title = page.select_one("article h1 [lang]")
        assert title is not None and title["lang"] == ORIGINAL and title.get_text() == "Réunion de test"
        body = [span for span in page.select("article p span[lang]") if "réunis" in span.get_text()]
        assert body and body[0]["lang"] == ORIGINAL
        notice = page.select_one("article .cglu-untranslated")
        assert notice is not None and not notice.has_attr("lang")  # in the visitor's language
        assert folded(notice.get_text()) == folded(expected_notice(lang, ORIGINAL))
        # The page exists in every language, and says so to search engines.
        alternates = {link["hreflang"] for link in page.select("head link[rel=alternate][hreflang]")}
        assert set(LANGUAGES) <= alternates
        index = fixture_project.html(f"{lang}/news/index.html")
        assert index.select_one("article h2 a span[lang]")["lang"] == ORIGINAL
        assert index.select_one("article .cglu-untranslated") is not None

    # A hand-written page the last language lacks: its original, marked, edited in its own file.
    page = fixture_project.html(f"{OTHERS[-1]}/about-this-site/index.html")
    assert page.select_one("article h1")["lang"] == ORIGINAL
    assert page.select_one("article div[lang]")["lang"] == ORIGINAL
    assert folded(page.select_one("article .cglu-untranslated").get_text()) == folded(
        expected_notice(OTHERS[-1], ORIGINAL)
    )
    assert page.select_one("a[rel=edit]")["href"].endswith(f"docs/about-this-site.{ORIGINAL}.md")

    # "About this site" shows how far each language is translated.
    about = fixture_project.html(f"{OTHERS[0]}/about-this-site/index.html")
    rows = [[cell.get_text() for cell in row.select("td")] for row in about.select("article table tbody tr")]
    assert len(rows) == len(LANGUAGES)
    numbers = [[int(n) for n in re.findall(r"\d+", " ".join(row[1:]))] for row in rows]
    texts = numbers[0][1]
    assert numbers[0] == [texts, texts, 1, 1]  # the original language has everything
    for lang_numbers in numbers[1:-1]:
        assert lang_numbers == [texts - 3, texts, 1, 1]  # the news item's three texts
    assert numbers[-1] == [texts - 3, texts, 0, 1]  # and the page the last language lacks

    # Open data publishes the data as written: no copy of the original under another language.
    news = json.loads((fixture_project.site / "data" / "news.json").read_text(encoding="utf-8"))
    assert set(news["news"][0]["title"]) == {ORIGINAL}


def test_check_gives_a_notice_not_an_error(fixture_project: Project) -> None:
    write_in_original_only(fixture_project)
    result = command(fixture_project, "check")
    assert result.returncode == 0, result.stderr
    assert "Notice: 3 awaiting translation" in result.stdout
    assert f"'title' ({', '.join(OTHERS)})" in result.stdout


def test_the_error_setting_makes_a_missing_translation_fail(fixture_project: Project) -> None:
    write_in_original_only(fixture_project)
    set_option(fixture_project, "error")
    result = command(fixture_project, "check")
    assert result.returncode == 1
    assert f"news item '2020-06-12-meeting': 'title' lacks '{OTHERS[0]}'" in result.stderr
    build = fixture_project.build()
    assert build.returncode != 0
    assert f"'title' lacks '{OTHERS[0]}'" in build.stderr
    (fixture_project.docs / f"about-this-site.{OTHERS[-1]}.md").unlink()
    assert "every page must exist in every language" in command(fixture_project, "check").stderr


def test_an_unknown_setting_is_refused(fixture_project: Project) -> None:
    set_option(fixture_project, "sometimes")
    result = command(fixture_project, "check")
    assert result.returncode != 0
    assert "missing_translations" in result.stderr and "notice, error" in result.stderr


def test_a_text_in_no_language_is_an_error(fixture_project: Project) -> None:
    fixture_project.edit("news.yml", NEWS_TITLE, "title: {}")
    result = command(fixture_project, "check")
    assert result.returncode == 1
    assert (
        "data/news.yml:4: news item '2020-06-12-meeting': 'title' has no text in any language"
        in result.stderr
    )
    build = fixture_project.build()
    assert build.returncode != 0 and "has no text in any language" in build.stderr


@pytest.mark.parametrize("where", ["data", "page"])
def test_status_lists_what_awaits_translation_and_what_may_be_outdated(
    fixture_project: Project, where: str
) -> None:
    recorded = command(fixture_project, "status", "--record")
    assert recorded.returncode == 0, recorded.stdout + recorded.stderr
    record = yaml.safe_load((fixture_project.root / "translations.yml").read_text(encoding="utf-8"))
    assert set(record["data/news.yml#news/2020-06-12-meeting/title"]) == set(LANGUAGES)
    assert "Possibly outdated" not in command(fixture_project, "status").stdout
    write_in_original_only(fixture_project)  # awaiting translation: listed as missing, per language
    result = command(fixture_project, "status")
    for lang in OTHERS:
        assert (
            f"Missing in {lang}:\n  data/news.yml:4: news item '2020-06-12-meeting': 'title' lacks"
            in result.stdout
        )
    command(fixture_project, "status", "--record")

    if where == "data":  # the original changes after its translations were made
        fixture_project.edit(
            "commissions.yml",
            CULTURE_NAME,
            CULTURE_NAME.replace("Commission Culture", "Commission de la culture"),
        )
        key = "data/commissions.yml#bodies/culture/name"
    else:
        page = fixture_project.docs / f"about-this-site.{ORIGINAL}.md"
        page.write_text(page.read_text(encoding="utf-8") + "\nUne phrase de plus.\n", encoding="utf-8")
        key = "docs/about-this-site"
    result = command(fixture_project, "status")
    for lang in OTHERS:
        assert (
            f"Possibly outdated in {lang}:\n  {key}: {ORIGINAL} changed since it was translated"
            in result.stdout
        )
    assert f"Possibly outdated in {ORIGINAL}" not in result.stdout

    # Translating one language brings it up to date; the others stay flagged.
    if where == "data":
        fixture_project.edit("commissions.yml", "en: Committee on Culture", "en: Culture Committee")
        result = command(fixture_project, "status")
        assert f"Possibly outdated in {OTHERS[0]}" not in result.stdout
        assert f"Possibly outdated in {OTHERS[-1]}" in result.stdout
