"""Reading comfort in Chromium, on a phone and on a desktop, in every configured language.

Source citations cost one tab stop per statement, never break across lines, are a 24 px
target without making their line taller, and are named in words; the sections map fits a
phone's screen, its labels readable and apart.
"""

from __future__ import annotations

import pytest
import yaml
from citation_words import group_name, shown_numbers
from sites import LANGUAGES, ROOT

STRINGS = {
    lang: yaml.safe_load((ROOT / "cglu_site" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES
}
SECTIONS = yaml.safe_load((ROOT / "data" / "sections.yml").read_text(encoding="utf-8"))["sections"]
REGIONAL = [section for section in SECTIONS if section["kind"] == "regional"]


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


@pytest.fixture
def tab(keyboard_tab):
    """A tab at phone and at desktop size (tests/browser/conftest.py)."""
    return keyboard_tab


FOCUSED = """() => {
  const element = document.activeElement;
  return {
    inArticle: !!element.closest("article"),
    citation: !!element.closest(".cglu-cite"),
    firstCard: element === document.querySelector("article .cglu-explore li a"),
  };
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_home_page_cards_come_after_few_tab_stops(live_site, tab, lang: str) -> None:
    tab.goto(live_site.url + prefix(lang))
    # Before the first card, in the article: citation groups, and the rest (edit button, heading anchors).
    groups_before, others_before = tab.evaluate(
        """() => {
          const card = document.querySelector("article .cglu-explore li a");
          const before = element => element.compareDocumentPosition(card) & Node.DOCUMENT_POSITION_FOLLOWING;
          const groups = [...document.querySelectorAll("article .cglu-cite")].filter(before);
          const others = [...document.querySelectorAll("article a[href], article button")]
            .filter(element => before(element) && !element.closest(".cglu-cite"));
          return [groups.length, others.length];
        }"""
    )
    figures = tab.locator("article .cglu-figures > ul > li").count()
    stops, in_article, citations = 0, 0, 0
    while True:
        tab.keyboard.press("Tab")
        stops += 1
        state = tab.evaluate(FOCUSED)
        if state["firstCard"]:
            break
        in_article += state["inArticle"]
        citations += state["citation"]
        assert stops < 80, "the first card is never reached with the keyboard"
    # One stop per sourced statement (the summary and each key figure), not one per number.
    where = f"{tab.width_name} {lang}"
    assert citations == groups_before, f"{where}: {citations} citation stops for {groups_before} statements"
    assert in_article == citations + others_before, f"{where}: {in_article} stops in the article"
    assert citations <= figures + 1, f"{where}: {citations} citation stops before the first card"


CITATIONS = """() => [...document.querySelectorAll("article .cglu-cite")].map(group => {
  const link = group.querySelector("a");
  const box = link.getBoundingClientRect();
  const block = group.closest("p, li, td, dd, span.cglu-figure__meta");
  return {
    text: link.textContent, links: group.querySelectorAll("a").length,
    lineBoxes: group.getClientRects().length, width: box.width, height: box.height,
    name: link.getAttribute("aria-label"), visible: box.width > 0,
    blockHeight: block.getBoundingClientRect().height,
  };
})"""

# The same blocks with each citation as wide as it is but of no height: the line heights of the
# text alone (the blocks wrap the same). The citations must not make a block taller.
TEXT_ONLY_HEIGHTS = """() => {
  const style = document.createElement("style");
  style.textContent = `.md-typeset .cglu-cite { vertical-align: baseline; }
    .md-typeset .cglu-cite a { height: 0; min-height: 0; padding-block: 0; margin: 0; line-height: 0; }`;
  document.head.append(style);
  const heights = [...document.querySelectorAll("article .cglu-cite")].map(
    group => group.closest("p, li, td, dd, span.cglu-figure__meta").getBoundingClientRect().height);
  style.remove();
  return heights;
}"""


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", ["", "sections/", "sections/africa/", "about/"])
def test_citations_are_one_named_group_on_one_line(live_site, tab, lang: str, path: str) -> None:
    tab.goto(live_site.url + prefix(lang) + path)
    groups = tab.evaluate(CITATIONS)
    text_heights = tab.evaluate(TEXT_ONLY_HEIGHTS)
    shown = [(group, height) for group, height in zip(groups, text_heights, strict=True) if group["visible"]]
    assert shown, f"{path}: no citation"
    for group, text_height in shown:
        where = f"{tab.width_name} {lang}/{path} {group['text']!r}"
        numbers = shown_numbers(group["text"], STRINGS[lang])
        assert numbers == sorted(set(numbers)), f"{where}: not ascending"
        assert group["links"] == 1, f"{where}: one link per statement"
        assert group["lineBoxes"] == 1, f"{where}: split across lines"
        assert group["width"] >= 24 and group["height"] >= 24, f"{where}: a target smaller than 24 px"
        assert group["blockHeight"] <= text_height + 0.5, f"{where}: the target makes its lines taller"
        assert group["name"] == group_name(numbers, STRINGS[lang]), where
    # Chromium names the links so: what a screen reader announces.
    first = shown[0][0]
    name = group_name(shown_numbers(first["text"], STRINGS[lang]), STRINGS[lang])
    assert tab.locator("article .cglu-cite").get_by_role("link", name=name, exact=True).count() >= 1


MAP = """() => {
  const svg = document.querySelector(".cglu-map__svg");
  const box = svg.getBoundingClientRect();
  const caption = document.querySelector(".cglu-map figcaption").getBoundingClientRect();
  const labels = [...svg.querySelectorAll(".cglu-map__label")]
    .filter(label => getComputedStyle(label).display !== "none")
    .map(label => {
      const rect = label.getBoundingClientRect();
      return {
        region: label.closest("a").getAttribute("href"), text: label.textContent,
        left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom,
        fontPx: parseFloat(getComputedStyle(label).fontSize) * label.getScreenCTM().a,
      };
    });
  return {
    scrollWidth: document.documentElement.scrollWidth, viewport: innerWidth,
    svg: {left: box.left, right: box.right, width: box.width},
    caption: {left: caption.left, right: caption.right},
    labels,
  };
}"""


def overlap(a: dict, b: dict) -> bool:
    return (
        a["left"] < b["right"]
        and b["left"] < a["right"]
        and a["top"] < b["bottom"]
        and b["top"] < a["bottom"]
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_sections_map_fits_the_screen_with_labels_apart(live_site, tab, lang: str) -> None:
    tab.goto(live_site.url + prefix(lang) + "sections/")
    state = tab.evaluate(MAP)
    viewport = state["viewport"]
    assert state["scrollWidth"] <= viewport, f"{tab.width_name}: the page scrolls sideways"
    assert 0 <= state["svg"]["left"] and state["svg"]["right"] <= viewport, state["svg"]
    assert state["svg"]["width"] <= viewport
    assert 0 <= state["caption"]["left"] and state["caption"]["right"] <= viewport, "the caption is cut"
    labels = state["labels"]
    assert sorted(label["region"] for label in labels) == sorted(f"{s['id']}/" for s in REGIONAL), (
        "one label shown per region"
    )
    for label in labels:
        assert label["fontPx"] >= 10, (
            f"{tab.width_name} {label['text']!r}: {label['fontPx']:.1f} px, unreadable"
        )
        assert state["svg"]["left"] <= label["left"] and label["right"] <= state["svg"]["right"], label
    clashes = [
        (a["text"], b["text"]) for index, a in enumerate(labels) for b in labels[index + 1 :] if overlap(a, b)
    ]
    assert not clashes, f"{tab.width_name} {lang}: labels overlap: {clashes}"
    # The sections drawn as no region are links under the map, readable at any width.
    others = tab.locator(".cglu-map__others a")
    assert others.count() == len(SECTIONS) - len(REGIONAL)
    for index in range(others.count()):
        box = others.nth(index).bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport and box["height"] >= 24
