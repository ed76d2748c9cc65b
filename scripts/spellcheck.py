#!/usr/bin/env python3
"""Spell check of the site's texts, each against the word list of its own language.

    .venv/bin/python scripts/spellcheck.py [FILE ...]   (no FILE: every file; pre-commit passes the changed ones)

What is checked, and in which language:
- data/*.yml: every text written per language ({fr: ..., en: ...}), each in its language;
- cglu_site/strings/<lang>.yml: every UI string, in <lang>;
- Markdown: <name>.<lang>.md (hand-written pages, CONTRIBUTING.fr.md) in <lang>, other .md in English.

A word is known when the Hunspell dictionary of its language has it (with its plurals, verb
forms and elisions: the dictionary's affix rules), or the project's own list `.spelling/<lang>.txt`
does (names of places and bodies, acronyms written in lower case, rare terms of the trade: one
word a line). Each text is checked in its own language only: a word of another language is
flagged, unless the text marks it as a quotation, [[en: Breaking Through as One]]. Words with a
capital letter (names, acronyms, the first word of a sentence), digits, web addresses, file names
and code are not checked. Generated pages are skipped: their text comes from data/, checked there.

The dictionaries are npm packages of package.json (installed into node_modules/ by
`python3 scripts/task.py lint` or `test`), read by spylls (Hunspell in Python). DICTIONARIES
below names the package of each language of mkdocs.yml: a new language needs its entry there,
its package in package.json and its word list.
"""

from __future__ import annotations

import re
import sys
import time
from collections.abc import Iterator
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from cglu_site.data.languages import load_languages  # noqa: E402
from cglu_site.data.yaml_source import DataFileError, load_yaml  # noqa: E402
from cglu_site.pages.writer import is_generated  # noqa: E402

