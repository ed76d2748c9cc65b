"""A visitor stays in their language: switcher, search and 404 pages, in Chromium."""

from __future__ import annotations

import pytest
import yaml
from sites import LANGUAGES, ROOT

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


@pytest.mark.parametrize("lang", LANGUAGES)
def test_search_returns_pages_of_the_visitors_language_only(live_site, visit, lang: str) -> None:
    page = visit.page
    prefix = "" if lang == LANGUAGES[0] else f"{lang}/"
    page.goto(live_site.url + prefix + "about/")
    query = expected_title = culture_committee(lang)
    page.locator("input.md-search__input").click()
    page.keyboard.type(query, delay=30)  # Material searches on key events
    results = page.locator(".md-search-result__item a")
    results.first.wait_for()
    links = results.evaluate_all("links => links.map(a => a.href)")
    assert links
    others = [f"{live_site.url}{other}/" for other in LANGUAGES[1:] if other != lang]
    for link in links:
        assert link.startswith(live_site.url + prefix)
        assert not any(link.startswith(other) for other in others), link
    assert expected_title in page.locator(".md-search-result").inner_text()
    assert not visit.failures, visit.failures
