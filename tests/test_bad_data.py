"""Bad data stops the build before anything is written, with a message an editor can act on."""

from __future__ import annotations

import subprocess
import sys

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
        "data/commissions.yml:12: commission 'culture': duplicate id 'culture': entry #1 (line 6) already uses it; "
        "give this entry an id of its own",
    ),
    (
        "key repeated in one mapping",
        "sections.yml",
        "    kind: regional\n",
        "    kind: regional\n    kind: metropolitan\n",
        "data/sections.yml:4: key 'kind' appears twice in the same mapping (first on line 3); "
        "YAML would silently keep only the last one: keep one of the two lines",
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
        "data/members.yml:3: not valid YAML: a list opened with [ here is not closed on its line: close it with ]",
    ),
]


# A text in block style, as editors write longer ones; the fixture writes them inline.
SUMMARY = "    summary: {fr: Une réunion., en: A meeting., es: Una reunión.}\n"


def block_summary(french: str) -> str:
    return f"    summary:\n      fr: {french}\n      en: A meeting.\n      es: Una reunión.\n"


CASES += [
    (
        "colon in a text without quotes",
        "news.yml",
        SUMMARY,
        block_summary("Une réunion : l'ordre du jour."),
        "data/news.yml:6: not valid YAML: a colon followed by a space inside a text without quotes "
        '(YAML takes it for a new field): put the whole text in double quotes, e.g. fr: "Forum : villes" '
        "(mapping values are not allowed in this context)",
    ),
    (
        "tab in the indentation",
        "sections.yml",
        "    kind: regional\n",
        "\tkind: regional\n",
        "data/sections.yml:3: not valid YAML: a tab character: YAML indents with spaces only; "
        "replace the tab by spaces (two per level)",
    ),
    (
        "text cut by a comment",
        "news.yml",
        SUMMARY,
        block_summary("La réunion #2 de l'année."),
        "data/news.yml:6: news item '2020-06-12-meeting': 'summary.fr' is cut short: without quotes, "
        "YAML reads ' #' as the start of a comment, so the text ends at 'La réunion' and "
        "'#2 de l'année.' is dropped; put the whole text in double quotes",
    ),
    (
        "name too long",
        "commissions.yml",
        "name: {fr: Commission Culture,",
        f"name: {{fr: Commission {'très ' * 40}longue,",
        "data/commissions.yml:8: commission 'culture': 'name.fr' is 217 characters long, more than the "
        "200 it may have: shorten it; a name is the page's title, shown whole in menus and feeds",
    ),
    (
        "summary too long",
        "news.yml",
        "summary: {fr: Une réunion.,",
        f"summary: {{fr: Une réunion{' longue' * 80}.,",
        "data/news.yml:5: news item '2020-06-12-meeting': 'summary.fr' is 572 characters long, more than "
        "the 500 it may have",
    ),
    (
        "empty file",
        "events.yml",
        None,
        "",
        "data/events.yml:1: the file is empty: restore it with 'git checkout -- data/events.yml'",
    ),
    (
        "a list instead of the file's fields",
        "events.yml",
        None,
        "- congress\n",
        "data/events.yml:1: the file holds a list instead of its fields ('events:'), each at the start of "
        "its line",
    ),
    (
        "file saved as Latin-1",
        "news.yml",
        "latin-1",
        "",
        "data/news.yml:4: the file is not saved as UTF-8 (byte 0xe9 at column 18 is not UTF-8 text, "
        "probably an accented letter saved as Latin-1 or Windows-1252): save the file as UTF-8",
    ),
    (
        "a new source not yet added gets no wrong suggestion",
        "news.yml",
        "sources: [article]",
        "sources: [articles-2026]",
        "data/news.yml:8: news item '2020-06-12-meeting': 'sources[1]' refers to sources id "
        "'articles-2026', which does not exist\n",
    ),
]


def apply(project: Project, data_file: str, old: str | None, new: str) -> None:
    """An edit of a case: replace `old` by `new`; None: the whole file; 'latin-1': save it so."""
    path = project.data / data_file
    if old is None:
        path.write_text(new, encoding="utf-8")
    elif old == "latin-1":
        path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1"))
    else:
        project.edit(data_file, old, new)


