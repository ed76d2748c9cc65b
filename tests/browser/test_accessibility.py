"""WCAG 2.1 AA (EN 301 549, RGAA) in Chromium: axe-core on every page, and the keyboard alone.

axe runs every rule it enables by default: WCAG 2.0, 2.1 and 2.2 levels A and AA, and its
best practices. A failure names the page, the width, the rule and the elements.
"""

from __future__ import annotations

import pytest
from sites import LANGUAGES
from tools import AXE, node_file

WIDTHS = {"desktop": (1280, 900), "phone": (390, 844)}

# Waits for CSS transitions (menus slide and fade in), then runs axe.
AXE_RUN = """async () => {
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));
  const result = await axe.run(document, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    rule: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 4).map(node => node.target.join(" ")), count: v.nodes.length,
  }));
}"""

# The focused element, and whether a sighted keyboard user can see it. A radio of the
# light/dark toggle (Material's .md-option, drawn at no size) shows its focus on its label,
# which must then be shown and outlined.
FOCUSED = """async () => {
  await Promise.all(document.getAnimations().map(animation => animation.finished.catch(() => null)));
  const element = document.activeElement;
  const option = element.matches(".md-option");
  const shown = option ? element.nextElementSibling : element;
  const box = shown ? shown.getBoundingClientRect() : {width: 0, height: 0};
  const style = getComputedStyle(shown || element);
  const visible = box.width > 0 && box.height > 0 && style.visibility === "visible"
    && Number(style.opacity) > 0 && box.bottom > 0 && box.right > 0
    && box.top < innerHeight && box.left < innerWidth
    && (!option || (shown.tagName === "LABEL" && !shown.hidden && style.outlineStyle !== "none"));
  return {
    tag: element.tagName.toLowerCase(), classes: element.className || "",
    href: element.getAttribute("href"), hreflang: element.getAttribute("hreflang"),
    for: element.getAttribute("for"), visible,
    inArticle: !!element.closest("article"), inDrawer: !!element.closest(".md-sidebar--primary"),
    label: (element.getAttribute("href") || element.getAttribute("for") || element.tagName) + " " + (element.className || ""),
  };
}"""


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


@pytest.fixture(scope="module")
def axe_source() -> str:
    return node_file(AXE).read_text(encoding="utf-8")


@pytest.fixture(params=list(WIDTHS))
def axe_tab(request, browser, axe_source):
    """A tab at the given width where axe is loaded into every page."""
    width, height = WIDTHS[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    context.add_init_script(script=axe_source)
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()


def violations(page, where: str) -> list[str]:
    return [
        f"{where}: {v['rule']} ({v['impact']}) {v['help']}: {v['count']}× {', '.join(v['nodes'])}"
        for v in page.evaluate(AXE_RUN)
    ]


def test_every_page_of_every_language_has_no_axe_violation(live_site, axe_tab) -> None:
    paths = live_site.page_paths()
    assert {prefix(lang) for lang in LANGUAGES} <= set(paths)
    problems = []
    for path in paths:
        axe_tab.goto(live_site.url + path)
        problems += violations(axe_tab, f"/{path} at {axe_tab.width_name} width")
    assert not problems, "\n".join(problems)


def open_search(page, query: str) -> None:
    opener = page.locator("label.md-header__button[for=__search]")  # shown below 960 px
    if opener.is_visible():
        opener.click()
    else:
        page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=20)  # Material searches on key events
    wait_for_search_results(page)


def wait_for_search_results(page) -> None:
    """Until the results are there and have stopped changing, their count included: the search
    answers each key typed, and a busy machine shows the last answers late."""
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_function("""() => new Promise(resolve => {
      const list = () => document.querySelector(".md-search-result").innerHTML;
      const before = list();
      setTimeout(() => resolve(list() === before), 300);
    })""")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_menus_and_search_have_no_axe_violation(live_site, axe_tab, lang: str) -> None:
    """What only shows when opened: search results, the language menu, the phone drawer."""
    problems = []
    for path in ("", "commissions/culture/", "404.html"):
        url = live_site.url + prefix(lang) + path
        where = f"/{prefix(lang)}{path} at {axe_tab.width_name} width"
        axe_tab.goto(url)
        open_search(axe_tab, "culture")
        problems += violations(axe_tab, where + ", search open")
        axe_tab.goto(url)
        axe_tab.locator(".md-header__option .md-select button").focus()
        problems += violations(axe_tab, where + ", language menu open")
        if axe_tab.locator("label.md-header__button[for=__drawer]").is_visible():
            axe_tab.locator("label.md-header__button[for=__drawer]").click()
            problems += violations(axe_tab, where + ", menu drawer open")
    assert not problems, "\n".join(problems)


