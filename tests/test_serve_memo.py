"""`mkdocs serve` renders again only the generated pages whose data changed
(pages/render_memo.py), parses again only the YAML files that changed (data/yaml_source.py),
converts again only the pages whose Markdown changed (markdown_memo.py), indexes again only
the pages whose HTML changed (search_memo.py), renders the theme's template again only for
the pages whose values changed (page_memo.py) and writes only the files that changed
(serve/site_writes.py); the rebuilt site is the one a full build makes, search indexes and
removed pages included; a page whose conversion warns warns every time."""

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
        rebuild.render_memo = plugin.kept.render_memo
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


def all_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()
    }


def assert_a_full_build_makes(served: dict[str, bytes], project: Project, folder: Path) -> Project:
    """The files `served` are those a full build of `project`'s data makes anew, in `folder`,
    byte for byte (search indexes, sitemaps and removed pages included)."""
    fresh = make_project(folder, project.data)
    fresh.build_ok(site_url=SERVE_URL)
    built = all_files(fresh.site)
    assert sorted(served.keys() - built.keys()) == [], "files a full build does not make"
    assert sorted(built.keys() - served.keys()) == [], "files missing"
    different = [path for path in built if served[path] != built[path]]
    assert not different, f"files served differently from a full build: {different[:5]}"
    return fresh


def test_a_rebuild_converts_only_the_edited_pages_and_makes_the_same_site(tmp_path: Path) -> None:
    project = make_project(tmp_path / "served", FIXTURE_DATA)
    with serving(project) as (rebuild, site_dir):
        pages, indexed = rebuild()
        every_page = [path for path in html_pages(site_dir) if not path.endswith("404.html")]
        assert pages == indexed == len(every_page), "the first build converts and indexes every page"
        assert rebuild() == (0, 0), "nothing changed: nothing to convert or index"
        project.edit("commissions.yml", "Committee on Culture", "Committee on Living Culture")
        converted, indexed = rebuild()
        served, served_indexes = all_files(site_dir), search_indexes(site_dir)

    assert 0 < converted < pages / 4
    assert converted <= indexed < pages / 4  # pages that list the commission change too
    assert_a_full_build_makes(served, project, tmp_path / "fresh")
    assert any(b"Committee on Living Culture" in text for text in served.values())
    assert len(served_indexes) == len(LANGUAGES)


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


def test_a_rebuild_renders_again_only_the_generated_pages_whose_data_changed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "served", FIXTURE_DATA)
    with serving(project) as (rebuild, site_dir):
        rebuild()
        memo = rebuild.render_memo
        generated = memo.rendered
        assert generated > 0 and memo.reused == 0, "the first build renders every generated page"
        rebuild()
        assert (memo.rendered, memo.reused) == (0, generated), "nothing changed: nothing rendered"
        project.edit("commissions.yml", "Committee on Culture", "Committee on Living Culture")
        rebuild()
        assert 0 < memo.rendered < generated / 2 and memo.rendered + memo.reused == generated
        # Data read through a citation and through `organisation`, not through `data`.
        project.edit("sources.yml", "Test brochure", "Test leaflet")
        project.edit("organisation.yml", "Based in Barcelona.", "Based in the city of Barcelona.")
        rebuild()
        served = all_files(site_dir)
    assert_a_full_build_makes(served, project, tmp_path / "fresh")
    for edited in ("Committee on Living Culture", "Test leaflet", "Based in the city of Barcelona."):
        assert any(edited.encode("utf-8") in text for text in served.values()), edited


def test_a_rebuild_rewrites_only_the_files_that_changed_and_removes_those_no_longer_made(
    tmp_path: Path,
) -> None:
    project = make_project(tmp_path / "served", FIXTURE_DATA)
    with serving(project) as (rebuild, site_dir):
        rebuild()
        before = {path: path.stat().st_mtime_ns for path in site_dir.rglob("*") if path.is_file()}
        rebuild()
        untouched = [path for path, time in before.items() if path.stat().st_mtime_ns == time]
        # Search indexes and the theme's assets are written every time; pages are not.
        assert len(untouched) > len(before) / 2
        assert (site_dir / "en" / "commissions" / "urban-mobility" / "index.html") in untouched
        assert (site_dir / "en" / "commissions" / "urban-mobility" / "sitemap.xml") in untouched
        text = (project.data / "commissions.yml").read_text(encoding="utf-8")
        start, end = text.index("  - id: urban-mobility"), text.index("areas:")
        (project.data / "commissions.yml").write_text(text[:start] + text[end:], encoding="utf-8")
        rebuild()
        served = all_files(site_dir)
    assert not (site_dir / "en" / "commissions" / "urban-mobility").exists()
    assert_a_full_build_makes(served, project, tmp_path / "fresh")


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


