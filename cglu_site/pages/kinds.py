"""Which pages the data makes: one per page kind, or one per entry of a collection.

The order of PAGE_KINDS is the order of the site's navigation.
"""

from __future__ import annotations

import datetime
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from cglu_site.data import export as open_data
from cglu_site.data.content import Content
from cglu_site.data.site_data import SiteData
from cglu_site.pages import bibliography, section_map, timeline

# A title match weighs 1000 times a text match in Material's search (its `fields` boosts):
# a reference list's entry titled with the word searched for must still weigh less than a
# page that only mentions it.
REFERENCE_LIST_BOOST = 1e-4


@dataclass(frozen=True)
class PageKind:
    """A page made from one template; `entries` makes it a folder with a page per entry."""

    name: str  # key of its title in strings `nav.<name>`, and its path or folder
    template: str
    data_file: str  # stem of the data file the page is edited in
    entries: Callable[[SiteData], list[dict]] | None = None
    entry_template: str = ""
    entry_title: Callable[[dict], dict[str, str]] | None = None
    entry_path: tuple[str, ...] = ()  # where entries stand in the data file, for edit links
    path: str = ""  # docs path without suffix; defaults to the name, or <name>/index
    front_matter: tuple[tuple[str, Any], ...] = ()  # extra MkDocs/Material settings of the page
    # Extra template variables of the kind's own page, computed from the content and the
    # language code (e.g. the map of the sections index, the files of the open data page).
    context: Callable[[Content, str], dict[str, Any]] | None = None
    # The same for each of its entries' pages (e.g. the day of the build on an event's page).
    entry_context: Callable[[Content, str], dict[str, Any]] | None = None


@dataclass(frozen=True)
class GeneratedPage:
    path: str  # docs-relative, without language suffix, e.g. 'commissions/culture'
    template: str
    kind: str
    data_file: str  # e.g. 'data/commissions.yml'
    data_line: int
    title: dict[str, str] | None  # per language; None: the kind's nav title
    entry: dict[str, Any] | None = None
    children: list[GeneratedPage] = field(default_factory=list)
    front_matter: tuple[tuple[str, Any], ...] = ()
    context: Callable[[Content, str], dict[str, Any]] | None = None  # see PageKind.context

    def description(self, lang: str) -> str | None:
        """What search engines show under the title: the entry's summary or description."""
        for key in ("summary", "description"):
            if self.entry and isinstance(self.entry.get(key), dict):
                return self.entry[key][lang]
        return None


def _name(entry: dict) -> dict[str, str]:
    return entry["name"]


def _short_or_name(entry: dict) -> dict[str, str]:
    return entry.get("short_name") or entry["name"]


def _title(entry: dict) -> dict[str, str]:
    return entry["title"]


def _newest_first(data: SiteData) -> list[dict]:
    return sorted(data["news"]["news"], key=lambda item: item["date"], reverse=True)


def _newest_events_first(data: SiteData) -> list[dict]:
    return sorted(data["events"]["events"], key=lambda item: item["start"], reverse=True)


def _today(content: Content, lang: str) -> dict[str, Any]:
    """The day of the build: the Events page lists the events not yet over apart, and only
    their pages offer a calendar file. A build that must be reproducible sets it with
    SOURCE_DATE_EPOCH (seconds, as reproducible-builds.org)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()
    return {"today": day.isoformat()}


PAGE_KINDS: tuple[PageKind, ...] = (
    PageKind(
        "home",
        "home.md.j2",
        "organisation",
        path="index",
        front_matter=(("template", "home.html"), ("hide", ["navigation", "toc"])),
    ),
    PageKind("about", "about.md.j2", "organisation"),
    PageKind("history", "history.md.j2", "organisation", context=timeline.page_context),
    PageKind("governance", "governance.md.j2", "governance"),
    PageKind(
        "commissions",
        "commissions/index.md.j2",
        "commissions",
        entries=lambda data: data["commissions"]["bodies"],
        entry_template="commissions/entry.md.j2",
        entry_title=_name,
        entry_path=("bodies",),
    ),
    PageKind(
        "sections",
        "sections/index.md.j2",
        "sections",
        entries=lambda data: data["sections"]["sections"],
        entry_template="sections/entry.md.j2",
        entry_title=lambda entry: entry["region"],
        entry_path=("sections",),
        context=section_map.page_context,
    ),
    PageKind(
        "events",
        "events/index.md.j2",
        "events",
        entries=_newest_events_first,
        entry_template="events/entry.md.j2",
        entry_title=_short_or_name,
        entry_path=("events",),
        context=_today,
        entry_context=_today,
    ),
    PageKind(
        "news",
        "news/index.md.j2",
        "news",
        entries=_newest_first,
        entry_template="news/entry.md.j2",
        entry_title=_title,
        entry_path=("news",),
    ),
    PageKind("documents", "documents.md.j2", "documents"),
    PageKind("members", "members.md.j2", "members"),
    PageKind("join", "join.md.j2", "members"),
    PageKind("contact", "contact.md.j2", "organisation"),
    # The bibliography names every subject in its entries' titles: its results come after
    # those of the pages about the subject (Material multiplies an entry's score by it).
    PageKind(
        "sources",
        "sources.md.j2",
        "sources",
        front_matter=(("search", {"boost": REFERENCE_LIST_BOOST}),),
        context=bibliography.page_context,
    ),
    PageKind("open-data", "open-data.md.j2", "sources", context=open_data.page_context),
)


def generated_pages(data: SiteData) -> list[GeneratedPage]:
    """The top-level generated pages in navigation order; folders carry their entry pages."""
    pages = []
    for kind in PAGE_KINDS:
        data_file = data.source_file(kind.data_file)
        if kind.entries is None:
            pages.append(
                GeneratedPage(
                    kind.path or kind.name,
                    kind.template,
                    kind.name,
                    data_file,
                    1,
                    None,
                    front_matter=kind.front_matter,
                    context=kind.context,
                )
            )
            continue
        entries = kind.entries(data)
        positions = {id(entry): index for index, entry in enumerate(_in_file_order(data, kind))}
        children = [
            GeneratedPage(
                f"{kind.name}/{entry['id']}",
                kind.entry_template,
                kind.name,
                data_file,
                data.line_of(kind.data_file, (*kind.entry_path, positions[id(entry)])),
                kind.entry_title(entry),
                entry,
                context=kind.entry_context,
            )
            for entry in entries
        ]
        pages.append(
            GeneratedPage(
                f"{kind.name}/index",
                kind.template,
                kind.name,
                data_file,
                1,
                None,
                None,
                children,
                context=kind.context,
            )
        )
    return pages


def _in_file_order(data: SiteData, kind: PageKind) -> list[dict]:
    value: Any = data[kind.data_file]
    for key in kind.entry_path:
        value = value[key]
    return value


def all_pages(pages: list[GeneratedPage]) -> list[GeneratedPage]:
    flat = []
    for page in pages:
        flat.append(page)
        flat.extend(page.children)
    return flat
