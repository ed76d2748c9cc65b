"""The cglu plugin's options in mkdocs.yml (`plugins: - cglu: …`)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig

from cglu_site.cache import DEFAULT_FOLDER
from cglu_site.data.project import Project
from cglu_site.mkdocs.i18n import languages_from_config


class CgluPluginConfig(Config):
    # Where the data files and their schemas are.
    data_dir = config_options.Dir(exists=True, default="data")
    # Keep what a build made for the next one (compiled templates, the schema check's and
    # the CSS purge's last results, the pages' HTML and search entries by the key of their
    # inputs): see cglu_site/cache.py and mkdocs/memos/. Off: every build does all the work.
    cache = config_options.Type(bool, default=True)
    cache_dir = config_options.Type(str, default=str(DEFAULT_FOLDER))
    # A first build (no cache yet) compiles the templates and parses the theme's stylesheet
    # in a second process while it reads the data (memos/prepare_ahead.py), and converts each
    # language's pages in two processes (memos/ahead.py); they share their results through
    # the cache (needs `cache`). Every `mkdocs build` writes the sitemaps, open data, feeds and
    # calendars in a second process (memos/alongside.py). Linux only.
    parallel = config_options.Type(bool, default=True)
    # Drop from Material's stylesheet the rules no page can use (css_purge.py).
    purge_css = config_options.Type(bool, default=True)
    # A text or page missing in a language: "notice" (the build says so and pages show its
    # original, marked) or "error" (the build fails). Also read by `python -m cglu_site check`.
    missing_translations = config_options.Choice(("notice", "error"), default="notice")
    # `mkdocs serve`: render again only the generated pages whose data changed, convert again
    # only the pages whose Markdown changed, index again only those whose HTML changed, render
    # the theme again only for pages whose values changed, from memory (pages/render_memo.py,
    # memos/markdown_memo.py, memos/search_memo.py, memos/page_memo.py); write only the files
    # whose bytes changed (serve/site_writes.py).
    serve_memos = config_options.Type(bool, default=True)


def project_of(config: MkDocsConfig, options: CgluPluginConfig) -> Project:
    """The project as the stages know it, from MkDocs' configuration and the plugin's options."""
    return Project(
        root=Path(config.config_file_path).parent,
        docs_dir=Path(config.docs_dir),
        data_dir=Path(options.data_dir),
        languages=languages_from_config(config),
        site_url=config.site_url or "",
        repo_url=config.repo_url or "",
        edit_uri=config.edit_uri or "",
        missing_translations=options.missing_translations,
    )
