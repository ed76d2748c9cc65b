"""UI strings of our own (labels in templates and overrides): one YAML file per language.

Every language must have exactly the keys of every other one: a missing label is a build
error, never an English word on a French page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cglu_site.data.validation import DataError, DataValidationError
from cglu_site.data.yaml_source import DataFileError, load_yaml

STRINGS_DIR = Path(__file__).parent.parent / "strings"


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, child in value.items():
            flat.update(_flatten(child, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def load_strings(
    codes: Sequence[str], strings_dir: Path = STRINGS_DIR, theme_labels: frozenset[str] | None = None
) -> dict[str, dict]:
    """Strings per language code; raise DataValidationError when a language lacks a key.

    `theme_labels`: the theme's own labels that `material:` strings may reword (the MkDocs
    adapter knows them); None leaves those keys unchecked, as a build without the theme needs.
    """
    documents, errors = {}, []
    for code in codes:
        path = strings_dir / f"{code}.yml"
        shown = f"cglu_site/strings/{code}.yml"
        if not path.exists():
            errors.append(DataError(shown, 1, f"file is missing: the site has the language '{code}'"))
            continue
        try:
            documents[code] = load_yaml(path, shown)
        except DataFileError as error:
            errors.append(DataError(error.file, error.line, error.message))
    flat = {code: _flatten(doc.value) for code, doc in documents.items()}
    all_keys = set().union(*(keys.keys() for keys in flat.values())) if flat else set()
    for code, keys in flat.items():
        for key in sorted(all_keys - keys.keys()):
            errors.append(
                DataError(documents[code].file, 1, f"string '{key}' is missing (other languages have it)")
            )
        for key, value in keys.items():
            section, _, label = key.partition(".")
            if section == "material" and theme_labels is not None and label not in theme_labels:
                line = documents[code].line_of(("material", label))
                errors.append(
                    DataError(
                        documents[code].file,
                        line,
                        f"string '{key}' is none of Material's labels (partials/languages/en.html in "
                        "Material, dots written as underscores): it would never be shown",
                    )
                )
            if isinstance(value, list):  # rules such as meta.typography
                continue
            if not isinstance(value, str) or not value.strip():
                line = documents[code].line_of(tuple(key.split(".")))
                errors.append(
                    DataError(documents[code].file, line, f"string '{key}' should be a non-empty text")
                )
    if errors:
        raise DataValidationError(errors)
    return {code: doc.value for code, doc in documents.items()}
