"""Validate the data files against their JSON Schemas and turn failures into editor messages.

Each `data/<name>.yml` has a schema `data/schemas/<name>.schema.json`. Besides standard
JSON Schema the schemas use three keywords of ours (editors' tools ignore them):

- `x-per-language`: an object keyed by language; the build requires the site's languages,
  which come from mkdocs.yml, so adding a language needs no schema change: every one of them
  (`every_language`, the `missing_translations: error` setting), or at least one, the others
  then awaiting translation.
- `x-collection` / `x-unique`: a list of entries whose `id` must be unique; the ids form a
  collection other files may point to.
- `x-ref`: a string that must be the id of an entry of the named collection.

Every error names file, line, entry and field, e.g.
`data/commissions.yml:42: commission 'culture': 'name' lacks 'en'`.
"""

from __future__ import annotations

import datetime
import difflib
import functools
import json
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import total_ordering
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cglu_site.data.schema_refs import inlined
from cglu_site.data.value_words import json_type, quoted, shortened, with_article
from cglu_site.data.yaml_source import SourceDocument

if TYPE_CHECKING:
    from jsonschema import FormatChecker
    from jsonschema.exceptions import ValidationError

# jsonschema is imported where it is used: a build whose data was validated before (see
# validated_data.py) does not need it, nor its time and memory to load.

SCHEMA_DIR_NAME = "schemas"


@total_ordering
@dataclass(frozen=True)
class DataError:
    file: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"

    def __lt__(self, other: DataError) -> bool:
        return (self.file, self.line, self.message) < (other.file, other.line, other.message)


class DataValidationError(Exception):
    """The data is wrong; `errors` lists every mistake found, in file and line order."""

    def __init__(self, errors: Iterable[DataError]):
        self.errors = sorted(set(errors))
        count = len(self.errors)
        header = f"{count} error{'s' if count != 1 else ''} in the site data:"
        super().__init__("\n".join([header, *(f"  {error}" for error in self.errors)]))


# --------------------------------------------------------------------------- schemas


def load_schemas(schema_dir: Path, languages: Sequence[str], every_language: bool = True) -> dict[str, dict]:
    """All schemas of `schema_dir` by file name, with the site's languages filled in: each
    text required in every language, or (`every_language=False`) in one at least."""
    schemas = {}
    for path in sorted(schema_dir.glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        schemas[path.name] = _with_languages(schema, list(languages), every_language)
    return schemas


def _with_languages(schema: Any, languages: list[str], every_language: bool) -> Any:
    if isinstance(schema, dict):
        schema = {key: _with_languages(value, languages, every_language) for key, value in schema.items()}
        if schema.get("x-per-language"):
            # every language required, or one at least (the others then awaiting translation)
            schema.update({"required": list(languages)} if every_language else {"minProperties": 1})
            schema["propertyNames"] = {"enum": list(languages)}
        return schema
    if isinstance(schema, list):
        return [_with_languages(item, languages, every_language) for item in schema]
    return schema


def collections_of(schema: dict) -> dict[str, tuple[str, str]]:
    """The collections a file schema declares: name -> (top-level key, entry noun)."""
    found = {}
    for key, prop in schema.get("properties", {}).items():
        if "x-collection" in prop:
            found[prop["x-collection"]] = (key, prop.get("x-entry", "entry"))
    return found


# --------------------------------------------------------------------------- validation


_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@functools.cache
def _format_checker() -> FormatChecker:
    import jsonschema

    checker = jsonschema.FormatChecker()
    checker.checks("partial-date", raises=ValueError)(_is_partial_date)
    return checker


def _is_partial_date(value: object) -> bool:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)  # a bare year, as editors naturally write it
    if not isinstance(value, str):
        return True
    match = _PARTIAL_DATE.match(value)
    if not match:
        return False
    year, month, day = match.groups()
    datetime.date(int(year), int(month or 1), int(day or 1))
    return True


def _make_validator_class(ids: dict[str, set[str]]):
    import jsonschema
    from jsonschema import validators
    from jsonschema.exceptions import ValidationError

    def x_ref(validator, collection, instance, schema):
        # A collection whose file could not be read has no ids: its error is the one to fix,
        # not every reference to it.
        if isinstance(instance, str) and collection in ids and instance not in ids[collection]:
            yield ValidationError(f"unknown {collection} id {instance!r}", validator_value=collection)

    def x_unique(validator, key, instance, schema):
        if not isinstance(instance, list):
            return
        seen: dict[Any, int] = {}
        for index, item in enumerate(instance):
            if isinstance(item, dict) and isinstance(item.get(key), str):
                if item[key] in seen:
                    yield ValidationError(
                        f"duplicate {key} {item[key]!r}",
                        path=[index, key],
                        instance=item[key],
                        validator_value=seen[item[key]],
                    )
                else:
                    seen[item[key]] = index

    return validators.extend(jsonschema.Draft202012Validator, {"x-ref": x_ref, "x-unique": x_unique})


