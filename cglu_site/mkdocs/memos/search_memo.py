"""A page whose HTML, address, title and outline did not change gives the search index the
same entries as last time, without Material parsing its HTML again (rebuild_memo.py: in
memory under `mkdocs serve`, on disk from one `mkdocs build` to the next).

Material's search plugin parses every page of every language at each build (one tenth of
it). The entries it makes from a page (Material 9, SearchIndex.add_entry_from_context) depend
only on the page's HTML, address, title, table of contents and its `title`, `tags` and
`search` front matter: the key holds them all.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

from mkdocs.structure.pages import Page

from cglu_site.cache import Cache
from cglu_site.mkdocs.memos.rebuild_memo import Key, RebuildMemo

Entries = list[dict[str, Any]]


class SearchMemo(RebuildMemo[Entries]):
    def __init__(self, cache: Cache | None = None) -> None:
        super().__init__(cache, "search-entries")

    def index_through_memo(self, search_index: Any) -> None:
        """Route the pages this language's search index is given through the memo."""
        index_page: Callable[[Page], None] = search_index.add_entry_from_context

        def add_entry_from_context(page: Page) -> None:
            key = _key(page)
            kept = self.get(key)
            if kept is None:
                before = len(search_index.entries)
                index_page(page)
                kept = copy.deepcopy(search_index.entries[before:])
                self.made_anew(key, kept)
            else:
                search_index.entries.extend(copy.deepcopy(kept))

        search_index.add_entry_from_context = add_entry_from_context

    def index_ahead(self, search_index: Any, page: Page) -> None:
        """Make and keep `page`'s entries now, for when the index is given the page (a first
        build's reading, memos/ahead.py): the index itself is left as it was."""
        before = len(search_index.entries)
        search_index.add_entry_from_context(page)  # through the memo (index_through_memo)
        del search_index.entries[before:]


def _key(page: Page) -> Key:
    meta = {name: page.meta.get(name) for name in ("title", "tags", "search")}
    described = repr((page.url, page.title, meta, _outline(page.toc)))
    content = hashlib.sha1((page.content or "").encode("utf-8")).hexdigest()
    return (described, content)


def _outline(toc: Any) -> list:
    return [(item.id, item.url, item.title, _outline(item.children)) for item in toc or ()]
