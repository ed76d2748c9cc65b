"""Source citations in the built pages: one group per statement, ascending, one link, named in words.

Every statement's sources are one `<sup class="cglu-cite">` holding one link (one tab stop)
to the first of them in the page's list of sources; the numbers are ascending and each once,
three or more consecutive ones written as a range; the link's accessible name says what it is
in the page's language ("Sources 1, 6 et 7"), as its strings file words it, with the
language's list conjunction (CLDR's, through Babel, computed here on its own).
"""

from __future__ import annotations

import pytest
import yaml
from babel import Locale
from babel.lists import format_list
from sites import LANGUAGES, ROOT, Project

STRINGS = {
    lang: yaml.safe_load((ROOT / "cglu_site" / "strings" / f"{lang}.yml").read_text(encoding="utf-8"))
    for lang in LANGUAGES
}


def prefix(lang: str) -> str:
    return "" if lang == LANGUAGES[0] else f"{lang}/"


def shown_numbers(text: str, strings: dict) -> list[int]:
    """The numbers a group shows ('1, 6–8' is 1, 6, 7, 8)."""
    numbers = []
    for part in text.split(strings["punctuation"]["list_separator"]):
        first, _, last = part.partition(strings["punctuation"]["range"])
        numbers.extend(range(int(first), int(last or first) + 1))
    return numbers


def shown_text(numbers: list[int], strings: dict) -> str:
    """How a group writes its numbers: 1, 2 and 6 as '1, 2, 6'; 1 to 3 and 6 as '1–3, 6'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    separator, dash = strings["punctuation"]["list_separator"], strings["punctuation"]["range"]
    return separator.join(
        f"{run[0]}{dash}{run[-1]}" if len(run) > 2 else separator.join(map(str, run)) for run in runs
    )


def expected_name(numbers: list[int], lang: str) -> str:
    strings = STRINGS[lang]
    locale = Locale.parse(strings["meta"]["babel_locale"])
    forms = strings["label"]["cited_sources"]
    return forms[locale.plural_form(len(numbers))].format(
        numbers=format_list([str(number) for number in numbers], locale=locale)
    )


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
            assert link["aria-label"] == expected_name(numbers, lang), page
            assert link.get_text() == shown_text(numbers, strings), f"{page}: runs of three are ranges"
            # One group per statement: never two groups side by side.
            following = group.next_sibling
            assert not (getattr(following, "name", None) == "sup"), f"{page}: two groups in a row"
    assert groups_seen > 100