WORD_LISTS = ROOT / ".spelling"
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:-[^\W\d_]+(?:['’][^\W\d_]+)*)*")
NOT_PROSE = re.compile(
    r"`[^`]*`"  # inline code
    r"|\]\([^)]*\)"  # link targets
    r"|<[^>]*>"  # HTML tags and autolinks
    r"|\{[{%#][\s\S]*?[}%#]\}"  # Jinja
    r"|\{[^}]*\}"  # attribute lists, placeholders such as {date}
    r"|[^\s`]*(?:https?://|www\.|@|/|\\)[^\s`]*"  # addresses, e-mails, paths (not into code)
    r"|[^\s`]+\.(?:yml|yaml|md|json|py|toml|txt|lock|cfg|html|css|js)\b"  # file names
    r"|\w+(?:[._]\w+)+"  # site names and identifiers: docslib.org, name.fr, as_of
    r"|(?<![\w.])\.\w+"  # file extensions: (.ics)
    r"|&\w+;"  # HTML entities
    r"|[^\s`]*\d[^\s`]*"  # numbers, dates, words with digits (i18n)
)
FOREIGN_PHRASE = re.compile(r"\[\[([a-z]{2}(?:-[A-Z]{2})?):\s*(.*?)\]\]")  # [[en: Breaking Through as One]]


# The Hunspell dictionary of each site language: an npm package holding index.aff and index.dic.
DICTIONARIES = {
    "fr": "dictionary-fr",  # Grammalecte's "classique" French dictionary
    "en": "dictionary-en-gb",  # the site writes British English (organisation, programme)
    "es": "dictionary-es",  # RLA-ES, Spanish of every country
}
NODE_MODULES = ROOT / "node_modules"


class SpellingSetupError(RuntimeError):
    """A language without a dictionary, or a dictionary that is not installed."""


def dictionary_files(lang: str) -> Path:
    """The dictionary of `lang`, as the path of its .aff/.dic files without their suffix."""
    if lang not in DICTIONARIES:
        raise SpellingSetupError(
            f"mkdocs.yml has the language '{lang}', but the spell check has no dictionary for it: "
            f"add its Hunspell dictionary to package.json (npm install --save-dev --save-exact "
            f"dictionary-{lang}) and to DICTIONARIES in scripts/spellcheck.py, and create .spelling/{lang}.txt."
        )
    base = NODE_MODULES / DICTIONARIES[lang] / "index"
    if not (base.with_suffix(".aff").exists() and base.with_suffix(".dic").exists()):
        raise SpellingSetupError(
            f"The {lang} dictionary ({DICTIONARIES[lang]}, an npm package of package.json) is not installed: "
            "run `python3 scripts/task.py lint`, which installs it with npm (Debian: apt-get install nodejs npm)."
        )
    return base


@cache
def dictionary(lang: str):
    from spylls.hunspell import Dictionary

    return Dictionary.from_files(str(dictionary_files(lang)))


@cache
def project_words(lang: str) -> frozenset[str]:
    path = WORD_LISTS / f"{lang}.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip().lower() for line in lines if line.strip() and not line.startswith("#"))


@cache
def is_known(word: str, lang: str) -> bool:
    """Each distinct word is looked up once per language (the cache)."""
    lowered = word.lower()
    if lowered in project_words(lang) or dictionary(lang).lookup(lowered):
        return True
    if "-" in lowered:  # a compound of known words: coprésident-fondateur
        return all(is_known(part, lang) for part in lowered.split("-") if part)
    return False


SUGGESTION_SECONDS = 3.0  # per unknown word: the hint is a help, the check must stay quick
SUGGESTIONS_SECONDS = 30.0  # for all of them
_suggesting_since: list[float] = []


@cache
def suggestion(word: str, lang: str) -> str | None:
    """A known word one edit away (a swap, a missing, extra or wrong letter), if one is found
    within SUGGESTION_SECONDS. (spylls' own suggest() can take many seconds a word in French.)"""
    lowered = word.lower()
    aff = dictionary(lang).aff
    letters = "".join(dict.fromkeys(char for char in (aff.TRY or "").lower() if char.isalpha()))
    letters = letters or "abcdefghijklmnopqrstuvwxyz"
    splits = [(lowered[:index], lowered[index:]) for index in range(len(lowered) + 1)]
    candidates = [  # the commonest typos first: a doubled or undoubled letter, two letters swapped
        *(head + tail[0] + tail for head, tail in splits if tail),
        *(head + tail[1:] for head, tail in splits if len(tail) > 1 and tail[0] == tail[1]),
        *(head + tail[1] + tail[0] + tail[2:] for head, tail in splits if len(tail) > 1),
        *(head + letter + tail for head, tail in splits for letter in letters),
        *(head + tail[1:] for head, tail in splits if tail),
        *(
            head + letter + tail[1:]
            for head, tail in splits
            if tail
            for letter in letters
            if letter != tail[0]
        ),
    ]
    _suggesting_since[:] = _suggesting_since or [time.monotonic()]
    if time.monotonic() > _suggesting_since[0] + SUGGESTIONS_SECONDS:
        return None  # many unknown words: the first ones have hints, the rest none
    deadline = time.monotonic() + SUGGESTION_SECONDS
    for candidate in dict.fromkeys(candidates):
        if time.monotonic() > deadline:
            return None
        if candidate != lowered and is_known(candidate, lang):
            return candidate
    return None


def unknown_words(text: str, lang: str, codes: list[str]) -> Iterator[tuple[str, str]]:
    """Words of `text` that neither the dictionary of `lang` nor its word list has. Phrases
    marked [[xx: ...]] are checked in language xx if the site has it (quoted titles), else skipped."""
    for phrase in FOREIGN_PHRASE.finditer(text):
        if phrase[1] in codes:
            yield from unknown_words(phrase[2], phrase[1], codes)
    text = FOREIGN_PHRASE.sub(" ", text)
    for word in WORD.findall(NOT_PROSE.sub(" ", text.replace("’", "'"))):
        if len(word) < 2 or any(char.isupper() for char in word):
            continue
        if not is_known(word, lang):
            yield word, lang


# --------------------------------------------------------------------------- files


def texts_of_data(path: Path, shown: str, codes: list[str]) -> Iterator[tuple[int, str, str]]:
    """(line, language, text) of every per-language text of a data file."""
    document = load_yaml(path, shown)

    def walk(value, where):
        if isinstance(value, dict):
            if value and set(value) <= set(codes) and all(isinstance(text, str) for text in value.values()):
                for lang, text in value.items():
                    if not re.fullmatch(r"[a-z_]+", text):  # a value from a list, e.g. name_status
                        yield document.line_of((*where, lang)), lang, text
                return
            for key, child in value.items():
                yield from walk(child, (*where, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                yield from walk(child, (*where, index))

    yield from walk(document.value, ())


def texts_of_strings(path: Path, shown: str, lang: str) -> Iterator[tuple[int, str, str]]:
    document = load_yaml(path, shown)

    def walk(value, where):
        if isinstance(value, dict):
            for key, child in value.items():
                if where or key != "meta":  # meta: locale and typography rules, not prose
                    yield from walk(child, (*where, key))
        elif isinstance(value, str):
            yield document.line_of(where), lang, value

    yield from walk(document.value, ())


def texts_of_markdown(path: Path, lang: str) -> Iterator[tuple[int, str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    in_front_matter = bool(lines) and lines[0] == "---"
    fence = ""
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if in_front_matter:
            if number > 1 and stripped == "---":
                in_front_matter = False
            elif re.match(r"(title|description):", stripped):
                yield number, lang, stripped.split(":", 1)[1]
            continue
        if fence:
            if stripped.startswith(fence):
                fence = ""
            continue
        if stripped.startswith(("```", "~~~")):
            fence = stripped[:3]
            continue
        if line.startswith(("    ", "\t")) and not stripped.startswith(("-", "*", "1", "!!!", "???")):
            continue  # indented code (or a paragraph nested in a list: rare in our pages)
        yield number, lang, line


def language_of_markdown(path: Path, codes: list[str]) -> str:
    suffix = path.name.removesuffix(".md").rpartition(".")[2]
    return suffix if suffix in codes else "en"


def check_file(path: Path, codes: list[str]) -> list[str]:
    try:
        shown = path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = str(path)
    if path.suffix == ".md":
        if is_generated(path):
            return []
        texts = texts_of_markdown(path, language_of_markdown(path, codes))
    elif path.suffix == ".yml" and path.parent.name == "strings" and path.stem in codes:
        texts = texts_of_strings(path, shown, path.stem)
    elif path.suffix == ".yml" and path.parent.name == "data":
        texts = texts_of_data(path, shown, codes)
    else:
        return []
    problems = []
    try:
        for line, text_lang, text in texts:
            for word, lang in dict.fromkeys(unknown_words(text, text_lang, codes)):
                guess = suggestion(word, lang)
                hint = f" (did you mean '{guess}'?)" if guess else ""
                problems.append(f"{shown}:{line}: {lang}: unknown word '{word}'{hint}")
    except DataFileError:
        return []  # not valid YAML: the YAML and data checks say so
    return problems


def default_files() -> list[Path]:
    files = sorted((ROOT / "data").glob("*.yml")) + sorted((ROOT / "cglu_site" / "strings").glob("*.yml"))
    files += sorted((ROOT / "docs").rglob("*.md")) + sorted(ROOT.glob("*.md"))
    return files


def main(argv: list[str]) -> int:
    codes = [language.code for language in load_languages(ROOT / "mkdocs.yml")]
    files = [Path(name) for name in argv] or default_files()
    try:
        for code in codes:
            dictionary_files(code)
    except SpellingSetupError as error:
        print(error)
        return 2
    problems = [problem for path in files for problem in check_file(path, codes)]
    for problem in problems:
        print(problem)
    if problems:
        lists = ", ".join(f".spelling/{code}.txt" for code in codes)
        print(
            f"\n{len(problems)} unknown word{'s' if len(problems) > 1 else ''}. Correct the typos; "
            f"if a word is right (a name, a term), add it to the word list of its language ({lists}), one a line."
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
