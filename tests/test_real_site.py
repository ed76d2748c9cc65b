"""The real data builds a strict site in which every page exists, and says its facts, in every language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from sites import LANGUAGES, ROOT, Project


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page_path(lang: str, path: str) -> str:
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    return f"{prefix}{path}"


def language_pages(site: Path, lang: str) -> set[str]:
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html"}
    if lang == LANGUAGES[0]:
        return {p for p in pages if p.split("/")[0] not in LANGUAGES[1:]}
    return {p.removeprefix(f"{lang}/") for p in pages if p.startswith(f"{lang}/")}


def test_every_page_exists_in_every_language(real_site: Project) -> None:
    default = language_pages(real_site.site, LANGUAGES[0])
    assert len(default) > 30
    for lang in LANGUAGES[1:]:
        assert language_pages(real_site.site, lang) == default


def test_every_page_is_in_its_own_language(real_site: Project) -> None:
    """The English page is not the French text: titles and bodies differ, lang is right."""
    for page in language_pages(real_site.site, LANGUAGES[0]):
        texts = {}
        for lang in LANGUAGES:
            html = real_site.html(page_path(lang, page))
            assert html.html["lang"] == lang, page
            texts[lang] = real_site.text(page_path(lang, page))
        assert len(set(texts.values())) == len(LANGUAGES), f"{page}: the same text in two languages"


def plain(text: str) -> str:
    """Text without typographic no-break spaces (French pages add them; tests elsewhere check it)."""
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").split())


def entries(name: str, key: str) -> list[tuple[str, dict]]:
    return [(entry["id"], entry) for entry in load(name)[key]]


PAGES_FROM_DATA = [
    *[(f"commissions/{id_}/index.html", entry, ("name", "description")) for id_, entry in entries("commissions", "bodies")],
    *[(f"sections/{id_}/index.html", entry, ("region", "name", "description")) for id_, entry in entries("sections", "sections")],
    *[(f"events/{id_}/index.html", entry, ("name", "summary", "venue", "city")) for id_, entry in entries("events", "events")],
    *[(f"news/{id_}/index.html", entry, ("title", "summary")) for id_, entry in entries("news", "news")],
]


@pytest.mark.parametrize(("page", "entry", "fields"), PAGES_FROM_DATA, ids=[p[0] for p in PAGES_FROM_DATA])
def test_entry_pages_show_their_data_in_each_language(real_site: Project, page: str, entry: dict, fields: tuple) -> None:
    for lang in LANGUAGES:
        text = plain(real_site.text(page_path(lang, page)))
        for field in fields:
            assert plain(entry[field][lang]) in text, f"{lang}/{page}: {field}"
        others = [entry[field][other] for field in fields for other in LANGUAGES if other != lang]
        for other_text in others:
            if all(other_text != entry[field][lang] for field in fields) and len(other_text) > 20:
                assert plain(other_text) not in text, f"{lang}/{page} shows another language's text"
