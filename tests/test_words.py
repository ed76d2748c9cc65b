"""Words and typography on every built page: labels agree in number with what they head."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel import Locale
from sites import LANGUAGES, Project

from cglu_site.data.strings import is_plural, load_strings


def page_path(lang: str, path: str) -> str:
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def language_pages(site: Path, lang: str) -> list[str]:
    """Every built page of one language (paths without the language's prefix)."""
    pages = {p.relative_to(site).as_posix() for p in site.rglob("*.html")}
    if lang == LANGUAGES[0]:
        return sorted(p for p in pages if p.split("/")[0] not in LANGUAGES[1:])
    return sorted(p.removeprefix(f"{lang}/") for p in pages if p.startswith(f"{lang}/"))


def plural_strings(strings: dict) -> list[dict[str, str]]:
    """Every label of one language that has plural forms."""
    found = []
    for value in strings.values():
        if is_plural(value):
            found.append(value)
        elif isinstance(value, dict):
            found += plural_strings(value)
    return found


def folded(text: str) -> str:
    return " ".join(text.replace("\xa0", " ").replace("\u202f", " ").replace("¶", "").split())


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_a_heading_over_a_list_agrees_with_its_count(request: pytest.FixtureRequest, site_name: str) -> None:
    """A heading printed over a list, when it is a label with plural forms, has the form its
    language's plural rules give for the number of items ('Section métropolitaine' over one,
    'Sections régionales' over seven), and a label never shows its other form over it."""
    site: Project = request.getfixturevalue(site_name)
    strings = load_strings(LANGUAGES)
    checked = 0
    for lang in LANGUAGES:
        locale = Locale.parse(strings[lang]["meta"]["babel_locale"])
        forms_of = {folded(text): forms for forms in plural_strings(strings[lang]) for text in forms.values()}
        for page in language_pages(site.site, lang):
            article = site.html(page_path(lang, page)).select_one("article")
            if article is None:
                continue
            for heading in article.find_all(["h2", "h3"]):
                forms = forms_of.get(folded(heading.get_text(" ")))
                listed = heading.find_next_sibling()
                while listed is not None and listed.name == "p":  # an introduction first
                    listed = listed.find_next_sibling()
                if forms is None or listed is None or listed.name not in ("ul", "ol"):
                    continue
                count = len(listed.find_all("li", recursive=False))
                expected = forms[locale.plural_form(count)]
                assert folded(heading.get_text(" ")) == folded(expected), (
                    f"{page_path(lang, page)}: {heading.get_text()!r} over {count} items"
                )
                checked += 1
    assert checked > 10


def test_a_badge_names_one_thing(real_site: Project) -> None:
    """The kind printed on an entry's page is the singular of the heading over its kind's list:
    the Forum of Regions is a 'Forum of Regions', not 'Forum of regions', on its page."""
    strings = load_strings(LANGUAGES)
    for lang in LANGUAGES:
        for page in language_pages(real_site.site, lang):
            if not page.startswith("sections/") or page == "sections/index.html":
                continue
            badge = real_site.html(page_path(lang, page)).select_one("article h1 + p em")
            kinds = strings[lang]["kinds"]
            singulars = [kinds[kind]["one"] for kind in ("regional", "metropolitan", "regions")]
            assert badge is not None and badge.get_text() in singulars, page_path(lang, page)
    text = real_site.text("en/sections/index.html")
    assert "Forum of regions" not in text and "Forum of Regions" in text


def test_a_list_of_sources_is_headed_by_its_count(fixture_site: Project) -> None:
    """One cited source: 'Source' and 'this document', in every language."""
    strings = load_strings(LANGUAGES)
    counts = set()
    for lang in LANGUAGES:
        for page in language_pages(fixture_site.site, lang):
            html = fixture_site.html(page_path(lang, page))
            heading = html.select_one("h2#sources")
            listed = heading.find_next_sibling(["ol", "ul"]) if heading is not None else None
            if listed is None or listed.name != "ol":  # the Open data page's dataset 'Sources'
                continue
            count = len(listed.find_all("li", recursive=False))
            counts.add(count)
            locale = Locale.parse(strings[lang]["meta"]["babel_locale"])
            category = locale.plural_form(count)
            assert folded(heading.get_text()) == strings[lang]["label"]["sources"][category]
            intro = folded(heading.find_next_sibling("p").get_text())
            assert intro == folded(strings[lang]["label"]["sources_intro"][category]), page_path(lang, page)
    assert 1 in counts and len(counts) > 1


def test_the_history_badges_name_the_office_whoever_holds_it(real_site: Project) -> None:
    """The badge of a term on the History page is the office's name ('Présidence de CGLU'),
    right over one holder as over three co-presidents: never a plural such as 'Présidents'."""
    for lang in LANGUAGES:
        badges = real_site.html(page_path(lang, "history/index.html")).select(".cglu-timeline__kind--term")
        assert badges
        for badge in badges:
            assert not re.search(r"Présidents|Presidents|Presidentes|\(e\)", badge.get_text()), badge


# --------------------------------------------------------------------------- typography


def own_language_texts(site: Project, lang: str, page: str) -> list[str]:
    """What a page prints in its own language: its title, description and body text,
    without scripts, styles and phrases marked as another language."""
    html = site.html(page_path(lang, page))
    texts = [html.title.get_text() if html.title else ""]
    texts += [
        meta.get("content", "") for meta in html.select('meta[name="description"], meta[property^="og:"]')
    ]
    for element in html(["script", "style"]):
        element.decompose()
    for element in html.select("body [lang]"):
        if element["lang"] != lang:
            element.decompose()
    texts.append(html.body.get_text(""))
    return texts


def spaces_before_colon(strings: dict) -> bool:
    """Whether a language's typography puts a no-break space before a colon."""
    from cglu_site.pages.typography import apply_typography

    return apply_typography("a: b", strings["meta"]["typography"]) != "a: b"


def test_french_typography_reaches_every_colon(real_site: Project) -> None:
    """In a language that spaces its colons, every colon a page prints has a no-break space
    before it: after a link ('Afrique</a>: Cités…'), a bold label ('Site web: https…'), a
    year range ('2004–2007: Bertrand…'), in titles, descriptions and tables of contents.
    Colons of addresses (https:) and times (10:30) are not punctuation."""
    strings = load_strings(LANGUAGES)
    languages = [lang for lang in LANGUAGES if spaces_before_colon(strings[lang])]
    assert languages  # French
    for lang in languages:
        missing = []
        for page in language_pages(real_site.site, lang):
            for text in own_language_texts(real_site, lang, page):
                for match in re.finditer(r"(?<![\u00a0\u202f]):", text):
                    before, after = text[: match.start()], text[match.end() : match.end() + 1]
                    if re.search(r"(?:https?|mailto|tel)$", before) or (
                        before[-1:].isdigit() and after.isdigit()
                    ):
                        continue  # https://…, 10:30
                    missing.append(
                        f"{page_path(lang, page)}: {text[max(0, match.start() - 30) : match.end() + 10]!r}"
                    )
        assert not missing, f"{len(missing)} colons without a no-break space:\n" + "\n".join(missing[:20])


def test_an_amount_never_breaks_before_its_currency(real_site: Project) -> None:
    """A language that writes the currency after the amount (Babel's currency pattern ends
    with ¤: '150 000 €') never lets a line break before the '€'."""
    strings = load_strings(LANGUAGES)
    found = 0
    for lang in LANGUAGES:
        pattern = Locale.parse(strings[lang]["meta"]["babel_locale"]).currency_formats["standard"].pattern
        if not pattern.rstrip().endswith("¤"):
            continue
        for page in language_pages(real_site.site, lang):
            for text in own_language_texts(real_site, lang, page):
                found += text.count("€")
                breakable = re.findall(r"\d[^\S\u00a0\u202f]+€", text)
                assert not breakable, f"{page_path(lang, page)}: {breakable}"
    assert found  # the real data has amounts in euros


FRENCH_CASES = [
    ("[Afrique](africa.md): Cités", "[Afrique](africa.md)\u00a0: Cités"),
    ('<a href="x">Commission</a>: culture', '<a href="x">Commission</a>\u00a0: culture'),
    ("**2004–2007**: Bertrand", "**2004–2007**\u00a0: Bertrand"),
    ("Site web: <https://www.uclga.org/>", "Site web\u00a0: <https://www.uclga.org/>"),
    ("Réunion à 10:30, https://example.org/a:b", "Réunion à 10:30, https://example.org/a:b"),
    ("**Dates**\n:   10 mai", "**Dates**\n:   10 mai"),  # a definition list
    ("## Titre {: #titre }", "## Titre {: #titre }"),
    ('<p title="a: b" data-x="1 000">1 000 €</p>', '<p title="a: b" data-x="1 000">1\u202f000\u00a0€</p>'),
    (
        'Le <span lang="en">Virtual meeting: day 2</span>; suite',
        'Le <span lang="en">Virtual meeting: day 2</span>\u202f; suite',
    ),
    ("`[[en: …]]` et ```\ncode: x\n```", "`[[en: …]]` et ```\ncode: x\n```"),
    ("Villes &amp; régions; A", "Villes &amp; régions\u202f; A"),
    ('!!! note "À noter"\n\n    Texte!', '!!! note "À noter"\n\n    Texte\u202f!'),
    ("*[CGLU]: Cités et Gouvernements", "*[CGLU]: Cités et Gouvernements"),
]


@pytest.mark.parametrize(("markdown", "expected"), FRENCH_CASES)
def test_french_typography_sees_the_text_not_the_markup(markdown: str, expected: str) -> None:
    from cglu_site.pages.typography import apply_typography

    rules = load_strings(LANGUAGES)["fr"]["meta"]["typography"]
    assert apply_typography(markdown, rules) == expected
    assert apply_typography(expected, rules) == expected  # applying twice changes nothing


def test_escaping_keeps_a_leading_no_break_space() -> None:
    """The French colon of the strings is '\\u00a0:': printing it must not strip the space."""
    from cglu_site.pages.render import escape_markdown

    assert escape_markdown("\u00a0:") == "\u00a0:"
    assert escape_markdown(" a \n b ") == "a b"


# --------------------------------------------------------------------------- dates


def test_month_names_are_written_as_the_language_writes_them(real_site: Project) -> None:
    """A language whose month names are capitalised (English: CLDR's 'November') never shows
    one in lower case beside a year or a day: 'As of november 2015' came from a filter that
    lowercased all but the first letter of a label."""
    strings = load_strings(LANGUAGES)
    checked = 0
    for lang in LANGUAGES:
        locale = Locale.parse(strings[lang]["meta"]["babel_locale"])
        names = {
            name
            for context in ("format", "stand-alone")
            for name in locale.months[context]["wide"].values()
            if name[:1].isupper()
        }
        if not names:
            continue
        lowered = "|".join(re.escape(name.lower()) for name in sorted(names))
        wrong = re.compile(rf"(?:\b\d{{1,2}}\s+(?:{lowered})\b|\b(?:{lowered})\s+\d{{4}}\b)")
        for page in language_pages(real_site.site, lang):
            for text in own_language_texts(real_site, lang, page):
                found = wrong.findall(text)
                assert not found, f"{page_path(lang, page)}: {found}"
                checked += 1
    assert checked


def test_a_date_standing_alone_starts_as_a_sentence(real_site: Project) -> None:
    """The caption under a key figure is the strings' standalone wording ('As of March 2021',
    'En mars 2021'), with the month as Babel writes it: nothing recases it."""
    import yaml

    from cglu_site.pages.formats import LanguageFormats

    strings = load_strings(LANGUAGES)
    organisation = yaml.safe_load((real_site.data / "organisation.yml").read_text(encoding="utf-8"))
    dates = [str(figure["as_of"]) for figure in organisation["organisation"]["key_figures"]]
    for lang in LANGUAGES:
        captions = real_site.html(page_path(lang, "index.html")).select(".cglu-figure__meta")
        formats = LanguageFormats(strings[lang]["meta"]["babel_locale"])
        assert len(captions) == len(dates)
        for caption, as_of in zip(captions, dates, strict=True):
            for sup in caption.select("sup"):
                sup.decompose()
            precision = ("year", "month", "day")[as_of.count("-")]
            expected = strings[lang]["label"]["as_of_alone"][precision].format(date=formats.date(as_of))
            assert folded(caption.get_text()) == folded(expected), lang
            assert expected[:1].isupper(), f"{lang}: a caption starts a sentence: {expected!r}"


# --------------------------------------------------------------------------- descriptions


@pytest.mark.parametrize("site_name", ["fixture_site", "real_site"])
def test_every_page_has_a_short_description(request: pytest.FixtureRequest, site_name: str) -> None:
    """Search engines show some 160 characters under a title: every page of every language
    has a description of at most that, cut at a word with the language's ellipsis when the
    text is longer (the Spanish Daejeon page had its whole 397-character summary)."""
    from cglu_site.data.text import DESCRIPTION_LENGTH

    site: Project = request.getfixturevalue(site_name)
    strings = load_strings(LANGUAGES)
    cut = 0
    for lang in LANGUAGES:
        ellipsis = strings[lang]["punctuation"]["ellipsis"]
        for page in language_pages(site.site, lang):
            (description,) = site.html(page_path(lang, page)).select('meta[name="description"]')
            text = description["content"]
            assert text.strip() and len(text) <= DESCRIPTION_LENGTH, f"{page_path(lang, page)}: {len(text)}"
            if text.endswith(ellipsis):
                cut += 1
                assert not re.search(r"[\s,;:]" + re.escape(ellipsis) + "$", text), text
    assert site_name == "fixture_site" or cut


SUMMARY_CASES = [
    ("Short enough.", "Short enough."),
    ("word " * 40, ("word " * 32).strip() + "…"),
    ("A" * 200, "A" * 159 + "…"),  # no space at all: cut anyway
    ("x" * 150 + " : 150\u202f000 €, encore", "x" * 150 + "…"),  # never '… :…' nor inside an amount
    (
        "First sentence, long enough to be the summary of this text on its own and then some more "
        "words to make it long, very long indeed. Then a few more words, and more",
        None,
    ),
]


@pytest.mark.parametrize(("text", "expected"), SUMMARY_CASES)
def test_a_summary_is_cut_at_a_word(text: str, expected: str | None) -> None:
    from cglu_site.data.text import summary

    result = summary(text, "…")
    assert len(result) <= 160
    if expected is not None:
        assert result == expected
    else:
        assert result == text.split(". Then")[0] + "…"  # stops at the end of the sentence


def test_a_template_printing_plural_forms_unchosen_is_an_error() -> None:
    """`{{ strings.kinds.regional }}` would print a Python mapping on the page: it is an
    error that names plural(); plural() picks the form by the locale's rules."""
    from cglu_site.pages.formats import LanguageFormats
    from cglu_site.pages.render import make_environment, render_template

    forms = load_strings(LANGUAGES)["fr"]["kinds"]["regional"]
    environment = make_environment()
    formats = LanguageFormats("fr_FR")
    with pytest.raises(ValueError, match=r"plural\(\)"):
        render_template(environment.from_string("{{ forms }}"), {"forms": forms}, {}, formats, "x")
    template = environment.from_string(
        "{{ plural(forms, 1) }} / {{ plural(forms, 7) }} / {{ plural(forms, 0) }}"
    )
    assert render_template(template, {"forms": forms}, {}, formats, "x") == (
        "Section régionale / Sections régionales / Section régionale"  # French: 0 is singular
    )


def test_tables_of_contents_read_as_their_headings(real_site: Project) -> None:
    """Each entry of a page's table of contents has its heading's text, no-break spaces and
    the languages of its phrases included: Python-Markdown folded 'Vol. 4\\u00a0: À propos'
    to 'Vol. 4 : À propos' and dropped `<span lang="en">`."""
    checked = foreign = 0
    for lang in LANGUAGES:
        for page in language_pages(real_site.site, lang):
            html = real_site.html(page_path(lang, page))
            for link in html.select('nav.md-nav--secondary a.md-nav__link[href^="#"]'):
                heading = html.find(id=link["href"][1:])
                if heading is None or heading.name not in ("h2", "h3"):
                    continue
                for permalink in heading.select("a.headerlink"):
                    permalink.decompose()
                expected = " ".join(heading.get_text().split(" "))
                assert link.get_text().strip(" \n") == expected.strip(" \n"), page_path(lang, page)
                heading_langs = [span["lang"] for span in heading.select("span[lang]")]
                assert [span["lang"] for span in link.select("span[lang]")] == heading_langs
                checked += 1
                foreign += bool(heading_langs)
    assert checked > 100 and foreign
