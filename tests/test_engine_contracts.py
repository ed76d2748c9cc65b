"""What the MkDocs adapter (cglu_site/mkdocs/) relies on in MkDocs, Material and static-i18n.

Each test names one reach into an engine's internals and fails with a message saying where
the adapter uses it, so that an upgrade that changes it stops here, not in a visitor's
browser. (Deeper contracts are tested where they are used: the serve memos against a full
build in test_serve_memo.py, Material's copied partials in test_html_validity.py, the CSS
purge in a live browser.)
"""

from __future__ import annotations

import inspect
from importlib.metadata import entry_points
from pathlib import Path

import material
import pytest
from mkdocs.config import load_config
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.theme import Theme
from sites import LANGUAGES, ROOT

from cglu_site.mkdocs import material_search
from cglu_site.mkdocs.i18n import languages_from_config
from cglu_site.mkdocs.theme_labels import material_labels

MATERIAL = Path(material.__file__).parent


@pytest.fixture(scope="module")
def config():
    return load_config(str(ROOT / "mkdocs.yml"))


def test_static_i18n_plugin_exposes_its_languages_and_the_current_build(config) -> None:
    plugin = config.plugins["i18n"]
    source = inspect.getsource(type(plugin))
    for name in ("current_language", "building"):
        assert f"self.{name}" in source or hasattr(plugin, name), (
            f"static-i18n no longer has `{name}`: cglu_site/mkdocs/i18n.py reads it"
        )
    for field in ("locale", "name", "default", "link", "build"):
        assert all(hasattr(language, field) for language in plugin.config.languages), (
            f"static-i18n's language settings lost `{field}`: cglu_site/mkdocs/i18n.py reads it"
        )
    assert [language.code for language in languages_from_config(config)] == list(LANGUAGES)


def test_materials_search_index_takes_pages_one_by_one(config) -> None:
    from material.plugins.search.plugin import SearchIndex, SearchPlugin

    assert callable(getattr(SearchIndex, "add_entry_from_context", None)), (
        "Material's SearchIndex.add_entry_from_context is gone: cglu_site/mkdocs/memos/search_memo.py wraps it"
    )
    assert "self.search_index =" in inspect.getsource(SearchPlugin), (
        "Material's search plugin no longer keeps `search_index`: see memos/search_memo.py material_search_index"
    )
    assert material_search.PLUGIN_NAME in config.plugins, (
        f"Material's search plugin is no longer named {material_search.PLUGIN_NAME}: see cglu_site/mkdocs/material_search.py"
    )
    registered = {entry.name: entry.value for entry in entry_points(group="mkdocs.plugins")}
    assert registered.get(material_search.PLUGIN_NAME, "").endswith(":SearchPlugin"), (
        f"{material_search.PLUGIN_NAME} is not Material's search plugin any more: see cglu_site/mkdocs/material_search.py"
    )
    assert material_search.search_enabled(config)


def test_materials_search_indexes_every_field_its_index_names(config) -> None:
    """search_folding.py adds hidden fields to each index's `config.fields`: Material's
    worker must build a lunr field of each, and give each entry its page's boost."""
    import json

    from material.plugins.search.plugin import SearchIndex

    written = inspect.getsource(SearchIndex)
    assert '"fields"' in written and 'entry["boost"] = search["boost"]' in written, (
        "Material's search index no longer writes config.fields or per-page boosts: see "
        "cglu_site/mkdocs/search_folding.py and the Sources page's boost in cglu_site/pages/kinds.py"
    )
    (source_map,) = (MATERIAL / "templates/assets/javascripts/workers").glob("search.*.min.js.map")
    sources = "".join(json.loads(source_map.read_text(encoding="utf-8"))["sourcesContent"])
    for usage in ("Object.entries(config.fields)", "this.add(doc, { boost: doc.boost })", "${term}*"):
        assert usage in sources, (
            f"Material's search worker changed ({usage!r}): folded fields, boosts and prefix matching "
            "are what cglu_site/mkdocs/search_folding.py relies on"
        )
    i18n = config.plugins["i18n"]
    assert not i18n.config.reconfigure_search, (
        "static-i18n's reconfigure_search drops pages equal to the default language's from the index"
    )


