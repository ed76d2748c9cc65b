"""The real site's search indexes: every page of every language, accents folded, at a modest size."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sites import ROOT, Project

from cglu_site.data.languages import load_languages
from cglu_site.mkdocs.search_folding import SUFFIX, hidden_words
from cglu_site.mkdocs.search_index import INDEX

LANGUAGES = load_languages(ROOT / "mkdocs.yml")


def index_of(site: Path, folder: str) -> dict:
    return json.loads((site / folder / INDEX).read_text(encoding="utf-8"))


def pages_of(site: Path, folder: str, others: list[str]) -> set[str]:
    """A language's page addresses relative to its root ('', 'contact/'), 404 pages aside."""
    root = site / folder
    paths = (path.relative_to(root).as_posix() for path in root.rglob("index.html"))
    return {
        path.removesuffix("index.html")
        for path in paths
        if not any(path.startswith(other + "/") for other in others)
    }


def test_every_page_of_every_language_is_in_its_languages_index(real_site: Project) -> None:
    """static-i18n's search reconfiguration dropped a page whose title and text equal the
    default language's (the English Contact page): every page must be found in its language."""
    folders = [language.folder for language in LANGUAGES if language.folder]
    indexed = {}
    for language in LANGUAGES:
        index = index_of(real_site.site, language.folder)
        assert index["config"]["lang"] == [language.code]
        indexed[language.code] = {doc["location"].split("#")[0] for doc in index["docs"]}
        others = [folder for folder in folders if folder != language.folder]
        pages = pages_of(real_site.site, language.folder, others if language.folder else folders)
        assert indexed[language.code] == pages, f"{language.code}: pages missing from (or extra in) its index"
        assert "contact/" in indexed[language.code]
    assert len({len(pages) for pages in indexed.values()}) == 1, {code: len(p) for code, p in indexed.items()}


def test_words_typed_without_accents_are_indexed_in_hidden_fields_at_a_modest_cost(
    real_site: Project,
) -> None:
    for language in LANGUAGES:
        path = real_site.site / language.folder / INDEX
        index = json.loads(path.read_text(encoding="utf-8"))
        fields = index["config"]["fields"]
        for name in ("title", "text"):
            assert fields[name + SUFFIX]["boost"] < fields[name]["boost"], "a word as typed ranks first"
        hidden_size = 0
        entries_with_hidden_words = 0
        for doc in index["docs"]:
            for name in ("title", "text"):
                expected = hidden_words(doc[name], index["config"]["separator"])
                assert doc.get(name + SUFFIX, "") == expected, doc["location"]
                hidden_size += len(expected.encode("utf-8"))
                entries_with_hidden_words += bool(expected)
        assert entries_with_hidden_words, f"{language.code}: no hidden word"
        # Visitors who search download the index: the hidden words add at most a fifth.
        assert hidden_size < path.stat().st_size / 5, (language.code, hidden_size, path.stat().st_size)


@pytest.mark.parametrize(
    ("markup", "expected"),
    [
        (
            "<p>La décentralisation, l'égalité &amp; le <code>Género</code></p>",
            "decentralisation égalité egalite genero",
        ),
        ("España: ESPAÑA, españa", "espana"),  # each word once, lower case
        ("déjà où à", "deja"),  # words of under three letters would find everything
        ("plain English words, UCLG's (UCLG) «UCLG»", ""),  # "uclg" begins a word already
        ("(Barcelona) d'Al Hoceima", "barcelona"),
        ("ﬁnances", "finances"),  # compatibility forms too
    ],
)
def test_hidden_words(markup: str, expected: str) -> None:
    assert hidden_words(markup) == expected
