"""A visitor stays in their language: switcher, search and 404 pages, in Chromium."""

from __future__ import annotations

import pytest
import yaml
from sites import LANGUAGES, ROOT
from test_accessibility import wait_for_search_results

from cglu_site.data.strings import load_strings
from cglu_site.data.text import strip_language_markers


def culture_committee(lang: str) -> str:
    """The name of the committee on culture in `lang`, as the data gives it."""
    bodies = yaml.safe_load((ROOT / "data" / "commissions.yml").read_text(encoding="utf-8"))["bodies"]
    return strip_language_markers(next(body for body in bodies if body["id"] == "culture")["name"][lang])


def switch_language(page, lang: str) -> None:
    page.locator(".md-header__option .md-select").hover()
    page.locator(f".md-select__link[hreflang='{lang}']").click()
    page.wait_for_load_state()


@pytest.mark.parametrize("site_fixture", ["live_site", "live_site_under_subpath", "mirror_site"])
@pytest.mark.parametrize("path", ["", "commissions/culture/", "events/daejeon-2022/"])
def test_switcher_leads_to_the_same_page_in_each_language(
    request, visit, site_fixture: str, path: str
) -> None:
    site = request.getfixturevalue(site_fixture)
    page = visit.page
    page.goto(site.url + path)
    for lang in (*LANGUAGES[1:], LANGUAGES[0]):
        switch_language(page, lang)
        prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
        assert page.url == site.url + prefix + path
        assert page.locator("html").get_attribute("lang") == lang
    if site_fixture != "mirror_site":
        assert not visit.failures, visit.failures
        assert not [url for url in visit.requests if not url.startswith(site.origin)], (
            "request to another host"
        )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_404_page_is_in_its_language_and_switches_to_each_home(live_site, visit, lang: str) -> None:
    page = visit.page
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    page.goto(live_site.url + prefix + "404.html")
    assert page.locator("html").get_attribute("lang") == lang
    for other in LANGUAGES:
        page.goto(live_site.url + prefix + "404.html")
        switch_language(page, other)
        other_prefix = "" if other == LANGUAGES[0] else f"{other}/"
        assert page.url == live_site.url + other_prefix
        assert page.locator("html").get_attribute("lang") == other


# What Material's header, search and footer say (the sidebar's links excepted), and the page's
# language and title.
CHROME = """() => {
  const outside = (element) => !element.closest('.cglu-not-found, .md-sidebar--primary');
  return {
    lang: document.documentElement.lang,
    title: document.title,
    header: document.querySelector('.md-header__title').innerText.trim(),
    copyright: document.querySelector('.md-copyright').innerText.trim(),
    labels: [...document.querySelectorAll('[aria-label], [title], [placeholder], [alt]')].filter(outside).map(
      (element) => ['aria-label', 'title', 'placeholder', 'alt'].map((name) => element.getAttribute(name)).join(' | ')
    ),
  };
}"""


def folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_address_is_explained_in_its_language_by_the_one_404_page_served(
    pages_site, visit, lang: str
) -> None:
    """GitHub Pages serves the root 404.html for every missing address: at /en/… it speaks
    English, at /es/… Spanish, and its links and its search stay in that language."""
    words = load_strings(LANGUAGES)[lang]["not_found"]
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    page = visit.page
    response = page.goto(pages_site.url + prefix + "no-such-page/at-all/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == lang
    shown = page.locator(".cglu-not-found:visible")
    assert shown.count() == 1
    assert folded(shown.locator("h1").inner_text()) == folded(words["heading"])
    assert folded(words["text"]) in folded(shown.inner_text())
    assert page.title().startswith(words["heading"] + " - ")
    home = shown.get_by_role("link", name=folded(words["home"]))
    assert home.get_attribute("href") == "/" + prefix
    sections = shown.locator("ul a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert sections and all(href.startswith("/" + prefix) for href in sections), sections
    # The search opens from the page and looks in the index of the address's language.
    shown.get_by_role("button", name=folded(words["search"])).click()
    search_field = page.locator("input.md-search__input")
    search_field.wait_for(state="visible")
    page.wait_for_function("document.activeElement === document.querySelector('input.md-search__input')")
    query = culture_committee(lang)
    page.keyboard.type(query, delay=30)
    wait_for_search_results(page)  # the results of the whole query, not of its first letters
    results = page.locator(".md-search-result__item a")
    links = results.evaluate_all("links => links.map(a => a.href)")
    others = [f"{pages_site.url}{other}/" for other in LANGUAGES[1:] if other != lang]
    assert links and all(link.startswith(pages_site.url + prefix) for link in links), links
    assert not [link for link in links if any(link.startswith(other) for other in others)], links
    meta = page.locator(".md-search-result__meta").inner_text()
    chrome = page.evaluate(CHROME)
    page.keyboard.press("Escape")  # the search closes
    # Material's header, search and footer say what the language's own 404 page says.
    own = visit.page.context.new_page()
    own.goto(pages_site.url + prefix + "404.html")
    own.get_by_role("button", name=folded(words["search"])).click()
    own.wait_for_function("document.activeElement === document.querySelector('input.md-search__input')")
    own.keyboard.type(query, delay=30)
    wait_for_search_results(own)
    assert own.locator(".md-search-result__meta").inner_text() == meta
    assert own.evaluate(CHROME) == chrome
    own.close()
    page.wait_for_load_state("networkidle")  # Material's own requests (its sitemap) are done
    home.click()
    page.wait_for_load_state()
    assert page.url == pages_site.url + prefix
    missing = pages_site.url + prefix + "no-such-page/at-all/"
    assert [failure for failure in visit.failures if not failure.startswith(missing + " ")] == []


def test_without_javascript_the_404_page_shows_the_default_language(pages_site, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(pages_site.url + f"{LANGUAGES[-1]}/no-such-page/")
        words = load_strings(LANGUAGES)[LANGUAGES[0]]["not_found"]
        shown = page.locator(".cglu-not-found:visible")
        assert shown.count() == 1 and shown.get_attribute("lang") == LANGUAGES[0]
        assert folded(shown.locator("h1").inner_text()) == folded(words["heading"])
        assert shown.get_by_role("link", name=folded(words["home"])).count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_returns_pages_of_the_visitors_language_only(live_site, visit, lang: str) -> None:
    page = visit.page
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    page.goto(live_site.url + prefix + "about/")
    query = expected_title = culture_committee(lang)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)  # Material searches on key events
    wait_for_search_results(page)
    results = page.locator(".md-search-result__item a")
    links = results.evaluate_all("links => links.map(a => a.href)")
    assert links
    others = [f"{live_site.url}{other}/" for other in LANGUAGES[1:] if other != lang]
    for link in links:
        assert link.startswith(live_site.url + prefix)
        assert not any(link.startswith(other) for other in others), link
    assert expected_title in page.locator(".md-search-result").inner_text()
    assert not visit.failures, visit.failures
