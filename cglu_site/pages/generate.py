"""From the project and its data to the Markdown pages of every language, and their navigation.

`generate_site` loads and validates everything, renders every generated page in every
language (typography, title, description, edit address and "last updated" date included),
and writes them into the docs folder. Nothing here needs an engine: the MkDocs adapter and
`python -m cglu_site generate` both call it.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from cglu_site.data.check_cache import ValidatedData
from cglu_site.data.content import Content
from cglu_site.data.project import Project
from cglu_site.data.site_data import load_site_data
from cglu_site.data.strings import load_strings
from cglu_site.data.text import plain_text, strip_language_markers, summary
from cglu_site.data.validation import DataError, DataValidationError
from cglu_site.data.yaml_source import ComposedYaml
from cglu_site.pages.addresses import Address
from cglu_site.pages.edit_links import edit_url
from cglu_site.pages.formats import LanguageFormats, release_locale_data
from cglu_site.pages.hand_written import check_hand_written, split_front_matter, strip_language
from cglu_site.pages.kinds import GeneratedPage, all_pages, generated_pages
from cglu_site.pages.last_updated import last_commit_dates
from cglu_site.pages.render import make_environment, render_template, untranslated_notice
from cglu_site.pages.render_memo import RenderMemo, traced
from cglu_site.pages.translation_table import translation_rows
from cglu_site.pages.typography import apply_typography
from cglu_site.pages.writer import front_matter, write_generated


@dataclass
class SiteBuild(Content):
    """What one build knows after loading the data: the content, its pages, their sources."""

    project: Project | None = None
    pages: list[GeneratedPage] = field(default_factory=list)
    hand_written: list[str] = field(default_factory=list)  # docs paths without language suffix
    environment: jinja2.Environment | None = None
    changed: dict[str, datetime.date] = field(default_factory=dict)  # repository path -> last commit
    generated_files: set[Path] = field(default_factory=set)  # written or removed by this build
    # Hand-written pages a language lacks: (path, lang) -> the language of the original shown.
    untranslated_pages: dict[tuple[str, str], str] = field(default_factory=dict)
    # Hand-written pages as read (see `read_hand_written`): (path, lang) -> (Markdown, front matter).
    _hand_written_sources: dict[tuple[str, str], tuple[str, dict]] = field(default_factory=dict, repr=False)
    # Hand-written pages rendered ahead (see `format_ahead`): (path, lang) -> (source, result).
    _hand_written_ahead: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict, repr=False)
    render_memo: RenderMemo | None = None  # serve: pages rendered as last time are kept

    def __post_init__(self) -> None:
        self._by_path = {page.path: page for page in all_pages(self.pages)}

    def page_for(self, src_uri: str) -> GeneratedPage | None:
        """The generated page behind a docs file such as 'commissions/culture.en.md'."""
        return self._by_path.get(strip_language(src_uri, self.languages))

    def docs_path(self, src_uri: str) -> str:
        """'commissions/culture.en.md' -> 'commissions/culture'."""
        return strip_language(src_uri, self.languages)

    def paths(self) -> list[str]:
        """Every page of the site, generated and hand-written."""
        return [*self._by_path, *self.hand_written]

    def address(self, path: str, lang: str) -> Address:
        generated = self._by_path.get(path)
        if generated is not None:
            title = self.title(generated, lang)
        else:  # as MkDocs names a page: its front matter title, else its first heading
            markdown, meta = self._hand_written_sources.get((path, lang), ("", {}))
            heading = next(
                (line[2:].strip() for line in markdown.splitlines() if line.startswith("# ")), None
            )
            title = str(meta.get("title") or heading or path)
        return Address(path, self.language(lang), title)

    def trail(self, path: str, lang: str) -> list[Address]:
        """The pages above a page, then the page: an entry's collection index, the entry."""
        generated = self._by_path.get(path)
        above = [page for page in self.pages if generated is not None and generated in page.children]
        return [self.address(page.path, lang) for page in above] + [self.address(path, lang)]

    def navigation(self, lang: str) -> list[Any]:
        nav: list[Any] = []
        for page in self.pages:
            # Entry pages are not listed: see cglu_site/mkdocs/navigation.py.
            nav.append({self.title(page, lang): f"{page.path}.md"})
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

    def description(self, text: str, lang: str) -> str:
        """A meta description: the plain text with its typography, cut to a short summary
        (a whole news text or section description is no summary)."""
        return summary(self.typography(plain_text(text), lang), self.strings[lang]["punctuation"]["ellipsis"])

    def typography(self, text: str, lang: str) -> str:
        return apply_typography(text, self.strings[lang]["meta"]["typography"])

    def context(self, lang: str, page_path: str, read: set[str] | None = None) -> dict[str, Any]:
        """A template's variables; `read` notes the data files it reads (render_memo.py)."""
        organisation = self.data["organisation"]["organisation"]
        return {
            "lang": lang,
            "languages": self.languages,
            "strings": self.strings[lang],
            "data": traced(self.data.files, read),
            "organisation": traced(organisation, read, "organisation"),
            "page_path": page_path,
            "translation_status": self.derived_value(
                "translation rows",
                lambda site: translation_rows(
                    site.data,
                    [language.code for language in site.languages],
                    site.hand_written,
                    site.untranslated_pages,
                ),
            ),
        }

    def formats(self, lang: str) -> LanguageFormats:
        return self.derived_value(
            f"formats {lang}", lambda site: LanguageFormats(site.strings[lang]["meta"]["babel_locale"])
        )

    def format_ahead(self, release: bool = True) -> None:
        """Make now every date and number the languages' builds print, then free the locale data
        (unless `release` is False: serve's next rebuild needs it again).

        Those builds come later, when a build holds the most memory (static-i18n runs each
        further language's build inside the first): generated pages are rendered already;
        what is left are the "last updated" dates and the hand-written pages that embed data.
        A value missed here is still right later, at the cost of loading the data again.
        """
        for day in sorted(set(self.changed.values())):
            for language in self.languages:
                self.formats(language.code).date(day.isoformat())
        for (path, lang), (markdown, meta) in self._hand_written_sources.items():
            if meta.get("data") is True:
                try:
                    result = self.render_hand_written(markdown, lang, f"{path}.{lang}.md")
                except Exception:  # reported when the page is rendered
                    continue
                self._hand_written_ahead[(path, lang)] = (markdown, result)
        for formats in self._derived.values():
            if isinstance(formats, LanguageFormats):
                formats.release()
        if release:
            release_locale_data()

    def hand_written_markdown(self, markdown: str, meta: dict[str, Any], lang: str, src_uri: str) -> str:
        """A hand-written page's Markdown as the site shows it: rendered with the data when its
        front matter says `data: true`, with the language's typography."""
        if meta.get("data") is True:
            markdown = self.render_hand_written(markdown, lang, src_uri)
        return self.typography(markdown, lang)

    def hand_written_page(self, path: str, lang: str) -> str:
        """A hand-written page made complete for any engine: rendered, its "last updated" date
        and edit address in the front matter (see `generate_site`'s `with_hand_written`)."""
        assert self.project is not None
        markdown, meta = self._hand_written_sources[(path, lang)]
        repository_path = f"{self.project.shown(self.project.docs_dir)}/{path}.{lang}.md"
        settings = {key: value for key, value in meta.items() if key != "data"}
        if (updated := self.last_updated(repository_path, lang)) is not None:
            settings["revision_date"] = updated
        if (address := edit_url(self.project.repo_url, self.project.edit_uri, repository_path)) is not None:
            settings["edit_url"] = address
        body = self.hand_written_markdown(markdown, meta, lang, f"{path}.{lang}.md")
        return front_matter(settings, repository_path, 1) + body

    def untranslated_page(self, path: str, lang: str, original: str) -> str:
        """A hand-written page `lang` lacks: its original, rendered in its own language, marked
        with that language, under a notice in `lang` (templates/_untranslated_page.md.j2)."""
        assert self.project is not None and self.environment is not None
        markdown, meta = self._hand_written_sources[(path, original)]
        repository_path = f"{self.project.shown(self.project.docs_dir)}/{path}.{original}.md"
        body = self.hand_written_markdown(markdown, meta, original, f"{path}.{original}.md")
        lines = body.split("\n")
        heading = next((index for index, line in enumerate(lines) if line.startswith("# ")), None)
        title = lines[heading][2:].strip() if heading is not None else None
        if heading is not None:
            del lines[heading]
        settings = {key: value for key, value in meta.items() if key != "data"}
        settings["translation_of"] = original
        if (address := edit_url(self.project.repo_url, self.project.edit_uri, repository_path)) is not None:
            settings["edit_url"] = address
        strings = self.strings[lang]
        notice = self.typography(
            untranslated_notice(self.environment, strings, self.formats(lang), lang, [original]), lang
        )
        page = self.environment.get_template("_untranslated_page.md.j2").render(
            title=Markup(title) if title else None,
            notice=Markup(notice),
            body=Markup("\n".join(lines)),
            original=original,
        )
        return front_matter(settings, repository_path, 1) + page

    def awaiting_translation(self) -> dict[str, list[str]]:
        """Per language, the data texts and hand-written pages shown in another language."""
        awaiting: dict[str, list[str]] = {language.code: [] for language in self.languages}
        for error, lacking in self.data.untranslated:
            for code in lacking:
                awaiting[code].append(str(error))
        for (path, lang), original in sorted(self.untranslated_pages.items()):
            awaiting[lang].append(f"docs/{path}.{lang}.md: page (shown in {original})")
        return awaiting

    def awaiting_notice(self) -> str | None:
        """What the build says of the texts awaiting translation (a notice, not an error)."""
        awaiting = {code: items for code, items in self.awaiting_translation().items() if items}
        if not awaiting:
            return None
        lines = ["Awaiting translation (each shown in its original language, marked, until translated):"]
        for code, items in awaiting.items():
            lines.append(f"  {code}: {len(items)}")
            lines += [f"    {item}" for item in items]
        return "\n".join(lines)

    def read_hand_written(self) -> None:
        """Read every hand-written page once, as MkDocs reads it (front matter apart)."""
        assert self.project is not None
        for path in self.hand_written:
            for language in self.languages:
                try:
                    source = (self.project.docs_dir / f"{path}.{language.code}.md").read_text(
                        encoding="utf-8-sig"
                    )
                except OSError:
                    continue
                self._hand_written_sources[(path, language.code)] = split_front_matter(source)

    def render(self, page: GeneratedPage, lang: str) -> str:
        assert self.environment is not None and self.project is not None
        extra = page.context(self, lang) if page.context is not None else {}
        template = self.environment.get_template(page.template)

        def markdown(read: set[str] | None) -> str:
            context = {**self.context(lang, page.path, read), "page": page, "entry": page.entry, **extra}
            cited = traced(self.data.sources_by_id(), read, "sources")
            body = render_template(template, context, cited, self.formats(lang), page.path)
            return self.typography(body, lang)

        memo = self.render_memo
        body = (
            markdown(None)
            if memo is None
            else memo.markdown(page.path, lang, template, extra, page.data_file, markdown)
        )
        settings: dict[str, Any] = {"title": self.title(page, lang)}
        if description := page.description(lang):
            # Printed unescaped into an attribute by the theme.
            settings["description"] = html.escape(self.description(description, lang), quote=True)
        settings.update(page.front_matter)
        if (updated := self.last_updated(page.data_file, lang)) is not None:
            settings["revision_date"] = updated  # shown by the theme as "last updated"
        if (address := edit_url(self.project.repo_url, self.project.edit_uri, page.data_file)) is not None:
            settings["edit_url"] = address  # the data file, not the generated page
        return front_matter(settings, page.data_file, page.data_line) + body

    def render_hand_written(self, markdown: str, lang: str, src_uri: str) -> str:
        """A hand-written page that embeds data: its Markdown is a template too."""
        assert self.environment is not None
        page_path = strip_language(src_uri, self.languages)
        source, result = self._hand_written_ahead.get((page_path, lang), (None, ""))
        if source == markdown:
            return result
        template = self.environment.from_string(markdown)
        return render_template(
            template, self.context(lang, page_path), self.data.sources_by_id(), self.formats(lang), page_path
        )


