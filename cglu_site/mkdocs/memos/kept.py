"""What the plugin keeps from one build to the next for the project being built: the cache
(cglu_site/cache.py, option `cache`), the compiled templates, and the memos of pages' HTML
and search entries (on disk for `mkdocs build`, in memory across `mkdocs serve` rebuilds
with `serve_memos`, which also keep the pages the theme rendered, page_memo.py, and the
generated pages' Markdown, pages/render_memo.py).

MkDocs keeps a plugin instance for the whole process (serve's rebuilds, or a tool building
several projects): the plugin makes a new `Kept` when the cache folder changes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cglu_site.cache import Cache, cache_directory
from cglu_site.data.check_cache import ValidatedData
from cglu_site.data.yaml_source import ComposedYaml
from cglu_site.mkdocs.material_search import material_search_index
from cglu_site.mkdocs.memos.ahead import ConvertAhead, read_as_mkdocs_does
from cglu_site.mkdocs.memos.markdown_memo import MarkdownMemo
from cglu_site.mkdocs.memos.page_memo import PageMemo
from cglu_site.mkdocs.memos.prepare_ahead import preparations
from cglu_site.mkdocs.memos.rebuild_memo import RebuildMemo
from cglu_site.mkdocs.memos.render_ahead import RenderAhead
from cglu_site.mkdocs.memos.search_memo import SearchMemo
from cglu_site.mkdocs.serve.collector import Collector
from cglu_site.mkdocs.serve.site_writes import SiteWrites
from cglu_site.outputs.writing import Write, write_file
from cglu_site.pages.render_memo import RenderMemo
from cglu_site.pages.template_cache import TemplateCache


class Kept:
    def __init__(self, folder: Path | None, *, memos_in_memory: bool) -> None:
        """`folder`: the project's cache folder (None: `cache: false`); `memos_in_memory`:
        `mkdocs serve` with `serve_memos` (its memos are not written to disk)."""
        self.folder = folder
        self.cache = Cache(cache_directory(folder)) if folder is not None else None
        # One template cache per kind of environment: compiled code depends on its settings.
        self.theme_templates = TemplateCache(self.cache, "theme-templates")
        self.page_templates = TemplateCache(self.cache, "page-templates")
        self.markdown_memo: MarkdownMemo | None = None
        self.search_memo: SearchMemo | None = None
        self.page_memo: PageMemo | None = None  # rendered pages: serve only (page_memo.py)
        self.render_memo: RenderMemo | None = None  # generated Markdown: serve only (pages/render_memo.py)
        self.composed: ComposedYaml | None = None  # parsed YAML files: serve only (data/yaml_source.py)
        if memos_in_memory:
            self.markdown_memo, self.search_memo, self.page_memo = MarkdownMemo(), SearchMemo(), PageMemo()
            self.render_memo, self.composed = RenderMemo(), ComposedYaml()
        elif self.cache is not None:
            self.markdown_memo, self.search_memo = MarkdownMemo(self.cache), SearchMemo(self.cache)
        # Serve: a rebuild writes only the files whose bytes changed (serve/site_writes.py).
        self.site_writes = SiteWrites() if memos_in_memory else None
        # Serve: the cycle collector runs after a rebuild, not during it (serve/collector.py).
        self.collector = Collector() if memos_in_memory else None
        self.ahead = ConvertAhead()
        self.prepare = ConvertAhead()  # templates and stylesheets (prepare_ahead.py)
        self._made_before = 0  # pages the Markdown memo converted before the one being read
        # `mkdocs build`: pages' theme templates rendered in a second process too (render_ahead.py).
        self.render_ahead = (
            RenderAhead(self.cache) if self.cache is not None and not memos_in_memory else None
        )

    def prepare_ahead(self, theme: Any, *, css: bool) -> None:
        """Compile the templates and parse the theme's stylesheets in a second process too
        (prepare_ahead.py), if the cache is on disk and holds no compiled theme template."""
        if self.cache is None or not ConvertAhead.available() or self.cache.names("theme-templates"):
            return
        pieces = preparations(theme, self.page_templates, self.cache, css=css)
        self.prepare.start(pieces[::-1], _do, self.after_fork)  # it does the last item first

    def convert_ahead(self, config: Any, files: Any) -> None:
        """Convert this language's pages in a second process too (ahead.py), if the cache is
        on disk and lacks most of them (a first build)."""
        self.prepare.finish()  # one second process at a time: this one converts pages
        memo = self.markdown_memo
        if self.cache is None or memo is None or not ConvertAhead.available():
            return
        pages = files.documentation_pages()  # what MkDocs reads next, in this order
        if memo.unused_on_disk() >= len(pages) / 2:
            return
        index = material_search_index(config)  # its pages go through the search memo (plugin.py)
        read = read_as_mkdocs_does(config, files, index.add_entry_from_context if index else None)
        self.ahead.start(pages, read, self.after_fork)

    def page_starts(self) -> None:
        """MkDocs reads the next page (on_pre_page)."""
        self.ahead.reached()
        self._made_before = self.markdown_memo.made if self.markdown_memo is not None else 0

    def page_read(self, config: Any, page: Any, html: str) -> None:
        """A page is converted (on_page_content, `html` its HTML). In a first build, a page this
        process converted while the second one converts others is indexed for search now, while
        the other process is at work too, rather than when MkDocs renders it, alone
        (search_memo.py; the entries are the same)."""
        memo = self.markdown_memo
        converted_here = memo is not None and memo.made > self._made_before
        if converted_here and self.ahead.running and self.search_memo is not None:
            if (index := material_search_index(config)) is not None:
                page.content = html  # what MkDocs sets it to after this event
                self.search_memo.index_ahead(index, page)

    def validated_data(self) -> ValidatedData | None:
        """Which data files passed the schema check last time (data/check_cache.py)."""
        return ValidatedData(self.cache) if self.cache is not None else None

    def for_generation(self) -> dict[str, Any]:
        """What generate_site takes from what is kept (cglu_site/pages/generate.py)."""
        return {
            "template_cache": self.page_templates,
            "validated": self.validated_data(),
            "render_memo": self.render_memo,
            "composed": self.composed,
        }

    def memos(self) -> list[RebuildMemo]:
        return [memo for memo in (self.markdown_memo, self.search_memo, self.page_memo) if memo is not None]

    def start_build(self, site_dir: str) -> None:
        for memo in self.memos():
            memo.start_build()
        if self.site_writes is not None:
            self.site_writes.begin(site_dir)
        if self.collector is not None:
            self.collector.pause()

    def write(self) -> Write:
        """How the outputs write their files (cglu_site/outputs/writing.py)."""
        return self.site_writes.write if self.site_writes is not None else write_file

    def site_written(self) -> None:
        """Every file of the build is written: under serve, remove those it did not make."""
        if self.site_writes is not None:
            self.site_writes.end()
        if self.collector is not None:
            self.collector.resume()

    def end_build(self) -> None:
        for memo in self.memos():
            memo.end_build()

    def after_fork(self) -> None:
        if self.cache is not None:
            self.cache.after_fork()

    def finish(self) -> None:
        """Stop the second processes (a build that failed)."""
        self.prepare.finish()
        self.ahead.finish()
        if self.render_ahead is not None:
            self.render_ahead.finish()
        if self.site_writes is not None:
            self.site_writes.abandon()
        if self.collector is not None:
            self.collector.resume()

    def close(self) -> None:
        self.finish()
        if self.cache is not None:
            self.cache.close()


def _do(piece: Any) -> None:
    piece()
