"""Text from YAML is text: HTML and Markdown in data show as written, never as markup."""

from __future__ import annotations

from sites import Project

HOSTILE = "<script>alert('x')</script> *not emphasis* [not a link](https://example.org) & `code` {: .cls } #"


def test_html_and_markdown_in_data_render_as_text(fixture_project: Project) -> None:
    fixture_project.edit("commissions.yml", "The culture committee.", HOSTILE.replace("'", "''").join("''"))
    fixture_project.edit(
        "commissions.yml", "en: Committee on Culture,", "en: 'Culture <b>bold</b> *committee*',"
    )
    fixture_project.build_ok()
    page = fixture_project.html("en/commissions/culture/index.html")
    article = page.select_one("article")
    assert article.find("script") is None and article.find("b") is None
    assert not [em for em in article.find_all("em") if em.get_text() in ("not emphasis", "committee")]
    assert article.find("a", string="not a link") is None
    assert HOSTILE in fixture_project.text("en/commissions/culture/index.html")
    assert article.find("h1").get_text().removesuffix("¶") == "Culture <b>bold</b> *committee*"
    assert page.title.find("b") is None and page.title.get_text().startswith(
        "Culture <b>bold</b> *committee*"
    )
    # The theme prints titles unescaped in footers (previous/next): the neighbours' links.
    footer_titles = [
        link.select_one(".md-ellipsis").get_text(strip=True)
        for path in fixture_project.site.glob("en/commissions/*/index.html")
        for link in fixture_project.html(path.relative_to(fixture_project.site).as_posix()).select(
            "a.md-footer__link"
        )
    ]
    assert "Culture <b>bold</b> *committee*" in footer_titles


def test_a_phrase_in_another_language_is_marked_with_its_lang(fixture_project: Project) -> None:
    fixture_project.edit(
        "commissions.yml", "La commission de la culture.", "'Sa devise : [[en: Culture *first*]].'"
    )
    fixture_project.edit(
        "commissions.yml", "name: {fr: Commission Culture,", "name: {fr: 'Commission [[en: Culture]]',"
    )
    fixture_project.build_ok()
    article = fixture_project.html("commissions/culture/index.html").select_one("article")
    span = article.select_one("p span[lang=en]")
    assert span is not None and span.get_text() == "Culture *first*"
    assert "[[" not in fixture_project.html("commissions/culture/index.html").title.get_text()
    assert article.select_one("h1 span[lang=en]").get_text() == "Culture"
