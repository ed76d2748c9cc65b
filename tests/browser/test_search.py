"""A visitor types real queries into the real site's search, in Chromium, in every language:
pages about the subject before the bibliography, accents optional, results open where they matched."""

from __future__ import annotations

import json
import re
from urllib.parse import urlsplit

import pytest
from sites import ROOT
from test_accessibility import open_search

from cglu_site.data.languages import load_languages
from cglu_site.mkdocs.search_folding import fold
from cglu_site.mkdocs.search_index import INDEX
from cglu_site.pages.kinds import PAGE_KINDS, REFERENCE_LIST_BOOST

LANGUAGES = {language.code: language for language in load_languages(ROOT / "mkdocs.yml")}
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# Pages that list references to subjects rather than being about one (ranked last).
REFERENCE_LISTS = {
    (kind.path or kind.name) + "/"
    for kind in PAGE_KINDS
    if dict(kind.front_matter).get("search", {}).get("boost") == REFERENCE_LIST_BOOST
}


def root_of(live_site, lang: str) -> str:
    folder = LANGUAGES[lang].folder
    return live_site.url + (folder + "/" if folder else "")


def search(page, live_site, lang: str, query: str) -> list[dict]:
    """Type the query into the search of the language's home page; the result groups, best
    first: each the page (relative to the language root) and its links, as shown."""
    page.goto(root_of(live_site, lang))
    open_search(page, query)  # and wait until the results stop changing
    groups = page.locator(".md-search-result__item").evaluate_all("""items => items.map(item => ({
      // What the entries show of the index (not "Missing: …" nor "1 more on this page")
      text: [...item.querySelectorAll("article")].map(article => {
        const copy = article.cloneNode(true);
        copy.querySelectorAll(".md-search-result__terms").forEach(terms => terms.remove());
        const walker = document.createTreeWalker(copy, NodeFilter.SHOW_TEXT);
        const texts = [];
        while (walker.nextNode()) texts.push(walker.currentNode.textContent);
        return texts.join(" ");  // "CGLU<sup>1</sup>": two words
      }).join(" "),
      links: [...item.querySelectorAll("a.md-search-result__link")].map(a => ({
        href: a.href, title: a.querySelector("h1, h2").innerText, marked: !!a.querySelector("mark"),
        shown: a.checkVisibility()  // not folded away in "more matches"
      }))
    }))""")
    root = root_of(live_site, lang)
    for group in groups:
        address = urlsplit(group["links"][0]["href"])
        group["page"] = (address.scheme + "://" + address.netloc + address.path).removeprefix(root)
    return groups


@pytest.fixture
def phone_or_desktop(browser, request):
    context = browser.new_context(viewport=request.param)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("phone_or_desktop", [DESKTOP], indirect=True)
@pytest.mark.parametrize("lang", list(LANGUAGES))
@pytest.mark.parametrize("query", ["Daejeon", "Boudra", "Metropolis", "finances"])
def test_a_page_about_the_subject_comes_before_the_bibliography(
    live_site, phone_or_desktop, lang, query
) -> None:
    groups = search(phone_or_desktop, live_site, lang, query)
    pages = [group["page"] for group in groups]
    assert pages[0] not in REFERENCE_LISTS, pages
    others = [index for index, page in enumerate(pages) if page not in REFERENCE_LISTS]
    lists = [index for index, page in enumerate(pages) if page in REFERENCE_LISTS]
    assert not lists or max(others) < min(lists), f"a reference list ranks above a page: {pages}"


# (language, query typed without accents, the page whose title has the word with them)
UNACCENTED = [
    ("fr", "decentralisation", "commissions/decentralisation/"),
    ("es", "descentralizacion", "commissions/decentralisation/"),
    ("es", "genero", "commissions/gender-equality/"),
]


