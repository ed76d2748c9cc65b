"""Translations possibly outdated: a text changed in one language after the others were
translated from it.

`python -m cglu_site status --record` (the translator runs it once a translation is written)
keeps in `translations.yml`, beside mkdocs.yml, a short fingerprint (hash) of each language's
version of every data text and hand-written page. Later, a language whose version is the one
recorded while another language's version has changed since is *possibly outdated*: its
translation was made from a text that is no longer the same. Per field for data texts, per
file for hand-written pages.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import yaml

from cglu_site.data.languages import Language
from cglu_site.data.text import is_text
from cglu_site.data.yaml_source import DataFileError, load_yaml
from cglu_site.pages.hand_written import hand_written_files

RECORD_FILE = "translations.yml"
_HEADER = (
    "# Fingerprints of every text in every language when its translations were last brought up to date.\n"
    "# Written by `python3 scripts/task.py status --record`; `status` lists the translations made from\n"
    "# a text that has changed since (possibly outdated). Do not edit by hand.\n"
)


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def current_fingerprints(
    project: Path, docs_dir: Path, data_dir: Path, codes: Sequence[str]
) -> dict[str, dict[str, str]]:
    """Every data text and hand-written page: its key -> {language: fingerprint}."""
    found: dict[str, dict[str, str]] = {}
    for path in sorted(data_dir.glob("*.yml")):
        try:
            document = load_yaml(path, path.relative_to(project).as_posix())
        except DataFileError:
            continue  # `check` reports it
        for key, text in _texts(document.value, codes, ()):
            found[f"{document.file}#{key}"] = {code: fingerprint(value) for code, value in text.items()}
    languages = [Language(code, code, False, "") for code in codes]
    for path, base, code in hand_written_files(docs_dir, languages):
        if code in codes:
            key = f"{docs_dir.relative_to(project).as_posix()}/{base}"
            found.setdefault(key, {})[code] = fingerprint(path.read_text(encoding="utf-8"))
    return found


def _texts(value: Any, codes: Sequence[str], path: tuple) -> Iterator[tuple[str, dict[str, str]]]:
    """Each data text with a key that stays while entries are added or moved: entries by id."""
    if is_text(value, codes):
        yield "/".join(str(part) for part in path), value
    elif isinstance(value, dict):
        for key, child in value.items():
            yield from _texts(child, codes, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            name = child["id"] if isinstance(child, dict) and isinstance(child.get("id"), str) else index + 1
            yield from _texts(child, codes, (*path, name))


def read_record(project: Path) -> dict[str, dict[str, str]]:
    path = project / RECORD_FILE
    if not path.exists():
        return {}
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def write_record(project: Path, fingerprints: dict[str, dict[str, str]]) -> Path:
    path = project / RECORD_FILE
    lines = [_HEADER.rstrip("\n")]
    for key in sorted(fingerprints):
        versions = ", ".join(
            f"{code}: {json.dumps(value)}" for code, value in sorted(fingerprints[key].items())
        )
        lines.append(f"{json.dumps(key, ensure_ascii=False)}: {{{versions}}}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def possibly_outdated(
    recorded: dict[str, dict[str, str]], current: dict[str, dict[str, str]]
) -> Iterator[tuple[str, str, list[str]]]:
    """(key, language, the languages changed since) for each translation made from a text
    that has changed since: the language's version is as recorded, another's is not."""
    for key in sorted(current):
        before, now = recorded.get(key) or {}, current[key]
        changed = [code for code in now if code in before and now[code] != before[code]]
        if not changed:
            continue
        for code in now:
            if code not in changed and before.get(code) == now[code]:
                yield key, code, changed