# Keyboard alone ------------------------------------------------------------------------------


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def tab_until(page, wanted, limit: int = 40) -> dict:
    """Press Tab until the focused element is `wanted`; every element on the way is visible."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        element = focused(page)
        assert element["visible"], f"keyboard focus on an invisible element: {element['label']}"
        if wanted(element):
            return element
    raise AssertionError(f"not reached with {limit} presses of Tab")


def test_skip_link_is_the_first_stop_and_leads_to_the_content(live_site, keyboard_tab) -> None:
    page = keyboard_tab
    page.goto(live_site.url + "about/")
    page.keyboard.press("Tab")
    skip = focused(page)
    assert "md-skip" in skip["classes"] and skip["visible"], skip
    page.keyboard.press("Enter")
    assert page.url.endswith(skip["href"])
    element = tab_until(page, lambda element: True, limit=1)
    assert element["inArticle"], f"after the skip link, Tab went to {element['label']}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_language_switcher_works_with_the_keyboard(live_site, keyboard_tab, lang: str) -> None:
    page = keyboard_tab
    path = "commissions/culture/"
    page.goto(live_site.url + prefix(lang) + path)
    tab_until(page, lambda element: element["tag"] == "button" and "md-header__button" in element["classes"])
    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    link = tab_until(page, lambda element: element["hreflang"] == other, limit=len(LANGUAGES) + 1)
    assert "md-select__link" in link["classes"]
    page.keyboard.press("Enter")
    page.wait_for_url(live_site.url + prefix(other) + path)
    assert page.locator("html").get_attribute("lang") == other


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_works_with_the_keyboard(live_site, keyboard_tab, lang: str) -> None:
    page = keyboard_tab
    page.goto(live_site.url + prefix(lang) + "about/")
    opener = tab_until(
        page, lambda element: "md-search__input" in element["classes"] or element["for"] == "__search"
    )
    if opener["for"] == "__search":  # below 960 px search is behind a button
        page.keyboard.press("Enter")
        assert "md-search__input" in focused(page)["classes"]
    page.keyboard.type("culture", delay=20)
    wait_for_search_results(page)
    page.keyboard.press("ArrowDown")
    result = focused(page)
    assert "md-search-result__link" in result["classes"] and result["visible"], result
    page.keyboard.press("Enter")
    page.wait_for_url(result["href"])
    assert page.locator("html").get_attribute("lang") == lang


def test_menu_drawer_opens_with_the_keyboard_on_a_phone(live_site, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    try:
        page.goto(live_site.url + "about/")
        tab_until(page, lambda element: element["for"] == "__drawer")
        page.keyboard.press("Enter")
        assert page.locator("#__drawer").is_checked()
        link = tab_until(page, lambda element: element["inDrawer"] and element["tag"] == "a")
        assert link["visible"]
    finally:
        context.close()


def test_keyboard_focus_never_lands_on_a_hidden_element(live_site, keyboard_tab) -> None:
    """Tab through a whole page: closed menus, search results and buttons keep out of the way."""
    page = keyboard_tab
    path = "en/commissions/culture/"
    page.goto(live_site.url + path)
    stops = 0
    for _ in range(500):
        page.keyboard.press("Tab")
        element = focused(page)
        if element["tag"] == "body" or ("md-skip" in element["classes"] and stops):
            break  # past the last element, or round again
        assert element["visible"], f"/{path}: focus on an invisible element: {element['label']}"
        stops += 1
    assert stops > 10


# Every transition and animation still able to move something: on elements and on the
# pseudo-elements a stylesheet can animate (Material's reduced-motion rule names only some).
MOVING = """() => {
  const moving = [];
  const lasts = durations => durations.split(",").some(duration => parseFloat(duration) > 0);
  for (const element of document.querySelectorAll("*")) {
    for (const pseudo of [null, "::before", "::after", "::placeholder", "::marker"]) {
      const style = getComputedStyle(element, pseudo);
      const where = [element.localName, ...element.classList].join(".") + (pseudo || "");
      if (style.transitionProperty !== "none" && lasts(style.transitionDuration))
        moving.push(`${where}: transition ${style.transitionProperty} ${style.transitionDuration}`);
      if (style.animationName !== "none" && lasts(style.animationDuration))
        moving.push(`${where}: animation ${style.animationName} ${style.animationDuration}`);
    }
  }
  return [...new Set(moving)];
}"""


@pytest.mark.parametrize("width", list(WIDTHS))
def test_nothing_moves_for_a_reader_who_asks_for_less_motion(live_site, browser, width: str) -> None:
    """WCAG 2.3.3: with the system's 'reduce motion' setting, no fade, slide or spin is left."""
    w, h = WIDTHS[width]
    context = browser.new_context(viewport={"width": w, "height": h}, reduced_motion="reduce")
    page = context.new_page()
    problems = []
    try:
        for path in ("", "sections/", "commissions/culture/", "news/", "history/", "en/", "404.html"):
            page.goto(live_site.url + path)
            problems += [f"/{path} at {width} width: {moving}" for moving in page.evaluate(MOVING)]
    finally:
        context.close()
    assert not problems, "\n".join(problems)
