"""MkDocs glue: validate data/, write the generated pages, give each language its navigation.

Event order within one `mkdocs build` (static-i18n runs the build again for each further
language, inside the first build's post_build; see README "Architecture"):

- on_startup: remember the command; `build` writes to a staging folder (see staging.py);
  `serve` keeps pages' HTML and search entries across rebuilds (markdown_memo.py,
  search_memo.py).
- on_config, first of all plugins: the theme's Jinja environments share compiled templates
  (theme_environment.py); then after i18n's, which sets the current language: the first
  time, load and validate the data and write every page of every language; then, for each
  language's build, set the navigation with that language's titles.
- on_page_markdown: edit links of generated pages point at their data file; hand-written
  pages that ask for it (`data: true` in front matter) are rendered with the data; under
  `serve`, the page's conversion to HTML goes through the memo.
- on_serve: watch the data, templates and strings too (serve_watch.py).
- on_post_build / on_build_error / on_shutdown: swap the staging folder in, or drop it.
"""

from __future__ import annotations

import logging
import posixpath
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from . import css_purge, feeds, html_fixes, staging
from .alternates import SitemapPage, page_alternates, write_sitemaps
from .build_cache import cache_directory
from .build_pages import SiteBuild, prepare_site
from .calendar_files import write_calendars
from .entry_navigation import keep_entries_out_of_nav, link_entries_to_their_index
from .html_whitespace import strip_indentation
from .languages import current_language
from .markdown_memo import MarkdownMemo
from .open_data import write_open_data
from .rebuild_memo import RebuildMemo
from .render import TEMPLATES_DIR
from .search_memo import SearchMemo
from .search_split import language_base_url, split_search_index
from .serve_watch import watch_sources
from .strings import STRINGS_DIR
from .structured_data import page_structured_data
from .template_cache import TemplateCache
from .theme_environment import share_theme_environments
from .unlinked_theme_files import drop_unlinked_theme_files
from .validated_data import ValidatedData
from .validation import DataValidationError
from .writer import GeneratedFileConflict

log = logging.getLogger("mkdocs.plugins.cglu")


class CgluPluginConfig(Config):
    data_dir = config_options.Dir(exists=True, default="data")