def test_the_render_memo_keeps_a_page_by_the_data_files_it_read_and_never_one_showing_the_translation_table(
    tmp_path: Path,
) -> None:
    import jinja2

    from cglu_site.data.site_data import SiteData
    from cglu_site.data.yaml_source import SourceDocument
    from cglu_site.pages.render_memo import RenderMemo, traced

    (tmp_path / "reads.md.j2").write_text("{{ data.news.title }} {% include '_table.md.j2' %}", "utf-8")
    (tmp_path / "_table.md.j2").write_text("{{ organisation.name }}", "utf-8")
    (tmp_path / "table.md.j2").write_text("{% for row in translation_status %}{{ row }}{% endfor %}", "utf-8")
    environment = jinja2.Environment(loader=jinja2.FileSystemLoader(tmp_path))
    files = {"news": {"title": "News"}, "organisation": {"name": "UCLG"}, "events": {}, "members": {}}
    memo = RenderMemo()

    def build(digests: dict[str, str]) -> list[str]:
        documents = {
            stem: SourceDocument(f"data/{stem}.yml", files[stem], digest=d) for stem, d in digests.items()
        }
        memo.start_build(environment, {"en": {}}, SiteData(files, documents, tmp_path), True)
        shown = []
        for name in ("reads.md.j2", "table.md.j2"):
            template = environment.get_template(name)

            def render(read: set[str], template: jinja2.Template = template) -> str:
                context = {
                    "data": traced(files, read),
                    "organisation": traced(files["organisation"], read, "organisation"),
                }
                return template.render(**context, translation_status=["row"])

            shown.append(memo.markdown(name, "en", template, {}, "data/events.yml", render))
        return shown

    same = {"news": "1", "organisation": "1", "events": "1", "members": "1"}
    assert build(same) == ["News UCLG", "row"]
    assert (memo.rendered, memo.reused) == (2, 0)
    build(same)
    assert (memo.rendered, memo.reused) == (1, 1), "the translation table is rendered every time"
    for changed in ("news", "organisation", "events"):  # read through data, organisation, its own file
        build({**same, changed: "2"})
        assert (memo.rendered, memo.reused) == (2, 0), changed
        build(same)
    build({**same, "members": "2"})
    assert (memo.rendered, memo.reused) == (1, 1), "a file the page did not read changed"


def test_serve_parses_again_only_the_yaml_files_that_changed(tmp_path: Path) -> None:
    from cglu_site.data.yaml_source import ComposedYaml, load_yaml

    path = tmp_path / "news.yml"
    path.write_text("news:\n  - id: first\n    title: {en: First}\n", "utf-8")
    composed = ComposedYaml()
    parses = []

    def counting(file: str, digest: str, parse):
        return original(file, digest, lambda: parses.append(file) or parse())

    original, composed.tree = composed.tree, counting  # type: ignore[method-assign]
    first = load_yaml(path, "data/news.yml", composed)
    second = load_yaml(path, "data/news.yml", composed)
    assert parses == ["data/news.yml"], "an unchanged file is not parsed again"
    assert first.value == second.value and first.value is not second.value, "values are made anew"
    assert second.line_of(("news", 0, "title")) == 3
    path.write_text("news:\n  - id: first\n    title: {en: Changed}\n", "utf-8")
    assert load_yaml(path, "data/news.yml", composed).value["news"][0]["title"] == {"en": "Changed"}
    assert len(parses) == 2


def test_serve_holds_the_cycle_collector_during_a_build_and_runs_it_after() -> None:
    import gc

    from cglu_site.mkdocs.serve.collector import Collector

    collector = Collector()
    assert gc.isenabled()
    try:
        collector.pause()
        assert not gc.isenabled()
        collector.resume()
        assert gc.isenabled() and collector._pass is not None
        collector.pause()  # a build starting before the pass: the pass waits for its end
        assert collector._pass is None and not gc.isenabled()
    finally:
        collector.resume()
    assert gc.isenabled()
