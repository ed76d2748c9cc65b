"""Dark mode in Chromium: the reader's system setting is followed from the first paint, the
header's toggle switches and is remembered, its name is in the page's language, and axe finds
no violation in the dark scheme (mkdocs.yml theme.palette; overrides/partials/palette.html
and palette-first-paint.html; the colours in docs/assets/stylesheets/cglu.css).
"""

from __future__ import annotations

import pytest
from sites import LANGUAGES
from test_accessibility import (
    WIDTHS,
    focused,
    open_search,
    prefix,
    tab_until,
    violations,
)
from tools import AXE, node_file

from cglu_site.data.strings import load_strings

STRINGS = load_strings(LANGUAGES)

# Runs before any script of the page: what <body> says at the first frame the browser renders
# with a body (requestAnimationFrame callbacks run just before a frame is painted).
FIRST_FRAME_PROBE = """
window.__firstFrame = null;
(function probe() {
  requestAnimationFrame(function () {
    if (document.body && window.__firstFrame === null) {
      window.__firstFrame = {
        scheme: document.body.getAttribute("data-md-color-scheme"),
        background: getComputedStyle(document.body).backgroundColor,
      };
    } else if (window.__firstFrame === null) {
      probe();
    }
  });
})();
"""

# The relative luminance (WCAG) of a computed `rgb(…)`/`rgba(…)` colour.
LUMINANCE = """(color) => {
  const [r, g, b] = color.match(/[\\d.]+/g).slice(0, 3).map(Number).map(value => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}"""

# The toggle as shown: the visible label, the radio input it belongs to (checked), and the
# entry a click switches to (the input the label is for).
TOGGLE = """() => {
  const label = [...document.querySelectorAll("[data-md-component=palette] label")].find(l => !l.hidden);
  if (!label) return null;
  const current = label.previousElementSibling;
  const next = document.getElementById(label.htmlFor);
  const media = next.getAttribute("data-md-color-media");
  return {
    title: label.title, name: current.getAttribute("aria-label"), current: current.id, next: next.id,
    target: media === "(prefers-color-scheme)" ? "system" : next.getAttribute("data-md-color-scheme"),
    scheme: document.body.getAttribute("data-md-color-scheme"),
  };
}"""


def scheme_context(browser, scheme: str, width: int = 1280, height: int = 900):
    return browser.new_context(viewport={"width": width, "height": height}, color_scheme=scheme)


def luminance(page, color: str) -> float:
    return page.evaluate(LUMINANCE, color)


