"""Load every file of `data/`, validate it, and hand the templates one read-only view of it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cglu_site.data.check_cache import ValidatedData, file_key, inputs_digest
from cglu_site.data.text import FOREIGN_PHRASE, fill_untranslated
from cglu_site.data.text_checks import texts_cut_by_a_comment
from cglu_site.data.validation import (
    SCHEMA_DIR_NAME,
    DataError,
    DataValidationError,
    collect_ids,
    load_schemas,
    text_name,
    validate_documents,
)
from cglu_site.data.yaml_source import ComposedYaml, DataFileError, SourceDocument, load_yaml


@dataclass(frozen=True)
class SiteData:
    """The validated data: one mapping per data file, keyed by the file's stem."""

    files: dict[str, Any]
    documents: dict[str, SourceDocument]
    root: Path
    # The texts awaiting translation, each with the languages it lacks.
    untranslated: tuple[tuple[DataError, tuple[str, ...]], ...] = ()
    every_language: bool = True  # as validated: each text required in every language?

    def __getitem__(self, stem: str) -> Any:
        return self.files[stem]

    def source_file(self, stem: str) -> str:
        """Repository path of a data file, e.g. 'data/commissions.yml'."""
        return self.documents[stem].file

    def line_of(self, stem: str, path: Sequence[Any]) -> int:
        return self.documents[stem].line_of(tuple(path))

    def sources_by_id(self) -> dict[str, dict]:
        return {source["id"]: source for source in self.files["sources"]["sources"]}


def load_site_data(
    data_dir: Path,
    languages: Sequence[str],
    display_root: Path | None = None,
    validated: ValidatedData | None = None,
    every_language: bool = True,
    composed: ComposedYaml | None = None,
) -> SiteData:
    """Read and validate `data_dir`; raise DataValidationError listing every mistake.

    `display_root` is the folder paths in messages are relative to (the project root).
    `validated`: where a build keeps which files passed the schema check, to check only
    the files that changed or depend on what changed (see check_cache.py); None checks all.
    `every_language`: each text must be in every language (`missing_translations: error`);
    if not, one is enough, and each language a text lacks shows its original (`Untranslated`).
    `composed`: the files' node trees kept under serve (yaml_source.py).
    """
    data_dir = data_dir.resolve()
    display_root = (display_root or data_dir.parent).resolve()
    schemas = load_schemas(data_dir / SCHEMA_DIR_NAME, languages, every_language)
    data_files = sorted(data_dir.glob("*.y*ml"))
    schema_files = sorted((data_dir / SCHEMA_DIR_NAME).glob("*.schema.json"))
    documents: dict[str, SourceDocument] = {}
    errors: list[DataError] = []
    for path in data_files:
        shown = _display(path, display_root)
        if path.suffix != ".yml":
            errors.append(DataError(shown, 1, "data files end in .yml"))
            continue
        try:
            document = load_yaml(path, shown, composed)
        except DataFileError as error:
            errors.append(DataError(error.file, error.line, error.message))
            continue
        if not isinstance(document.value, dict):
            errors.append(
                DataError(
                    shown, 1, _not_a_mapping(document.value, schemas.get(f"{path.stem}.schema.json"), shown)
                )
            )
            continue
        documents[path.stem] = document
    for name in schemas:
        stem = name.removesuffix(".schema.json")
        if (
            stem != "common"
            and stem not in documents
            and not any(e.file.endswith(f"/{stem}.yml") for e in errors)
        ):
            shown = _display(data_dir / f"{stem}.yml", display_root)
            errors.append(
                DataError(
                    shown,
                    1,
                    f"the file is missing: the site needs it (its schema is "
                    f"{_display(data_dir / SCHEMA_DIR_NAME / name, display_root)}); "
                    f"restore it with 'git checkout -- {shown}', or rename the file back if it was renamed",
                )
            )
    keys: dict[str, str] = {}
    if validated is None:
        errors += validate_documents(documents, schemas)
    else:  # only the files whose key is not kept (see check_cache.py)
        ids = collect_ids(documents, schemas)
        common = inputs_digest(schema_files, [*languages, "every" if every_language else "some"])
        common += repr(sorted((name, sorted(found)) for name, found in ids.items()))
        keys = {
            stem: file_key(common, document.file, document.digest) for stem, document in documents.items()
        }
        passed = validated.passed()
        unchecked = {stem for stem, key in keys.items() if key not in passed}
        if unchecked:
            errors += validate_documents(documents, schemas, only=unchecked)
    errors += texts_cut_by_a_comment(documents, schemas, languages)
    if not errors:
        errors += _check_date_order(documents)
        errors += _check_source_titles(documents)
    if errors:
        raise DataValidationError(errors)
    if validated is not None:
        validated.remember(keys.values())
    untranslated = tuple(
        (
            DataError(
                document.file,
                document.line_of(path),
                text_name(schemas[f"{stem}.schema.json"], document, path),
            ),
            tuple(lacking),
        )
        for stem, document in documents.items()
        for path, lacking in fill_untranslated(document.value, languages)
    )
    return SiteData(
        {stem: doc.value for stem, doc in documents.items()},
        documents,
        display_root,
        untranslated,
        every_language,
    )


