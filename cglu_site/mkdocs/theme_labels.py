"""The labels Material translates itself, which `material:` strings may reword."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import material


@functools.cache
def material_labels() -> frozenset[str]:
    """Material's labels as the `material:` strings name them (dots written as underscores):
    Material's English file lists every label its templates translate."""
    english = Path(material.__file__).parent / "templates" / "partials" / "languages" / "en.html"
    keys = re.findall(r'^\s*"([\w.-]+)":', english.read_text(encoding="utf-8"), re.MULTILINE)
    if not keys:
        raise RuntimeError(
            f"Material's labels are no longer listed in {english}: see cglu_site/mkdocs/theme_labels.py"
        )
    return frozenset(key.replace(".", "_") for key in keys)
