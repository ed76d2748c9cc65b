"""From configuration and data to the Markdown pages of every language, and their navigation."""

from __future__ import annotations

import datetime
import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.utils.meta import get_data

from .dataset import SiteData, load_site_data
from .languages import Language, languages_from_config
from .last_updated import last_commit_dates
from .pages import GeneratedPage, all_pages, generated_pages
from .render import (
    LanguageFormats,
    make_environment,
    release_locale_data,
    render_template,
    strip_language_markers,
)
from .strings import load_strings
from .typography import apply_typography
from .validated_data import ValidatedData
from .validation import DataError, DataValidationError
from .writer import MARKER, is_generated, write_generated


@dataclass
class SiteBuild:
    """What one `mkdocs build` knows after loading the data: pages, titles, strings."""

    languages: list[Language]
    strings: dict[str, dict]
    data: SiteData
    pages: list[GeneratedPage]
    hand_written: list[str]  # docs paths without language suffix, e.g. 'site'
    environment: jinja2.Environment
    changed: dict[str, datetime.date]  # repository path -> last commit date
    generated_files: set[Path] = field(default_factory=set)  # written or removed by this build
    # Values derived from the data that several pages and writers use (e.g. the open data
    # files): computed once per build, see `derived_value`.
    _derived: dict[str, Any] = field(default_factory=dict)
    # Hand-written pages rendered ahead (see `format_ahead`): (path, lang) -> (source, result).
    _hand_written_ahead: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)

    def derived_value(self, name: str, compute: Callable[[SiteBuild], Any]) -> Any:
        if name not in self._derived:
            self._derived[name] = compute(self)
        return self._derived[name]

    def __post_init__(self) -> None:
        self._by_path = {page.path: page for page in all_pages(self.pages)}

    def language(self, code: str) -> Language:
        return next(language for language in self.languages if language.code == code)

    def page_for(self, src_uri: str) -> GeneratedPage | None:
        """The generated page behind a docs file such as 'commissions/culture.en.md'."""
        return self._by_path.get(_strip_language(src_uri, self.languages))

    def navigation(self, lang: str) -> list[Any]:
        nav: list[Any] = []
        for page in self.pages:
            entry = f"{page.path}.md"
            # Entry pages are not listed: see entry_navigation.py.
            nav.append({self.title(page, lang): entry})
        nav.extend(f"{path}.md" for path in self.hand_written)
        return nav

    def title(self, page: GeneratedPage, lang: str) -> str:
        """A page's title as HTML: MkDocs and the theme print titles without escaping them."""
        text = page.title[lang] if page.title else self.strings[lang]["nav"][page.kind]
        return self.typography(html.escape(strip_language_markers(text), quote=False), lang)

    def last_updated(self, repository_path: str, lang: str) -> str | None:
        """'Last updated: 3 March 2026' for a data or docs file, if git knows it."""
        day = self.changed.get(repository_path)
        if day is None:
            return None
        text = self.strings[lang]["label"]["last_updated"].format(
            date=self.formats(lang).date(day.isoformat())
        )
        return self.typography(text, lang)

    def typography(self, text: str, lang: str) -> str:
        return apply_typography(text, self.strings[lang]["meta"]["typography"])

    def context(self, lang: str, page_path: str) -> dict[str, Any]:
        return {
            "lang": lang,
            "languages": self.languages,
            "strings": self.strings[lang],
            "data": self.data.files,
            "organisation": self.data["organisation"]["organisation"],
            "page_path": page_path,
        }

    def formats(self, lang: str) -> LanguageFormats:
        return self.derived_value(
            f"formats {lang}", lambda site: LanguageFormats(site.strings[lang]["meta"]["babel_locale"])
        )

    def format_ahead(self, docs_dir: Path) -> None:
        """Make now every date and number the languages' builds print, then free the locale data.

        Those builds come later, when a build holds the most memory (static-i18n runs each
        further language's build inside the first): generated pages are rendered already;
        what is left are the "last updated" dates and the hand-written pages that embed data.
        A value missed here is still right later, at the cost of loading the data again.
        """
        for day in sorted(set(self.changed.values())):
            for language in self.languages:
                self.formats(language.code).date(day.isoformat())
        for path in self.hand_written:
            for language in self.languages:
                src_uri = f"{path}.{language.code}.md"
                try:  # as MkDocs reads a page
                    source = (docs_dir / src_uri).read_text(encoding="utf-8-sig")
                except OSError:
                    continue
                markdown, meta = get_data(source)
                if meta.get("data") is True:
                    try:
                        result = self.render_hand_written(markdown, language.code, src_uri)
                    except Exception:  # reported when MkDocs renders the page
                        continue
                    self._hand_written_ahead[(path, language.code)] = (markdown, result)
        for formats in self._derived.values():
            if isinstance(formats, LanguageFormats):
                formats.release()
        release_locale_data()

    def render(self, page: GeneratedPage, lang: str) -> str:
        context = {**self.context(lang, page.path), "page": page, "entry": page.entry}
        if page.context is not None:
            context.update(page.context(self, lang))
        template = self.environment.get_template(page.template)
        body = render_template(template, context, self.data.sources_by_id(), self.formats(lang), page.path)
        settings: dict[str, Any] = {"title": self.title(page, lang)}
        if description := page.description(lang):
            # Printed unescaped into an attribute by the theme.
            settings["description"] = html.escape(self.typography(_plain_text(description), lang), quote=True)
        settings.update(page.front_matter)
        front_matter = "\n".join(
            [
                "---",
                MARKER,
                f"# Source: {page.data_file}, line {page.data_line}",
                # JSON is YAML: every value quoted and escaped.
                *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()),
                "---",
                "",
            ]
        )
        return front_matter + body

    def render_hand_written(self, markdown: str, lang: str, src_uri: str) -> str:
        """A hand-written page that embeds data: its Markdown is a template too."""
        page_path = _strip_language(src_uri, self.languages)
        source, result = self._hand_written_ahead.get((page_path, lang), (None, ""))
        if source == markdown:
            return result
        template = self.environment.from_string(markdown)
        return render_template(
            template, self.context(lang, page_path), self.data.sources_by_id(), self.formats(lang), page_path
        )


