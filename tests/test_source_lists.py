"""Source lists speak the visitor's language: a document in another language is said to be
in it, in the page's words, always the same way, and its original title carries its `lang`;
no label is given in two languages."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup
from sites import FIXTURE_DATA, LANGUAGES, ROOT, Project

from cglu_site.data.strings import load_strings
from cglu_site.data.text import FOREIGN_PHRASE, strip_language_markers
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
            heading = page.select_one(f"h2#{source['id']}")
            for anchor in heading.select("a.headerlink"):
                anchor.decompose()
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
            assert folded(publisher.get_text()) == folded(expected), (lang, source["id"])


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
                items = page.select("article h2[id], article dd")
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
        heading = page.select_one("h2#article")
        text = folded(heading.get_text().replace("¶", ""))
        if lang == article["language"]:
            assert text == "Test article"
        else:
            assert heading.select_one(f"span[lang={article['language']}]").get_text() == "Test article"
            assert text == f"Test article {note(lang, article['language'])}"
        assert folded(heading.find_next("dd").get_text()) == folded(
            STRINGS[lang]["label"]["publisher_unknown"]
        )


def test_no_source_title_says_the_language_of_its_document() -> None:
    """The site says it (the note above), in the page's words: a title saying it too, as
    '(page en anglais)' or '(French-language page)' did, says it twice and differently."""
    for source in sources():
        for lang, title in source["title"].items():
            name = LanguageFormats(STRINGS[lang]["meta"]["babel_locale"]).language_name(source["language"])
            assert name.lower() not in strip_language_markers(title).lower(), (source["id"], lang, title)
