"""Drop from Material's stylesheets what no page of the site can use.

Material's main.css (about 137 KB) styles every feature of the theme; the site uses a few. Its
palette.css (12 KB) colours every scheme and colour the theme offers; the site uses two schemes
in one colour (theme.palette of mkdocs.yml).
After the build, the rules whose selectors need a class that no page has (nor Material's
script adds) are removed, then the custom properties and @keyframes nothing uses any more.
A selector is judged by what it certainly needs: its classes, `[dir=…]`, and, when the
caller knows them, its element names, `[role=…]` and the palette's `[data-md-color-…=…]`; for `:is()`/`:where()` what at least one of
their arguments needs; `:not()`, `:has()` and everything else are assumed to match. At-rules
other than @media/@supports are kept whole, but for @keyframes nothing names any more.
The stylesheet is parsed by css_parse.py. The last result is kept in the plugin's cache folder with a digest of its inputs: a build whose pages
use what the last build's used (most builds) takes it from there.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from cglu_site.cache import Cache
from cglu_site.mkdocs import css_parse
from cglu_site.mkdocs.css_parse import VAR, Group, Keyframes, Rule, Verbatim, parsed_stylesheet

# Classes Material's script (bundle.*.min.js) adds to pages at run time, for the features this
# site enables. tests/browser/test_css_purge_in_browser.py checks that a live page, in every
# state it is tested in, has no class outside its HTML's and these.
RUNTIME_CLASSES = frozenset(
    {
        # <html>: the script runs (instead of "no-js"); the focus-visible polyfill, whose
        # class marks the element focused with the keyboard.
        "js",
        "js-focus-visible",
        "focus-visible",
        # Header: a shadow once scrolled; the page title replaces the site name.
        "md-header--shadow",
        "md-header__title--active",
        # Table of contents: the section being read, and those above it.
        "md-nav__link--active",
        "md-nav__link--passed",
        # Navigation: a section partly open.
        "md-toggle--indeterminate",
        # Search results (search.highlight marks the terms with <mark>, no class).
        "md-search-result__item",
        "md-search-result__link",
        "md-search-result__article",
        "md-search-result__icon",
        "md-search-result__more",
        "md-search-result__terms",
        "md-icon",
        "md-typeset",
        # Tables in content are wrapped to scroll sideways.
        "md-typeset__scrollwrap",
        "md-typeset__table",
        # The dialog (e.g. "copied") fading in.
        "md-dialog--active",
    }
)

# Elements that are in pages without being in their HTML: implied by the HTML parser, or made by
# Material's script (search results, table wrappers, the search highlight's <mark>). The same
# browser test checks them.
RUNTIME_ELEMENTS = frozenset(
    {"html", "head", "body", "tbody"}
    | {"div", "span", "a", "nav", "ul", "li", "p", "h1", "h2", "h3", "article", "aside", "button"}
    | {"details", "summary", "mark", "del", "table", "textarea", "meta", "link", "script"}
)

# `role` values Material's script sets (search results list, tooltips).
RUNTIME_ROLES = frozenset({"list", "presentation", "dialog", "tooltip"})

# Material's stylesheets, purged (their names carry a hash that changes with Material).
THEME_STYLESHEETS = ("main.*.min.css", "palette.*.min.css")

# Attributes as the build writes them (`class="a b"`): a literal start keeps the search fast.
_CLASS_ATTRIBUTE = re.compile(r"""class=(?:"([^"]*)"|'([^']*)'|([\w-]+))""")
_DIR_ATTRIBUTE = re.compile(r"""dir=["']?([A-Za-z]+)""")
_ROLE_ATTRIBUTE = re.compile(r"""role=["']?([A-Za-z]+)""")
_COLOR_ATTRIBUTE = re.compile(r"""(data-md-color-(?:scheme|primary|accent))=["']?([\w-]+)""")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")

# The purge's result depends on this code and the parser's.
_THIS_CODE = Path(__file__).read_bytes() + Path(css_parse.__file__).read_bytes()