def test_materials_index_file_is_its_entries_and_settings_in_memory(config) -> None:
    """search_index.py splits the index from the entries and settings in Material's memory
    (material_search.material_search_entries), not from the file Material writes: they must
    be what the file holds."""
    import json

    search = material_search.search_plugin(config)
    search.on_config(config)  # makes the plugin's index, as a build does
    search.search_index.entries.append({"location": "", "title": "Accueil", "text": "<p>Bienvenue</p>"})
    written = json.loads(search.search_index.generate_search_index(None))
    entries, settings = material_search.material_search_entries(config)
    assert written == {"config": settings, "docs": entries}, (
        "Material's search/search_index.json is no longer its `search_index.entries` and the settings "
        f"{material_search.INDEX_SETTINGS}: see cglu_site/mkdocs/material_search.py material_search_entries"
    )


def test_materials_search_plugin_writes_its_index_file_from_generate_search_index(config, tmp_path) -> None:
    """material_search.leave_index_file_to_the_split: Material's plugin writes the text of
    `SearchIndex.generate_search_index` (then replaced by search_index.py's files)."""
    search = material_search.search_plugin(config)
    search.on_config(config)
    material_search.leave_index_file_to_the_split(search.search_index)
    search.search_index.entries.append({"location": "", "title": "Accueil", "text": "<p>Bienvenue</p>"})
    site_dir = config.site_dir
    config.site_dir = str(tmp_path)
    try:
        search.on_post_build(config=config)
    finally:
        config.site_dir = site_dir
    written = tmp_path / "search" / "search_index.json"
    assert written.is_file() and written.read_text(encoding="utf-8") == "", (
        "Material's search plugin no longer writes search/search_index.json from "
        "search_index.generate_search_index: see cglu_site/mkdocs/material_search.py leave_index_file_to_the_split"
    )


def test_materials_theme_files_are_where_the_adapter_looks() -> None:
    assert sorted((MATERIAL / "templates" / "assets" / "stylesheets").glob("main.*.min.css")), (
        "Material's main stylesheet is not assets/stylesheets/main.*.min.css: see cglu_site/mkdocs/css_purge.py"
    )
    assert sorted((MATERIAL / "templates" / "assets" / "stylesheets").glob("palette.*.min.css")), (
        "Material's palette stylesheet moved: see cglu_site/mkdocs/theme_files.py"
    )
    assert {"action_edit", "search_placeholder"} <= material_labels(), (
        "Material's labels file changed shape: see cglu_site/mkdocs/theme_labels.py"
    )


