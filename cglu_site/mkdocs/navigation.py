"""Entry pages (one commission, one section, one news item) stay out of the sidebar.

A collection can grow to hundreds of entries: listed in the navigation, every page of it
would carry every sibling's link (the nav is rendered into each page, so build time grows
with the square of the collection, and the sidebar becomes a wall of links). The sidebar
lists each collection's index page, which lists the entries. An entry page still belongs to
its collection: its parent is the index page (Material's breadcrumb, navigation.path, and
the sidebar's highlight follow it), and its footer links go to the previous and next entry.
"""

from __future__ import annotations

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

from cglu_site.pages.generate import SiteBuild


def keep_entries_out_of_nav(files: Files, site: SiteBuild) -> None:
    """Mark entry pages as built but not in the navigation (so MkDocs does not warn)."""
    for file in files.documentation_pages():
        generated = site.page_for(file.src_uri)
        if generated is not None and generated.entry is not None:
            file.inclusion = InclusionLevel.NOT_IN_NAV


def link_entries_to_their_index(files: Files, site: SiteBuild) -> None:
    """Parent, previous and next of each entry page, in the order of its index page."""
    pages_by_path: dict[str, Page] = {}
    for file in files.documentation_pages():
        generated = site.page_for(file.src_uri)
        if generated is not None and file.page is not None:
            pages_by_path[generated.path] = file.page
    for collection in site.pages:
        if not collection.children:
            continue
        index = pages_by_path[collection.path]
        entries = [pages_by_path[child.path] for child in collection.children]
        for position, page in enumerate(entries):
            page.parent = index  # type: ignore[assignment]  # a Page, not a Section: see above
            page.previous_page = entries[position - 1] if position else index
            page.next_page = entries[position + 1] if position + 1 < len(entries) else None
