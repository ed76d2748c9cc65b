"""A first build compiles templates and parses the theme's stylesheets in a second process
(option `parallel`), while this one reads and checks the data.

Without a cache (a fresh checkout, CI, a new contributor), a build compiles our page
templates and some fifty of the theme's, and parses Material's stylesheet for the CSS purge:
work that needs no data, done one after the other on one core while the data is read,
checked and made into pages. Here, at the start of the build, a second process (a fork: same
settings, same theme) does it, and keeps the results in the plugin's cache; this process
finds them there when it gets to them (templates: pages/template_cache.py; the stylesheet:
css_parse.py), or does whatever is not there yet itself. The results are the same either
way: Jinja checks each compiled template against its source, and the parsed stylesheet is
kept under a digest of its text.

The second process is the one of ahead.py (it prints nothing, writes nothing but the
cache's rows, and stops at the end of its current piece when told); each piece that fails
is left to this process, which then does it and reports any error itself. It runs when a
build has no compiled theme template in its cache: a build with a warm cache has nothing
to prepare.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import meta

from cglu_site.cache import Cache
from cglu_site.mkdocs.css_parse import parsed_stylesheet
from cglu_site.mkdocs.css_purge import THEME_STYLESHEETS
from cglu_site.pages.render import make_environment
from cglu_site.pages.template_cache import TemplateCache

Piece = Callable[[], None]


def preparations(theme: Any, page_templates: TemplateCache, cache: Cache | None, *, css: bool) -> list[Piece]:
    """What a first build can do before it has any data, in the order it is needed (page
    templates, then the theme's, then the stylesheets when `css`, for the purge); nothing is
    parsed nor compiled here: the second process does it."""
    pages = make_environment(page_templates)
    markdown = [name for name in pages.list_templates() if name.endswith(".md.j2")]  # not outputs' XML
    pieces: list[Piece] = [_compiling(pages, name) for name in markdown]
    roots = ["main.html", "404.html", *sorted(theme.static_templates), *_page_templates_of(theme)]
    pieces.append(lambda: _compile_theme_templates(theme, roots))
    if css and cache is not None:
        pieces += [_parsing(path, cache) for path in theme_stylesheets(theme.dirs)]
    return pieces


def referenced_templates(environment: jinja2.Environment, roots: Iterable[str]) -> list[str]:
    """`roots` and every template they extend, include or import, named literally (a name
    made at render time is compiled when a page asks for it)."""
    found: list[str] = []
    waiting = list(roots)
    while waiting:
        name = waiting.pop(0)
        if name in found:
            continue
        try:
            source = environment.loader.get_source(environment, name)[0]  # type: ignore[union-attr]
            named = meta.find_referenced_templates(environment.parse(source))
        except jinja2.TemplateError:
            continue  # missing or wrong: the build says so when it renders it
        found.append(name)
        waiting += [other for other in named if other is not None]
    return found


def _compile_theme_templates(theme: Any, roots: list[str]) -> None:
    environment = theme.get_env()  # shares the theme's template cache (theme.py)
    for name in referenced_templates(environment, roots):
        _quietly(lambda name=name: environment.get_template(name))


def theme_stylesheets(theme_dirs: Iterable[str]) -> list[Path]:
    """The theme's stylesheets the CSS purge reads (css_purge.py), one per name."""
    chosen: dict[str, Path] = {}
    for theme_dir in theme_dirs:  # the first folder holding a name wins, as for the theme's files
        for pattern in THEME_STYLESHEETS:
            for path in sorted((Path(theme_dir) / "assets" / "stylesheets").glob(pattern)):
                chosen.setdefault(path.name, path)
    return [chosen[name] for name in sorted(chosen)]


def _page_templates_of(theme: Any) -> list[str]:
    """The templates of the project's theme folder (custom_dir) that pages name (`template:`)."""
    if not theme.custom_dir:
        return []
    return sorted(path.name for path in Path(theme.custom_dir).glob("*.html"))


def _compiling(environment: jinja2.Environment, name: str) -> Piece:
    return lambda: _quietly(lambda: environment.get_template(name))


def _parsing(path: Path, cache: Cache) -> Piece:
    return lambda: _quietly(
        lambda: parsed_stylesheet(path.read_text(encoding="utf-8"), cache, name=path.name.split(".")[0])
    )


def _quietly(work: Callable[[], object]) -> None:
    try:
        work()
    except Exception:  # noqa: BLE001 - the build does this piece itself and reports what is wrong
        pass
