"""What a visitor sees in a real browser: sourced facts they can follow."""

from __future__ import annotations


def test_visitor_follows_a_source_citation_to_the_page_sources(live_site, page) -> None:
    page.goto(live_site.url + "en/")
    citation = page.locator("article sup a").first
    number = citation.get_attribute("href").removeprefix("#source-")  # the first of its sources
    citation.click()
    assert page.url.endswith(f"#source-{number}")
    source = page.locator(f"#source-{number}").locator("xpath=..")
    assert source.is_visible()
    assert source.locator("a").count() == 1 or source.inner_text()


def test_visitor_reads_the_english_site_in_english(live_site, page) -> None:
    page.goto(live_site.url + "en/commissions/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("Committees and working groups")
    assert "Committee on Culture" in page.locator("article").inner_text()


def test_visitor_on_an_entry_page_sees_where_it_belongs(live_site, page) -> None:
    """Entries are not in the sidebar (entry_navigation.py): the breadcrumb and the sidebar
    show the collection, and the footer leads to the neighbouring entries."""
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(live_site.url + "en/commissions/")
    page.locator("article a[href='culture/']").first.click()
    assert page.url.endswith("/en/commissions/culture/")
    crumbs = page.locator("nav.md-path a")
    assert crumbs.all_inner_texts() == ["Home", "Committees and working groups"]
    collection = page.locator("nav.md-nav--primary li.md-nav__item--active > a")
    plain = page.locator("nav.md-nav--primary li.md-nav__item:not(.md-nav__item--active) > a").first
    colour = "el => getComputedStyle(el).color"
    assert collection.evaluate(colour) != plain.evaluate(colour), "the collection is not highlighted"
    assert page.locator("a.md-footer__link--prev, a.md-footer__link--next").count() >= 1
    crumbs.last.click()
    assert page.url.endswith("/en/commissions/")