def _plain_text(text: str) -> str:
    """Text for a meta description: language markers removed, one line."""
    return re.sub(r"[ \t\r\n]+", " ", strip_language_markers(text)).strip()


def _strip_language(src_uri: str, languages: list[Language]) -> str:
    stem = src_uri.removesuffix(".md")
    for language in languages:
        if stem.endswith(f".{language.code}"):
            return stem[: -len(language.code) - 1]
    return stem


def prepare_site(
    config: MkDocsConfig,
    data_dir: Path,
    template_cache: jinja2.BytecodeCache | None = None,
    validated: ValidatedData | None = None,
) -> SiteBuild:
    """Load and validate everything, then write the generated pages of every language.

    Nothing is written unless the data, the strings and the hand-written pages are all good.
    `template_cache`, `validated`: what a build keeps for the next (see their modules).
    """
    languages = languages_from_config(config)
    codes = [language.code for language in languages]
    project_root = Path(config.config_file_path).parent
    docs_dir = Path(config.docs_dir)
    errors: list[DataError] = []
    strings: dict[str, dict] = {}
    data = None
    try:
        strings = load_strings(codes)
    except DataValidationError as error:
        errors += error.errors
    try:
        data = load_site_data(data_dir, codes, display_root=project_root, validated=validated)
    except DataValidationError as error:
        errors += error.errors
    if data is not None:
        pages = generated_pages(data)
        hand_written, parity_errors = _hand_written_pages(
            docs_dir, languages, {p.path for p in all_pages(pages)}
        )
        errors += parity_errors
    if errors:
        raise DataValidationError(errors)
    assert data is not None
    site = SiteBuild(
        languages,
        strings,
        data,
        pages,
        hand_written,
        make_environment(template_cache),
        last_commit_dates(project_root),
    )
    texts = {}
    for page in all_pages(pages):
        for code in codes:
            try:
                texts[f"{page.path}.{code}.md"] = site.render(page, code)
            except (jinja2.TemplateError, KeyError, ValueError) as error:
                raise DataValidationError(
                    [
                        DataError(
                            page.data_file,
                            page.data_line,
                            f"page '{page.path}' ({code}) cannot be rendered: {error}",
                        )
                    ]
                ) from None
    site.format_ahead(docs_dir)
    report = write_generated(docs_dir, texts)
    site.generated_files = {(docs_dir / path).resolve() for path in (*texts, *report.removed)}
    # Every message that names a line was given by now (the pages know their own line).
    for document in data.documents.values():
        document.release_lines()
    return site


def _hand_written_pages(
    docs_dir: Path, languages: list[Language], generated: set[str]
) -> tuple[list[str], list[DataError]]:
    """Hand-written pages (docs/<path>.<lang>.md), each required in every language."""
    found: dict[str, set[str]] = {}
    for path in sorted(docs_dir.rglob("*.md")):
        if is_generated(path):
            continue
        relative = path.relative_to(docs_dir).as_posix()
        base = _strip_language(relative, languages)
        code = relative.removesuffix(".md")[len(base) + 1 :]
        found.setdefault(base, set()).add(code)
    errors = []
    for base, codes in sorted(found.items()):
        if base in generated:
            errors.append(
                DataError(
                    f"docs/{base}.md", 1, "this page is generated from data; remove the hand-written file"
                )
            )
        for language in languages:
            if language.code not in codes:
                have = sorted(codes - {""})
                errors.append(
                    DataError(
                        f"docs/{base}.{language.code}.md",
                        1,
                        f"missing: the page exists in {', '.join(have) or 'no language suffix'} but not in {language.name} "
                        f"({language.code}); every page must exist in every language",
                    )
                )
    return [base for base in found if base not in generated], errors
