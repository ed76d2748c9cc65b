"""One search index per language.

static-i18n leaves one index mixing every language at search/search_index.json, so a
search from an English page returns French pages. After the last language is built, the
index is split by location: each language root gets `search/search_index.json` with its
own pages, their locations made relative to that root (where Material resolves them, see
`language_base_url`), and each entry the words it must also be found by (search_folding.py).
"""

from __future__ import annotations

import json
import os
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from cglu_site.data.languages import Language
from cglu_site.mkdocs.search_folding import DEFAULT_SEPARATOR, add_hidden_fields, fields_with_hidden

INDEX = Path("search") / "search_index.json"
_SPACE = re.compile(r"[ \t\n\r]*")


def split_search_index(site_dir: Path, languages: list[Language]) -> dict[str, int]:
    """Rewrite the mixed index as one index per language; return the entries per language.

    The entries are read and written one at a time: the whole index as Python objects is,
    on a large site, more than the rest of the build's peak memory. Each language's file is
    written aside and renamed when complete.
    """
    text = (site_dir / INDEX).read_text(encoding="utf-8")
    prefixes = {language.code: language.folder for language in languages}
    outputs: dict[str, IO[str]] = {}
    counts = dict.fromkeys(prefixes, 0)
    settings: dict[str, Any] = {}
    try:
        for code, prefix in prefixes.items():
            target = site_dir / prefix / INDEX
            target.parent.mkdir(parents=True, exist_ok=True)
            outputs[code] = target.with_name(target.name + ".part").open("w", encoding="utf-8")
            outputs[code].write('{"docs":[')
        for key, value in _index_items(text):
            if key != "docs":
                settings[key] = value
                continue
            code = _language_of(value["location"], prefixes)
            add_hidden_fields(value, _separator(settings))
            if prefixes[code]:
                value["location"] = value["location"].removeprefix(prefixes[code] + "/")
            outputs[code].write(("," if counts[code] else "") + _compact(value))
            counts[code] += 1
        for code, output in outputs.items():
            config = {**settings.get("config", {}), "lang": [code]}
            if "fields" in config:
                config["fields"] = fields_with_hidden(config["fields"])
            rest = "".join(
                f",{_compact(key)}:{_compact(value)}" for key, value in settings.items() if key != "config"
            )
            output.write(f'],"config":{_compact(config)}{rest}}}')
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
    when Python reads it otherwise, or when the index names it after its entries)."""
    separator = settings.get("config", {}).get("separator") or DEFAULT_SEPARATOR
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


def _index_items(text: str) -> Iterator[tuple[str, Any]]:
    """(key, value) for each key of the JSON object `text`, except "docs", a list whose
    entries come one at a time as ("docs", entry), each decoded when reached."""
    decoder = json.JSONDecoder()
    index = _skip(text, 0, "{")
    while text[index] != "}":
        key, index = decoder.raw_decode(text, index)
        index = _skip(text, index, ":")
        if key == "docs":
            index = _skip(text, index, "[")
            while text[index] != "]":
                entry, index = decoder.raw_decode(text, index)
                yield key, entry
                index = _after_item(text, index, "]")
            index += 1
        else:
            value, index = decoder.raw_decode(text, index)
            yield key, value
        index = _after_item(text, index, "}")


def _after_item(text: str, index: int, closing: str) -> int:
    """The position of the next item (after a comma) or of the closing bracket."""
    index = _SPACE.match(text, index).end()
    if text[index] == ",":
        return _SPACE.match(text, index + 1).end()
    if text[index] != closing:
        raise ValueError(f"search index: ',' or {closing!r} expected at character {index}")
    return index


def _skip(text: str, index: int, expected: str) -> int:
    """The position after `expected` and the white space around it."""
    index = _SPACE.match(text, index).end()
    if text[index] != expected:
        raise ValueError(f"search index: {expected!r} expected at character {index}")
    return _SPACE.match(text, index + 1).end()


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def language_base_url(base_url: str, language: Language) -> str:
    """The page's path to its language root, which Material uses as its search base."""
    prefix = language.folder
    # A trailing slash: Material resolves 'search/search_index.json' against it.
    return posixpath.join(base_url, prefix) + "/" if prefix else base_url
