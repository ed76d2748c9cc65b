"""The mixed search index is split into one index per language, entry by entry."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cglu_site.data.languages import Language
from cglu_site.mkdocs.search_index import INDEX, split_search_index

LANGUAGES = [
    Language("fr", "Français", True, "/"),
    Language("en", "English", False, "/en/"),
    Language("es", "Español", False, "/es/"),
]
DOCS = [
    {"location": "", "title": "Accueil", "text": "<p>Bienvenue « chez nous »</p>"},
    {"location": "en/", "title": "Home", "text": 'Welcome, "here" \\ there'},
    {"location": "en/about/#mission", "title": "Mission", "text": "…"},
    {"location": "es/", "title": "Inicio", "text": "Bienvenidos"},
    {"location": "entrees/", "title": "Entrées", "text": "not English: only starts with 'en'"},
]
CONFIG = {
    "lang": ["fr", "en", "es"],
    "separator": "[\\s\\-]+",
    "pipeline": ["stopWordFilter"],
    "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}, "tags": {"boost": 1000000.0}},
}
FIELDS = {**CONFIG["fields"], "title_words": {"boost": 500.0}, "text_words": {"boost": 0.5}}


@pytest.mark.parametrize("layout", ["compact", "indented, docs first"])
def test_each_language_gets_its_entries_with_locations_from_its_root(tmp_path: Path, layout: str) -> None:
    index = {"config": CONFIG, "docs": DOCS}
    if layout == "compact":
        text = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    else:
        text = json.dumps({"docs": DOCS, "config": CONFIG}, indent=2)
    (tmp_path / INDEX).parent.mkdir(parents=True)
    (tmp_path / INDEX).write_text(text, encoding="utf-8")
    assert split_search_index(tmp_path, LANGUAGES) == {"fr": 2, "en": 2, "es": 1}
    read = {
        code: json.loads((tmp_path / prefix / INDEX).read_text(encoding="utf-8"))
        for code, prefix in (("fr", ""), ("en", "en"), ("es", "es"))
    }
    # Accented words, and words inside quotes, brackets or after an apostrophe, are also in
    # a field of half the weight (search_folding.py).
    assert read["fr"] == {
        "config": {**CONFIG, "lang": ["fr"], "fields": FIELDS},
        "docs": [DOCS[0], {**DOCS[4], "title_words": "entrees"}],
    }
    assert read["en"]["docs"] == [
        {**DOCS[1], "location": "", "text_words": "here"},  # "here" in quotes
        {**DOCS[2], "location": "about/#mission"},
    ]
    assert read["es"] == {
        "config": {**CONFIG, "lang": ["es"], "fields": FIELDS},
        "docs": [{**DOCS[3], "location": ""}],
    }
    assert not list(tmp_path.rglob("*.part"))


def test_a_damaged_index_is_an_error_not_a_partial_index(tmp_path: Path) -> None:
    (tmp_path / INDEX).parent.mkdir(parents=True)
    (tmp_path / INDEX).write_text('{"config": {}, "docs": [{"location": ""} {"location": "en/"}]}')
    with pytest.raises(ValueError):
        split_search_index(tmp_path, LANGUAGES)
    assert not (tmp_path / "en" / INDEX).exists()
    assert not list(tmp_path.rglob("*.part"))
