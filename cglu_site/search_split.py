"""One search index per language.

static-i18n leaves one index mixing every language at search/search_index.json, so a
search from an English page returns French pages. After the last language is built, the
index is split by location: each language root gets `search/search_index.json` with its
own pages, their locations made relative to that root (where Material resolves them, see
`language_base_url`).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from .languages import Language

INDEX = Path("search") / "search_index.json"


def split_search_index(site_dir: Path, languages: list[Language]) -> dict[str, int]:
    """Rewrite the mixed index as one index per language; return the entries per language."""
    mixed = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    prefixes = {language.code: language.link.strip("/") for language in languages}
    counts = {}
    for language in languages:
        prefix = prefixes[language.code]
        others = [p for code, p in prefixes.items() if p and p != prefix]
        if prefix:
            docs = [
                {**doc, "location": doc["location"].removeprefix(prefix + "/")}
                for doc in mixed["docs"]
                if doc["location"].startswith(prefix + "/")
            ]
        else:
            docs = [
                doc for doc in mixed["docs"] if not any(doc["location"].startswith(p + "/") for p in others)
            ]
        index = {**mixed, "config": {**mixed["config"], "lang": [language.code]}, "docs": docs}
        target = site_dir / prefix / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[language.code] = len(docs)
    return counts


def language_base_url(base_url: str, language: Language) -> str:
    """The page's path to its language root, which Material uses as its search base."""
    prefix = language.link.strip("/")
    # A trailing slash: Material resolves 'search/search_index.json' against it.
    return posixpath.join(base_url, prefix) + "/" if prefix else base_url
