"""How a data error names a value in an editor's words: names quoted in a list ("'a', 'b'
and 'c'"), a JSON type with its article ("a list", "an integer"), a value cut short."""

from __future__ import annotations

import json
from typing import Any


def quoted(names: list[str], noun: str = "") -> str:
    """'a', 'b' and 'c'; with a noun: fields 'a' and 'b'."""
    joined = " and ".join(", ".join(f"'{name}'" for name in names).rsplit(", ", 1))
    if noun:
        return f"{noun}{'s' if len(names) > 1 else ''} {joined}"
    return joined


def json_type(value: Any) -> str:
    for name, kind in (
        ("boolean", bool),
        ("integer", int),
        ("number", float),
        ("string", str),
        ("array", list),
        ("object", dict),
    ):
        if isinstance(value, kind):
            return name
    return "null" if value is None else type(value).__name__


def with_article(type_name: str) -> str:
    return {"object": "a mapping", "array": "a list", "null": "empty"}.get(
        type_name, f"an {type_name}" if type_name[0] in "aeiou" else f"a {type_name}"
    )


def shortened(value: Any) -> str:
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:57] + "..."
