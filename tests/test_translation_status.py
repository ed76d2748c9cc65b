"""The translation status command lists, per language, everything that is missing."""

from __future__ import annotations

import subprocess
import sys

from sites import LANGUAGES, Project


def status(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "cglu_site", "status", "--project", str(project.root), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_complete_site_reports_every_language_complete(fixture_project: Project) -> None:
    result = status(fixture_project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fr: data texts" in result.stdout and "en: data texts" in result.stdout
    assert result.stdout.count(": complete") == len(LANGUAGES)


def test_a_missing_text_is_reported_with_its_place(fixture_project: Project) -> None:
    fixture_project.edit("sections.yml", "region: {fr: Afrique, en: Africa,", "region: {fr: Afrique,")
    result = status(fixture_project)
    assert result.returncode == 1
    assert "Missing in en:" in result.stdout
    assert "data/sections.yml:4: section 'africa': 'region' lacks 'en'" in result.stdout


def test_a_language_can_be_prepared_before_it_is_configured(fixture_project: Project) -> None:
    result = status(fixture_project, "--language", "de")  # a language the project does not have
    assert result.returncode == 1
    assert "de: data texts 0/" in result.stdout
    assert "data/commissions.yml:8: commission 'culture': 'name' lacks 'de'" in result.stdout
    assert "cglu_site/strings/de.yml: string 'nav.home'" in result.stdout
    assert "docs/about-this-site.de.md: page" in result.stdout


def test_each_missing_text_is_listed_once_per_language(fixture_project: Project) -> None:
    """A text lacking two languages is one line in each language's list, not two."""
    fixture_project.edit("sections.yml", "region: {fr: Afrique, en: Africa,", "region: {fr: Afrique,")
    result = status(fixture_project, "--language", "de")
    blocks = result.stdout.split("\nMissing in ")[1:]
    assert [block.split(":", 1)[0] for block in blocks] == ["en", "de"], result.stdout
    for block in blocks:
        lines = block.strip().splitlines()[1:]
        assert len(lines) == len(set(lines)), f"a line printed twice: {block}"
        assert sum("section 'africa': 'region' lacks" in line for line in lines) == 1, block


def test_an_unreadable_file_is_reported_not_raised(fixture_project: Project) -> None:
    path = fixture_project.data / "news.yml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    result = status(fixture_project)
    assert "Traceback" not in result.stderr, result.stderr
