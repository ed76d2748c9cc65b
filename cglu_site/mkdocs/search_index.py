"""One search index per language.

static-i18n leaves one index mixing every language at search/search_index.json, so a
search from an English page returns French pages. After the last language is built, the
index is split by location: each language root gets `search/search_index.json` with its
own pages, their locations made relative to that root (where Material resolves them, see
`language_base_url`), and each entry the words it must also be found by (search_folding.py).

The entries come from the search plugin's memory, where they are already (the adapter finds
them: material_search.py), not from the mixed file read back: on a large site that file,
read and decoded, was the largest thing a build held at its peak. Nor does Material make
its files any more (material_search.leave_index_file_to_the_split): it writes them empty,
and the files written here replace them.
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from cglu_site.data.languages import Language
from cglu_site.mkdocs.search_folding import DEFAULT_SEPARATOR, add_hidden_fields, fields_with_hidden

INDEX = Path("search") / "search_index.json"


MixedIndex = tuple[Iterable[dict[str, Any]], dict[str, Any]]


def split_search_index(site_dir: Path, languages: list[Language], index: MixedIndex | None) -> dict[str, int]:
    """Write one index per language from the mixed index's entries and settings (its
    `config`: lang, separator, pipeline, fields); return the entries per language. No index
    (the search plugin is off): nothing to write.

    The entries are not changed (the search memo gives the same ones to the next build):
    each is copied, given its hidden fields, written and let go. Each language's file is
    written aside and renamed when complete.
    """
    if index is None:
        return {}
    entries, settings = index
    prefixes = {language.code: language.folder for language in languages}
    outputs: dict[str, IO[str]] = {}
    counts = dict.fromkeys(prefixes, 0)
    separator = _separator(settings)
    try:
        for code, prefix in prefixes.items():
            target = site_dir / prefix / INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            outputs[code] = target.with_name(target.name + ".part").open("w", encoding="utf-8")
            outputs[code].write('{"docs":[')
        for entry in entries:
            code = _language_of(entry["location"], prefixes)
            value = add_hidden_fields(dict(entry), separator)
            if prefixes[code]:
                value["location"] = value["location"].removeprefix(prefixes[code] + "/")
            outputs[code].write(("," if counts[code] else "") + _compact(value))
            counts[code] += 1
        for code, output in outputs.items():
            config = {**settings, "lang": [code]}
            if "fields" in config:
                config["fields"] = fields_with_hidden(config["fields"])
            output.write(f'],"config":{_compact(config)}}}')
    except BaseException:
        for output in outputs.values():
            output.close()
            Path(output.name).unlink(missing_ok=True)
        raise
    for output in outputs.values():
        output.close()
    for prefix in prefixes.values():
        target = site_dir / prefix / INDEX
        os.replace(target.with_name(target.name + ".part"), target)
    return counts


def _separator(settings: dict[str, Any]) -> str:
    """Where Material's search splits words (a JavaScript regular expression: its default
    when Python reads it otherwise)."""
    separator = settings.get("separator") or DEFAULT_SEPARATOR
    try:
        re.compile(separator)
    except re.error:
        return DEFAULT_SEPARATOR
    return separator


def _language_of(location: str, prefixes: dict[str, str]) -> str:
    """The language whose root holds the location (the default language: the others' rest)."""
    for code, prefix in prefixes.items():
        if prefix and location.startswith(prefix + "/"):
            return code
    return next(code for code, prefix in prefixes.items() if not prefix)


def _compact(value: Any) -> str:
    # As Material writes its index: what JSON has no type for as text.
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def language_base_url(base_url: str, language: Language) -> str:
    """The page's path to its language root, which Material uses as its search base."""
    prefix = language.folder
    # A trailing slash: Material resolves 'search/search_index.json' against it.
    return posixpath.join(base_url, prefix) + "/" if prefix else base_url
