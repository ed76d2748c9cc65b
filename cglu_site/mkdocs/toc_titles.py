"""Table-of-contents titles with the spaces of their headings.

Python-Markdown's toc extension names each entry by its heading's text with the white space
folded by `str.split()`, which also splits at no-break spaces: 'Vol. 4\\u00a0: À propos'
becomes 'Vol. 4 : À propos' in the sidebar, where the line may break before the colon; and
its tags are dropped, so a phrase in another language loses its `<span lang>` (screen
readers read an English title with a French voice). Each entry is named again from its
heading in the page's HTML: only ASCII white space folded, tags dropped except the
`<span lang>` of phrases in another language (Material prints the title as HTML, and
strips its tags where it needs plain text).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

_HEADING = re.compile(r'<h([1-6])\b[^>]*?\sid="([^"]+)"[^>]*>(.*?)</h\1>', re.DOTALL)
_PERMALINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)\b[^>]*>")
_LANG = re.compile(r'\slang="[^"]*"')
_ASCII_SPACE = re.compile(r"[ \t\r\n]+")


def heading_titles(html: str) -> dict[str, str]:
    """Each heading's text (HTML, entities kept as Python-Markdown keeps them) by its id."""
    titles = {}
    for match in _HEADING.finditer(html):
        text = _without_tags(_PERMALINK.sub("", match.group(3)))
        titles[match.group(2)] = _ASCII_SPACE.sub(" ", text).strip(" \t\r\n")
    return titles


def _without_tags(html: str) -> str:
    """The HTML with its tags dropped, but for <span lang="…">…</span>."""
    kept: list[bool] = []  # for each open span: is it kept?

    def tag(match: re.Match[str]) -> str:
        closing, name = match.group(1), match.group(2).lower()
        if name != "span":
            return ""
        if closing:
            return match.group(0) if kept and kept.pop() else ""
        kept.append(bool(_LANG.search(match.group(0))))
        return match.group(0) if kept[-1] else ""

    return _TAG.sub(tag, html)


def restore_toc_titles(html: str, toc: Iterable[Any]) -> None:
    """Name every entry of `toc` (MkDocs' AnchorLinks, nested) as its heading reads."""
    titles = heading_titles(html)
    stack = list(toc)
    while stack:
        item = stack.pop()
        if item.id in titles:
            item.title = titles[item.id]
        stack.extend(item.children)