@pytest.mark.parametrize("system", ["dark", "light"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_first_visit_is_painted_in_the_systems_scheme(live_site, browser, lang: str, system: str) -> None:
    expected = "slate" if system == "dark" else "default"
    context = scheme_context(browser, system)
    context.add_init_script(script=FIRST_FRAME_PROBE)
    page = context.new_page()
    try:
        for path in ("", "history/"):
            page.goto(live_site.url + prefix(lang) + path)
            page.wait_for_function("window.__firstFrame !== null")
            first = page.evaluate("window.__firstFrame")
            assert first["scheme"] == expected, f"/{prefix(lang)}{path}: first frame in {first}"
            dark = luminance(page, first["background"]) < 0.05
            assert dark == (system == "dark"), f"/{prefix(lang)}{path}: first frame's background {first}"
            page.evaluate("localStorage.clear()")  # the next page is a first visit too
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_scheme_is_set_before_materials_bundle_runs(live_site, browser, lang: str) -> None:
    """Only the page's inline scripts run: the deferred bundle is not what picks the scheme."""
    context = scheme_context(browser, "dark")
    context.route("**/bundle.*.min.js", lambda route: route.abort())
    page = context.new_page()
    try:
        page.goto(live_site.url + prefix(lang))
        assert page.locator("body").get_attribute("data-md-color-scheme") == "slate"
        background = page.evaluate("getComputedStyle(document.body).backgroundColor")
        assert luminance(page, background) < 0.05, background
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_toggle_switches_is_remembered_and_is_named_in_the_pages_language(
    live_site, browser, lang: str
) -> None:
    words = STRINGS[lang]["palette"]
    context = scheme_context(browser, "dark")
    page = context.new_page()
    try:
        page.goto(live_site.url + prefix(lang) + "history/")
        seen = []
        for _ in range(len(words)):  # once round every entry, back to the first
            toggle = page.evaluate(TOGGLE)
            assert toggle is not None, "no toggle shown"
            # Its name (the checked radio's aria-label, which the keyboard reaches) and its
            # tooltip say what a click does, in the page's language.
            assert toggle["name"] == toggle["title"] == words[toggle["target"]], toggle
            assert page.get_by_role("radio", name=words[toggle["target"]], exact=True).count() == 1
            seen.append(toggle["scheme"])
            page.locator("[data-md-component=palette] label:not([hidden])").click()
            page.wait_for_function(f"document.getElementById('{toggle['next']}').checked")
            after = page.evaluate(TOGGLE)
            if toggle["target"] != "system":
                assert after["scheme"] == toggle["target"], (toggle, after)
            else:
                assert after["scheme"] == "slate", after  # the system's, which is dark here
            # Remembered: on reload, and on another language's page (one setting for the site).
            page.reload()
            assert page.evaluate(TOGGLE)["scheme"] == after["scheme"]
            other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
            page.goto(live_site.url + prefix(other) + "history/")
            assert page.evaluate(TOGGLE)["scheme"] == after["scheme"]
            page.goto(live_site.url + prefix(lang) + "history/")
        assert {"slate", "default"} <= set(seen), seen
    finally:
        context.close()


@pytest.mark.parametrize("remembered", [0, 2])  # clicks before: none (follows the system), or two (dark)
def test_the_toggle_works_with_the_keyboard(live_site, browser, remembered: int) -> None:
    context = scheme_context(browser, "dark")
    page = context.new_page()
    try:
        page.goto(live_site.url)
        for _ in range(remembered):
            page.locator("[data-md-component=palette] label:not([hidden])").click()
        page.reload()
        before = page.evaluate(TOGGLE)
        # Tab reaches the radio of the entry shown, whose label shows the focus.
        radio = tab_until(page, lambda element: "md-option" in element["classes"])
        assert page.evaluate("document.activeElement.id") == before["current"], (radio, before)
        page.keyboard.press("Enter")
        page.wait_for_function(f"document.getElementById('{before['next']}').checked")
        after = page.evaluate(TOGGLE)
        assert after["scheme"] == (before["target"] if before["target"] != "system" else "slate"), after
        assert page.evaluate("document.activeElement.id") == after["current"]
        assert focused(page)["visible"], "the focus left the toggle's label"
    finally:
        context.close()


def page_kinds(live_site) -> list[str]:
    """One page of each kind in every language: each folder's index, its first entry, the 404."""
    chosen: dict[tuple[str, str, int], str] = {}
    for path in live_site.page_paths():
        parts = path.strip("/").split("/") if path else []
        lang = parts[0] if parts and parts[0] in LANGUAGES[1:] else LANGUAGES[0]
        rest = parts[1:] if lang != LANGUAGES[0] else parts
        if rest and rest[0] in ("search", "data", "assets"):
            continue
        chosen.setdefault((lang, rest[0] if rest else "", len(rest)), path)
    return sorted(chosen.values())


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_file(AXE).read_text(encoding="utf-8")


@pytest.fixture(params=list(WIDTHS))
def dark_axe_tab(request, browser, axe_source):
    width, height = WIDTHS[request.param]
    context = scheme_context(browser, "dark", width, height)
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def test_every_kind_of_page_in_every_language_has_no_axe_violation_in_dark(live_site, dark_axe_tab) -> None:
    paths = page_kinds(live_site)
    assert {prefix(lang) for lang in LANGUAGES} <= set(paths) and len(paths) > 30, paths
    problems = []
    for path in paths:
        dark_axe_tab.goto(live_site.url + path)
        assert dark_axe_tab.locator("body").get_attribute("data-md-color-scheme") == "slate", path
        problems += violations(dark_axe_tab, f"/{path} in dark at {dark_axe_tab.width_name} width")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_search_and_menu_have_no_axe_violation_in_dark(live_site, dark_axe_tab, lang: str) -> None:
    url = live_site.url + prefix(lang)
    where = f"/{prefix(lang)} in dark at {dark_axe_tab.width_name} width"
    dark_axe_tab.goto(url)
    open_search(dark_axe_tab, "culture")
    problems = violations(dark_axe_tab, where + ", search open")
    dark_axe_tab.goto(url)
    drawer = dark_axe_tab.locator("label.md-header__button[for=__drawer]")
    if drawer.is_visible():
        drawer.click()
        problems += violations(dark_axe_tab, where + ", menu drawer open")
    assert not problems, "\n".join(problems)
