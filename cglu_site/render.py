"""Render Markdown pages from Jinja templates, one language at a time.

Everything a template prints is escaped for Markdown and HTML unless it is marked safe, so
a `<script>` or a `*` in a YAML text shows as written. Numbers and dates are formatted by
Babel with the language's locale (strings/<lang>.yml `meta.babel_locale`).
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from babel import Locale, core, localedata
from babel.dates import format_date, format_interval, format_skeleton
from babel.numbers import format_decimal, format_percent
from markupsafe import Markup

TEMPLATES_DIR = Path(__file__).parent / "templates"

# Characters Python-Markdown reads as markup (and can escape with a backslash).
FOREIGN_PHRASE = re.compile(r"\[\[([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*): (.+?)\]\]")
_LINE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#!])")


def escape_markdown(value: Any) -> Markup:
    """Text to Markdown that renders as that same text: markup characters and HTML escaped.

    The one markup data texts may hold is a phrase in another language, `[[en: The Hague]]`,
    which becomes `<span lang="en">The Hague</span>` so screen readers pronounce it right.
    """
    if isinstance(value, Markup):
        return value
    return Markup(_escaped(str(value)))


@functools.lru_cache(maxsize=8192)  # most texts are printed again: labels, sources, names
def _escaped(value: str) -> str:
    # Data texts are single paragraphs. Not str.split(): it would eat no-break spaces.
    text = _LINE_BREAKS.sub(" ", value).strip()
    parts = FOREIGN_PHRASE.split(text)  # text, lang, phrase, text, lang, phrase, ..., text
    result = [_escape_plain(part) for part in parts[::3]]
    for index, (lang, phrase) in enumerate(zip(parts[1::3], parts[2::3], strict=True)):
        result[index] += f'<span lang="{lang}">{_escape_plain(phrase)}</span>'
    return "".join(result)


def _escape_plain(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def strip_language_markers(text: str) -> str:
    """The text with `[[en: phrase]]` markers reduced to their phrase (for titles)."""
    return FOREIGN_PHRASE.sub(lambda match: match.group(2), text)


def markdown_href(url: str) -> Markup:
    """A URL usable as a Markdown link target (parentheses and spaces would end it)."""
    for character, encoded in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(character, encoded)
    return Markup(url)


def _finalize(value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed an empty value")
    return escape_markdown(value)


def release_locale_data() -> None:
    """Free the CLDR data Babel has loaded: some 2 MiB per language plus 2 MiB shared.

    Babel keeps it for the life of the process, and a build needs a language's data only
    while it renders that language's pages; the builds of the further languages come after,
    at the time the build uses the most memory. Babel has no public call for this: its two
    caches are emptied if they are still where they have been for years, and Babel loads
    again what a later call needs.
    """
    cache = getattr(localedata, "_cache", None)
    if isinstance(cache, dict):
        with getattr(localedata, "_cache_lock", threading.RLock()):
            cache.clear()
    if hasattr(core, "_global_data"):
        core._global_data = None


class LanguageFormats:
    """Locale-aware numbers and dates for one language.

    Results are kept: the same dates and numbers come back on many pages, and a build that
    has made every page's values can release the locale data (`release`) and still answer.
    """

    def __init__(self, babel_locale: str):
        self.babel_locale = babel_locale
        self._locale: Locale | None = None
        self._results: dict[tuple, str] = {}

    @property
    def locale(self) -> Locale:
        if self._locale is None:
            self._locale = Locale.parse(self.babel_locale)
        return self._locale

    def release(self) -> None:
        """Let go of the locale data (loaded again if a new value is asked for)."""
        self._locale = None

    def _kept(self, key: tuple, compute: Callable[[], str]) -> str:
        if key not in self._results:
            self._results[key] = compute()
        return self._results[key]

    def number(self, value: float) -> str:
        return self._kept(("number", value), lambda: format_decimal(value, locale=self.locale))

    def percent(self, value: float) -> str:
        return self._kept(("percent", value), lambda: format_percent(value / 100, locale=self.locale))

    def date(self, value: str | int) -> str:
        """A full or partial ISO date (2022-10-10, 2021-03, 2004) in words."""
        return self._kept(("date", str(value)), lambda: self._date(str(value)))

    def _date(self, value: str) -> str:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=self.locale)
        return format_date(datetime.date(*parts), format="long", locale=self.locale)

    def date_range(self, start: str | int, end: str | int) -> str:
        """'10–14 octobre 2022' / '10–14 October 2022': CLDR's interval, months in full."""
        start, end = str(start), str(end)
        return self._kept(("date_range", start, end), lambda: self._date_range(start, end))

    def _date_range(self, start: str, end: str) -> str:
        if start == end:
            return self.date(start)
        if start.count("-") != 2 or end.count("-") != 2:
            return f"{self.date(start)} – {self.date(end)}"
        first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
        greatest = "y" if first.year != last.year else "M" if first.month != last.month else "d"
        full = self.locale.interval_formats.get("yMMMMd", {}).get(greatest)
        if full:  # the locale has an interval with full month names (es: 10–14 de octubre de 2022)
            first_pattern, last_pattern = full
        else:  # most have only abbreviated ones: widen them (10–14 octobre 2022)
            patterns = self.locale.interval_formats.get("yMMMd", {}).get(greatest)
            if not patterns:
                return format_interval(first, last, skeleton="yMMMd", locale=self.locale)
            first_pattern, last_pattern = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in patterns)
        return format_date(first, first_pattern, locale=self.locale) + format_date(
            last, last_pattern, locale=self.locale
        )