@pytest.mark.parametrize("phone_or_desktop", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize(("lang", "query", "expected"), UNACCENTED)
def test_a_query_without_accents_finds_the_accented_page(
    live_site, phone_or_desktop, lang, query, expected
) -> None:
    groups = search(phone_or_desktop, live_site, lang, query)
    assert groups[0]["page"] == expected, [group["page"] for group in groups]
    title = groups[0]["links"][0]["title"]
    assert query in fold(title).lower() and query not in title.lower(), "the title is shown as written"
    # The hidden words are indexed, never shown: every word shown is written in the index.
    written = set(re.findall(r"\w+", index_text(live_site, lang)))
    shown = {word for group in groups for word in re.findall(r"\w+", group["text"].lower())}
    assert shown <= written, shown - written


@pytest.mark.parametrize("phone_or_desktop", [DESKTOP], indirect=True)
@pytest.mark.parametrize(
    ("lang", "query", "expected"),
    [
        ("fr", "décentralisation", "commissions/decentralisation/"),
        ("es", "descentralización", "commissions/decentralisation/"),
        ("es", "género", "commissions/gender-equality/"),
    ],
)
def test_an_exact_accented_query_ranks_its_page_first(
    live_site, phone_or_desktop, lang, query, expected
) -> None:
    groups = search(phone_or_desktop, live_site, lang, query)
    assert groups[0]["page"] == expected, [group["page"] for group in groups]
    assert groups[0]["links"][0]["marked"], "the word is highlighted where it is written"


@pytest.mark.parametrize("phone_or_desktop", [DESKTOP], indirect=True)
def test_a_word_after_an_apostrophe_is_found(live_site, phone_or_desktop) -> None:
    """Material splits words at spaces and hyphens only: "égalité" must find "l'égalité"."""
    groups = search(phone_or_desktop, live_site, "fr", "égalité")
    assert groups[0]["page"] == "commissions/gender-equality/", [group["page"] for group in groups]
    assert "l'égalité" in groups[0]["links"][0]["title"]


def index_text(live_site, lang: str) -> str:
    """Every title and text of the language's index, as written (hidden fields aside)."""
    index = json.loads((live_site.folder / LANGUAGES[lang].folder / INDEX).read_text(encoding="utf-8"))
    return " ".join(doc["title"] + " " + doc["text"] for doc in index["docs"]).lower()


def rare_accented_word(live_site, lang: str) -> tuple[str, set[str]]:
    """From the language's index: the accented word, folded, that only folding can find
    (no word as written begins with it), in the fewest pages; and those pages."""
    index = json.loads((live_site.folder / LANGUAGES[lang].folder / INDEX).read_text(encoding="utf-8"))
    written = set(re.findall(r"\w+", index_text(live_site, lang)))
    pages: dict[str, set[str]] = {}
    for doc in index["docs"]:
        for word in re.findall(r"\w+", (doc["title"] + " " + doc["text"]).lower()):
            folded = fold(word)
            if folded != word and len(folded) >= 5 and not any(other.startswith(folded) for other in written):
                pages.setdefault(folded, set()).add(doc["location"].split("#")[0])
    assert pages, f"{lang}: no accented word in the index"
    return min(pages.items(), key=lambda item: (len(item[1]), item[0]))


@pytest.mark.parametrize("phone_or_desktop", [DESKTOP], indirect=True)
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_every_language_finds_accented_words_typed_without_accents(live_site, phone_or_desktop, lang) -> None:
    word, pages = rare_accented_word(live_site, lang)
    groups = search(phone_or_desktop, live_site, lang, word)
    assert pages <= {group["page"] for group in groups}, (word, pages, [group["page"] for group in groups])


@pytest.mark.parametrize("phone_or_desktop", [PHONE, DESKTOP], indirect=True, ids=["phone", "desktop"])
@pytest.mark.parametrize("lang", list(LANGUAGES))
def test_a_section_result_opens_at_the_section_that_matched(live_site, phone_or_desktop, lang) -> None:
    page = phone_or_desktop
    groups = search(page, live_site, lang, "Boudra")
    links = [link for group in groups for link in group["links"]]
    number, section = next(
        (n, link) for n, link in enumerate(links) if "#" in link["href"] and link["marked"] and link["shown"]
    )
    page.locator("a.md-search-result__link").nth(number).click()
    page.wait_for_url(section["href"])
    page.wait_for_function("() => document.querySelector('mark[data-md-highlight]')")
    shown = page.evaluate("""() => {
      const inView = element => {
        const box = element.getBoundingClientRect();
        return box.bottom > 0 && box.top < innerHeight;
      };
      const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      return {target: !!target && inView(target),
              mark: [...document.querySelectorAll("mark[data-md-highlight]")].some(inView)};
    }""")
    assert shown == {"target": True, "mark": True}, (section, shown)
