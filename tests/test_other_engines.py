"""ProperDocs, the MkDocs 1.x fork, builds the same site as MkDocs: the fallback engine.

ProperDocs runs the `mkdocs.plugins` entry points (this project's plugin, Material's,
static-i18n's) and, when its own command line runs, answers their `mkdocs.*` imports with
its `properdocs.*` modules. The fixture site is built once with each engine, in two copies of
the project (each build writes its generated pages and memos into its own project, so that
neither engine reuses what the other wrote), and every file of the two sites must be the same
byte for byte, but for the generator line of the HTML pages, which names the engine.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sites import FIXTURE_DATA, Project, make_project

GENERATOR = re.compile(r'<meta name="generator" content="([^"]*)">')


@pytest.fixture(scope="module")
def properdocs_site(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("properdocs-site"), FIXTURE_DATA)
    project.build_ok(engine="properdocs")
    return project


def files(site: Path) -> dict[str, Path]:
    return {path.relative_to(site).as_posix(): path for path in sorted(site.rglob("*")) if path.is_file()}


def test_both_engines_publish_the_same_files(fixture_site: Project, properdocs_site: Project) -> None:
    assert files(properdocs_site.site).keys() == files(fixture_site.site).keys()


def test_the_pages_differ_only_by_the_generator_line(fixture_site: Project, properdocs_site: Project) -> None:
    pages = sorted(fixture_site.output_pages())
    assert pages
    for page in pages:
        mkdocs_html = (fixture_site.site / page).read_text(encoding="utf-8")
        properdocs_html = (properdocs_site.site / page).read_text(encoding="utf-8")
        # The generator line (Material's) says which engine built the page: ProperDocs built this one.
        [mkdocs_generator] = GENERATOR.findall(mkdocs_html)
        [properdocs_generator] = GENERATOR.findall(properdocs_html)
        assert mkdocs_generator.startswith("mkdocs-1."), (page, mkdocs_generator)
        assert "ProperDocs" in properdocs_generator, (page, properdocs_generator)
        same = GENERATOR.sub("<generator>", properdocs_html) == GENERATOR.sub("<generator>", mkdocs_html)
        assert same, f"{page} differs between MkDocs and ProperDocs beyond the generator line"


def test_the_other_outputs_are_identical(fixture_site: Project, properdocs_site: Project) -> None:
    """Search indexes, sitemaps, feeds, calendars, open data, stylesheets and scripts."""
    others = {name: path for name, path in files(fixture_site.site).items() if not name.endswith(".html")}
    assert any(name.endswith("search_index.json") for name in others)
    assert any(name.endswith(".ics") for name in others) and any(name.endswith(".csv") for name in others)
    different = [
        name
        for name, path in others.items()
        if (properdocs_site.site / name).read_bytes() != path.read_bytes()
    ]
    assert not different, f"ProperDocs and MkDocs wrote these differently: {different}"
