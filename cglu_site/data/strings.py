"""UI strings of our own (labels in templates and overrides): one YAML file per language.

Every language must have exactly the keys of every other one: a missing label is a build
error, never an English word on a French page.

A label whose words depend on a count (a heading over a list) has plural forms: a mapping
of CLDR plural categories to texts, `{one: Section régionale, many: …, other: Sections
régionales}`, chosen in templates by `plural(forms, count)` with the rules of the language's
Babel locale. Each language gives exactly the categories its locale has (French: one, many,
other; English: one, other), and a label with plural forms in one language has them in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from cglu_site.data.validation import DataError, DataValidationError
from cglu_site.data.yaml_source import ComposedYaml, DataFileError, load_yaml

STRINGS_DIR = Path(__file__).parent.parent / "strings"

PLURAL_CATEGORIES = ("zero", "one", "two", "few", "many", "other")  # CLDR's, in its order


def is_plural(value: Any) -> bool:
    """Whether a string value is a mapping of plural forms (rather than a group of keys)."""
    return isinstance(value, dict) and bool(value) and all(key in PLURAL_CATEGORIES for key in value)


def plural_categories(babel_locale: str) -> list[str]:
    """The plural categories a locale's texts need, in CLDR's order ('other' always)."""
    tags = Locale.parse(babel_locale).plural_form.tags | {"other"}
    return [category for category in PLURAL_CATEGORIES if category in tags]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict) and not is_plural(value):
        flat: dict[str, Any] = {}
        for key, child in value.items():
            flat.update(_flatten(child, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


def load_strings(
    codes: Sequence[str],
    strings_dir: Path = STRINGS_DIR,
    theme_labels: frozenset[str] | None = None,
    composed: ComposedYaml | None = None,
) -> dict[str, dict]:
    """Strings per language code; raise DataValidationError when a language lacks a key.

    `theme_labels`: the theme's own labels that `material:` strings may reword (the MkDocs
    adapter knows them); None leaves those keys unchecked, as a build without the theme needs.
    `composed`: the files' node trees kept under serve (yaml_source.py).
    """
    documents, errors = {}, []
    for code in codes:
        path = strings_dir / f"{code}.yml"
        shown = f"cglu_site/strings/{code}.yml"
        if not path.exists():
            errors.append(DataError(shown, 1, f"file is missing: the site has the language '{code}'"))
            continue
        try:
            documents[code] = load_yaml(path, shown, composed)
        except DataFileError as error:
            errors.append(DataError(error.file, error.line, error.message))
    flat = {code: _flatten(doc.value) for code, doc in documents.items()}
    needed: dict[str, list[str] | None] = {}
    for code, keys in flat.items():
        babel_locale = keys.get("meta.babel_locale")
        try:
            needed[code] = plural_categories(babel_locale) if isinstance(babel_locale, str) else None
        except (ValueError, UnknownLocaleError):
            line = documents[code].line_of(("meta", "babel_locale"))
            errors.append(DataError(documents[code].file, line, f"'{babel_locale}' is no locale Babel knows"))
            needed[code] = None
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
            if is_plural(value) or any(is_plural(other.get(key)) for other in flat.values()):
                errors += _plural_errors(documents[code], key, value, needed.get(code))
                continue
            if not isinstance(value, str) or not value.strip():
                line = documents[code].line_of(tuple(key.split(".")))
                errors.append(
                    DataError(documents[code].file, line, f"string '{key}' should be a non-empty text")
                )
    if errors:
        raise DataValidationError(errors)
    return {code: doc.value for code, doc in documents.items()}


def _plural_errors(document: Any, key: str, value: Any, needed: list[str] | None) -> list[DataError]:
    """What is wrong with a label that has plural forms (in this language or another)."""
    path = tuple(key.split("."))
    line = document.line_of(path)
    if not is_plural(value):
        return [
            DataError(
                document.file,
                line,
                f"string '{key}' should have plural forms, as in other languages "
                f"({', '.join(needed or ['one', 'other'])}: text)",
            )
        ]
    errors = []
    for category, text in value.items():
        if not isinstance(text, str) or not text.strip():
            errors.append(
                DataError(
                    document.file,
                    document.line_of((*path, category)),
                    f"string '{key}.{category}' should be a non-empty text",
                )
            )
    if needed is not None:
        missing = [category for category in needed if category not in value]
        extra = [category for category in value if category not in needed]
        if missing:
            errors.append(
                DataError(
                    document.file,
                    line,
                    f"string '{key}' lacks the plural form{'s' if len(missing) > 1 else ''} "
                    f"{', '.join(missing)} (this language's forms: {', '.join(needed)})",
                )
            )
        for category in extra:
            errors.append(
                DataError(
                    document.file,
                    document.line_of((*path, category)),
                    f"string '{key}' has a plural form '{category}' this language never uses "
                    f"(its forms: {', '.join(needed)})",
                )
            )
    return errors
