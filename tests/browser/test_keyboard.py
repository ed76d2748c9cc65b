"""The keyboard on a phone, and the language switcher, in Chromium, in every language.

The menu (Material's drawer) takes the focus when it opens and gives it back to its button
on Escape; in search, Tab and Shift+Tab go between the query and the results without
closing search; the switcher keeps the address's #section and marks the current language.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sites import LANGUAGES
from test_accessibility import FOCUSED, prefix, wait_for_search_results

PHONE = {"width": 390, "height": 844}
QUERY = "culture"  # found in every language's pages of the real site


@pytest.fixture
def phone(browser) -> Iterator:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    yield page
    context.close()


def focused(page) -> dict:
    return page.evaluate(FOCUSED)


def checked(page, toggle: str) -> bool:
    return page.locator(f"#{toggle}").is_checked()


def focus_button(page, toggle: str) -> None:
    """Put the focus on the header button of Material's `toggle` (drawer or search)."""
    button = page.locator(f"label.md-header__button[for={toggle}]")
    assert button.is_visible(), f"no {toggle} button at phone size"
    button.focus()
    assert focused(page)["for"] == toggle


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_menu_takes_the_focus_and_escape_gives_it_back(live_site, phone, lang: str) -> None:
    phone.goto(live_site.url + prefix(lang) + "about/")
    focus_button(phone, "__drawer")
    phone.keyboard.press("Enter")
    assert checked(phone, "__drawer")
    inside = focused(phone)
    assert inside["inDrawer"] and inside["tag"] == "a" and inside["visible"], inside
    phone.keyboard.press("Tab")
    assert focused(phone)["inDrawer"], "Tab stays in the open menu"
    phone.keyboard.press("Escape")
    assert not checked(phone, "__drawer")
    assert focused(phone)["for"] == "__drawer", "the focus is back on the menu button"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tab_reaches_the_search_results_and_shift_tab_comes_back(live_site, phone, lang: str) -> None:
    phone.goto(live_site.url + prefix(lang) + "about/")
    phone.wait_for_load_state("networkidle")  # the search index
    focus_button(phone, "__search")
    phone.keyboard.press("Enter")
    assert checked(phone, "__search")
    assert "md-search__input" in focused(phone)["classes"]
    phone.keyboard.type(QUERY, delay=20)
    wait_for_search_results(phone)
    query = phone.locator("input.md-search__input")
    results = phone.locator(".md-search-result__list a[href]:visible")
    assert results.count() >= 2, "the test needs two results"
    first, second = (results.nth(index).get_attribute("href") for index in (0, 1))

    phone.keyboard.press("Tab")
    assert checked(phone, "__search"), "Tab closed search"
    result = focused(phone)
    assert result["href"] == first and result["visible"], result
    assert query.input_value() == QUERY, "the query is kept"
    phone.keyboard.press("Tab")
    assert focused(phone)["href"] == second
    phone.keyboard.press("Shift+Tab")
    assert focused(phone)["href"] == first, "Shift+Tab goes back to the previous result"
    phone.keyboard.press("Shift+Tab")
    assert "md-search__input" in focused(phone)["classes"], "and from the first result to the query"
    assert checked(phone, "__search") and query.input_value() == QUERY

    phone.keyboard.press("Tab")
    phone.keyboard.press("Escape")  # from a result
    assert not checked(phone, "__search")
    assert focused(phone)["for"] == "__search", "the focus is back on the search button"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_escape_from_the_query_closes_search_onto_its_button(live_site, phone, lang: str) -> None:
    phone.goto(live_site.url + prefix(lang) + "about/")
    focus_button(phone, "__search")
    phone.keyboard.press("Enter")
    phone.keyboard.type(QUERY, delay=20)
    phone.keyboard.press("Escape")
    assert not checked(phone, "__search")
    assert focused(phone)["for"] == "__search"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_switcher_keeps_the_section_and_marks_the_current_language(live_site, page, lang: str) -> None:
    section = "past"  # the Events page's "past events" heading: the same id in every language
    page.goto(live_site.url + prefix(lang) + f"events/#{section}")
    links = page.locator(".md-select__link[hreflang]")
    current = {
        links.nth(i).get_attribute("hreflang"): links.nth(i).get_attribute("aria-current")
        for i in range(links.count())
    }
    assert current == {code: ("page" if code == lang else None) for code in LANGUAGES}
    for other in LANGUAGES:
        if other == lang:
            continue
        page.goto(live_site.url + prefix(lang) + f"events/#{section}")
        page.locator(".md-header__option .md-select button").hover()
        page.locator(f".md-select__link[hreflang={other}]").click()
        page.wait_for_url(live_site.url + prefix(other) + f"events/#{section}")
        assert page.locator("html").get_attribute("lang") == other
        assert page.locator(f"#{section}").count() == 1, f"no #{section} in {other}"
