"""What a visitor sees in a real browser: sourced facts they can follow."""

from __future__ import annotations


def test_visitor_follows_a_source_citation_to_the_page_sources(live_site, page) -> None:
    page.goto(live_site.url + "en/")
    citation = page.locator("article sup a").first
    number = citation.inner_text()
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
