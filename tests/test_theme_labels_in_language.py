"""No English label of Material's (or of Python-Markdown's) on a page in another language.

The labels are read from the installed Material (partials/languages/en.html), so a label a
new release adds is looked for too: it shows in English where Material has no translation
of it and the site's strings (`material:`) do not word it. A label whose English text is
also the word the language uses (French "Navigation", Spanish "Metadata") is not looked for
in that language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup
from bs4.element import Comment, NavigableString
from markdown.extensions.toc import TocExtension
from sites import LANGUAGES, Project

from cglu_site.data.strings import load_strings

LANGUAGE_FILES = Path(material.__file__).parent / "templates" / "partials" / "languages"
# Settings in Material's language files, not words.
SETTINGS = re.compile(r"^(language|direction|search\.config\..*)$")
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def material_language_file(code: str) -> dict[str, str]:
    """A language file of Material as key -> label ('#' stands for a number)."""
    text = (LANGUAGE_FILES / f"{code}.html").read_text(encoding="utf-8")
    entries = re.findall(r'^\s*"([\w.-]+)": "((?:[^"\\]|\\.)*)"', text, re.MULTILINE)
    return {key: json.loads(f'"{value}"') for key, value in entries}


ENGLISH = material_language_file("en")
ENGLISH_CODE = ENGLISH["language"]
assert len(ENGLISH) > 40, "Material's labels are no longer listed in partials/languages/en.html"


def english_labels(lang: str) -> dict[str, str]:
    """The English labels that must not show in `lang`: key -> English text."""
    own = material_language_file(lang) if (LANGUAGE_FILES / f"{lang}.html").exists() else {}
    reworded = load_strings(LANGUAGES)[lang]["material"]
    labels = {}
    for key, english in ENGLISH.items():
        translated = reworded.get(key.replace(".", "_")) or own.get(key)
        if SETTINGS.match(key) or translated == english:
            continue  # a setting, or the word the language uses too
        labels[key] = english  # Material's translation, or English where it has none
    # Python-Markdown's title of heading anchors ("Permanent link"), unless the language's own.
    permalink = TocExtension().getConfig("permalink_title")
    if load_strings(LANGUAGES)[lang]["label"]["permalink"] != permalink:
        labels["toc.permalink_title"] = permalink
    return labels


def label_pattern(labels: dict[str, str]) -> re.Pattern[str]:
    """A value that is a label, or starts with one followed by a colon ('Previous: …'); a label
    of several words anywhere in a text. '#' in a label stands for a number."""
    alternatives = []
    for english in sorted(set(labels.values()), key=len, reverse=True):
        words = re.escape(english).replace("\\#", r"\d+").replace("\\ ", r"\s+")
        alternatives.append(rf"^{words}(?::.*)?$" if " " not in english else rf"\b{words}\b")
    return re.compile("|".join(alternatives), re.DOTALL)


def pages_of(site: Project, lang: str) -> list[Path]:
    """The pages in `lang`: its folder, less the other languages' folders in the default's."""
    root = site.site if lang == LANGUAGES[0] else site.site / lang
    others = [site.site / other for other in LANGUAGES if other != lang and root == site.site]
    return [path for path in sorted(root.rglob("*.html")) if not any(path.is_relative_to(o) for o in others)]


def english_in(page: BeautifulSoup, lang: str, pattern: re.Pattern[str]) -> list[str]:
    """Where a label shows on a page in `lang`: its texts and named attributes, outside
    phrases marked in another language, and Material's labels for its scripts (#__config)."""
    found = []
    for element in page.find_all(True):
        if element.name in ("script", "style"):
            continue
        marked = element.find_parent(lambda parent: parent.has_attr("lang"))
        language = element.get("lang") or (marked.get("lang") if marked else lang)
        if language != lang:
            continue  # a phrase in another language (<span lang="en">), or a page's hidden copy
        for attribute in ATTRIBUTES:
            value = " ".join(element.get(attribute, "").split())
            if value and pattern.search(value):
                found.append(f"<{element.name} {attribute}={value!r}>")
        for child in element.children:
            if isinstance(child, NavigableString) and not isinstance(child, Comment):
                text = " ".join(child.split())
                if text and pattern.search(text):
                    found.append(f"<{element.name}> {text!r}")
    config = page.select_one("script#__config")
    if config is not None:
        for key, value in json.loads(config.get_text())["translations"].items():
            if pattern.search(value):
                found.append(f"#__config translations {key}: {value!r}")
    return found


@pytest.mark.parametrize("lang", [lang for lang in LANGUAGES if lang != ENGLISH_CODE])
def test_no_english_label_of_the_theme_on_a_page_in_another_language(real_site: Project, lang: str) -> None:
    pattern = label_pattern(english_labels(lang))
    pages = pages_of(real_site, lang)
    assert len(pages) > 20
    found = {}
    for path in pages:
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
        assert page.html["lang"] == lang, path
        if where := english_in(page, lang, pattern):
            found[path.relative_to(real_site.site).as_posix()] = where
    assert not found, (
        f"Material's English labels on {lang} pages (reword them in material: of the strings): {found}"
    )


def test_the_scan_finds_an_english_label() -> None:
    """The scan itself: a label in text, in an attribute, after a colon; not inside a phrase
    marked English; not a label French uses as it is."""
    lang = next(lang for lang in LANGUAGES if lang != ENGLISH_CODE)
    labels = english_labels(lang)
    pattern = label_pattern(labels)
    html = (
        f'<html lang="{lang}"><body><a title="Edit this page">x</a><p>Back to top</p>'
        '<a aria-label="Previous: Chapitre 2">y</a><span lang="en">Skip to content</span>'
        '<p>3 matching documents</p><a class="headerlink" title="Permanent link">¶</a></body></html>'
    )
    found = english_in(BeautifulSoup(html, "lxml"), lang, pattern)
    assert found == [
        "<a title='Edit this page'>",
        "<p> 'Back to top'",
        "<a aria-label='Previous: Chapitre 2'>",
        "<p> '3 matching documents'",
        "<a title='Permanent link'>",
    ]
