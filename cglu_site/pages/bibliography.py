"""The Sources page: every document the site cites, grouped by who published it (the
source's `kind`), each group in the alphabetical order of its titles in the page's language.

A list of some two hundred documents is read by its groups: five headings in the page's
table of contents, where one heading per document made a contents list of two hundred
entries that nobody scrolls and a page too heavy for a phone.
"""

from __future__ import annotations

from typing import Any

from cglu_site.data.content import Content
from cglu_site.data.text import plain_text, without_accents

# The groups in the page's order: every `kind` of data/schemas/sources.schema.json, each
# titled by strings `source_kinds.<kind>`.
SOURCE_KINDS = ("uclg", "section", "member", "press", "third_party")


def title_order(title: str) -> tuple[str, str]:
    """Where a title stands in an alphabetical list: letters and digits only, without accents
    or case (« CGLU », "About UCLG", "À propos" sort as CGLU, About, A propos); then as written."""
    text = plain_text(title)
    letters = "".join(char for char in without_accents(text).casefold() if char.isalnum() or char == " ")
    return " ".join(letters.split()), text


def page_context(content: Content, lang: str) -> dict[str, Any]:
    """`source_groups`: (kind, its sources in title order) for each kind that has sources."""
    sources = content.data["sources"]["sources"]
    unknown = sorted({source["kind"] for source in sources} - set(SOURCE_KINDS))
    if unknown:  # the schema knows a kind this page does not: the group would be lost
        raise ValueError(f"cglu_site/pages/bibliography.py: SOURCE_KINDS lacks {', '.join(unknown)}")
    groups = []
    for kind in SOURCE_KINDS:
        group = [source for source in sources if source["kind"] == kind]
        if group:
            groups.append((kind, sorted(group, key=lambda source: title_order(source["title"][lang]))))
    return {"source_groups": groups}