@dataclass
class Usage:
    """What the built pages use: classes, `dir` and `role` values, elements, custom properties
    read in style attributes."""

    classes: set[str] = field(default_factory=set)
    dirs: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    colors: set[str] = field(default_factory=set)  # `data-md-color-scheme=slate`…
    elements: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        # Once per page of every language: kept cheap (one join, then sets).
        self.classes.update(" ".join(map("".join, _CLASS_ATTRIBUTE.findall(html))).split())
        self.dirs.update(value.lower() for value in set(_DIR_ATTRIBUTE.findall(html)))
        self.roles.update(value.lower() for value in set(_ROLE_ATTRIBUTE.findall(html)))
        if "data-md-color-" in html:
            self.colors.update(
                f"{name}={value.lower()}" for name, value in set(_COLOR_ATTRIBUTE.findall(html))
            )
        self.elements.update(name.lower() for name in set(_TAG.findall(html)))
        if "var(" in html:
            self.variables.update(VAR.findall(html))


def purge(
    css: str,
    classes: Iterable[str],
    dirs: Iterable[str] = (),
    outside: str = "",
    elements: Iterable[str] | None = None,
    roles: Iterable[str] | None = None,
    cache: Cache | None = None,
    colors: Iterable[str] | None = None,
    name: str = "stylesheet",
) -> str:
    """`css` without what cannot apply to pages using `classes` and `dirs` (values of `dir`).

    `elements`, `roles`, `colors`: the element names, `role` values and palette attributes
    (`data-md-color-scheme=slate`) the pages have; None judges no selector by them. `outside` is other CSS of the same pages (other stylesheets, style
    attributes): the custom properties and keyframes it names are kept. `cache`: where
    the parsed stylesheet and the result are kept for the next build, under `name` (one
    stylesheet's do not replace another's).
    """
    used = {"." + name for name in classes} | {"dir=" + value.lower() for value in dirs}
    used.update("<" + name.lower() for name in elements or ())
    used.update("role=" + value.lower() for value in roles or ())
    used.update(colors or ())
    unjudged = (
        ("<",) * (elements is None) + ("role=",) * (roles is None) + ("data-md-color-",) * (colors is None)
    )
    # The result depends on these inputs only: the last one is kept, as most builds repeat it.
    inputs = "\0".join([css, outside, *unjudged, *sorted(used)]).encode("utf-8") + _THIS_CODE
    key = hashlib.sha1(inputs).hexdigest()
    last = f"purge-{name}"
    if cache is not None and (kept := cache.last_result(last, key)) is not None:
        return kept
    result = _purged(css, frozenset(used), unjudged, outside, cache, name)
    if cache is not None:
        cache.keep_result(last, key, result)
    return result


def _purged(
    css: str, used: frozenset[str], unjudged: tuple[str, ...], outside: str, cache: Cache | None, name: str
) -> str:
    nodes = _kept(parsed_stylesheet(css, cache, name), used, unjudged)
    nodes = _without_variables(nodes, _used_variables(nodes, outside))
    names = {name for node in _walk(nodes) if isinstance(node, Rule) for name in node.animations}
    return "".join(
        node.text() for node in _without_keyframes(nodes, names | set(re.findall(r"[\w-]+", outside)))
    )


def purge_theme_stylesheet(
    site_dir: Path, theme_dirs: Iterable[str], usage: Usage, cache: Cache | None = None
) -> list[Path]:
    """Rewrite the built site's assets/stylesheets/main.*.min.css (and palette.*.min.css, when
    the theme has a palette) in place, purged.

    The text is read from the theme (not the site, which may hold an earlier purge); each file
    keeps its name, which the theme's templates link; its source map no longer applies. What
    one of them reads from the other (custom properties) is kept.
    """
    folder = site_dir / "assets" / "stylesheets"
    targets = sorted(path for pattern in THEME_STYLESHEETS for path in folder.glob(pattern))
    sources = {target: _theme_source(target, theme_dirs).read_text(encoding="utf-8") for target in targets}
    others = "".join(
        path.read_text(encoding="utf-8") for path in site_dir.rglob("*.css") if path not in targets
    ) + "".join(f"var({name})" for name in usage.variables)
    for target in targets:
        purged = purge(
            sources[target],
            usage.classes | RUNTIME_CLASSES,
            usage.dirs,
            others + "".join(css for other, css in sources.items() if other != target),
            elements=usage.elements | RUNTIME_ELEMENTS,
            roles=usage.roles | RUNTIME_ROLES,
            cache=cache,
            colors=usage.colors,
            name=target.name.split(".")[0],
        )
        target.write_text(purged, encoding="utf-8")
        target.with_name(target.name + ".map").unlink(missing_ok=True)
    return targets


