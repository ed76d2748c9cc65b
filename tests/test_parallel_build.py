"""A first build converts each language's pages in two processes (cglu_site/mkdocs/memos/ahead.py),
and renders them in two (render_ahead.py): the site is the one a build in one process makes, and what MkDocs says about a page (a link
to a missing heading) is still said, once, and still fails a strict build."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from sites import FIXTURE_DATA, LANGUAGES, make_project
from test_build_memo import html_and_indexes, memo_files

from cglu_site.mkdocs.memos.ahead import ConvertAhead
from cglu_site.mkdocs.memos.alongside import Alongside

pytestmark = pytest.mark.skipif(not ConvertAhead.available(), reason="a second process needs os.fork (Linux)")


def test_a_first_build_in_two_processes_makes_the_site_one_process_makes(tmp_path: Path) -> None:
    two = make_project(tmp_path / "two", FIXTURE_DATA)
    config = two.build_in_process()
    made_here = config.plugins["cglu"].kept.markdown_memo.made
    pages = len(memo_files(two, "pages-html"))
    assert pages > 20 and len(memo_files(two, "search-entries")) == pages
    # The second process did part of the pages: this one converted the others only.
    assert 0 < made_here < pages * 3 / 4, (made_here, pages)
    # And rendered part of them (memos/render_ahead.py): their HTML came from there.
    taken = config.plugins["cglu"].kept.render_ahead.taken
    assert 0 < taken < pages, (taken, pages)
    assert not memo_files(two, "rendered-ahead"), "the HTML rendered ahead is for one build only"

    one = make_project(tmp_path / "one", FIXTURE_DATA)
    one.set_plugin_options(parallel=False)
    one.build_ok()
    built, parallel = html_and_indexes(one.site), html_and_indexes(two.site)
    assert built.keys() == parallel.keys()
    different = [path for path in built if built[path] != parallel[path]]
    assert not different, f"pages two processes made differently: {different[:5]}"
    # The files for machines too, which the second process of memos/alongside.py writes.
    machine_files = {".xml", ".gz", ".ics", ".csv", ".json"}
    assert {path.suffix for path in all_files(two.site)} >= machine_files
    assert all_files(one.site) == all_files(two.site)


def all_files(folder: Path) -> dict[Path, bytes]:
    return {path.relative_to(folder): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def test_what_the_second_process_fails_to_write_this_one_writes(tmp_path: Path) -> None:
    """memos/alongside.py: the work is done once, in the second process, or here if it failed
    there; an error of the build's own waits for the second process and writes nothing more."""
    here = os.getpid()
    target = tmp_path / "written"

    def write(text: str) -> None:
        with target.open("a", encoding="utf-8") as file:
            file.write(f"{text} {'here' if os.getpid() == here else 'there'}\n")

    with Alongside(lambda: write("once"), fork=True):
        pass
    assert target.read_text(encoding="utf-8") == "once there\n"

    target.unlink()

    def fails_there() -> None:
        if os.getpid() != here:
            raise OSError("the second process cannot write")
        write("again")

    with Alongside(fails_there, fork=True):
        pass
    assert target.read_text(encoding="utf-8") == "again here\n"

    target.unlink()
    with pytest.raises(RuntimeError), Alongside(lambda: time.sleep(0.2) or write("late"), fork=True):
        raise RuntimeError("the build failed")
    assert target.read_text(encoding="utf-8") == "late there\n"  # waited for, not done again here


def test_what_mkdocs_says_of_a_page_is_still_said_and_fails_a_strict_build(tmp_path: Path) -> None:
    """A link to a heading that is not there: MkDocs' own check, on the links the conversion
    found (the memo keeps them with the page's HTML)."""
    project = make_project(tmp_path, FIXTURE_DATA)
    pages = sorted(project.docs.glob("about-this-site.*.md"))
    for page in pages:
        with page.open("a", encoding="utf-8") as file:
            file.write("\n[A missing heading](#no-such-heading)\n")
    result = project.build()
    output = result.stdout + result.stderr
    assert result.returncode != 0, output[-2000:]
    said = [line for line in output.splitlines() if "no-such-heading" in line]
    # Strict: the first language's build stops at its end (static-i18n builds the others inside it).
    for page in pages:
        if page.name.endswith(f".{LANGUAGES[0]}.md"):
            assert sum(page.name in line for line in said) == 1, output[-3000:]  # not twice
    assert len(said) == len(set(said)), output[-3000:]


def test_what_a_first_build_prepares_in_the_second_process_is_what_the_build_needs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """memos/prepare_ahead.py: once its pieces have run, the build compiles none of our page
    templates nor the theme's main ones, and does not parse the theme's stylesheet."""
    import jinja2
    from mkdocs.config import load_config

    from cglu_site.mkdocs import css_parse
    from cglu_site.mkdocs.memos.kept import Kept
    from cglu_site.mkdocs.memos.prepare_ahead import preparations
    from cglu_site.mkdocs.theme import share_theme_environments
    from cglu_site.pages.render import TEMPLATES_DIR

    project = make_project(tmp_path, FIXTURE_DATA)
    project.set_plugin_options(parallel=False)  # the pieces run here, one after the other
    config = load_config(str(project.root / "mkdocs.yml"))
    plugin = config.plugins["cglu"]
    kept = Kept(project.root / plugin.config.cache_dir, memos_in_memory=False)
    share_theme_environments(config.theme, kept.theme_templates)
    pieces = preparations(config.theme, kept.page_templates, kept.cache, css=True)
    for piece in pieces:
        piece()
    kept.close()
    page_templates = sorted(
        path.relative_to(TEMPLATES_DIR).as_posix() for path in TEMPLATES_DIR.rglob("*.md.j2")
    )
    assert len(memo_files(project, "page-templates")) == len(page_templates)
    assert len(memo_files(project, "theme-templates")) > 30
    assert memo_files(project, "parsed-main") and memo_files(project, "parsed-palette")

    compiled: list[str | None] = []
    compile_template = jinja2.Environment.compile

    def compile_and_count(
        self: jinja2.Environment, source: str, name: str | None = None, *args: object, **kw: object
    ):
        compiled.append(name)
        return compile_template(self, source, name, *args, **kw)  # type: ignore[arg-type]

    parsed: list[int] = []
    parse = css_parse._parse
    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_count)
    monkeypatch.setattr(css_parse, "_parse", lambda css: parsed.append(len(css)) or parse(css))
    css_parse.parsed_stylesheet.cache_clear()
    project.build_in_process()
    assert compiled, "the build compiled nothing at all: the count is not working"
    assert not set(compiled) & {
        *page_templates,
        "main.html",
        "base.html",
        "404.html",
        "partials/header.html",
    }, compiled
    assert not parsed


def test_a_first_build_starts_preparing_only_without_compiled_templates(tmp_path: Path) -> None:
    project = make_project(tmp_path, FIXTURE_DATA)
    prepare = project.build_in_process().plugins["cglu"].kept.prepare
    assert prepare.started == 1
    # The cache has them now (MkDocs keeps the plugin instance, hence its count, in the process).
    assert project.build_in_process().plugins["cglu"].kept.prepare.started == 1
