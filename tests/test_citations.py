"""Source citations in the built pages: one group per statement, ascending, one link, named in words.

Every statement's sources are one `<sup class="cglu-cite">` holding one link (one tab stop)
to the first of them in the page's list of sources; the numbers are ascending and each once,
written as the language lists things, three or more in a row as a range ("1, 6 et 7",
"1 à 5"); the link's accessible name is those words after the strings file's "Sources", so it
holds the visible text (WCAG 2.5.3). Expected texts come from tests/citation_words.py.
"""

from __future__ import annotations

import pytest
import yaml
from citation_words import group_name, group_text, shown_numbers
from sites import LANGUAGES, ROOT, Project

STRINGS = {
    lang: yaml.safe_load((ROOT / "cglu_site" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES
}


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def pages_with_citations(site: Project, lang: str) -> list[str]:
    root = site.site / prefix(lang).rstrip("/") if prefix(lang) else site.site
    pages = []
    for path in sorted(root.rglob("index.html")):
        relative = path.relative_to(site.site).as_posix()
        if lang == LANGUAGES[0] and relative.split("/")[0] in LANGUAGES[1:]:
            continue
        if 'class="cglu-cite"' in path.read_text(encoding="utf-8"):
            pages.append(relative)
    return pages


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_citation_is_one_ascending_group_with_one_named_link(real_site: Project, lang: str) -> None:
    strings = STRINGS[lang]
    pages = pages_with_citations(real_site, lang)
    assert len(pages) > 20, pages
    groups_seen = 0
    for page in pages:
        html = real_site.html(page)
        article = html.select_one("article")
        listed = len(article.select("li span[id^=source-]"))
        # Nothing else is a citation: every superscript link of the article is in a group.
        assert len(article.select("sup a")) == len(article.select("sup.cglu-cite > a")), page
        for group in article.select("sup.cglu-cite"):
            groups_seen += 1
            links = group.find_all("a")
            assert len(links) == 1, f"{page}: one link per statement, not one per number: {group}"
            link = links[0]
            numbers = shown_numbers(link.get_text(), strings)
            assert numbers == sorted(set(numbers)), f"{page}: {link.get_text()!r} is not ascending"
            assert 1 <= numbers[0] and numbers[-1] <= listed, f"{page}: {numbers} beyond its {listed} sources"
            assert link["href"] == f"#source-{numbers[0]}", page
            assert link.get_text() == group_text(numbers, strings), f"{page}: {link.get_text()!r}"
            assert link["aria-label"] == group_name(numbers, strings), page
            assert link.get_text() in link["aria-label"], f"{page}: the name holds the visible text"
            # One group per statement: never two groups side by side.
            following = group.next_sibling
            assert not (getattr(following, "name", None) == "sup"), f"{page}: two groups in a row"
    assert groups_seen > 100
