"""The purged stylesheet (cglu_site/mkdocs/css_purge.py) misses nothing, seen in Chromium.

In each state a visitor can bring a page to (search open with results, the drawer open on a
phone, scrolled so the back-to-top button shows), every class of the live page is one its
built HTML has or one css_purge.RUNTIME_CLASSES lists, and so are its elements and `role`
values; and the page looks the same with Material's whole stylesheet: the same pixels.

Screenshots are taken with reduced motion, so nothing is caught half-way through a transition
(cglu.css turns off the placeholder's colour fade, which Material's reduced-motion rule misses:
it made the search box differ by up to 13/255 now and then on a loaded machine).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from pathlib import Path

import material
import pytest

from cglu_site.mkdocs import css_purge

MATERIAL_STYLESHEETS = Path(material.__file__).parent / "templates" / "assets" / "stylesheets"
WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}


@dataclass(frozen=True)
class State:
    name: str
    path: str
    action: str | None = None  # see reach()
    widths: tuple[str, ...] = tuple(WIDTHS)


STATES = [
    State("home", ""),
    State("commission", "commissions/culture/"),
    State("sections index with the map", "sections/"),
    State("news", "news/"),
    State("search results", "", "search"),
    State("drawer open", "", "drawer", ("phone",)),
    State("back-to-top button", "history/", "back-to-top"),  # a long page
]
CASES = [pytest.param(state, width, id=f"{state.name}-{width}") for state in STATES for width in state.widths]

# Everything in the live DOM that the purge judges selectors by, and transitions let finish.
LIVE = """async () => {
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));
  const all = [...document.querySelectorAll("*")];
  const values = name => all.map(element => element.getAttribute(name)).filter(Boolean);
  return {
    classes: [...new Set(all.flatMap(element => [...element.classList]))],
    elements: [...new Set(all.map(element => element.localName.toLowerCase()))],
    roles: [...new Set(values("role").map(value => value.toLowerCase()))],
    dirs: [...new Set(values("dir").map(value => value.toLowerCase()))],
  };
}"""
SETTLE = """async () => {
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));
}"""


def open_tab(browser, width: str):
    """A tab at `width`. Reduced motion: no transition is left half-way in a screenshot (Material's
    stylesheet then turns transitions off), so the same page gives the same pixels every time."""
    w, h = WIDTHS[width]
    return browser.new_context(viewport={"width": w, "height": h}, reduced_motion="reduce")


def reach(page, site_url: str, state: State, width: str) -> None:
    page.goto(site_url + state.path)
    page.wait_for_load_state("networkidle")  # the search index, the sitemaps
    if state.action == "search":
        if width == "desktop":
            page.locator(".md-search__input").click()
        else:
            page.locator("label.md-header__button[for=__search]").click()
        page.locator(".md-search__input").press_sequentially("culture")
        page.locator(".md-search-result__item").first.wait_for()
    elif state.action == "drawer":
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator(".md-sidebar--primary").wait_for()
    elif state.action == "back-to-top":
        page.mouse.move(WIDTHS[width][0] // 2, WIDTHS[width][1] // 2)
        page.mouse.wheel(0, 2500)  # Material shows the button when the reader scrolls back up
        page.wait_for_timeout(300)
        page.mouse.wheel(0, -200)
        page.locator(".md-top:not([hidden])").wait_for()
    page.evaluate(SETTLE)


def built_usage(site, path: str) -> css_purge.Usage:
    usage = css_purge.Usage()
    usage.add_html((site.folder / path / "index.html").read_text(encoding="utf-8"))
    return usage


@pytest.fixture(scope="module")
def site_usage(live_site) -> css_purge.Usage:
    """What every built page uses (the purge's input): search results show other pages' text."""
    usage = css_purge.Usage()
    for page in live_site.folder.rglob("*.html"):
        usage.add_html(page.read_text(encoding="utf-8"))
    return usage


@pytest.mark.parametrize(("state", "width"), CASES)
def test_every_class_of_the_live_page_is_one_the_purge_keeps(
    live_site, browser, site_usage, state: State, width: str
) -> None:
    context = open_tab(browser, width)
    page = context.new_page()
    reach(page, live_site.url, state, width)
    live = page.evaluate(LIVE)
    context.close()
    own = built_usage(live_site, state.path)
    where = f"{state.name} ({state.path or 'home'}, {width})"
    unknown = sorted(set(live["classes"]) - own.classes - css_purge.RUNTIME_CLASSES)
    assert not unknown, (
        f"{where}: class(es) {unknown} are in the live page but neither in its HTML nor in "
        "css_purge.RUNTIME_CLASSES: the purge may have dropped their styles"
    )
    for kind, used, runtime in (
        ("elements", site_usage.elements, css_purge.RUNTIME_ELEMENTS),
        ("roles", site_usage.roles, css_purge.RUNTIME_ROLES),
        ("dirs", site_usage.dirs, frozenset()),
    ):
        unknown = sorted(set(live[kind]) - used - runtime)
        assert not unknown, (
            f"{where}: {kind} {unknown} are in the live page but in no built page nor in "
            f"css_purge.RUNTIME_{kind.upper()}"
        )


def screenshot(browser, site_url: str, state: State, width: str, original: Path | None) -> bytes:
    context = open_tab(browser, width)
    served = []
    if original is not None:  # Material's whole stylesheet instead of the purged one
        context.route(
            "**/assets/stylesheets/main.*.min.css",
            lambda route: served.append(route.request.url) or route.fulfill(path=original),
        )
    page = context.new_page()
    reach(page, site_url, state, width)
    image = page.screenshot(full_page=state.action is None, animations="disabled", caret="hide")
    context.close()
    assert original is None or served, "Material's stylesheet was not the one loaded"
    return image


@pytest.mark.parametrize(("state", "width"), CASES)
def test_the_page_looks_the_same_with_materials_whole_stylesheet(
    live_site, browser, tmp_path: Path, state: State, width: str
) -> None:
    (original,) = MATERIAL_STYLESHEETS.glob("main.*.min.css")
    purged = screenshot(browser, live_site.url, state, width, None)
    whole = screenshot(browser, live_site.url, state, width, original)
    if purged != whole:
        (tmp_path / "purged.png").write_bytes(purged)
        (tmp_path / "material.png").write_bytes(whole)
    if purged == whole:
        return
    differing, largest = compare_pixels(browser, purged, whole)
    assert differing == 0, (
        f"{state.name} ({state.path or 'home'}, {width}) looks different with the purged stylesheet "
        f"({differing} pixels, up to {largest}/255 apart): "
        f"compare {tmp_path / 'purged.png'} and {tmp_path / 'material.png'}"
    )


COMPARE = """async ([first, second]) => {
  const load = async source => {
    const image = new Image();
    image.src = "data:image/png;base64," + source;
    await image.decode();
    const canvas = new OffscreenCanvas(image.width, image.height);
    const context = canvas.getContext("2d");
    context.drawImage(image, 0, 0);
    return context.getImageData(0, 0, image.width, image.height);
  };
  const [a, b] = [await load(first), await load(second)];
  if (a.width !== b.width || a.height !== b.height) return [a.width * a.height, 255];
  let differing = 0, largest = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let pixel = 0;
    for (let c = 0; c < 4; c++) pixel = Math.max(pixel, Math.abs(a.data[i + c] - b.data[i + c]));
    if (pixel) { differing++; largest = Math.max(largest, pixel); }
  }
  return [differing, largest];
}"""


def compare_pixels(browser, first: bytes, second: bytes) -> tuple[int, int]:
    """How many pixels of two screenshots differ, and by how much at most (decoded by Chromium)."""
    context = browser.new_context()
    page = context.new_page()
    encoded = [base64.b64encode(image).decode("ascii") for image in (first, second)]
    differing, largest = page.evaluate(COMPARE, encoded)
    context.close()
    return differing, largest


def test_the_pixel_comparison_sees_a_change(browser) -> None:
    context = browser.new_context(viewport={"width": 200, "height": 100})
    page = context.new_page()
    page.set_content("<p style='margin:0;color:#000'>Text</p>")
    before = page.screenshot()
    page.set_content("<p style='margin:0;color:#777'>Text</p>")
    after = page.screenshot()
    context.close()
    assert compare_pixels(browser, before, before) == (0, 0)
    differing, largest = compare_pixels(browser, before, after)
    assert differing > 0 and largest == 0x77  # the darkest pixel of the text, black then grey