def validate_documents(
    documents: dict[str, SourceDocument], schemas: dict[str, dict], only: Collection[str] | None = None
) -> list[DataError]:
    """Check every document (keyed by data file stem) against its schema, or those named in
    `only` (their references to the other documents' ids are checked all the same).

    Returns every error found; an empty list means the data is good.
    """
    errors: list[DataError] = []
    for stem, document in documents.items():
        if f"{stem}.schema.json" not in schemas:
            errors.append(
                DataError(
                    document.file,
                    1,
                    f"no schema for this file (expected {SCHEMA_DIR_NAME}/{stem}.schema.json)",
                )
            )
    ids = collect_ids(documents, schemas)
    schemas = inlined(schemas)
    registry = _registry(schemas)
    validator_class = _make_validator_class(ids)
    for stem, document in documents.items():
        schema = schemas.get(f"{stem}.schema.json")
        if schema is None or (only is not None and stem not in only):
            continue
        validator = validator_class(schema, registry=registry, format_checker=_format_checker())
        nouns = {key: noun for key, noun in collections_of(schema).values()}
        for error in _leaf_errors(validator.iter_errors(document.value)):
            errors.append(_describe(error, document, nouns, ids))
    return errors


def missing_translations(
    documents: dict[str, SourceDocument], schemas: dict[str, dict]
) -> Iterator[tuple[DataError, list[str]]]:
    """Every data text that lacks a language, with the languages it lacks."""
    validator_class = _make_validator_class(collect_ids(documents, schemas))
    schemas = inlined(schemas)
    registry = _registry(schemas)
    for stem, document in documents.items():
        schema = schemas.get(f"{stem}.schema.json")
        if schema is None:
            continue
        nouns = {key: noun for key, noun in collections_of(schema).values()}
        validator = validator_class(schema, registry=registry, format_checker=_format_checker())
        seen = set()  # a text lacking two languages fails `required` once per language
        for error in _leaf_errors(validator.iter_errors(document.value)):
            if (
                error.validator == "required"
                and error.schema.get("x-per-language")
                and isinstance(error.instance, dict)
                and tuple(error.absolute_path) not in seen
            ):
                seen.add(tuple(error.absolute_path))
                missing = [code for code in error.schema["required"] if code not in error.instance]
                yield _describe(error, document, nouns, {}), missing


def _registry(schemas: dict[str, dict]) -> Any:
    """The schemas by file name, for the `$ref`s between them."""
    import referencing
    import referencing.jsonschema

    return referencing.Registry().with_resources(
        (name, referencing.Resource.from_contents(schema, referencing.jsonschema.DRAFT202012))
        for name, schema in schemas.items()
    )


def collect_ids(documents: dict[str, SourceDocument], schemas: dict[str, dict]) -> dict[str, set[str]]:
    """The ids of each collection's entries (sources, bodies…), which `x-ref` fields name."""
    ids: dict[str, set[str]] = {}
    for stem, document in documents.items():
        schema = schemas.get(f"{stem}.schema.json", {})
        for collection, (key, _noun) in collections_of(schema).items():
            entries = document.value.get(key) if isinstance(document.value, dict) else None
            ids[collection] = {
                entry["id"]
                for entry in (entries if isinstance(entries, list) else [])  # not a list: the check says so
                if isinstance(entry, dict) and isinstance(entry.get("id"), str)
            }
    return ids


def _leaf_errors(errors: Iterable[ValidationError]) -> Iterator[ValidationError]:
    """Replace each composite error (anyOf, $ref chains...) by the specific ones behind it."""
    for error in errors:
        if error.context:
            yield from _leaf_errors(error.context)
        else:
            yield error


# --------------------------------------------------------------------------- messages


def _describe(
    error: ValidationError, document: SourceDocument, nouns: dict[str, str], ids: dict[str, set[str]]
) -> DataError:
    path = tuple(error.absolute_path)
    entry, field_path = _split_entry(path, document.value, nouns)
    line_path = path
    message = _message(error, field_path, ids)
    if error.validator == "x-unique":
        first = document.line_of(path[:-2] + (error.validator_value, path[-1]))
        message = message.replace(" already uses it", f" (line {first}) already uses it")
    if error.validator in ("additionalProperties", "propertyNames") and not error.schema.get(
        "x-per-language"
    ):
        extra = _unexpected_keys(error)
        if extra:
            line_path = path + (extra[0],)
    prefix = f"{entry}: " if entry else ""
    return DataError(document.file, document.line_of(line_path), prefix + message)


