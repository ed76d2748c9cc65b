"""Drop the indentation of the theme's templates from the built pages.

Material's templates are indented for reading; in a built page those spaces are a sixth of
the home page's HTML. Each newline and the spaces and newlines that follow it become one
newline, which a browser renders exactly as it did the run (both are collapsible white
space). Spaces before a newline are left: the templates have next to none, and a pattern
that may start with a space would be tried at every space of the page (five times slower). Elements whose white space is kept as written are left alone: `pre`, `textarea`, and
`code`, `kbd` (Material styles them `white-space: pre-wrap`).
"""

from __future__ import annotations

import re

_KEPT_AS_WRITTEN = re.compile(r"(<(pre|textarea|code|kbd)\b.*?</\2>)", re.DOTALL | re.IGNORECASE)
_INDENTED_BREAK = re.compile(r"\n[ \t\n]*")


def strip_indentation(html: str) -> str:
    parts = _KEPT_AS_WRITTEN.split(html)  # text, element, tag name, text, element, tag name, ...
    for index in range(0, len(parts), 3):
        parts[index] = _INDENTED_BREAK.sub("\n", parts[index])
    return "".join(part for position, part in enumerate(parts) if position % 3 != 2)
