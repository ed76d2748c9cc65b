"""What a visitor sees in a real browser: content in their language, and the way to the other."""

from __future__ import annotations

from sites import Project


def test_visitor_reads_french_then_switches_to_english(fixture_site: Project, serve, page) -> None:
    base = serve(fixture_site.site)
    page.goto(base + "commissions/culture/")
    assert page.locator("html").get_attribute("lang") == "fr"
    assert page.locator("article h1").inner_text().startswith("Commission Culture")

    page.locator(".md-header__option .md-select").hover()
    page.locator(".md-select__link[hreflang='en']").click()

    page.wait_for_url(base + "en/commissions/culture/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("article h1").inner_text().startswith("Committee on Culture")
    assert "Committees and working groups" in page.locator("nav.md-nav--primary").inner_text()


def test_visitor_follows_a_source_citation(fixture_site: Project, serve, page) -> None:
    base = serve(fixture_site.site)
    page.goto(base + "en/")
    page.locator("article sup a").first.click()
    assert page.url.endswith("#source-1")
    assert "Test brochure" in page.locator("#source-1").locator("xpath=..").inner_text()
