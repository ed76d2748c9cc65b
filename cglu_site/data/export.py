"""Open data: every data file published under /data/ as JSON (and CSV for tables), with its schema.

The files are computed from the validated data, once for the Open data page (which lists
them with their sizes and describes every field) and once more when they are written at
the end of the build: both see the same bytes. Paths are language-neutral and stable:

- /data/<name>.json: the data file as it is (texts are {fr, en, …} mappings; `[[en: …]]`
  marks a phrase in another language), valid against /data/schemas/<name>.schema.json;
- /data/<name>.csv for the files that are tables: one row per entry, one column per field
  and per language, markers removed; lists of notes, themes and programmes stay JSON-only;
- /data/schemas/: the JSON Schemas the build validates with, the site's languages filled in;
- /data/index.json: the catalogue (licence, every file with its size and schema).
"""

from __future__ import annotations

import csv
import io
import json
import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cglu_site.data.text import as_written, strip_language_markers
from cglu_site.data.validation import SCHEMA_DIR_NAME, load_schemas

if TYPE_CHECKING:
    from cglu_site.data.content import Content

FOLDER = "data"  # site-relative
CATALOGUE = "index.json"
# The licence of the published data (and of the texts of this site). Its name and the
# address of its deed in each language are UI strings (open_data.licence_*).
LICENCE = {"id": "CC-BY-4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# Data files that are tables, and the key of their list of entries: they get a CSV too.
TABLES = {
    "commissions": "bodies",
    "sections": "sections",
    "events": "events",
    "news": "news",
    "members": "members",
    "sources": "sources",
    "documents": "documents",
}
# The order of the Open data page: as the navigation; files added later come last.
ORDER = (
    "organisation",
    "governance",
    "commissions",
    "sections",
    "events",
    "news",
    "documents",
    "members",
    "sources",
)
_COMMON = "common.schema.json#/$defs/"
# Shared definitions a field can point to, and the kind of value each one is.
_TYPES = {
    "text": "text",
    "text_list": "text_list",
    "sourced_text": "sourced_text",
    "note": "note",
    "id": "id",
    "date": "date",
    "partial_date": "partial_date",
    "as_of": "partial_date",
    "url": "url",
    "sources": "sources",
}


@dataclass(frozen=True)
class PublishedFile:
    path: str  # relative to /data/, e.g. 'commissions.csv' or 'schemas/news.schema.json'
    format: str  # json, csv or schema
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)

    @property
    def media_type(self) -> str:
        return {"csv": "text/csv", "schema": "application/schema+json"}.get(self.format, "application/json")


@dataclass(frozen=True)
class Field:
    """One field of a data file, as the Open data page describes it."""

    path: str  # e.g. 'bodies[].name' or 'organisation.contact.city'
    name: str  # the key, which names its description in the strings
    type: str  # a key of the strings open_data.types
    required: bool
    values: tuple[str, ...] = ()  # allowed values, when the field has a fixed list


@dataclass
class Dataset:
    name: str  # the data file's stem
    files: list[PublishedFile]
    fields: list[Field] = field(default_factory=list)


@dataclass
class OpenData:
    datasets: list[Dataset]
    schemas: list[PublishedFile]  # every schema, the shared one included
    catalogue: PublishedFile

    @property
    def common_schema(self) -> PublishedFile:
        """The definitions every schema refers to (texts per language, dates, ids, sources)."""
        return next(file for file in self.schemas if file.path == "schemas/common.schema.json")

    def all_files(self) -> list[PublishedFile]:
        files = [file for dataset in self.datasets for file in dataset.files if file.format != "schema"]
        return [*files, *self.schemas, self.catalogue]


def build_open_data(site: Content) -> OpenData:
    """Every published file, from the validated data and its schemas (once per build)."""
    return site.derived_value("open_data", _build_open_data)