def check(project: Project) -> subprocess.CompletedProcess:
    """`python -m cglu_site check`, as an editor runs it (task.py check)."""
    return subprocess.run(
        [sys.executable, "-m", "cglu_site", "check", "--project", str(project.root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


@pytest.mark.parametrize(
    ("problem", "data_file", "old", "new", "expected"), CASES, ids=[case[0] for case in CASES]
)
def test_check_reports_bad_data_with_a_clear_message(
    fixture_project: Project, problem: str, data_file: str, old: str | None, new: str, expected: str
) -> None:
    """What an editor runs first: every mistake, its place and its fix, and no traceback."""
    apply(fixture_project, data_file, old, new)
    result = check(fixture_project)
    assert result.returncode == 1
    assert expected in result.stderr + "\n", result.stderr
    assert "Traceback" not in result.stderr
    assert "1 error in the site data" in result.stderr, "one mistake, one message (no knock-on errors)"


BUILT_CASES = [
    case
    for case in CASES
    if case[0]
    in {
        "unknown key",
        "colon in a text without quotes",
        "text cut by a comment",
        "file saved as Latin-1",
        "invalid YAML",
        "duplicate id",
    }
]


@pytest.mark.parametrize(
    ("problem", "data_file", "old", "new", "expected"), BUILT_CASES, ids=[case[0] for case in BUILT_CASES]
)
def test_bad_data_fails_the_build_with_a_clear_message(
    fixture_project: Project, problem: str, data_file: str, old: str, new: str, expected: str
) -> None:
    apply(fixture_project, data_file, old, new)
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


def test_a_text_quoted_before_its_comment_is_whole(fixture_project: Project) -> None:
    """A comment after a quoted text, or a # inside one, is no mistake."""
    fixture_project.edit("news.yml", SUMMARY, block_summary('"La réunion #2 de l\'année."  # relu'))
    fixture_project.edit(
        "commissions.yml", "    kind: committee\n", "    kind: committee  # or working_group\n"
    )
    result = check(fixture_project)
    assert result.returncode == 0, result.stderr


def test_a_file_that_cannot_be_read_brings_no_knock_on_errors(fixture_project: Project) -> None:
    """Every entry points at sources: when sources.yml is unreadable, the one mistake is its own."""
    fixture_project.edit("sources.yml", "  - id: brochure", "  - id: brochure\n\t")
    result = check(fixture_project)
    assert result.returncode == 1
    assert "1 error in the site data" in result.stderr, result.stderr
    assert "data/sources.yml:4: not valid YAML: a tab character" in result.stderr


def test_a_duplicate_id_names_both_lines(fixture_project: Project) -> None:
    fixture_project.edit("commissions.yml", "  - id: urban-mobility", "  - id: culture")
    result = check(fixture_project)
    line = (
        fixture_project.data.joinpath("commissions.yml")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("  - id: culture")
        + 1
    )
    assert (
        f"data/commissions.yml:12: commission 'culture': duplicate id 'culture': entry #1 (line {line}) already uses it"
        in result.stderr
    )


def test_a_missing_data_file_says_how_to_restore_it(fixture_project: Project) -> None:
    (fixture_project.data / "events.yml").unlink()
    result = check(fixture_project)
    assert (
        "data/events.yml:1: the file is missing: the site needs it (its schema is data/schemas/events.schema.json); "
        "restore it with 'git checkout -- data/events.yml'"
    ) in result.stderr, result.stderr


def test_a_broken_link_in_a_hand_written_page_names_the_page_and_line(fixture_project: Project) -> None:
    page = fixture_project.docs / "about-this-site.en.md"
    lines = page.read_text(encoding="utf-8").splitlines()
    page.write_text(
        "\n".join([*lines, "", "See [the committee](commissions/cultur.md).", ""]), encoding="utf-8"
    )
    expected = (
        f"docs/about-this-site.en.md:{len(lines) + 2}: the link 'commissions/cultur.md' leads to no page of "
        "the site: correct the address"
    )
    result = check(fixture_project)
    assert result.returncode == 1
    assert expected in result.stderr, result.stderr
    build = fixture_project.build()
    assert build.returncode != 0
    assert expected in build.stdout + build.stderr


def test_links_between_hand_written_and_generated_pages_pass(fixture_project: Project) -> None:
    page = fixture_project.docs / "about-this-site.en.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\nSee [the committee](commissions/culture.md#top), [this page](about-this-site.md), "
        "`[code](nowhere.md)` and [the site](https://example.org/nowhere.md).\n\n```md\n[x](nowhere.md)\n```\n",
        encoding="utf-8",
    )
    assert check(fixture_project).returncode == 0


def test_a_hand_written_page_saved_as_latin_1_is_named_with_its_line(fixture_project: Project) -> None:
    page = fixture_project.docs / "about-this-site.fr.md"
    text = page.read_text(encoding="utf-8")
    line = next(number for number, words in enumerate(text.splitlines(), start=1) if not words.isascii())
    page.write_bytes(text.encode("latin-1", errors="replace"))
    expected = f"docs/about-this-site.fr.md:{line}: the file is not saved as UTF-8"
    result = check(fixture_project)
    assert result.returncode == 1
    assert expected in result.stderr and "Traceback" not in result.stderr, result.stderr
    build = fixture_project.build()
    assert build.returncode != 0
    assert expected in build.stdout + build.stderr
    assert "Traceback" not in build.stdout + build.stderr


def test_a_list_written_as_one_value_is_named_not_a_crash(tmp_path) -> None:
    """`bodies: 42`: the check says the list is not one (it once stopped on the ids it collects)."""
    import shutil

    from sites import FIXTURE_DATA, LANGUAGES, ROOT

    from cglu_site.data.site_data import load_site_data
    from cglu_site.data.validation import DataValidationError

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    shutil.copytree(ROOT / "data" / "schemas", data / "schemas", dirs_exist_ok=True)
    news = data / "news.yml"
    news.write_text("news: 42\n", encoding="utf-8")
    with pytest.raises(DataValidationError) as raised:
        load_site_data(data, LANGUAGES, display_root=tmp_path)
    assert [str(error) for error in raised.value.errors] == [
        "data/news.yml:1: 'news' should be a list, not an integer (42)"
    ]