def text_name(schema: dict, document: SourceDocument, path: tuple) -> str:
    """A data text as messages name it: "news '2026-03-02-world-council': 'title'"."""
    nouns = {key: noun for key, noun in collections_of(schema).values()}
    entry, field_path = _split_entry(path, document.value, nouns)
    field = f"'{_field_name(field_path)}'" if field_path else ""
    return ": ".join(part for part in (entry, field) if part)


def _split_entry(path: tuple, root: Any, nouns: dict[str, str]) -> tuple[str, tuple]:
    """'commission 'culture'' and the field path inside it, for an error at `path`."""
    if len(path) >= 2 and path[0] in nouns and isinstance(path[1], int):
        entries = root.get(path[0]) if isinstance(root, dict) else None
        item = entries[path[1]] if isinstance(entries, list) and path[1] < len(entries) else None
        noun = nouns[path[0]]
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            return f"{noun} '{item['id']}'", path[2:]
        return f"{noun} #{path[1] + 1}", path[2:]
    return "", path


def _field_name(field_path: tuple) -> str:
    text = ""
    for part in field_path:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _unexpected_keys(error: ValidationError) -> list[str]:
    if not isinstance(error.instance, dict):
        return []
    allowed = set(error.schema.get("properties", {}))
    return [key for key in error.instance if key not in allowed]


def _message(error: ValidationError, field_path: tuple, ids: dict[str, set[str]]) -> str:
    field = _field_name(field_path)
    where = f"'{field}'" if field else "the file"
    schema, instance, kind = error.schema, error.instance, error.validator
    hint = schema.get("x-hint")

    if kind == "required":
        missing = [name for name in schema["required"] if isinstance(instance, dict) and name not in instance]
        if schema.get("x-per-language"):
            return f"{where} lacks {quoted(missing)}"
        return (
            f"{where} is missing {quoted(missing, noun='field')}"
            if field
            else f"missing {quoted(missing, noun='field')}"
        )
    if kind == "minProperties" and schema.get("x-per-language"):
        return f"{where} has no text in any language; write it in one at least ({', '.join(schema['propertyNames']['enum'])})"
    if "propertyNames" in error.relative_schema_path and kind == "enum":
        return f"{where} has the language {shortened(instance)}, which the site does not have (languages: {', '.join(schema['enum'])})"
    if kind in ("additionalProperties", "unevaluatedProperties"):
        extra = _unexpected_keys(error)
        allowed = list(schema.get("properties", {}))
        suggestions = [
            f"'{key}' (did you mean '{close[0]}'?)"
            if (close := difflib.get_close_matches(key, allowed, n=1))
            else f"'{key}'"
            for key in extra
        ]
        inside = f" in {where}" if field else ""
        return f"unknown field{'s' if len(extra) > 1 else ''} {', '.join(suggestions)}{inside}; allowed: {', '.join(allowed)}"
    if kind == "type":
        expected = schema["type"] if isinstance(schema["type"], str) else " or ".join(schema["type"])
        return f"{where} should be {with_article(expected)}, not {with_article(json_type(instance))} ({shortened(instance)})"
    if kind == "enum":
        return f"{where} must be one of {', '.join(map(str, schema['enum']))}; got {shortened(instance)}"
    if kind == "minLength" or (kind == "pattern" and isinstance(instance, str) and not instance.strip()):
        return f"{where} is empty"
    if kind in ("pattern", "format"):
        expectation = hint or (
            f"the pattern {schema['pattern']}" if kind == "pattern" else f"a valid {schema['format']}"
        )
        return f"{where} should be {expectation}; got {shortened(instance)}"
    if kind == "minItems":
        return f"{where} needs at least {schema['minItems']} item{'s' if schema['minItems'] > 1 else ''}"
    if kind == "uniqueItems":
        return f"{where} lists the same value twice"
    if kind == "x-ref":
        known = sorted(ids.get(error.validator_value, set()))
        close = difflib.get_close_matches(str(instance), known, n=1, cutoff=0.8)
        suggestion = f" (did you mean '{close[0]}'?)" if close else ""
        return f"{where} refers to {error.validator_value} id {shortened(instance)}, which does not exist{suggestion}"
    if kind == "x-unique":
        return (
            f"duplicate id {shortened(instance)}: entry #{error.validator_value + 1} already uses it; "
            "give this entry an id of its own (ids are page addresses: never change a published one)"
        )
    if kind == "maxLength":
        return (
            f"{where} is {len(instance)} characters long, more than the {schema['maxLength']} it may have: "
            f"shorten it{'; ' + hint if hint else ''}"
        )
    if kind in ("minimum", "maximum"):
        return f"{where} is out of range: {error.message}"
    return f"{where}: {error.message}"