def _build_open_data(site: Content) -> OpenData:
    codes = [language.code for language in site.languages]
    schema_dir = _schema_dir(site)
    schemas = load_schemas(schema_dir, codes, site.data.every_language)
    schema_files = {
        name: PublishedFile(f"schemas/{name}", "schema", _json_bytes(schema))
        for name, schema in schemas.items()
    }
    datasets = []
    for stem in sorted(
        site.data.files, key=lambda stem: (ORDER.index(stem) if stem in ORDER else len(ORDER), stem)
    ):
        schema = schemas[f"{stem}.schema.json"]
        files = [PublishedFile(f"{stem}.json", "json", _json_bytes(as_written(site.data[stem])))]
        if stem in TABLES:
            table = TABLES[stem]
            entry_schema = schema["properties"][table]["items"]
            files.append(
                PublishedFile(
                    f"{stem}.csv",
                    "csv",
                    _csv_bytes(as_written(site.data[stem][table]), entry_schema, schemas, codes),
                )
            )
        files.append(schema_files[f"{stem}.schema.json"])
        datasets.append(Dataset(stem, files, list(_fields(schema, schemas))))
    catalogue = {
        "title": _per_language(site, "open_data", "catalogue_title"),
        "publisher": site.data["organisation"]["organisation"]["name"],
        "license": LICENCE,
        "languages": codes,
        "datasets": [
            {
                "name": dataset.name,
                "title": _per_language(site, "open_data", "datasets", dataset.name, "title"),
                "description": _per_language(site, "open_data", "datasets", dataset.name, "description"),
                "schema": f"schemas/{dataset.name}.schema.json",
                "files": [
                    {"path": file.path, "media_type": file.media_type, "bytes": file.size}
                    for file in dataset.files
                    if file.format != "schema"
                ],
            }
            for dataset in datasets
        ],
        "schemas": [file.path for file in schema_files.values()],
    }
    return OpenData(
        datasets, list(schema_files.values()), PublishedFile(CATALOGUE, "json", _json_bytes(catalogue))
    )


def page_context(site: Content, lang: str) -> dict[str, Any]:
    """Template variables of the Open data page: the files, and a link to their folder."""
    open_data = build_open_data(site)
    _check_descriptions(site, open_data)
    language = site.language(lang)
    page_folder = language.path("open-data")
    return {
        "open_data": open_data,
        # Raw links (MkDocs checks Markdown links against docs/ only): relative, so they
        # work under any sub-path.
        "data_folder": posixpath.relpath(FOLDER, page_folder) + "/",
        "licence_url": LICENCE["url"],
    }


def _check_descriptions(site: Content, open_data: OpenData) -> None:
    """Every field needs a description in the strings: say which one is missing, plainly."""
    for code, strings in site.strings.items():
        described = strings["open_data"]["fields"]
        for dataset in open_data.datasets:
            overrides = strings["open_data"].get("fields_in", {}).get(dataset.name, {})
            for item in dataset.fields:
                if item.name not in described and item.name not in overrides:
                    raise ValueError(
                        f"cglu_site/strings/{code}.yml: open_data.fields.{item.name} is missing "
                        f"(field '{item.path}' of data/{dataset.name}.yml needs a description for the Open data page)"
                    )


def _schema_dir(site: Content) -> Path:
    any_file = next(iter(site.data.documents))
    return (site.data.root / site.data.source_file(any_file)).parent / SCHEMA_DIR_NAME


def _per_language(site: Content, *keys: str) -> dict[str, str]:
    result = {}
    for code, strings in site.strings.items():
        value: Any = strings
        for key in keys:
            value = value[key]
        result[code] = value
    return result


def _json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# ------------------------------------------------------------------ fields, from the schemas


def _resolve(schema: dict, schemas: dict[str, dict]) -> tuple[str | None, dict]:
    """The shared definition a field points to (its name), and the schema it stands for."""
    ref = schema.get("$ref", "")
    if ref.startswith(_COMMON):
        name = ref.removeprefix(_COMMON)
        shared = schemas["common.schema.json"]["$defs"][name]
        # A definition made of another one (a name is a text): the kind of the one it is made of.
        inner, shared = (
            _resolve({**shared, "$ref": _COMMON + shared["$ref"].removeprefix("#/$defs/")}, schemas)
            if shared.get("$ref", "").startswith("#/$defs/")
            else (name, shared)
        )
        return inner, {**shared, **{k: v for k, v in schema.items() if k != "$ref"}}
    return None, schema


