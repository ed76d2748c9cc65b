"""Under `mkdocs serve`: a generated page whose template would read the same data as at the
last rebuild is not rendered again.

A render is traced: which data files its template read (through `data`, `organisation` or a
citation; the page's own file always counts), each file known by the digest of its bytes.
The next rebuild reuses the page's Markdown when its template, the templates folder, the
language's strings, the page's extra variables (page kinds' `context`, e.g. the day of the
build) and every data file it read are as they were. A template that shows the translation
table (which reads everything) is always rendered.

The memo lives in memory for one serve session (cglu_site/mkdocs/memos/kept.py holds it);
`python -m cglu_site generate` and `mkdocs build` render every page.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import sysconfig
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from cglu_site.data.site_data import SiteData

_PACKAGES = tuple(
    os.path.realpath(path) for path in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
)
# Context variables that read every data file and page: templates using them are not memoized.
UNTRACED = frozenset({"translation_status"})


class Traced(dict):
    """A mapping of the data whose reads are recorded: each key read names a data file
    (`data`), or any read names one file (`organisation`, the citations' sources)."""

    def __init__(self, values: dict, read: set[str], stem: str | None = None) -> None:
        super().__init__(values)
        self._read, self._stem = read, stem

    def _note(self, key: Any) -> None:
        self._read.add(self._stem if self._stem is not None else key)

    def _note_all(self) -> None:
        self._read.update([self._stem] if self._stem is not None else self.keys())

    def __getitem__(self, key: Any) -> Any:
        self._note(key)
        return super().__getitem__(key)

    def get(self, key: Any, default: Any = None) -> Any:
        self._note(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self._note(key)
        return super().__contains__(key)

    def __iter__(self) -> Iterator[Any]:
        self._note_all()
        return super().__iter__()

    def items(self):  # type: ignore[override]
        self._note_all()
        return super().items()

    def values(self):  # type: ignore[override]
        self._note_all()
        return super().values()

    def keys(self):  # type: ignore[override]
        self._note_all()
        return super().keys()


def traced(values: dict, read: set[str] | None, stem: str | None = None) -> dict:
    """`values` as a `Traced` mapping noting into `read`; as they are if `read` is None."""
    return values if read is None else Traced(values, read, stem)


@dataclass
class _Rendered:
    key: str  # template, templates folder, strings, extra variables
    read: dict[str, str]  # data file stem -> digest of its bytes when rendered
    markdown: str


@dataclass
class RenderMemo:
    rendered: int = 0  # counts of the last build, for tests and the benchmark
    reused: int = 0
    _pages: dict[tuple[str, str], _Rendered] = field(default_factory=dict)
    _untraced: dict[str, bool] = field(default_factory=dict)
    _templates: str = ""  # digest of the templates folders' files
    _shared: dict[str, str] = field(default_factory=dict)  # language -> see start_build
    _digests: dict[str, str] = field(default_factory=dict)  # data file stem -> digest of its bytes
    _stems: dict[str, str] = field(default_factory=dict)  # repository path -> stem

    def start_build(
        self, environment: jinja2.Environment, strings: dict[str, dict], data: SiteData, every_language: bool
    ) -> None:
        """What this build's pages depend on besides the data files they read: the templates
        (names, sizes, times), each language's strings, the languages, the translation rule."""
        self.rendered = self.reused = 0
        templates = folder_files_digest(getattr(environment.loader, "searchpath", []))
        if templates != self._templates:
            self._templates = templates
            self._untraced.clear()
        self._shared = {}
        for lang, texts in strings.items():
            text = json.dumps(
                [texts, list(strings), every_language], sort_keys=True, ensure_ascii=False, default=str
            )
            self._shared[lang] = templates + hashlib.blake2b(text.encode("utf-8")).hexdigest()
        self._digests = {stem: document.digest for stem, document in data.documents.items()}
        self._stems = {document.file: stem for stem, document in data.documents.items()}

    def markdown(
        self,
        path: str,
        lang: str,
        template: jinja2.Template,
        extra: dict[str, Any],
        data_file: str,
        render: Callable[[set[str]], str],
    ) -> str:
        """The Markdown of page `path` in `lang`: kept from last time, or `render(read)`
        (which adds to `read` the stems of the data files the render reads). `extra`: the
        page kind's variables; `data_file`: the page's own file (always read)."""
        if self._uses_untraced(template):
            self.rendered += 1
            return render(set())
        try:
            extra_digest = hashlib.blake2b(pickle.dumps(extra, protocol=5)).hexdigest()
        except (pickle.PicklingError, TypeError, AttributeError):
            self.rendered += 1
            return render(set())
        key = f"{template.name}\0{self._shared[lang]}\0{extra_digest}"
        kept = self._pages.get((path, lang))
        if (
            kept is not None
            and kept.key == key
            and all(self._digests.get(stem) == digest for stem, digest in kept.read.items())
        ):
            self.reused += 1
            return kept.markdown
        read = {self._stems[data_file]}
        markdown = render(read)
        self.rendered += 1
        self._pages[(path, lang)] = _Rendered(
            key, {stem: self._digests.get(stem, "") for stem in read}, markdown
        )
        return markdown

    def _uses_untraced(self, template: jinja2.Template) -> bool:
        name = template.name or ""
        if name not in self._untraced:
            self._untraced[name] = bool(_variables(template.environment, name) & UNTRACED)
        return self._untraced[name]


def _variables(environment: jinja2.Environment, name: str) -> set[str]:
    """The context variables a template and the templates it includes or imports read."""
    seen: set[str] = set()
    names: set[str] = set()
    pending = [name]
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        assert environment.loader is not None
        source, _, _ = environment.loader.get_source(environment, current)
        tree = environment.parse(source)
        names |= jinja2.meta.find_undeclared_variables(tree)
        pending += [found for found in jinja2.meta.find_referenced_templates(tree) if found]
    return names


def folder_files_digest(folders: Iterable[str]) -> str:
    """The folders' files that can change while serving, by path, size and time; an installed
    package's folder by its path only (it changes with an upgrade, which restarts serve)."""
    entries: list[str] = []
    for folder in folders:
        if os.path.realpath(folder).startswith(_PACKAGES):
            entries.append(folder)
            continue
        for path in sorted(Path(folder).rglob("*")):
            if path.is_file():
                status = path.stat()
                entries.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return hashlib.blake2b("\n".join(entries).encode("utf-8", "surrogateescape"), digest_size=20).hexdigest()
