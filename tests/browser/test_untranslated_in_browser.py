"""A page showing a text not yet translated into its language, in Chromium at phone and
desktop widths: the notice is visible under the title, the original's language is the one
the browser sees on that text, and axe finds nothing to fix."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import LiveSite, _free_port, _serve
from sites import FIXTURE_DATA, LANGUAGES, make_project
from test_accessibility import axe_source, axe_tab, violations  # noqa: F401 (fixtures)
from test_untranslated import write_in_original_only

ORIGINAL, OTHERS = LANGUAGES[0], LANGUAGES[1:]


@pytest.fixture(scope="module")
def untranslated_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    project = make_project(tmp_path_factory.mktemp("untranslated"), FIXTURE_DATA)
    write_in_original_only(project)
    (project.docs / f"about-this-site.{OTHERS[-1]}.md").unlink()
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    project.build_ok(site_url=url)
    site = LiveSite(url, url.rstrip("/"), _serve(project.site, port), project.site)
    yield site
    site.server.shutdown()


@pytest.mark.parametrize("lang", OTHERS)
def test_a_text_awaiting_translation_is_marked_and_accessible(untranslated_site, axe_tab, lang: str) -> None:  # noqa: F811
    problems = []
    for path in (f"{lang}/news/2020-06-12-meeting/", f"{OTHERS[-1]}/about-this-site/"):
        axe_tab.goto(untranslated_site.url + path)
        notice = axe_tab.locator("article .cglu-untranslated")
        assert notice.is_visible()
        title = axe_tab.locator("article h1")
        assert notice.bounding_box()["y"] > title.bounding_box()["y"]  # under the title
        # The language the browser (and a screen reader) gives the title's text: the original's.
        title_language = axe_tab.evaluate(
            """() => {
              const node = document.querySelector('article h1').firstChild;
              return (node.nodeType === Node.TEXT_NODE ? node.parentElement : node).closest('[lang]').lang;
            }"""
        )
        assert title_language == ORIGINAL
        assert axe_tab.evaluate(
            "() => document.querySelector('article .cglu-untranslated').closest('[lang]').lang"
        ) == (axe_tab.evaluate("() => document.documentElement.lang"))
        problems += violations(axe_tab, f"/{path} at {axe_tab.width_name} width")
    assert not problems, "\n".join(problems)
