"""Source lists speak the visitor's language: a document in another language is said to be
in it, in the page's words, always the same way, and its original title carries its `lang`;
no label is given in two languages."""

from __future__ import annotations

import json
import unicodedata

import yaml
from bs4 import BeautifulSoup
from sites import FIXTURE_DATA, LANGUAGES, ROOT, Project

from cglu_site.data.strings import load_strings
from cglu_site.data.text import FOREIGN_PHRASE, strip_language_markers
from cglu_site.pages.bibliography import SOURCE_KINDS
from cglu_site.pages.formats import LanguageFormats

STRINGS = load_strings(LANGUAGES)


def folded(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def note(lang: str, document_language: str) -> str:
    """'(in French)' in `lang`."""
    name = LanguageFormats(STRINGS[lang]["meta"]["babel_locale"]).language_name(document_language)
    return folded(f"({STRINGS[lang]['label']['in_language'].format(language=name)})")


def sources() -> list[dict]:
    return yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]


def page_path(lang: str, path: str) -> str:
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def other_languages_words(lang: str) -> list[str]:
    """The notes and the unknown-publisher label as every other language words them."""
    documents = {source["language"] for source in sources()}
    words = []
    for other in LANGUAGES:
        if (
            other != lang
            and STRINGS[other]["label"]["publisher_unknown"] != STRINGS[lang]["label"]["publisher_unknown"]
        ):
            words.append(folded(STRINGS[other]["label"]["publisher_unknown"]))
        words += [
            note(other, code) for code in documents if other != lang and note(other, code) != note(lang, code)
        ]
    return words


def test_the_sources_page_says_in_the_visitors_language_which_documents_are_in_another(
    real_site: Project,
) -> None:
    for lang in LANGUAGES:
        page = real_site.html(page_path(lang, "sources/index.html"))
        for source in sources():
            heading = page.select_one(f"dt#{source['id']}")
            text = folded(heading.get_text())
            own = source["language"]
            notes = [note(lang, code) for code in {s["language"] for s in sources()}]
            if own == lang:
                assert not [n for n in notes if n in text], (lang, text)
            else:
                assert text.endswith(note(lang, own)) and text.count(note(lang, own)) == 1, (lang, text)
            marked = {code for code, _ in FOREIGN_PHRASE.findall(source["title"][lang])}
            assert {span["lang"] for span in heading.select("span[lang]")} == marked, (lang, source["id"])
            # The publisher, or that it is not identified: in the page's language only.
            publisher = heading.find_next("dd")
            expected = source.get("publisher", STRINGS[lang]["label"]["publisher_unknown"])
            assert folded(publisher.get_text()).startswith(folded(expected)), (lang, source["id"])


def test_no_source_list_gives_a_label_in_another_language(real_site: Project) -> None:
    """Every page's numbered list of sources, and the Sources page: no other language's note
    or unknown-publisher label; at most one note per source."""
    for lang in LANGUAGES:
        others = other_languages_words(lang)
        own_notes = {note(lang, code) for code in {source["language"] for source in sources()}}
        root = real_site.site if lang == LANGUAGES[0] else real_site.site / lang
        lists = 0
        for path in root.rglob("index.html"):
            if lang == LANGUAGES[0] and path.relative_to(root).parts[0] in LANGUAGES[1:]:
                continue
            page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
            heading = page.select_one("article h2#sources")
            numbered = heading.find_next_sibling("ol") if heading else None  # (open data: a dataset)
            items = numbered.select("li") if numbered else []
            if path.parent.name == "sources":
                items = page.select("article dt[id], article dd")
            for item in items:
                lists += 1
                text = folded(item.get_text())
                assert not [word for word in others if word in text], (path, text)
                assert sum(text.count(own) for own in own_notes) <= 1, (path, text)
        assert lists > len(sources()), lang


def test_a_cited_document_in_another_language_is_marked_and_said_so(fixture_site: Project) -> None:
    """The fixture's article is in English and names no publisher."""
    article = next(
        source
        for source in yaml.safe_load((FIXTURE_DATA / "sources.yml").read_text(encoding="utf-8"))["sources"]
        if source["id"] == "article"
    )
    for lang in LANGUAGES:
        page = fixture_site.html(page_path(lang, "sources/index.html"))
        heading = page.select_one("dt#article")
        text = folded(heading.get_text())
        if lang == article["language"]:
            assert text == "Test article"
        else:
            assert heading.select_one(f"span[lang={article['language']}]").get_text() == "Test article"
            assert text == f"Test article {note(lang, article['language'])}"
        assert folded(heading.find_next("dd").get_text()).startswith(
            folded(STRINGS[lang]["label"]["publisher_unknown"])
        )


def test_no_source_title_says_the_language_of_its_document() -> None:
    """The site says it (the note above), in the page's words: a title saying it too, as
    '(page en anglais)' or '(French-language page)' did, says it twice and differently."""
    for source in sources():
        for lang, title in source["title"].items():
            name = LanguageFormats(STRINGS[lang]["meta"]["babel_locale"]).language_name(source["language"])
            assert name.lower() not in strip_language_markers(title).lower(), (source["id"], lang, title)


def _alphabetical(text: str) -> str:
    """A title as an alphabetical list orders it: letters and digits, no accents or case."""
    letters = unicodedata.normalize("NFKD", folded(text)).casefold()
    return " ".join("".join(c for c in letters if c.isalnum() or c == " ").split())


def test_the_sources_page_groups_its_documents_by_publisher_in_title_order(real_site: Project) -> None:
    """One heading per kind of publisher (the schema's kinds, titled from the strings), each
    document once, under its kind, in the alphabetical order of its title in the page's
    language; the table of contents lists the groups, not the documents."""
    schema = json.loads((ROOT / "data" / "schemas" / "sources.schema.json").read_text(encoding="utf-8"))
    kinds = schema["properties"]["sources"]["items"]["properties"]["kind"]["enum"]
    assert sorted(SOURCE_KINDS) == sorted(kinds)
    by_kind = {kind: {s["id"] for s in sources() if s["kind"] == kind} for kind in SOURCE_KINDS}
    shown_kinds = [kind for kind in SOURCE_KINDS if by_kind[kind]]
    by_id = {source["id"]: source for source in sources()}
    for lang in LANGUAGES:
        page = real_site.html(page_path(lang, "sources/index.html"))
        headings = page.select("article h2")
        assert [folded(h.get_text().replace("¶", "")) for h in headings] == [
            STRINGS[lang]["source_kinds"][kind] for kind in shown_kinds
        ]
        toc = page.select(".md-sidebar--secondary .md-nav--secondary a.md-nav__link")
        assert [link["href"] for link in toc] == ["#" + heading["id"] for heading in headings]
        listed = []
        for kind, heading in zip(shown_kinds, headings, strict=True):
            terms = heading.find_next_sibling("div", class_="cglu-sources").select("dt")
            assert {term["id"] for term in terms} == by_kind[kind], (lang, kind)
            titles = [
                _alphabetical(strip_language_markers(by_id[term["id"]]["title"][lang])) for term in terms
            ]
            assert titles == sorted(titles), (lang, kind)
            listed += terms
        assert len(listed) == len(sources()), lang