def _leaf_type(schema: dict, schemas: dict[str, dict]) -> str | None:
    """The kind of value of a field with no fields of its own; None for objects and lists of them."""
    shared, schema = _resolve(schema, schemas)
    if shared in _TYPES:
        return _TYPES[shared]
    if schema.get("x-per-language"):
        return "per_language"
    if "enum" in schema:
        return "enum"
    if schema.get("type") == "array":
        item_shared, item = _resolve(schema.get("items", {}), schemas)
        if item_shared in ("sourced_text", "note"):
            return f"{item_shared}_list"
        if item.get("type") == "string":
            return "string_list"
        return None
    if schema.get("type") == "object":
        return None
    kind = schema.get("type")
    return kind if kind in ("string", "integer", "number", "boolean") else "string"


def _fields(schema: dict, schemas: dict[str, dict], prefix: str = "") -> list[Field]:
    """Every field of a schema, nested objects and lists of objects opened, in schema order."""
    found = []
    required = set(schema.get("required", []))
    for name, prop in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        kind = _leaf_type(prop, schemas)
        _, resolved = _resolve(prop, schemas)
        if kind is not None:
            extra = resolved.get("additionalProperties")
            values = resolved.get("enum") or (extra.get("enum") if isinstance(extra, dict) else None) or ()
            found.append(Field(path, name, kind, name in required, tuple(values)))
        elif resolved.get("type") == "array":
            found += _fields(resolved.get("items", {}), schemas, f"{path}[].")
        else:
            found += _fields(resolved, schemas, f"{path}.")
    return found


# ------------------------------------------------------------------ CSV


def _csv_columns(schema: dict, schemas: dict[str, dict], codes: list[str]) -> list[tuple[str, Any]]:
    """(column name, value getter) for each field of one entry that fits in a cell."""
    entry_schema = _resolve(schema, schemas)[1]
    columns: list[tuple[str, Any]] = []
    for item in _fields(entry_schema, schemas):
        if "." in item.path or "[]" in item.path:  # fields of nested lists and objects: JSON only
            continue
        key = item.name
        if item.type in ("text", "per_language"):
            columns += [(f"{key}.{code}", _getter(key, code)) for code in codes]
        elif item.type == "text_list":
            columns += [(f"{key}.{code}", _getter(key, code, joined="\n")) for code in codes]
        elif item.type == "sourced_text":
            columns += [(f"{key}.{code}", _getter(key, "text", code)) for code in codes]
            columns += [
                (f"{key}.as_of", _getter(key, "as_of")),
                (f"{key}.sources", _getter(key, "sources", joined=" ")),
            ]
        elif item.type in ("note_list", "sourced_text_list"):
            continue
        elif item.type == "sources":
            columns.append((key, _getter(key, joined=" ")))
        elif item.type == "string_list":
            columns.append((key, _getter(key, joined="\n")))
        else:
            columns.append((key, _getter(key)))
    return columns


def _getter(*keys: str, joined: str | None = None):
    def get(entry: dict) -> str:
        value: Any = entry
        for key in keys:
            if isinstance(value, list):  # a list of texts: the same key in each
                value = [item.get(key) if isinstance(item, dict) else None for item in value]
            elif isinstance(value, dict):
                value = value.get(key)
            else:
                return ""
        if value is None:
            return ""
        if isinstance(value, list):
            return (joined or " ").join(_cell(item) for item in value if item is not None)
        return _cell(value)

    return get


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return strip_language_markers(str(value))


def _csv_bytes(entries: list[dict], entry_schema: dict, schemas: dict[str, dict], codes: list[str]) -> bytes:
    columns = _csv_columns(entry_schema, schemas, codes)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")  # RFC 4180
    writer.writerow([name for name, _ in columns])
    for entry in entries:
        writer.writerow([get(entry) for _, get in columns])
    return buffer.getvalue().encode("utf-8")