class CgluPlugin(BasePlugin[CgluPluginConfig]):
    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.command: str | None = None
        self.stage: staging.Stage | None = None
        self.sitemap_pages: list[SitemapPage] = []
        self.css_usage = css_purge.Usage()  # what the built pages use, for css_purge
        self.error_page_search_base: str | None = None
        self.generated_files: set[Path] = set()  # shared with the serve watcher
        # Compiled templates, kept across the languages' builds, serve rebuilds and builds:
        # one cache per kind of environment (compiled code depends on its settings).
        self.theme_templates: TemplateCache | None = None
        self.page_templates: TemplateCache | None = None
        self.cache_dir: Path | None = None  # .cache/cglu/<versions>/: see build_cache.py
        self.stop_watching: Callable[[], None] = lambda: None  # `mkdocs serve`: see serve_watch.py
        # `mkdocs serve` only: pages' HTML and search entries kept across rebuilds.
        self.markdown_memo: MarkdownMemo | None = None
        self.search_memo: SearchMemo | None = None

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        if command == "serve":  # a build converts each page once: nothing to keep
            self.markdown_memo = MarkdownMemo()
            self.search_memo = SearchMemo()

    @event_priority(100)  # before any plugin (Material's search) asks the theme for templates
    def _share_theme_environments(self, config: MkDocsConfig) -> MkDocsConfig:
        if self.theme_templates is None:
            self.cache_dir = cache_directory(Path(config.config_file_path).parent)
            self.theme_templates = TemplateCache(self.cache_dir / "theme-templates")
            self.page_templates = TemplateCache(self.cache_dir / "page-templates")
        share_theme_environments(config.theme, self.theme_templates)
        return config

    @event_priority(-110)  # after static-i18n's on_config (-100), which sets the language
    def _load_data_and_navigation(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps plugin instances across `mkdocs serve` rebuilds, and static-i18n runs
        # one nested build per further language: load the data once per outer build.
        if not config.plugins["i18n"].building:
            for memo in self._memos():
                memo.start_build()
            try:
                self.site = prepare_site(
                    config,
                    Path(self.config.data_dir),
                    self.page_templates,
                    ValidatedData(self.cache_dir) if self.cache_dir else None,
                )
            except (DataValidationError, GeneratedFileConflict) as error:
                raise PluginError(str(error)) from None
            self.generated_files.clear()
            self.generated_files.update(self.site.generated_files)
            self.sitemap_pages = []
            self.css_usage = css_purge.Usage()
            if self.command == "build" and self.stage is None and not _is_serve_folder(config.site_dir):
                self.stage = staging.Stage.begin(Path(config.site_dir))
                config.site_dir = str(self.stage.staging_dir)
        assert self.site is not None
        config.nav = self.site.navigation(current_language(config))
        search = config.plugins.get("material/search")
        if self.search_memo is not None and search is not None and search.config.enabled:
            # Material's on_config has just made this language's index.
            self.search_memo.index_through_memo(search.search_index)
        # Per-page values are set below; error pages, rendered before any page, get static-i18n's
        # list of each language's home and the site root as storage scope.
        config.extra.alternate = config.extra["alternate"]
        config.extra.pop("scope", None)
        # Sitemaps are written once at the end (alternates.py): skip the theme's, per language.
        config.theme.static_templates.discard("sitemap.xml")
        return config

    def _memos(self) -> list[RebuildMemo]:
        return [memo for memo in (self.markdown_memo, self.search_memo) if memo is not None]

    on_config = CombinedEvent(_share_theme_environments, _load_data_and_navigation)

    @event_priority(-50)  # after static-i18n's on_files, which picks this language's files
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        keep_entries_out_of_nav(files, self.site)
        drop_unlinked_theme_files(files, config.theme)
        return files

    @event_priority(-110)  # after static-i18n's on_nav (-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.site is not None
        link_entries_to_their_index(files, self.site)
        return nav

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        if template_name == "404.html" and self.site is not None:
            language = self.site.language(current_language(config))
            config.extra["scope"] = context["base_url"]
            # An error page has no page: every link of it resolves against base_url, which must
            # stay the site root; only Material's search base moves (see on_post_template).
            self.error_page_search_base = language_base_url(context["base_url"], language)
        return context

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on a change of the data, the page templates or the UI strings."""
        folders = (Path(self.config.data_dir), TEMPLATES_DIR, STRINGS_DIR)
        self.stop_watching = watch_sources(server, folders, config.docs_dir, self.generated_files)
        return server

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Any) -> str:
        assert self.site is not None
        lang = current_language(config)
        generated = self.site.page_for(page.file.src_uri)
        source = (
            generated.data_file
            if generated is not None
            else f"{Path(config.docs_dir).name}/{page.file.src_uri}"
        )
        if (updated := self.site.last_updated(source, lang)) is not None:
            page.meta["revision_date"] = updated  # shown by Material's partials/source-file.html
        if generated is not None:
            page.edit_url = _edit_url(config, generated.data_file)
        elif page.meta.get("data") is True:
            try:
                markdown = self.site.render_hand_written(markdown, lang, page.file.src_uri)
            except Exception as error:  # a template mistake in a hand-written page
                raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
        if self.markdown_memo is not None:
            self.markdown_memo.convert_through_memo(page)
        return self.site.typography(markdown, lang)

    @event_priority(40)  # after static-i18n's on_page_context (50), which resets the switcher
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        assert self.site is not None
        language = self.site.language(current_language(config))
        alternates = page_alternates(page.file.alternates, self.site.languages, config.site_url)
        # An attribute, as static-i18n sets it (config.extra is a dict whose attributes shadow keys).
        config.extra.alternate = [alternate.as_extra() for alternate in alternates]
        context["cglu_x_default"] = alternates[0].link if alternates else None
        # Material fetches its search index from `base`: make it this language's root, and
        # keep its storage scope (settings, palette) at the site root for every language.
        config.extra["scope"] = context["base_url"]
        context["base_url"] = language_base_url(context["base_url"], language)
        self.sitemap_pages.append(SitemapPage(page.url, tuple(alternates)))
        # Printed in the head by overrides/main.html: JSON-LD, and the link to the news feed.
        context["cglu_structured_data"] = page_structured_data(self.site, page, language, config.site_url)
        context["cglu_feed"] = feeds.head_link(self.site, language, page.url)
        context["cglu_strings"] = self.site.strings[language.code]  # UI strings, for overrides/
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            output = strip_indentation(html_fixes.fix_html(output))
            if self.error_page_search_base:
                output = html_fixes.set_search_base(output, self.error_page_search_base)
            self.css_usage.add_html(output)
            language = self.site.language(current_language(config)) if self.site else None
            if language is not None and not language.default:
                # One 404 per language, instead of the last language's at the root.
                target = Path(config.site_dir) / language.link.strip("/") / "404.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output, encoding="utf-8")
                return ""
        return output

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Fix the few attributes of Material's HTML that are invalid or unnamed (html_fixes.py),
        and note the classes and elements the page uses (css_purge.py)."""
        output = strip_indentation(html_fixes.fix_html(output))
        self.css_usage.add_html(output)
        return output

    @event_priority(-110)  # after static-i18n has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if config.plugins["i18n"].building or self.site is None:
            return
        site_dir = Path(config.site_dir)
        split_search_index(site_dir, self.site.languages)
        write_sitemaps(site_dir, self.sitemap_pages, self.site.languages, config.site_url)
        # Files for machines, from the data (see each module): /data/, feeds, calendars.
        write_open_data(site_dir, self.site)
        feeds.write_feeds(site_dir, self.site, config.site_url)
        write_calendars(site_dir, self.site, config.site_url)
        # Material's stylesheet, without the rules no page of the site can use.
        css_purge.purge_theme_stylesheet(site_dir, config.theme.dirs, self.css_usage, self.cache_dir)
        for memo in self._memos():
            memo.end_build()
        if self.stage is not None:
            self.stage.mark_complete()

    def on_build_error(self, *, error: Exception) -> None:
        if self.stage is not None:
            self.stage.mark_failed()

    def on_shutdown(self) -> None:
        self.stop_watching()
        # MkDocs keeps plugin instances for the whole process: a later build in it (a tool
        # building twice) must start a stage of its own.
        if self.stage is not None:
            stage, self.stage = self.stage, None
            stage.finish()


def _is_serve_folder(site_dir: str) -> bool:
    """`mkdocs serve --clean` reports itself as 'build' but serves a temporary folder."""
    folder = Path(site_dir)
    return folder.parent == Path(tempfile.gettempdir()) and folder.name.startswith("mkdocs_")


def _edit_url(config: MkDocsConfig, data_file: str) -> str | None:
    """The edit address of a data file, beside the docs edit address MkDocs computes."""
    if not config.repo_url or not config.edit_uri:
        return None
    base = urlsplit(config.repo_url.rstrip("/") + "/" + config.edit_uri.lstrip("/"))
    # edit_uri points into docs/; the data file is a sibling of docs/ in the repository.
    branch_root = posixpath.dirname(base.path.rstrip("/"))
    if not base.path.rstrip("/").endswith("/docs"):
        branch_root = base.path.rstrip("/")
    return urlunsplit(base._replace(path=posixpath.join(branch_root, data_file)))
