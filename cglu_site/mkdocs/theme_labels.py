"""The labels Material translates itself, which `material:` strings may reword."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import material


@functools.cache
def material_label_keys() -> tuple[str, ...]:
    """Every label Material's templates translate, as its language files name them
    ('action.edit'): Material's English file lists them all."""
    english = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    keys = re.findall(r'^\s*"([\w.-]+)":', english.read_text(encoding="utf-8"), re.MULTILINE)
    if not keys:
        raise RuntimeError(
            f"Material's labels are no longer listed in {english}: see cglu_site/mkdocs/theme_labels.py"
        )
    return tuple(keys)


def material_labels() -> frozenset[str]:
    """Material's labels as the `material:` strings name them (dots written as underscores)."""
    return frozenset(key.replace(".", "_") for key in material_label_keys())


def material_words() -> tuple[str, ...]:
    """The labels that are words (not settings such as 'language', 'direction', 'search.config.*')."""
    return tuple(
        key
        for key in material_label_keys()
        if key not in ("language", "direction") and not key.startswith("search.config.")
    )
