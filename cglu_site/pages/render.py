"""Render Markdown pages from Jinja templates, one language at a time.

Everything a template prints is escaped for Markdown and HTML unless it is marked safe, so
a `<script>` or a `*` in a YAML text shows as written. Numbers and dates come from
formats.py.
"""

from __future__ import annotations

import datetime
import functools
import html
import json
import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cglu_site.data.text import FOREIGN_PHRASE, Untranslated
from cglu_site.pages.formats import LanguageFormats

TEMPLATES_DIR = Path(__file__).parent.parent / "templates"

# Characters Python-Markdown reads as markup (and can escape with a backslash).
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
    # Data texts are single paragraphs. Not str.split() nor str.strip(): they would eat
    # no-break spaces (the French colon of the strings is "\u00a0:").
    text = _LINE_BREAKS.sub(" ", value).strip(" \t")
    parts = FOREIGN_PHRASE.split(text)  # text, lang, phrase, text, lang, phrase, ..., text
    result = [_escape_plain(part) for part in parts[::3]]
    for index, (lang, phrase) in enumerate(zip(parts[1::3], parts[2::3], strict=True)):
        result[index] += f'<span lang="{lang}">{_escape_plain(phrase)}</span>'
    return "".join(result)


def _escape_plain(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def markdown_href(url: str) -> Markup:
    """A URL usable as a Markdown link target (parentheses and spaces would end it)."""
    for character, encoded in ((" ", "%20"), ("(", "%28"), (")", "%29"), ("<", "%3C"), (">", "%3E")):
        url = url.replace(character, encoded)
    return Markup(url)


def _finalize(value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed an empty value")
    if isinstance(value, dict):
        raise ValueError(
            f"a template printed plural forms or a group of strings ({value!r}): pick one with plural()"
        )
    return escape_markdown(value)


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
    """The current language's version of a data text; where it awaits translation, its
    original, marked with its language (templates/_untranslated_text.md.j2), and the page
    then says so (see `render_template`)."""
    value = text[context["lang"]]
    if not isinstance(value, Untranslated):
        return value
    untranslated = context.get("untranslated_originals")
    if untranslated is not None:
        untranslated.add(value.original)
    template = context.environment.get_template("_untranslated_text.md.j2")
    return Markup(template.render(text=str(value), original=value.original).strip("\n"))


def with_notice(markdown: str, notice: str) -> str:
    """A page's Markdown with a notice under its title (its first `# ` heading), or at its top."""
    lines = markdown.split("\n")
    title = next((index for index, line in enumerate(lines) if line.startswith("# ")), None)
    if title is None:
        return notice.rstrip("\n") + "\n\n" + markdown
    return "\n".join([*lines[: title + 1], "", notice.rstrip("\n"), *lines[title + 1 :]])


def untranslated_notice(
    environment: jinja2.Environment,
    strings: dict,
    formats: LanguageFormats,
    lang: str,
    originals: Iterable[str],
) -> str:
    """The notice of a page showing texts that await translation, in the page's language:
    "Not yet translated into English; original in French." (templates/_untranslated_notice.md.j2)."""
    return environment.get_template("_untranslated_notice.md.j2").render(
        strings=strings,
        language=formats.language_name(lang),
        originals=[formats.language_name(code) for code in sorted(originals)],
    )


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


def day_count(start: str, end: str) -> int:
    """How many days from one ISO date to another, both included (for plural labels)."""
    return (datetime.date.fromisoformat(str(end)) - datetime.date.fromisoformat(str(start))).days + 1


def render_template(
    template: jinja2.Template,
    context: dict[str, Any],
    sources_by_id: dict[str, dict],
    formats: LanguageFormats,
    page_path: str,
) -> str:
    """Render one page in one language, with the helpers every page template may call; a
    page showing texts that await translation says so under its title."""
    citations = Citations(sources_by_id)
    originals: set[str] = set()
    helpers: dict[str, Callable[..., Any]] = {
        "cite": citations.cite,
        "cited_sources": lambda: list(citations.cited),
        "link": lambda to_page, anchor="": relative_link(page_path, to_page, anchor),
        "number": formats.number,
        "percent": formats.percent,
        # A label's form for a count: plural(strings.kinds.regional, sections | length).
        "plural": formats.plural,
        "date": formats.date,
        "language_name": formats.language_name,
        "date_range": formats.date_range,
        "year": lambda value: str(value)[:4],
        "days": day_count,
    }
    markdown = template.render({**context, **helpers, "untranslated_originals": originals})
    if not originals:
        return markdown
    notice = untranslated_notice(
        template.environment, context["strings"], formats, context["lang"], originals
    )
    return with_notice(markdown, notice)
