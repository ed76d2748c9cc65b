"""The mixed search index is split into one index per language, entry by entry."""

from __future__ import annotations

import copy
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


def test_each_language_gets_its_entries_with_locations_from_its_root(tmp_path: Path) -> None:
    entries = copy.deepcopy(DOCS)
    assert split_search_index(tmp_path, LANGUAGES, (entries, CONFIG)) == {"fr": 2, "en": 2, "es": 1}
    assert entries == DOCS  # the search memo gives these entries to the next build
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


def test_no_search_plugin_no_index(tmp_path: Path) -> None:
    assert split_search_index(tmp_path, LANGUAGES, None) == {}
    assert not list(tmp_path.rglob("*.json"))


def test_an_entry_without_location_fails_the_split_and_leaves_no_partial_index(tmp_path: Path) -> None:
    with pytest.raises(KeyError):
        split_search_index(tmp_path, LANGUAGES, ([DOCS[0], {"title": "no location"}], CONFIG))
    assert not list(tmp_path.rglob("*.json*"))