def make_environment(bytecode_cache: jinja2.BytecodeCache | None = None) -> jinja2.Environment:
    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR),
        bytecode_cache=bytecode_cache,  # serve rebuilds reuse what an earlier build compiled
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        autoescape=True,  # macro output is Markup, so it is not escaped twice
    )
    environment.filters["t"] = _translate
    environment.filters["yaml"] = lambda value: Markup(json.dumps(str(value), ensure_ascii=False))
    environment.filters["md"] = escape_markdown
    environment.filters["href"] = markdown_href
    return environment


@jinja2.pass_context
def _translate(context: jinja2.runtime.Context, text: dict[str, str]) -> str:
    """The current language's version of a data text."""
    return text[context["lang"]]


class Citations:
    """Numbers the sources a page cites, in order of first citation."""

    def __init__(self, sources_by_id: dict[str, dict]):
        self._sources = sources_by_id
        self.cited: list[dict] = []

    def cite(self, ids: Iterable[str]) -> Markup:
        numbers = []
        for source_id in ids:
            source = self._sources[source_id]
            if source not in self.cited:
                self.cited.append(source)
            numbers.append(self.cited.index(source) + 1)
        links = ", ".join(f"[{number}](#source-{number})" for number in numbers)
        return Markup(f"<sup>{links}</sup>") if links else Markup("")


def relative_link(from_page: str, to_page: str, anchor: str = "") -> Markup:
    """Markdown link target from one docs page to another (paths without language suffix)."""
    target = to_page if to_page.endswith(".md") else f"{to_page}.md"
    link = posixpath.relpath(target, posixpath.dirname(from_page) or ".")
    return Markup(link + (f"#{anchor}" if anchor else ""))


def render_template(
    template: jinja2.Template,
    context: dict[str, Any],
    sources_by_id: dict[str, dict],
    formats: LanguageFormats,
    page_path: str,
) -> str:
    """Render one page in one language, with the helpers every page template may call."""
    citations = Citations(sources_by_id)
    helpers: dict[str, Callable[..., Any]] = {
        "cite": citations.cite,
        "cited_sources": lambda: list(citations.cited),
        "link": lambda to_page, anchor="": relative_link(page_path, to_page, anchor),
        "number": formats.number,
        "percent": formats.percent,
        "date": formats.date,
        "date_range": formats.date_range,
        "year": lambda value: str(value)[:4],
    }
    return template.render({**context, **helpers})
