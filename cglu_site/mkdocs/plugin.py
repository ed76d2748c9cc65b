"""The MkDocs adapter: MkDocs events call the stages (data → pages → outputs) and translate
between them and MkDocs, Material and static-i18n objects. What the site is lives in the
stages; every reach into an engine's internals lives in this folder, each with a test that
fails loudly when that engine changes (tests/test_engine_contracts.py).

Event order within one `mkdocs build` (static-i18n runs the build again for each further
language, inside the first build's post_build; see README "Architecture"):

- on_startup: remember the command (`build` writes to a staging folder: staging.py).
- on_config, first of all plugins: the theme's Jinja environments share compiled templates
  (theme.py); what builds keep is on disk for `build`, in memory across `serve` rebuilds
  (memos/kept.py); a first build compiles templates in a second process (memos/). After
  i18n's, which sets the language: the first time, generate the site (pages/generate.py:
  validate the data, write every page of every language); for each language, set its
  navigation, its heading anchors' title (markdown_settings.py) and its search index
  (through the search memo; its file is left to search_index.py: material_search.py).
- on_files (before static-i18n's, which keeps this language's files) and on_nav (after
  it): entry pages out of the sidebar, under their collection (navigation.py).
- on_page_markdown: generated pages take their edit address from their front matter;
  hand-written pages get their "last updated" date and typography, and those that ask for
  it (`data: true`) are rendered with the data.
- on_page_context / on_post_page: alternates, per-language search base, JSON-LD, feed link;
  the HTML fixes and the classes pages use (css_purge.py). Under serve, on_env routes the
  theme's page renders through memos/page_memo.py (a page given the same values: its last HTML).
- on_serve: watch the data, templates and strings too (serve/watch.py).
- on_post_build, after static-i18n has built every language: search index per language,
  sitemaps, open data, feeds, calendars, the purged stylesheet; then swap the staging
  folder in (or drop it on error).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from cglu_site.data.strings import STRINGS_DIR, load_strings
from cglu_site.data.validation import DataValidationError
from cglu_site.mkdocs import css_purge, html_fixes, staging
from cglu_site.mkdocs.config import CgluPluginConfig, project_of
from cglu_site.mkdocs.error_pages import error_page_languages
from cglu_site.mkdocs.i18n import (
    building_a_further_language,
    current_language,
    per_language,
)
from cglu_site.mkdocs.markdown_settings import set_permalink_title
from cglu_site.mkdocs.material_search import (
    leave_index_file_to_the_split,
    material_search_entries,
    material_search_index,
    search_enabled,
)
from cglu_site.mkdocs.memos.alongside import Alongside
from cglu_site.mkdocs.memos.kept import Kept
from cglu_site.mkdocs.navigation import keep_entries_out_of_nav, link_entries_to_their_index
from cglu_site.mkdocs.search_index import language_base_url, split_search_index
from cglu_site.mkdocs.serve import errors as serve_errors
from cglu_site.mkdocs.theme import share_theme_environments
from cglu_site.mkdocs.theme_files import drop_unlinked_theme_files
from cglu_site.mkdocs.theme_labels import material_labels, material_words
from cglu_site.mkdocs.toc_titles import restore_toc_titles
from cglu_site.outputs import feeds
from cglu_site.outputs.jsonld import page_structured_data
from cglu_site.outputs.machine_files import write_outputs
from cglu_site.outputs.sitemaps import page_alternates
from cglu_site.pages.generate import SiteBuild, generate_site
from cglu_site.pages.render import TEMPLATES_DIR
from cglu_site.pages.writer import GeneratedFileConflict

log = get_plugin_logger(__name__)


class CgluPlugin(BasePlugin[CgluPluginConfig]):
    def __init__(self) -> None:
        self.site: SiteBuild | None = None
        self.command: str | None = None
        self.dirty = False
        self.stage: staging.Stage | None = None
        self.css_usage = css_purge.Usage()  # what the built pages use, for css_purge
        self.error_page_search_base: str | None = None
        self.generated_files: set[Path] = set()  # shared with the serve watcher
        # Compiled templates, pages' HTML and search entries, kept across the languages'
        # builds, serve rebuilds and builds (memos/kept.py).
        self.kept: Kept | None = None
        self.stop_watching: Callable[[], None] = lambda: None  # `mkdocs serve`: see serve/watch.py
        # `mkdocs serve` with wrong data (serve/errors.py): the messages, shown on every page,
        # and the folder of the page that shows them when no good build came before.
        self.serve_errors: list[str] = []
        self.error_site: serve_errors.ErrorSite | None = None
        self.real_docs_dir = ""
        self.nav: Navigation | None = None  # the language's navigation, as on_nav returns it

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    @event_priority(100)  # before any plugin (Material's search) asks the theme for templates
    def _share_theme_environments(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps a plugin instance for the whole process (serve's rebuilds, or a tool
        # building several projects): the caches follow the project being built.
        folder = Path(config.config_file_path).parent / self.config.cache_dir if self.config.cache else None
        if self.kept is None or folder != self.kept.folder:
            if self.kept is not None:
                self.kept.close()
            serve_memos = self.command == "serve" and self.config.serve_memos
            self.kept = Kept(folder, memos_in_memory=serve_memos)
        share_theme_environments(config.theme, self.kept.theme_templates)
        if self.config.parallel and self.command == "build" and not building_a_further_language(config):
            self.kept.prepare_ahead(config.theme, css=self.config.purge_css)  # memos/prepare_ahead.py
        return config

    @event_priority(-110)  # after static-i18n's on_config (-100), which sets the language
    def _load_data_and_navigation(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps plugin instances across `mkdocs serve` rebuilds, and static-i18n runs
        # one nested build per further language: generate once per outer build.
        assert self.kept is not None
        if not building_a_further_language(config):
            self.kept.start_build(config.site_dir)
            try:
                kept = self.kept.for_generation()  # compiled templates, memos
                self.site = generate_site(
                    project_of(config, self.config), theme_labels=material_labels(), **kept
                )
                self.serve_errors = []
                if (notice := self.site.awaiting_notice()) is not None:
                    log.info(notice)
            except (DataValidationError, GeneratedFileConflict) as error:
                if self.command != "serve":
                    raise PluginError(str(error)) from None
                self._serve_despite(error, config)  # the preview keeps answering: serve/errors.py
            self.generated_files.clear()
            self.generated_files.update(self.site.generated_files)
            self.css_usage = css_purge.Usage()
            if self.command == "build" and self.stage is None and not staging.serves(config.site_dir):
                self.stage = staging.Stage.begin(Path(config.site_dir))
                config.site_dir = str(self.stage.staging_dir)
        assert self.site is not None
        if self.error_site is not None and self.site.data is None:  # each language's build reads it again
            config.docs_dir = str(self.error_site.folder)
        lang = current_language(config)
        config.nav = self.site.navigation(lang)
        if self.site.strings:  # none when the strings themselves are wrong under serve (serve/errors.py)
            # The heading anchors' title in this language (before any page is converted).
            set_permalink_title(config, self.site.strings[lang]["label"]["permalink"])
            for key in ("site_name", "copyright"):  # each language's, from static-i18n
                if isinstance(config.get(key), str):
                    config[key] = self.site.typography(config[key], lang)
            if isinstance(config.get("site_description"), str):  # the description of hand-written pages
                config["site_description"] = self.site.description(config["site_description"], lang)
        if (index := material_search_index(config)) is not None:  # Material's on_config has just made it
            leave_index_file_to_the_split(index)
            if self.kept.search_memo is not None:
                self.kept.search_memo.index_through_memo(index)
        # Per-page values are set below; error pages, rendered before any page, get static-i18n's
        # list of each language's home and the site root as storage scope.
        config.extra.alternate = config.extra["alternate"]
        config.extra.pop("scope", None)
        # Sitemaps are written once at the end (outputs/sitemaps.py): skip the theme's, per language.
        config.theme.static_templates.discard("sitemap.xml")
        return config

    def _serve_despite(self, error: Exception, config: MkDocsConfig) -> None:
        """A data error under `mkdocs serve`: build the last good site, or a page that shows the
        error if there is none yet, with the error on every page; print it every time."""
        self.serve_errors = [str(item) for item in getattr(error, "errors", [])] or [str(error)]
        serve_errors.report(
            self.serve_errors, has_last_good_site=self.site is not None and self.error_site is None
        )
        if self.site is not None and self.error_site is None:
            return  # the generated pages on disk are the last good ones: nothing was written
        project = project_of(config, self.config)
        try:
            strings = load_strings(project.codes, theme_labels=material_labels())
        except DataValidationError:
            strings = {}
        self.error_site = self.error_site or serve_errors.ErrorSite()
        self.real_docs_dir = config.docs_dir
        titles = {
            code: language_strings["serve"]["error_title"] for code, language_strings in strings.items()
        }
        config.docs_dir = self.error_site.write(project.languages, titles)
        self.site = SiteBuild(project.languages, strings, None, project=project, hand_written=["index"])  # type: ignore[arg-type]

    on_config = CombinedEvent(_share_theme_environments, _load_data_and_navigation)

    # Before static-i18n's on_files (-100), which keeps this language's files (the same File
    # objects); the theme's files are all there by then.
    @event_priority(-50)
    def on_files(self, files: Files, *, config: MkDocsConfig) -> Files:
        assert self.site is not None
        keep_entries_out_of_nav(files, self.site)
        drop_unlinked_theme_files(files, config.theme)
        return files

    @event_priority(-110)  # after static-i18n's on_nav (-100)
    def on_nav(self, nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
        assert self.site is not None
        link_entries_to_their_index(files, self.site)
        self.nav = nav  # for memos/render_ahead.py
        if self.kept is not None and self.config.parallel and self.command == "build" and not self.dirty:
            self.kept.convert_ahead(config, files)  # a first build: memos/ahead.py
        return nav

    def on_pre_page(self, page: Page, *, config: MkDocsConfig, files: Files) -> Page:
        if self.kept is not None:
            self.kept.page_starts()
        return page

    def _pages_read(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        if self.kept is not None:  # every page is read: the second process stops
            self.kept.ahead.finish()
            if self.kept.page_memo is not None:  # serve: pages rendered as last time are not again
                self.kept.page_memo.install(env)
        return env

    @event_priority(-200)  # after every plugin's on_env (static-i18n's adds a Jinja extension)
    def _render_ahead(self, env: Any, *, config: MkDocsConfig, files: Files) -> Any:
        ahead = self.kept.render_ahead if self.kept is not None else None
        if ahead is not None and self.config.parallel and self.command == "build" and not self.dirty:
            ahead.start(config, files, self.nav, env)  # memos/render_ahead.py
        return env

    on_env = CombinedEvent(_pages_read, _render_ahead)

    def on_template_context(self, context: dict, *, template_name: str, config: MkDocsConfig) -> dict:
        context["cglu_serve_errors"] = self.serve_errors
        context["cglu_search_enabled"] = search_enabled(config)
        context["cglu_serve_last_good"] = self.site is not None and self.site.data is not None
        if template_name == "404.html" and self.site is not None:
            language = self.site.language(current_language(config))
            config.extra["scope"] = context["base_url"]
            # An error page has no page: every link of it resolves against base_url, which must
            # stay the site root; only Material's search base moves (see on_post_template).
            self.error_page_search_base = language_base_url(context["base_url"], language)
            if not self.site.strings:  # the strings themselves are wrong, under serve (serve/errors.py)
                return context
            context["cglu_strings"] = self.site.strings[language.code]  # Material's labels, reworded
            # Its text and links in its language (and, on the page served for every missing
            # address, in every language): overrides/404.html.
            context["cglu_error_pages"] = error_page_languages(
                self.site,
                language,
                context["base_url"],
                per_language(config, "site_name"),
                per_language(config, "copyright"),
                config.use_directory_urls,
            )
            context["cglu_material_words"] = material_words()
        return context

    def on_serve(self, server: Any, *, config: MkDocsConfig, builder: Any) -> Any:
        """Rebuild on a change of the data, the page templates or the UI strings."""
        from cglu_site.mkdocs.serve.watch import watch_sources  # watchdog: a MiB that builds do not need

        folders = (Path(self.config.data_dir), TEMPLATES_DIR, STRINGS_DIR)
        self.stop_watching = watch_sources(server, folders, config.docs_dir, self.generated_files)
        root = Path(config.config_file_path).parent
        shown = [_shown(Path(folder), root) + "/" for folder in (config.docs_dir, *folders)]
        log.info(
            "Watching for changes in %s and %s", ", ".join(shown), _shown(Path(config.config_file_path), root)
        )
        return server

    def on_page_markdown(self, markdown: str, *, page: Page, config: MkDocsConfig, files: Any) -> str:
        assert self.site is not None
        if self.site.data is None:  # the page that shows a data error (serve/errors.py)
            return markdown
        lang = current_language(config)
        if self.site.page_for(page.file.src_uri) is not None or "translation_of" in page.meta:
            # Generated pages are complete (cglu_site/pages/generate.py); they are edited in
            # their data file, whose address their front matter gives; a page awaiting
            # translation shows its original, which is edited in its own file.
            page.edit_url = page.meta.get("edit_url")
        else:
            source = f"{Path(config.docs_dir).name}/{page.file.src_uri}"
            if (updated := self.site.last_updated(source, lang)) is not None:
                page.meta["revision_date"] = updated  # shown by Material's partials/source-file.html
            try:
                markdown = self.site.hand_written_markdown(markdown, page.meta, lang, page.file.src_uri)
            except Exception as error:  # a template mistake in a hand-written page
                raise PluginError(f"docs/{page.file.src_uri}: {error}") from None
        if self.kept is not None and self.kept.markdown_memo is not None:
            self.kept.markdown_memo.convert_through_memo(page)
        return markdown

    def on_page_content(self, html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The table of contents keeps the no-break spaces of its headings (toc_titles.py)."""
        restore_toc_titles(html, page.toc)
        if self.kept is not None:
            self.kept.page_read(config, page, html)
        return html

    @event_priority(40)  # after static-i18n's on_page_context (50), which resets the switcher
    def on_page_context(self, context: dict, *, page: Page, config: MkDocsConfig, nav: Any) -> dict:
        assert self.site is not None
        language = self.site.language(current_language(config))
        path = self.site.docs_path(page.file.src_uri)
        alternates = page_alternates(self.site, path, config.site_url)
        # An attribute, as static-i18n sets it (config.extra is a dict whose attributes shadow keys).
        config.extra.alternate = [alternate.as_extra() for alternate in alternates]
        context["cglu_x_default"] = alternates[0].link if alternates else None
        # Material fetches its search index from `base`: make it this language's root, and
        # keep its storage scope (settings, palette) at the site root for every language.
        config.extra["scope"] = context["base_url"]
        context["base_url"] = language_base_url(context["base_url"], language)
        context["cglu_strings"] = self.site.strings.get(language.code, {})  # UI strings, for overrides/
        context["cglu_serve_errors"] = self.serve_errors  # shown at the top of every page
        context["cglu_search_enabled"] = search_enabled(config)  # the header's search button
        context["cglu_serve_last_good"] = self.site.data is not None
        if self.site.data is None:  # the page that shows a data error (serve/errors.py)
            return context
        # Printed in the head by overrides/main.html: JSON-LD, and the link to the news feed.
        context["cglu_structured_data"] = page_structured_data(self.site, path, language, config.site_url)
        context["cglu_feed"] = feeds.head_link(self.site, language, page.url)
        return context

    def on_post_template(self, output: str, *, template_name: str, config: MkDocsConfig) -> str:
        if template_name == "404.html":
            output = html_fixes.finished_page(output)
            if self.error_page_search_base:
                output = html_fixes.set_search_base(output, self.error_page_search_base)
            self.css_usage.add_html(output)
            language = self.site.language(current_language(config)) if self.site else None
            if language is not None and not language.default:
                # One 404 per language, instead of the last language's at the root.
                target = Path(config.site_dir) / language.folder / "404.html"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(output, encoding="utf-8")
                return ""
        return output

    def on_post_page(self, output: str, *, page: Page, config: MkDocsConfig) -> str:
        """Fix the few attributes of Material's HTML that are invalid or unnamed (html_fixes.py),
        and note the classes and elements the page uses (css_purge.py)."""
        memo = self.kept.page_memo if self.kept is not None else None  # serve: each HTML fixed once
        output = memo.fix(output, html_fixes.finished_page) if memo else html_fixes.finished_page(output)
        if self.config.purge_css:
            self.css_usage.add_html(output)
        return output

    @event_priority(-110)  # after static-i18n has built every language
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self.kept is not None and self.kept.render_ahead is not None:  # this language is written
            self.kept.render_ahead.finish()
        if building_a_further_language(config) or self.site is None:
            return
        assert self.kept is not None
        site_dir = Path(config.site_dir)
        if self.error_site is not None and self.site.data is None:
            config.docs_dir = self.real_docs_dir  # what serve watches
            split_search_index(site_dir, self.site.languages, material_search_entries(config))
            self.kept.site_written()
            return
        if self.error_site is not None:  # the data is good again
            self.error_site.remove()
            self.error_site = None
        # Files for machines, from the data: a second process with `parallel` (memos/alongside.py).
        site, site_url, write = self.site, config.site_url, self.kept.write()  # serve: serve/site_writes.py
        fork = self.config.parallel and self.command == "build"
        with Alongside(lambda: write_outputs(site_dir, site, site_url, write), fork=fork):
            split_search_index(site_dir, self.site.languages, material_search_entries(config))
            if self.config.purge_css:  # Material's stylesheet, without the rules no page can use
                css_purge.purge_theme_stylesheet(site_dir, config.theme.dirs, self.css_usage, self.kept.cache)
        self.kept.end_build()
        self.kept.site_written()
        if self.stage is not None:
            self.stage.mark_complete()

    def on_build_error(self, *, error: Exception) -> None:
        if self.kept is not None:
            self.kept.finish()
        if self.stage is not None:
            self.stage.mark_failed()

    def on_shutdown(self) -> None:
        self.stop_watching()
        if self.kept is not None:
            self.kept.close()
        if self.error_site is not None:
            self.error_site.remove()
        # MkDocs keeps plugin instances for the whole process: a later build in it (a tool
        # building twice) must start a stage of its own.
        if self.stage is not None:
            stage, self.stage = self.stage, None
            stage.finish()


def _shown(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