def test_materials_palette_storage_and_attributes_as_the_overrides_read_them() -> None:
    """overrides/partials/palette-first-paint.html and palette.html read Material's remembered
    palette ({index, color: {media, scheme, primary, accent}} under "__palette", an entry whose
    media is "(prefers-color-scheme)" following the system); css_purge.py judges its
    [data-md-color-scheme|primary|accent=…] selectors by the values the pages carry."""
    script = (MATERIAL / "templates" / "partials" / "javascripts" / "palette.html").read_text(
        encoding="utf-8"
    )
    assert '__md_get("__palette")' in script and "palette.color" in script, (
        "Material's palette script reads another setting: see overrides/partials/palette-first-paint.html"
    )
    assert '"(prefers-color-scheme)"===palette.color.media' in script, (
        "Material's automatic palette entry changed: see overrides/partials/palette-first-paint.html"
    )
    (bundle,) = (MATERIAL / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    code = bundle.read_text(encoding="utf-8")
    assert '__md_set("__palette",' in code and '__md_get("__palette")||{index:' in code, (
        "Material's bundle keeps the palette otherwise: see overrides/partials/palette.html's script"
    )
    base = (MATERIAL / "templates" / "base.html").read_text(encoding="utf-8")
    for attribute in ("data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"):
        assert f'{attribute}="' in base, (
            f"Material's <body> lost {attribute}: see cglu_site/mkdocs/css_parse.py"
        )


def test_materials_markup_and_script_that_cglu_js_builds_on() -> None:
    """docs/assets/javascripts/cglu.js (keyboard in the menu and search, past events) reads
    Material's toggles and classes, and runs its own keys before Material's window handler.
    tests/browser/test_keyboard.py checks the behaviour; this says what to re-read first."""
    base = (MATERIAL / "templates" / "base.html").read_text(encoding="utf-8")
    for toggle in ("drawer", "search"):
        assert f'data-md-toggle="{toggle}" type="checkbox" id="__{toggle}"' in base, (
            f"Material's {toggle} is no longer the checkbox #__{toggle}: see cglu.js"
        )
    assert 'class="md-sidebar md-sidebar--primary"' in base, (
        "Material's drawer lost .md-sidebar--primary: see cglu.js"
    )
    (bundle,) = (MATERIAL / "templates" / "assets" / "javascripts").glob("bundle.*.min.js")
    script = bundle.read_text(encoding="utf-8")
    assert 'h(window,"keydown")' in script or 'fromEvent(window,"keydown")' in script, (
        "Material's keyboard handler no longer listens on the window: cglu.js captures Tab and "
        "Escape there first"
    )
    assert 'case"Escape":case"Tab":' in script, (
        "Material's search no longer closes on Tab: cglu.js may no longer need to keep it open"
    )
    assert "window.document$" in script, "Material no longer publishes document$: see cglu.js"
    search = (ROOT / "overrides" / "partials" / "search.html").read_text(encoding="utf-8")
    assert 'class="md-search__input"' in search and 'class="md-search-result__list"' in search


def test_mkdocs_objects_the_adapter_sets() -> None:
    assert hasattr(InclusionLevel, "NOT_IN_NAV"), (
        "MkDocs lost InclusionLevel.NOT_IN_NAV: see mkdocs/navigation.py"
    )
    assert "inclusion" in inspect.signature(File.__init__).parameters, (
        "File.inclusion: see mkdocs/navigation.py"
    )
    for name in ("edit_url", "meta", "parent", "previous_page", "next_page", "ancestors"):
        assert name in inspect.getsource(Page), f"MkDocs' Page lost `{name}`: the adapter sets or reads it"
    assert callable(getattr(Theme, "get_env", None)), (
        "MkDocs' Theme.get_env is gone: see cglu_site/mkdocs/theme.py"
    )
    assert "static_templates" in inspect.getsource(Theme), "Theme.static_templates: see plugin.py on_config"
    assert get_plugin_logger("cglu_site.mkdocs.plugin").name.startswith("mkdocs.plugins.")


def test_mkdocs_reads_pages_as_the_second_process_of_a_first_build_does() -> None:
    """memos/ahead.py does with a page what MkDocs' build loop does before writing any."""
    from mkdocs.commands import build

    where = "cglu_site/mkdocs/memos/ahead.py read_as_mkdocs_does copies it"
    populate = getattr(build, "_populate_page", None)
    assert callable(populate), f"MkDocs' _populate_page is gone: {where}"
    assert list(inspect.signature(populate).parameters)[:3] == ["page", "config", "files"], where
    loop = inspect.getsource(build.build)
    for step in (
        "nav = config.plugins.on_nav(",
        "for file in files.documentation_pages(inclusion=inclusion):",
        "Page(None, file, config)",
        "_populate_page(file.page, config, files, dirty)",
        "env = config.plugins.on_env(",
    ):
        assert step in loop, f"MkDocs' build no longer does `{step}` in this order: {where}"
    assert loop.index("on_nav(") < loop.index("_populate_page(") < loop.index("on_env("), where


def test_mkdocs_renders_pages_as_the_second_process_of_a_build_does() -> None:
    """memos/render_ahead.py does with a page what MkDocs' _build_page does before its
    on_post_page event, in the build loop's order of pages, once every on_env has run."""
    from mkdocs.commands import build

    where = "cglu_site/mkdocs/memos/render_ahead.py _render_as_mkdocs_does copies it"
    assert callable(getattr(build, "get_context", None)), f"MkDocs' get_context is gone: {where}"
    page = inspect.getsource(build._build_page)
    steps = [
        "page.active = True",
        "context = get_context(nav, doc_files, config, page)",
        "template = env.get_template(page.meta.get('template', 'main.html'))",
        "context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)",
        "output = template.render(context)",
        "output = config.plugins.on_post_page(",
    ]
    for step in steps:
        assert step in page, f"MkDocs' _build_page no longer does `{step}`: {where}"
    assert [page.index(step) for step in steps] == sorted(page.index(step) for step in steps), where
    loop = inspect.getsource(build.build)
    for step in (
        "env = config.plugins.on_env(",
        "doc_files = files.documentation_pages(inclusion=inclusion)",
        "_build_page(",
    ):
        assert step in loop, f"MkDocs' build no longer does `{step}`: {where}"
    assert (
        loop.index("on_env(")
        < loop.index("doc_files = files.documentation_pages(")
        < loop.index("_build_page(")
    ), where
    assert "InclusionLevel.is_included" in loop, f"MkDocs builds other pages than the included: {where}"
    populate = inspect.getsource(build._populate_page)
    assert "page.content = config.plugins.on_page_content(" in populate, (
        "MkDocs no longer sets page.content from on_page_content: memos/kept.py page_read"
    )


def test_mkdocs_serve_internals_the_watcher_uses() -> None:
    from mkdocs.livereload import LiveReloadServer

    source = inspect.getsource(LiveReloadServer)
    for name in ("_rebuild_cond", "_want_rebuild", "observer"):
        assert f"self.{name}" in source, (
            f"MkDocs' LiveReloadServer lost `{name}`: cglu_site/mkdocs/serve/watch.py falls back to "
            "MkDocs' own watching (each data edit then rebuilds twice)"
        )
    assert "wait_for(lambda: self._visible_epoch == self._wanted_epoch)" in source, (
        "MkDocs' server no longer holds requests during a build: see cglu_site/mkdocs/serve/errors.py"
    )


def test_mkdocs_writes_the_site_through_the_functions_serve_replaces() -> None:
    """serve/site_writes.py replaces `mkdocs.utils.clean_directory`, `write_file` and
    `copy_file` during a served build: MkDocs must empty the site folder, write pages and copy
    files through them."""
    from mkdocs import utils
    from mkdocs.commands import build

    where = "cglu_site/mkdocs/serve/site_writes.py (a served rebuild would rewrite every file)"
    assert list(inspect.signature(utils.clean_directory).parameters) == ["directory"], where
    assert list(inspect.signature(utils.write_file).parameters) == ["content", "output_path"], where
    assert list(inspect.signature(utils.copy_file).parameters) == ["source_path", "output_path"], where
    assert "utils.copy_file(self.abs_src_path, output_path)" in inspect.getsource(File.copy_file), where
    assert "utils.clean_directory(config.site_dir)" in inspect.getsource(build.build), where
    assert "utils.write_file(" in inspect.getsource(build._build_page), where
    # static-i18n sets its own for the further languages' builds, then puts back the one it found.
    import mkdocs_static_i18n.plugin

    i18n = inspect.getsource(mkdocs_static_i18n.plugin)
    assert "mkdocs_utils_clean_directory = utils.clean_directory" in i18n, where
    assert "utils.clean_directory = mkdocs_utils_clean_directory" in i18n, where
