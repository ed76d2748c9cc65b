"""Languages are configuration: mkdocs.yml lists them, every other part follows."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sites import LANGUAGES, ROOT

from cglu_site.data.languages import load_languages
from cglu_site.data.strings import STRINGS_DIR, load_strings
from cglu_site.data.validation import DataValidationError
from cglu_site.mkdocs.theme_labels import material_labels


def test_the_default_language_comes_first_and_french_is_the_default() -> None:
    languages = load_languages(ROOT / "mkdocs.yml")
    assert languages[0].default and languages[0].code == "fr" and languages[0].link == "/"
    assert all(language.link == f"/{language.code}/" for language in languages[1:])


def test_every_language_has_every_ui_string() -> None:
    strings = load_strings(LANGUAGES)
    assert set(strings) == set(LANGUAGES)


def test_a_missing_ui_string_is_an_error(tmp_path: Path) -> None:
    for path in STRINGS_DIR.glob("*.yml"):
        shutil.copy2(path, tmp_path / path.name)
    english = tmp_path / "en.yml"
    english.write_text(
        english.read_text(encoding="utf-8").replace("  members: Members and partners\n", ""), encoding="utf-8"
    )
    with pytest.raises(DataValidationError) as error:
        load_strings(LANGUAGES, tmp_path)
    assert "cglu_site/strings/en.yml:1: string 'nav.members' is missing (other languages have it)" in str(
        error.value
    )


def test_a_misspelt_material_label_is_an_error(tmp_path: Path) -> None:
    for path in STRINGS_DIR.glob("*.yml"):
        text = path.read_text(encoding="utf-8").replace("  action_edit:", "  action_edti:")
        (tmp_path / path.name).write_text(text, encoding="utf-8")
    with pytest.raises(DataValidationError) as error:
        load_strings(LANGUAGES, tmp_path, theme_labels=material_labels())
    french = (tmp_path / "fr.yml").read_text(encoding="utf-8").splitlines()
    line = french.index("  action_edti: Modifier cette page") + 1
    assert (
        f"cglu_site/strings/fr.yml:{line}: string 'material.action_edti' is none of Material's labels"
        in str(error.value)
    )


def test_a_language_without_strings_file_is_an_error() -> None:
    with pytest.raises(DataValidationError) as error:
        load_strings([*LANGUAGES, "xx"])
    assert "cglu_site/strings/xx.yml:1: file is missing" in str(error.value)


def _strings_copy(tmp_path: Path, lang: str, old: str, new: str) -> list[str]:
    for path in STRINGS_DIR.glob("*.yml"):
        shutil.copy2(path, tmp_path / path.name)
    target = tmp_path / f"{lang}.yml"
    text = target.read_text(encoding="utf-8")
    assert old in text
    target.write_text(text.replace(old, new, 1), encoding="utf-8")
    return target.read_text(encoding="utf-8").splitlines()


def test_plural_forms_are_the_categories_of_the_languages_locale() -> None:
    """French has one, many (a million) and other; English one and other: the strings have
    exactly those, and templates pick one by count with Babel's rules."""
    strings = load_strings(LANGUAGES)
    assert set(strings["fr"]["kinds"]["regional"]) == {"one", "many", "other"}
    assert set(strings["en"]["kinds"]["regional"]) == {"one", "other"}


def test_a_missing_plural_form_is_an_error_naming_file_and_line(tmp_path: Path) -> None:
    lines = _strings_copy(tmp_path, "fr", '    many: "Sections régionales"\n', "")
    with pytest.raises(DataValidationError) as error:
        load_strings(LANGUAGES, tmp_path)
    line = lines.index("  regional:") + 1
    assert (
        f"cglu_site/strings/fr.yml:{line}: string 'kinds.regional' lacks the plural form many "
        "(this language's forms: one, many, other)"
    ) in str(error.value)


def test_a_plural_form_the_language_never_uses_is_an_error(tmp_path: Path) -> None:
    lines = _strings_copy(
        tmp_path,
        "en",
        '    one: "Regional section"\n',
        '    one: "Regional section"\n    few: "Regional sections"\n',
    )
    with pytest.raises(DataValidationError) as error:
        load_strings(LANGUAGES, tmp_path)
    line = lines.index('    few: "Regional sections"') + 1
    assert f"cglu_site/strings/en.yml:{line}: string 'kinds.regional' has a plural form 'few'" in str(
        error.value
    )


def test_a_label_with_plural_forms_has_them_in_every_language(tmp_path: Path) -> None:
    lines = _strings_copy(
        tmp_path,
        "es",
        '  regional:\n    one: "Sección regional"\n    many: "Secciones regionales"\n    other: "Secciones regionales"\n',
        "  regional: Sección regional\n",
    )
    with pytest.raises(DataValidationError) as error:
        load_strings(LANGUAGES, tmp_path)
    line = lines.index("  regional: Sección regional") + 1
    assert f"cglu_site/strings/es.yml:{line}: string 'kinds.regional' should have plural forms" in str(
        error.value
    )
