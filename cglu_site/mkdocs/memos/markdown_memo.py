"""A page whose Markdown did not change is not converted to HTML again (rebuild_memo.py:
in memory under `mkdocs serve`, on disk from one `mkdocs build` to the next).

At each build MkDocs converts every page of every language, two fifths of a build's time,
while one YAML edit changes a handful of generated pages. A conversion depends on the page's
Markdown, on where the page is, on every other file's address and inclusion (links are made
relative and checked), and on the Markdown settings: all of them are in the key, so a hit
gives exactly what converting again would.

A conversion that logged anything (a broken link, an unknown anchor) is not kept: the page is
converted again at the next rebuild and says it again, as in a full build.
"""

from __future__ import annotations

import copy
import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

from cglu_site.cache import Cache
from cglu_site.mkdocs.memos.rebuild_memo import Key, RebuildMemo

# Where the conversion logs: MkDocs' link checks, and Python-Markdown itself.
_LOGGERS = ("mkdocs", "MARKDOWN")


@dataclass(frozen=True)
class _Conversion:
    """What Page.render sets on a page (MkDocs 1.6)."""

    content: str
    toc: TableOfContents
    title_from_render: str | None
    present_anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # by the src_uri of the linked file


class MarkdownMemo(RebuildMemo[_Conversion]):
    def __init__(self, cache: Cache | None = None) -> None:
        super().__init__(cache, "pages-html")
        self._files: Files | None = None
        self._build_key = ""  # the Markdown settings and every file: the same for a whole build

    def convert_through_memo(self, page: Page) -> None:
        """Route this page's conversion (MkDocs calls page.render) through the memo."""
        convert: Callable[[MkDocsConfig, Files], None] = page.render

        def render(config: MkDocsConfig, files: Files) -> None:
            self._render(page, convert, config, files)

        page.render = render  # type: ignore[method-assign]

    def _render(self, page: Page, convert: Callable, config: MkDocsConfig, files: Files) -> None:
        key = self._key(page, config, files)
        kept = self.get(key)
        if kept is not None and _restore(page, kept, files):
            return
        with _LogWatch() as log:
            convert(config, files)
        self.made_anew(key, None if log.records else _keep(page))

    def _key(self, page: Page, config: MkDocsConfig, files: Files) -> Key:
        if files is not self._files:  # one Files (and one config) per language's build
            self._files, self._build_key = files, _build_key(config, files)
        markdown = hashlib.sha1((page.markdown or "").encode("utf-8")).hexdigest()
        return (self._build_key, page.file.src_uri, page.file.url, markdown)


def _extension_name(extension: Any) -> str:
    """An extension as named in mkdocs.yml (its options are in mdx_configs), or the class of one
    a plugin added as an object (whose options the key does not see: this site adds none)."""
    if isinstance(extension, str):
        return extension
    return f"{type(extension).__module__}.{type(extension).__qualname__}"


def _build_key(config: MkDocsConfig, files: Files) -> str:
    """The Markdown settings, and every file's source, address and inclusion (what a page's
    links resolve against)."""
    settings = repr(
        (
            [_extension_name(extension) for extension in config.markdown_extensions],
            config.mdx_configs,
            config.use_directory_urls,
            config.validation,
        )
    )
    lines = sorted(f"{file.src_uri}\t{file.url}\t{file.inclusion.name}" for file in files)
    return hashlib.sha1("\n".join([settings, *lines]).encode("utf-8")).hexdigest()


def _keep(page: Page) -> _Conversion:
    links = page.links_to_anchors
    return _Conversion(
        content=page.content or "",
        toc=copy.deepcopy(page.toc),
        title_from_render=page._title_from_render,
        present_anchor_ids=None if page.present_anchor_ids is None else frozenset(page.present_anchor_ids),
        links_to_anchors=None
        if links is None
        else {file.src_uri: dict(anchors) for file, anchors in links.items()},
    )


def _restore(page: Page, kept: _Conversion, files: Files) -> bool:
    links: dict[File, dict[str, str]] | None = None
    if kept.links_to_anchors is not None:
        links = {}
        for src_uri, anchors in kept.links_to_anchors.items():
            linked = files.get_file_from_path(src_uri)
            if linked is None:
                return False
            links[linked] = dict(anchors)
    page.content = kept.content
    page.toc = copy.deepcopy(kept.toc)  # templates and plugins get a toc of their own
    page._title_from_render = kept.title_from_render
    page.present_anchor_ids = None if kept.present_anchor_ids is None else set(kept.present_anchor_ids)
    if links is not None:
        page.links_to_anchors = links
    return True


class _LogWatch(logging.Handler):
    """The records logged (INFO and above) while it is open."""

    def __init__(self) -> None:
        super().__init__(logging.INFO)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def __enter__(self) -> _LogWatch:
        for name in _LOGGERS:
            logging.getLogger(name).addHandler(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        for name in _LOGGERS:
            logging.getLogger(name).removeHandler(self)
