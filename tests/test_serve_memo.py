"""`mkdocs serve` converts again only the pages whose Markdown changed (markdown_memo.py),
indexes again only the pages whose HTML changed (search_memo.py) and renders the theme's
template again only for the pages whose values changed (page_memo.py); the rebuilt site is the
one a full build makes, search indexes included; a page whose conversion warns warns every time."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from sites import FIXTURE_DATA, LANGUAGES, Project, make_project

from cglu_site.data.strings import load_strings

SERVE_URL = "http://127.0.0.1:8000/"


@contextmanager
def serving(project: Project) -> Iterator:
    """`mkdocs serve`'s builds, in this process: the same plugin instances rebuild each time;
    yields a function that rebuilds and tells how many pages were converted to HTML, and how
    many were indexed for search."""
    site_dir = Path(tempfile.mkdtemp(prefix="mkdocs_"))  # as serve's own folder

    def rebuild() -> tuple[int, int]:
        config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site_dir))
        config.site_url = SERVE_URL
        build(config, serve_url=SERVE_URL)
        plugin = config.plugins["cglu"]
        rebuild.page_memo = plugin.kept.page_memo
        return plugin.kept.markdown_memo.made, plugin.kept.search_memo.made

    config = load_config(str(project.root / "mkdocs.yml"), site_dir=str(site_dir))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        yield rebuild, site_dir
    finally:
        config.plugins.on_shutdown()


def html_pages(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text("utf-8") for path in folder.rglob("*.html")}


def search_indexes(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text("utf-8")
        for path in folder.rglob("search_index.json")
    }


def test_a_rebuild_converts_only_the_edited_pages_and_makes_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "served", FIXTURE_DATA)
    with serving(project) as (rebuild, site_dir):
        pages, indexed = rebuild()
        every_page = [path for path in html_pages(site_dir) if not path.endswith("404.html")]
        assert pages == indexed == len(every_page), "the first build converts and indexes every page"
        assert rebuild() == (0, 0), "nothing changed: nothing to convert or index"
        project.edit("commissions.yml", "Committee on Culture", "Committee on Living Culture")
        converted, indexed = rebuild()
        served, served_indexes = html_pages(site_dir), search_indexes(site_dir)

    assert 0 < converted < pages / 4
    assert converted <= indexed < pages / 4  # pages that list the commission change too
    # A full build of the edited project, anew, in its own process.
    fresh = make_project(tmp_path / "fresh", project.data)
    fresh.build_ok(site_url=SERVE_URL)
    built = html_pages(fresh.site)
    assert served.keys() == built.keys()
    different = [path for path in built if served[path] != built[path]]
    assert not different, f"pages the memo served differently from a full build: {different[:5]}"
    assert any("Committee on Living Culture" in text for text in served.values())
    assert len(served_indexes) == len(LANGUAGES) and served_indexes == search_indexes(fresh.site)


def test_a_rebuild_renders_the_theme_template_again_only_for_the_pages_whose_values_changed(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "served", FIXTURE_DATA)
    with serving(project) as (rebuild, site_dir):
        rebuild()
        memo = rebuild.page_memo
        every_page = len([path for path in html_pages(site_dir) if not path.endswith("404.html")])
        # Every page goes through the memo: if MkDocs stops asking for the page's template and
        # rendering it as page_memo.py expects, this fails.
        assert (memo.made, memo.unkeyable) == (every_page, 0)
        rebuild()
        assert (memo.made, memo.unkeyable) == (0, 0), "nothing changed: nothing rendered again"
        project.edit("commissions.yml", "Committee on Culture", "Committee on Living Culture")
        rebuild()
        assert 0 < memo.made < every_page / 4
        # A template of the project's theme folder changes every page.
        template = project.root / "overrides" / "main.html"
        text = template.read_text("utf-8")
        assert "  {{ super() }}\n" in text
        edited = '<meta name="edited-template">'
        template.write_text(text.replace("  {{ super() }}\n", f"  {{{{ super() }}}}{edited}\n", 1), "utf-8")
        rebuild()
        assert memo.made == every_page
        pages = [text for path, text in html_pages(site_dir).items() if not path.endswith("404.html")]
        assert all(edited in text for text in pages)


def test_no_theme_template_prints_the_build_clock_the_page_memo_leaves_out() -> None:
    from mkdocs.theme import Theme

    folders = [*Theme("material").dirs, str(Path(__file__).parents[1] / "overrides")]
    templates = [path for folder in folders for path in Path(folder).rglob("*.html")]
    assert templates
    assert not [path for path in templates if "build_date_utc" in path.read_text("utf-8")]


def test_a_change_of_the_markdown_settings_converts_every_page_again(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURE_DATA)
    settings = project.root / "mkdocs.yml"
    with serving(project) as (rebuild, site_dir):
        pages, _ = rebuild()
        text = settings.read_text("utf-8")
        assert "permalink: true" in text
        settings.write_text(text.replace("permalink: true", "permalink: false"), "utf-8")
        assert rebuild()[0] == pages
        assert 'class="headerlink"' not in (site_dir / "en" / "about-this-site" / "index.html").read_text(
            "utf-8"
        )


def test_each_language_and_a_new_wording_of_the_heading_anchors_title_have_their_own_conversions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The ¶ anchors' title is set per language in the Markdown settings the memo keys on: a
    kept page is never given another language's title, and new words convert every page of
    that language again."""
    from cglu_site.pages import generate

    project = make_project(tmp_path, FIXTURE_DATA)
    strings = load_strings(LANGUAGES)
    with serving(project) as (rebuild, site_dir):
        rebuild()
        assert rebuild()[0] == 0
        for lang in LANGUAGES:
            folder = site_dir if lang == LANGUAGES[0] else site_dir / lang
            page = (folder / "about-this-site" / "index.html").read_text("utf-8")
            assert f'title="{strings[lang]["label"]["permalink"]}"' in page, lang
        reworded = LANGUAGES[-1]

        def load_reworded(*args, **kwargs):
            loaded = load_strings(*args, **kwargs)
            loaded[reworded]["label"]["permalink"] = "Reworded anchor"
            return loaded

        monkeypatch.setattr(generate, "load_strings", load_reworded)
        pages_of_one_language = len(html_pages(site_dir / reworded)) - 1  # less the 404
        assert rebuild()[0] == pages_of_one_language
        assert 'title="Reworded anchor"' in (
            site_dir / reworded / "about-this-site" / "index.html"
        ).read_text("utf-8")


def test_a_page_whose_conversion_warns_warns_at_every_rebuild(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURE_DATA)
    page = project.docs / "about-this-site.en.md"
    # A link to an anchor the page lacks: MkDocs warns when it converts the page (a link to a
    # page that does not exist is an error of the data check, before any conversion).
    page.write_text(page.read_text("utf-8") + "\n[Nowhere](#no-such-anchor)\n", "utf-8")
    with serving(project) as (rebuild, _):
        for _ in range(2):  # strict mode: the warning stops the build, each time
            with pytest.raises(Abort, match="warning"):
                rebuild()
