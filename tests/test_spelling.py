"""The spell check (scripts/spellcheck.py, the `spelling` pre-commit hook): Hunspell dictionaries
of every site language, each text checked in its own language, unknown words with file and line."""

from __future__ import annotations

import json
import re
import runpy
import subprocess
from pathlib import Path

import pytest
from sites import LANGUAGES, ROOT, make_project
from test_contributing import hook_command, run

SPELLCHECK = runpy.run_path(str(ROOT / "scripts" / "spellcheck.py"), run_name="spellcheck")

ORDINARY = {  # plurals and verb forms that a list of words without affixes lacks
    "es": "Los alcaldes votaron y aprobaron los recursos contra las inundaciones de las ciudades.",
    "fr": "Les maires votèrent et approuvèrent les ressources contre les inondations qu'elles subissaient.",
    "en": "The mayors voted and approved the resources against the floods of the organisation's cities.",
}


def check(*paths: Path) -> subprocess.CompletedProcess:
    return run([*hook_command("spelling"), *(str(path) for path in paths)], ROOT)


def test_ordinary_words_of_every_language_are_known(tmp_path: Path) -> None:
    assert set(ORDINARY) == set(LANGUAGES)  # a new language: add its sentence
    pages = []
    for lang, sentence in ORDINARY.items():
        page = tmp_path / f"page.{lang}.md"
        page.write_text(f"# Title\n\n{sentence}\n", encoding="utf-8")
        pages.append(page)
    result = check(*pages)
    assert result.returncode == 0, result.stdout


def test_a_typo_in_a_spanish_field_of_the_data_is_reported_with_file_and_line(tmp_path: Path) -> None:
    project = make_project(tmp_path / "project", ROOT / "data")
    project.edit("commissions.yml", "puso en marcha un estudio mundial", "puso en marcha un estuido mundial")
    lines = (project.data / "commissions.yml").read_text(encoding="utf-8").splitlines()
    line = next(number for number, text in enumerate(lines, start=1) if "estuido" in text)
    result = check(project.data / "commissions.yml")
    assert result.returncode == 1
    assert re.search(rf"commissions\.yml:{line}: es: unknown word 'estuido'", result.stdout), result.stdout
    assert result.stdout.count(": unknown word") == 1, result.stdout  # the rest of the real data is known
    assert ".spelling/es.txt" in result.stdout  # how to accept a right word


def test_each_text_is_checked_in_its_own_language(tmp_path: Path) -> None:
    """A French word in an English field is flagged; marked as a quotation, it is checked in French."""
    project = make_project(tmp_path / "project", ROOT / "data")
    path = project.data / "commissions.yml"
    text = path.read_text(encoding="utf-8")
    english = re.search(r"^ +en: \"[^\"]*\"$", text, re.MULTILINE)
    assert english, "no quoted English text in commissions.yml"
    flagged = english[0][:-1] + ' against inondations."'
    quoted = english[0][:-1] + ' against [[fr: les inondations]]."'
    line = text[: english.start()].count("\n") + 1

    path.write_text(text.replace(english[0], flagged, 1), encoding="utf-8")
    result = check(path)
    assert result.returncode == 1
    assert re.search(rf"commissions\.yml:{line}: en: unknown word 'inondations'", result.stdout), (
        result.stdout
    )

    path.write_text(text.replace(english[0], quoted, 1), encoding="utf-8")
    assert check(path).returncode == 0


def test_every_site_language_has_an_installed_dictionary_of_package_json() -> None:
    dependencies = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))["devDependencies"]
    for lang in LANGUAGES:
        assert SPELLCHECK["DICTIONARIES"][lang] in dependencies, lang
        assert SPELLCHECK["dictionary"](lang).lookup(ORDINARY[lang].split()[1].lower()), lang


def test_a_language_without_a_dictionary_is_a_clear_error() -> None:
    with pytest.raises(SPELLCHECK["SpellingSetupError"], match=r"no dictionary for it.*DICTIONARIES"):
        SPELLCHECK["dictionary_files"]("xx")


def test_inline_code_is_never_checked_even_right_after_a_bracket(tmp_path: Path) -> None:
    """A path, a number or a file name just before a code span must not swallow its opening
    backtick and leave the code's words to be checked as prose."""
    page = tmp_path / f"page.{LANGUAGES[0]}.md"
    page.write_text(
        "# Title\n\n(`data/news.yml:4: zzqx 'wqxz'`) (`2024 qqzw`) (`notes.txt qzzq`)\n", encoding="utf-8"
    )
    result = check(page)
    assert result.returncode == 0, result.stdout