def _theme_source(target: Path, theme_dirs: Iterable[str]) -> Path:
    return next(
        (
            Path(theme_dir) / "assets" / "stylesheets" / target.name
            for theme_dir in theme_dirs
            if (Path(theme_dir) / "assets" / "stylesheets" / target.name).is_file()
        ),
        target,
    )


# Purging.


def _kept(nodes: Iterable, used: frozenset[str], unjudged: tuple[str, ...]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, Rule):
            selectors = [
                (text, needs)
                for text, needs in node.selectors
                if any(_met(need, used, unjudged) for need in needs)
            ]
            if len(selectors) == len(node.selectors) or (
                # A browser drops a whole list for one selector it does not know (a vendor's
                # pseudo-element): such a list is kept whole, or dropped whole.
                selectors and any(":-" in text for text, _ in node.selectors)
            ):
                kept.append(node)
            elif selectors:
                kept.append(_copy_rule(node, selectors))
        elif isinstance(node, Group):
            children = _kept(node.children, used, unjudged)
            if children:
                kept.append(Group(node.prelude, children))
        else:
            kept.append(node)
    return kept


def _met(need: frozenset[str], used: frozenset[str], unjudged: tuple[str, ...]) -> bool:
    """Whether what a selector needs is all used (needs of the kinds `unjudged` count as met)."""
    return need <= used or all(name in used or name.startswith(unjudged) for name in need)


def _copy_rule(rule: Rule, selectors: list | None = None, declarations: list | None = None) -> Rule:
    return Rule(
        rule.selectors if selectors is None else selectors,
        rule.declarations if declarations is None else declarations,
        rule.body,
        rule.animations,
    )


def _walk(nodes: Iterable) -> Iterable:
    for node in nodes:
        yield node
        if isinstance(node, Group):
            yield from _walk(node.children)


def _used_variables(nodes: list, outside: str) -> set[str]:
    """Custom properties read by a kept declaration, directly or through other custom properties."""
    read = set(VAR.findall(outside))
    definitions: dict[str, set[str]] = {}
    for node in _walk(nodes):
        if isinstance(node, Rule) and node.declarations is not None:
            for declaration in node.declarations:
                if declaration.defines is None:
                    read |= declaration.reads
                else:
                    definitions.setdefault(declaration.defines, set()).update(declaration.reads)
        elif isinstance(node, Rule | Verbatim | Keyframes):
            read.update(VAR.findall(node.body))
    pending = list(read)
    while pending:  # the fixpoint: what the read properties themselves read
        for name in definitions.pop(pending.pop(), ()):
            if name not in read:
                read.add(name)
                pending.append(name)
    return read


def _without_variables(nodes: Iterable, variables: set[str]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, Rule) and node.declarations is not None:
            declarations = [
                declaration
                for declaration in node.declarations
                if declaration.defines is None or declaration.defines in variables
            ]
            if declarations:
                same = len(declarations) == len(node.declarations)
                kept.append(node if same else _copy_rule(node, declarations=declarations))
        elif isinstance(node, Group):
            children = _without_variables(node.children, variables)
            if children:
                kept.append(Group(node.prelude, children))
        else:
            kept.append(node)
    return kept


def _without_keyframes(nodes: Iterable, names: set[str]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, Group):
            children = _without_keyframes(node.children, names)
            if children:
                kept.append(Group(node.prelude, children))
        elif not isinstance(node, Keyframes) or node.name in names:
            kept.append(node)
    return kept
