"""Bad data stops the build before anything is written, with a message an editor can act on."""

from __future__ import annotations

import pytest
from sites import Project

# (what is wrong, data file, text to replace, replacement, expected message)
CASES = [
    (
        "unknown key",
        "commissions.yml",
        "    kind: committee\n",
        "    kind: committee\n    descripton: {fr: x, en: y}\n",
        "data/commissions.yml:8: commission 'culture': unknown field 'descripton' (did you mean 'description'?)",
    ),
    (
        "text in no language",  # one language is enough: see test_untranslated.py
        "commissions.yml",
        "name: {fr: Commission Culture, en: Committee on Culture, es: Comisión de Cultura}",
        "name: {}",
        "data/commissions.yml:8: commission 'culture': 'name' has no text in any language",
    ),
    (
        "wrong type",
        "members.yml",
        "since: 2004",
        "since: two thousand four",
        "data/members.yml:5: member 'test-association': 'since' should be an integer, not a string ('two thousand four')",
    ),
    (
        "bad date",
        "events.yml",
        "start: 2022-10-10",
        "start: 2022-10-32",
        "data/events.yml:4: event 'congress-2022': 'start' should be a date written YYYY-MM-DD",
    ),
    (
        "end before start",
        "events.yml",
        "end: 2022-10-14",
        "end: 2022-10-01",
        "data/events.yml:5: 'congress-2022': 'end' (2022-10-01) is before 'start' (2022-10-10)",
    ),
    (
        "duplicate id",
        "commissions.yml",
        "  - id: urban-mobility",
        "  - id: culture",
        "data/commissions.yml:12: commission 'culture': duplicate id 'culture': entry #1 already uses it",
    ),
    (
        "key repeated in one mapping",
        "sections.yml",
        "    kind: regional\n",
        "    kind: regional\n    kind: metropolitan\n",
        "data/sections.yml:4: key 'kind' appears twice in the same mapping (first on line 3)",
    ),
    (
        "reference to an unknown source",
        "news.yml",
        "sources: [article]",
        "sources: [artcle]",
        "data/news.yml:8: news item '2020-06-12-meeting': 'sources[1]' refers to sources id 'artcle', which does not exist (did you mean 'article'?)",
    ),
    (
        "reference to an unknown commission",
        "commissions.yml",
        "    body: culture",
        "    body: culturre",
        "data/commissions.yml:22: area 'culture': 'body' refers to commissions id 'culturre', which does not exist",
    ),
    (
        "language the site does not have",
        "sections.yml",
        "region: {fr: Afrique, en: Africa,",
        "region: {fr: Afrique, en: Africa, de: Afrika,",
        "data/sections.yml:4: section 'africa': 'region' has the language 'de', which the site does not have",
    ),
    (
        "source title in another language left unmarked",
        "sources.yml",
        'es: "[[en: Test article]]"',
        "es: Test article",
        "data/sources.yml:11: source 'article': title (es) is the document's own title in 'en': mark it [[en: …]] or translate it",
    ),
    (
        "source title marked with another language than the document's",
        "sources.yml",
        'fr: "[[en: Test article]]"',
        'fr: "[[es: Test article]]"',
        "data/sources.yml:11: source 'article': title (fr) marks the document's title as 'es', but the document is in 'en'",
    ),
    (
        "source without its language",
        "sources.yml",
        "    language: en  #",
        "    #",
        "data/sources.yml:10: source 'article': missing field 'language'",
    ),
    (
        "invalid YAML",
        "members.yml",
        "    kind: member",
        "    kind: [member",
        "data/members.yml:4: not valid YAML",
    ),
]


@pytest.mark.parametrize(
    ("problem", "data_file", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_bad_data_fails_the_build_with_a_clear_message(
    fixture_project: Project, problem: str, data_file: str, old: str, new: str, expected: str
) -> None:
    fixture_project.edit(data_file, old, new)
    result = fixture_project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output, output
    assert not fixture_project.site.exists(), "nothing may be written when the data is wrong"
    assert not list(fixture_project.docs.rglob("commissions/*.md")), "no page is generated from bad data"


def test_every_error_is_reported_at_once(fixture_project: Project) -> None:
    fixture_project.edit("members.yml", "since: 2004", "since: soon")
    fixture_project.edit("news.yml", "sources: [article]", "sources: [nothing]")
    output = "".join(fixture_project.build().stderr)
    assert "2 errors in the site data" in output
    assert "data/members.yml:5" in output and "data/news.yml:8" in output


def test_a_failed_build_keeps_the_previous_site(fixture_project: Project) -> None:
    fixture_project.build_ok()
    before = {path: path.read_bytes() for path in fixture_project.site.rglob("*") if path.is_file()}
    fixture_project.edit("commissions.yml", "en: Committee on Culture", "de: Kulturausschuss")
    assert fixture_project.build().returncode != 0
    after = {path: path.read_bytes() for path in fixture_project.site.rglob("*") if path.is_file()}
    assert after == before
    assert not fixture_project.root.joinpath("site.partial").exists()


def test_a_build_failing_late_keeps_the_previous_site(fixture_project: Project) -> None:
    """A strict-mode warning aborts MkDocs after it wrote pages: the staging folder absorbs it."""
    fixture_project.build_ok()
    before = (fixture_project.site / "index.html").read_bytes()
    page = fixture_project.docs / "about-this-site.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[broken](nowhere.md)\n", encoding="utf-8")
    result = fixture_project.build()
    assert result.returncode != 0
    assert "nowhere.md" in result.stdout + result.stderr
    assert (fixture_project.site / "index.html").read_bytes() == before
    assert not fixture_project.root.joinpath("site.partial").exists()


def test_a_hand_written_page_must_exist_in_every_language(fixture_project: Project) -> None:
    """With `missing_translations: error`; by default its original is shown (test_untranslated.py)."""
    config = fixture_project.root / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "missing_translations: notice", "missing_translations: error", 1
        ),
        encoding="utf-8",
    )
    (fixture_project.docs / "about-this-site.en.md").unlink()
    result = fixture_project.build()
    assert result.returncode != 0
    assert "docs/about-this-site.en.md:1: missing: the page exists in" in result.stderr
    assert "but not in English (en); every page must exist in every language" in result.stderr


def test_builds_in_one_process_each_stage_and_swap_their_site(fixture_project: Project, monkeypatch) -> None:
    """MkDocs keeps plugin instances for a whole process: a second build must stage afresh."""
    monkeypatch.chdir(fixture_project.root)
    for title in ("Committee on Culture", "Culture Committee"):
        fixture_project.edit("commissions.yml", "Committee on Culture", title)
        fixture_project.build_in_process()
        assert title in fixture_project.text("en/commissions/culture/index.html")
        assert not fixture_project.root.joinpath("site.partial").exists()
