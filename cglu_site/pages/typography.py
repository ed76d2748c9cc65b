"""A language's typographic spaces, applied to every page of that language.

The rules are data (strings/<lang>.yml `meta.typography`: regular expression, replacement),
so French gets its no-break spaces before `:` `;` `!` `?` `»` `%` and English none, with no
code knowing either language. Fenced code blocks are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

_FENCE = re.compile(r"(^```.*?^```[^\n]*$)", re.MULTILINE | re.DOTALL)


@cache
def _compiled(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


def apply_typography(markdown: str, rules: Sequence[Sequence[str]]) -> str:
    compiled = _compiled(tuple((pattern, replacement) for pattern, replacement in rules))
    if not compiled:
        return markdown
    parts = _FENCE.split(markdown)
    for index in range(0, len(parts), 2):  # odd parts are fenced code
        for pattern, replacement in compiled:
            parts[index] = pattern.sub(replacement, parts[index])
    return "".join(parts)
