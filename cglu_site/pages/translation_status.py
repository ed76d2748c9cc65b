"""What each language lacks (data texts, UI strings, hand-written pages) and which of its
translations may be outdated (fingerprints.py).

A missing UI string fails the build; a missing text or page is shown in its original
language until translated (or fails the build with `missing_translations: error`). This
report lists them all, per language, including for a language not configured yet
(`--language es`), which is how a new language is prepared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cglu_site.data.strings import STRINGS_DIR, _flatten
from cglu_site.data.validation import load_schemas, missing_translations
from cglu_site.data.yaml_source import DataFileError, SourceDocument, load_yaml
from cglu_site.pages.fingerprints import current_fingerprints, possibly_outdated, read_record


@dataclass
class LanguageStatus:
    code: str
    texts: int = 0
    texts_done: int = 0
    strings: int = 0
    strings_done: int = 0
    pages: int = 0
    pages_done: int = 0
    missing: list[str] = field(default_factory=list)
    outdated: list[str] = field(default_factory=list)  # possibly: see fingerprints.py

    @property
    def complete(self) -> bool:
        return not self.missing


def translation_status(project: Path, codes: Sequence[str]) -> list[LanguageStatus]:
    statuses = {code: LanguageStatus(code) for code in codes}
    _data_texts(project / "data", project, codes, statuses)
    _ui_strings(codes, statuses)
    _pages(project / "docs", codes, statuses)
    current = current_fingerprints(project, project / "docs", project / "data", codes)
    for key, code, changed in possibly_outdated(read_record(project), current):
        statuses[code].outdated.append(f"{key}: {', '.join(changed)} changed since it was translated")
    return list(statuses.values())


def _data_texts(
    data_dir: Path, project: Path, codes: Sequence[str], statuses: dict[str, LanguageStatus]
) -> None:
    documents: dict[str, SourceDocument] = {}
    for path in sorted(data_dir.glob("*.yml")):
        try:
            documents[path.stem] = load_yaml(path, path.relative_to(project).as_posix())
        except DataFileError:
            continue  # `check` reports unreadable files
    texts = [
        value for document in documents.values() for value in _per_language_values(document.value, set(codes))
    ]
    for status in statuses.values():
        status.texts = len(texts)
        status.texts_done = sum(1 for text in texts if status.code in text)
    schemas = load_schemas(data_dir / "schemas", codes)
    for error, languages in missing_translations(documents, schemas):
        for code in languages:
            if code in statuses and str(error) not in statuses[code].missing:
                statuses[code].missing.append(str(error))


def _per_language_values(value: object, codes: set[str]):
    """Mappings keyed by language codes only: the data's texts."""
    if isinstance(value, dict):
        if value and set(value) <= codes | {key for key in value if isinstance(key, str) and len(key) == 2}:
            if set(value) & codes and all(isinstance(v, str) for v in value.values()):
                yield value
                return
        for child in value.values():
            yield from _per_language_values(child, codes)
    elif isinstance(value, list):
        for child in value:
            yield from _per_language_values(child, codes)


def _ui_strings(codes: Sequence[str], statuses: dict[str, LanguageStatus]) -> None:
    flat = {}
    for code in codes:
        path = STRINGS_DIR / f"{code}.yml"
        try:
            flat[code] = (
                _flatten(load_yaml(path, f"cglu_site/strings/{code}.yml").value) if path.exists() else {}
            )
        except DataFileError as error:  # `check` says how to fix it; here it lacks every string
            flat[code] = {}
            statuses[code].missing.append(str(error))
    keys = set().union(*(keys.keys() for keys in flat.values()))
    for code, have in flat.items():
        statuses[code].strings = len(keys)
        statuses[code].strings_done = len(keys & have.keys())
        statuses[code].missing += [
            f"cglu_site/strings/{code}.yml: string '{key}'" for key in sorted(keys - have.keys())
        ]


def _pages(docs_dir: Path, codes: Sequence[str], statuses: dict[str, LanguageStatus]) -> None:
    from cglu_site.pages.writer import is_generated

    bases: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if is_generated(path):
            continue
        stem, _, code = path.relative_to(docs_dir).as_posix().removesuffix(".md").rpartition(".")
        bases.setdefault(stem if stem else code, set()).add(code if stem else "")
    for code, status in statuses.items():
        status.pages = len(bases)
        status.pages_done = sum(1 for have in bases.values() if code in have)
        status.missing += [
            f"docs/{base}.{code}.md: page" for base, have in sorted(bases.items()) if code not in have
        ]
