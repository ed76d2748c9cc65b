"""The issue forms to request a translation and to report a wrong one offer every language
the site is configured with (mkdocs.yml), by the name its language switcher shows."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cglu_site.data.languages import load_languages

ROOT = Path(__file__).resolve().parent.parent
FORMS = ROOT / ".github" / "ISSUE_TEMPLATE"


def language_choices(form: dict) -> list[str] | None:
    for field in form["body"]:
        if field.get("type") == "dropdown" and field.get("id") == "language":
            return field["attributes"]["options"]
    return None


@pytest.mark.parametrize("name", ["translation-request", "translation-correction"])
def test_the_translation_forms_exist_and_ask_for_a_language(name: str) -> None:
    form = yaml.safe_load((FORMS / f"{name}.yml").read_text(encoding="utf-8"))
    assert form["name"] and form["description"] and "translation" in form["labels"]
    assert language_choices(form) is not None
    assert any(field.get("id") == "page" for field in form["body"])


def test_every_language_choice_is_the_configured_languages() -> None:
    configured = [language.name for language in load_languages(ROOT / "mkdocs.yml")]
    forms = sorted(path for path in FORMS.glob("*.yml") if path.stem != "config")
    checked = 0
    for path in forms:
        choices = language_choices(yaml.safe_load(path.read_text(encoding="utf-8")))
        if choices is None:
            continue
        checked += 1
        assert choices == configured, f"{path.name}: its languages are {choices}; mkdocs.yml has {configured}"
    assert checked >= 2
