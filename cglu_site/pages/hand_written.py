"""Hand-written pages (docs/<path>.<lang>.md): found, checked for every language, and, when
their front matter says `data: true`, rendered with the data as templates."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from cglu_site.data.languages import Language
from cglu_site.data.validation import DataError
from cglu_site.data.yaml_messages import undecodable
from cglu_site.pages.writer import is_generated

# As MkDocs reads front matter (mkdocs.utils.meta): a YAML block between two `---` lines.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def split_front_matter(source: str) -> tuple[str, dict[str, Any]]:
    """(Markdown, front matter) of a page; no or unreadable front matter gives {}."""
    match = _FRONT_MATTER.match(source)
    if match is None:
        return source, {}
    try:
        meta = yaml.safe_load(match.group(1))
    except yaml.YAMLError:
        return source, {}
    if not isinstance(meta, dict):
        return source, {}
    return source[match.end() :].lstrip("\n"), meta


def strip_language(src_uri: str, languages: list[Language]) -> str:
    """'commissions/culture.en.md' -> 'commissions/culture'."""
    stem = src_uri.removesuffix(".md")
    for language in languages:
        if stem.endswith(f".{language.code}"):
            return stem[: -len(language.code) - 1]
    return stem


def hand_written_files(docs_dir: Path, languages: list[Language]) -> Iterator[tuple[Path, str, str]]:
    """Each hand-written page's file (generated ones aside), its page ('about-this-site')
    and its language's code, as `docs/<page>.<lang>.md` names them."""
    for path in sorted(docs_dir.rglob("*.md")):
        if is_generated(path):
            continue
        relative = path.relative_to(docs_dir).as_posix()
        base = strip_language(relative, languages)
        yield path, base, relative.removesuffix(".md")[len(base) + 1 :]


def hand_written_pages(
    docs_dir: Path, languages: list[Language], generated: set[str], every_language: bool = True
) -> tuple[list[str], list[DataError], dict[tuple[str, str], str]]:
    """Hand-written pages (docs/<path>.<lang>.md), each required in every language
    (`every_language`) or in one at least; then the third value maps each (page, language)
    it lacks to the language of its original, shown there until it is translated."""
    found: dict[str, set[str]] = {}
    for _, base, code in hand_written_files(docs_dir, languages):
        found.setdefault(base, set()).add(code)
    errors = []
    originals: dict[tuple[str, str], str] = {}
    for base, codes in sorted(found.items()):
        if base in generated:
            errors.append(
                DataError(
                    f"docs/{base}.md", 1, "this page is generated from data; remove the hand-written file"
                )
            )
        original = next((language.code for language in languages if language.code in codes), None)
        for language in languages:
            if language.code not in codes and original is not None and not every_language:
                originals[(base, language.code)] = original
            elif language.code not in codes:
                have = sorted(codes - {""})
                errors.append(
                    DataError(
                        f"docs/{base}.{language.code}.md",
                        1,
                        f"missing: the page exists in {', '.join(have) or 'no language suffix'} but not in {language.name} "
                        f"({language.code}); every page must exist in every language",
                    )
                )
    return [base for base in found if base not in generated], errors, originals


# A Markdown link or image, `[text](target "title")`, or a reference, `[name]: target`.
_LINK = re.compile(
    r"!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+[^)]*)?\)|^\s{0,3}\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)"
)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"`[^`\n]*`")


def broken_links(docs_dir: Path, languages: list[Language], pages: set[str]) -> list[DataError]:
    """Links of hand-written pages to a page that does not exist, with the page's line: the
    strict build would stop on them with a warning that names neither `docs/` nor the line.
    `pages`: every page of the site, generated or hand-written, without language suffix."""
    errors = []
    for path in sorted(docs_dir.rglob("*.md")):
        if is_generated(path):
            continue
        relative = path.relative_to(docs_dir).as_posix()
        folder = relative.rpartition("/")[0]
        fence = None
        raw = path.read_bytes()
        try:
            source = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            errors.append(DataError(f"docs/{relative}", *undecodable(error, raw)))
            continue
        for number, line in enumerate(source.splitlines(), start=1):
            if match := _FENCE.match(line):
                marker = match[1][0] * 3
                fence = None if fence == marker else (fence or marker)
                continue
            if fence:
                continue
            for match in _LINK.finditer(_CODE_SPAN.sub("", line)):
                target = match[1] or match[2]
                address = target.split("#", 1)[0].split("?", 1)[0]
                if not address.endswith(".md") or "://" in address or "{" in address:
                    continue
                page = _resolve(folder, address)
                if page is not None and strip_language(page, languages) in pages:
                    continue
                errors.append(
                    DataError(
                        f"docs/{relative}",
                        number,
                        f"the link '{target}' leads to no page of the site: correct the address (it is "
                        f"relative to this page's folder and names the page without its language, e.g. "
                        f"'commissions/culture.md'), or remove the link",
                    )
                )
    return errors


def _resolve(folder: str, address: str) -> str | None:
    """The docs-relative path of a link from a page of `folder`; None when it leaves docs/."""
    parts = [] if address.startswith("/") else [part for part in folder.split("/") if part]
    for part in address.lstrip("/").split("/"):
        if part == "..":
            if not parts:
                return None
            parts.pop()
        elif part not in ("", "."):
            parts.append(part)
    return "/".join(parts)


def check_hand_written(
    docs_dir: Path, languages: list[Language], generated: set[str], every_language: bool = True
) -> tuple[list[str], list[DataError], dict[tuple[str, str], str]]:
    """The hand-written pages, every mistake in them (a language missing when `every_language`
    requires it, or missing in every language; a broken link), and the (page, language) pairs
    awaiting translation, each mapped to the language of its original (see hand_written_pages)."""
    pages, errors, originals = hand_written_pages(docs_dir, languages, generated, every_language)
    return pages, errors + broken_links(docs_dir, languages, generated | set(pages)), originals