def generate_site(
    project: Project,
    template_cache: jinja2.BytecodeCache | None = None,
    validated: ValidatedData | None = None,
    theme_labels: frozenset[str] | None = None,
    out_dir: Path | None = None,
    with_hand_written: bool = False,
    render_memo: RenderMemo | None = None,
    composed: ComposedYaml | None = None,
) -> SiteBuild:
    """Load and validate everything, then write the generated pages of every language into
    `out_dir` (default: the docs folder).

    Nothing is written unless the data, the strings and the hand-written pages are all good.
    `template_cache`, `validated`: what a build keeps for the next (see their modules);
    `theme_labels`: the theme's labels that strings may reword (see strings.py);
    `render_memo`, `composed`: serve's rendered pages and parsed files (render_memo.py, yaml_source.py);
    `with_hand_written`: also write the hand-written pages, rendered, so that `out_dir` holds
    every page ready for an engine without this project's plugin.
    """
    codes = project.codes
    errors: list[DataError] = []
    strings: dict[str, dict] = {}
    data = None
    try:
        strings = load_strings(codes, theme_labels=theme_labels, composed=composed)
    except DataValidationError as error:
        errors += error.errors
    try:
        data = load_site_data(
            project.data_dir,
            codes,
            display_root=project.root,
            validated=validated,
            every_language=project.every_language,
            composed=composed,
        )
    except DataValidationError as error:
        errors += error.errors
    if data is not None:
        pages = generated_pages(data)
        hand_written, page_errors, untranslated_pages = check_hand_written(
            project.docs_dir, project.languages, {p.path for p in all_pages(pages)}, project.every_language
        )
        errors += page_errors
    if errors:
        raise DataValidationError(errors)
    assert data is not None
    site = SiteBuild(
        project.languages,
        strings,
        data,
        project=project,
        pages=pages,
        hand_written=hand_written,
        environment=make_environment(template_cache),
        changed=last_commit_dates(project.root),
        untranslated_pages=untranslated_pages,
        render_memo=render_memo,
    )
    if render_memo is not None:
        render_memo.start_build(site.environment, strings, data, project.every_language)
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
    site.read_hand_written()
    if with_hand_written:
        for path, lang in site._hand_written_sources:
            try:
                texts[f"{path}.{lang}.md"] = site.hand_written_page(path, lang)
            except Exception as error:  # a template mistake in a hand-written page
                raise DataValidationError([DataError(f"docs/{path}.{lang}.md", 1, str(error))]) from None
    for (path, lang), original in site.untranslated_pages.items():
        try:
            texts[f"{path}.{lang}.md"] = site.untranslated_page(path, lang, original)
        except Exception as error:  # a template mistake in the original
            raise DataValidationError([DataError(f"docs/{path}.{original}.md", 1, str(error))]) from None
    site.format_ahead(release=render_memo is None)  # serve (a render memo) keeps Babel's data
    target = out_dir or project.docs_dir
    report = write_generated(target, texts)
    site.generated_files = {(target / path).resolve() for path in (*texts, *report.removed)}
    # Every message that names a line was given by now (the pages know their own line).
    for document in data.documents.values():
        document.release_lines()
    return site