def _not_a_mapping(value: Any, schema: dict | None, shown: str) -> str:
    """What to say of a data file that does not hold its top-level fields."""
    if value is None:
        return (
            "the file is empty: restore it with 'git checkout -- "
            f"{shown}' (or undo the change in your editor), then make your change again"
        )
    fields = ", ".join(f"'{key}:'" for key in (schema or {}).get("properties", {}))
    holds = "a list" if isinstance(value, list) else "a single value"
    expected = f" ({fields}), each at the start of its line" if fields else ""
    return (
        f"the file holds {holds} instead of its fields{expected}: "
        "compare it with its last version ('git diff') and restore what was removed"
    )


def _display(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


def _check_date_order(documents: dict[str, SourceDocument]) -> list[DataError]:
    """An end before its start is a typo the schema cannot see."""
    errors = []

    def walk(value: Any, path: tuple, document: SourceDocument) -> None:
        if isinstance(value, dict):
            start, end = value.get("start"), value.get("end")
            if start is not None and end is not None and _sortable(end, "99") < _sortable(start, "00"):
                label = f"'{value['id']}': " if isinstance(value.get("id"), str) else ""
                errors.append(
                    DataError(
                        document.file,
                        document.line_of(path + ("end",)),
                        f"{label}'end' ({end}) is before 'start' ({start})",
                    )
                )
            for key, child in value.items():
                walk(child, path + (key,), document)
        elif isinstance(value, list):
            for index, child in enumerate(value):
                walk(child, path + (index,), document)

    for document in documents.values():
        walk(document.value, (), document)
    return errors


def _check_source_titles(documents: dict[str, SourceDocument]) -> list[DataError]:
    """A source's title in another language than the document's is either a translation or
    the original marked with the document's language ([[fr: …]]): an original left unmarked
    would be read aloud in the page's language, and one marked otherwise in the wrong one."""
    document = documents.get("sources")
    if document is None or not isinstance(document.value, dict):
        return []
    errors = []
    for index, source in enumerate(document.value.get("sources") or []):
        own, titles = source.get("language"), source.get("title") or {}
        original = titles.get(own)
        if original is None:  # a document in a language the site does not have
            continue
        for lang, title in titles.items():
            if lang == own:
                continue
            problem = None
            if title == original:
                problem = f"is the document's own title in '{own}': mark it [[{own}: …]] or translate it"
            for code, phrase in FOREIGN_PHRASE.findall(title):
                if phrase == original and code != own:
                    problem = f"marks the document's title as '{code}', but the document is in '{own}'"
            if problem:
                errors.append(
                    DataError(
                        document.file,
                        document.line_of(("sources", index, "title", lang)),
                        f"source '{source.get('id')}': title ({lang}) {problem}",
                    )
                )
    return errors


def _sortable(partial_date: str | int, fill: str) -> str:
    """Pad a partial date so that an end of '2021-03' is not before a start of '2021-03-10'."""
    partial_date = str(partial_date)
    return partial_date + f"-{fill}" * (2 - partial_date.count("-"))
