"""Drop from Material's stylesheet what no page of the site can use.

Material's main.css (about 137 KB) styles every feature of the theme; the site uses a few.
After the build, the rules whose selectors need a class that no page has (nor Material's
script adds) are removed, then the custom properties and @keyframes nothing uses any more.
A selector is judged by what it certainly needs: its classes, `[dir=…]`, and, when the
caller knows them, its element names and `[role=…]`; for `:is()`/`:where()` what at least one of
their arguments needs; `:not()`, `:has()` and everything else are assumed to match. At-rules
other than @media/@supports are kept whole, but for @keyframes nothing names any more.
The last result is kept in `.cache/cglu/` with a digest of its inputs: a build whose pages
use what the last build's used (most builds) takes it from there.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import tinycss2
from tinycss2 import ast

from .build_cache import keep_result, last_result

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

# Pseudo-classes that match when one of their arguments does.
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
_COMBINATORS = {">", "+", "~", "||"}
_MAX_ALTERNATIVES = 64  # past this, a selector is simply kept
# Attributes as the build writes them (`class="a b"`): a literal start keeps the search fast.
_CLASS_ATTRIBUTE = re.compile(r"""class=(?:"([^"]*)"|'([^']*)'|([\w-]+))""")
_DIR_ATTRIBUTE = re.compile(r"""dir=["']?([A-Za-z]+)""")
_ROLE_ATTRIBUTE = re.compile(r"""role=["']?([A-Za-z]+)""")
_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Usage:
    """What the built pages use: classes, `dir` and `role` values, elements, custom properties
    read in style attributes."""

    classes: set[str] = field(default_factory=set)
    dirs: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    elements: set[str] = field(default_factory=set)
    variables: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        # Once per page of every language: kept cheap (one join, then sets).
        self.classes.update(" ".join(map("".join, _CLASS_ATTRIBUTE.findall(html))).split())
        self.dirs.update(value.lower() for value in set(_DIR_ATTRIBUTE.findall(html)))
        self.roles.update(value.lower() for value in set(_ROLE_ATTRIBUTE.findall(html)))
        self.elements.update(name.lower() for name in set(_TAG.findall(html)))
        if "var(" in html:
            self.variables.update(_VAR.findall(html))


def purge(
    css: str,
    classes: Iterable[str],
    dirs: Iterable[str] = (),
    outside: str = "",
    elements: Iterable[str] | None = None,
    roles: Iterable[str] | None = None,
    cache_dir: Path | None = None,
) -> str:
    """`css` without what cannot apply to pages using `classes` and `dirs` (values of `dir`).

    `elements`, `roles`: the element names and `role` values the pages have; None judges no
    selector by them. `outside` is other CSS of the same pages (other stylesheets, style
    attributes): the custom properties and keyframes it names are kept. `cache_dir`: where
    the parsed stylesheet is kept for the next build (see `parsed_stylesheet`).
    """
    used = {"." + name for name in classes} | {"dir=" + value.lower() for value in dirs}
    used.update("<" + name.lower() for name in elements or ())
    used.update("role=" + value.lower() for value in roles or ())
    unjudged = ("<",) * (elements is None) + ("role=",) * (roles is None)
    # The result depends on these inputs only: the last one is kept, as most builds repeat it.
    inputs = "\0".join([css, outside, *unjudged, *sorted(used)]).encode("utf-8") + _THIS_MODULE
    key = hashlib.sha1(inputs).hexdigest()
    if cache_dir is not None and (kept := last_result(cache_dir / "last-purge.css", key)) is not None:
        return kept
    result = _purged(css, frozenset(used), unjudged, outside, cache_dir)
    if cache_dir is not None:
        keep_result(cache_dir / "last-purge.css", key, result)
    return result


def _purged(
    css: str, used: frozenset[str], unjudged: tuple[str, ...], outside: str, cache_dir: Path | None
) -> str:
    nodes = _kept(parsed_stylesheet(css, cache_dir), used, unjudged)
    nodes = _without_variables(nodes, _used_variables(nodes, outside))
    names = {name for node in _walk(nodes) if isinstance(node, _Rule) for name in node.animations}
    return "".join(
        node.text() for node in _without_keyframes(nodes, names | set(re.findall(r"[\w-]+", outside)))
    )


def purge_theme_stylesheet(
    site_dir: Path, theme_dirs: Iterable[str], usage: Usage, cache_dir: Path | None = None
) -> list[Path]:
    """Rewrite the built site's assets/stylesheets/main.*.min.css in place, purged.

    The text is read from the theme (not the site, which may hold an earlier purge); the file
    keeps its name, which the theme's templates link; its source map no longer applies.
    """
    folder = site_dir / "assets" / "stylesheets"
    targets = sorted(folder.glob("main.*.min.css"))
    outside = "".join(
        path.read_text(encoding="utf-8") for path in site_dir.rglob("*.css") if path not in targets
    ) + "".join(f"var({name})" for name in usage.variables)
    for target in targets:
        source = next(
            (
                Path(theme_dir) / "assets" / "stylesheets" / target.name
                for theme_dir in theme_dirs
                if (Path(theme_dir) / "assets" / "stylesheets" / target.name).is_file()
            ),
            target,
        )
        css = source.read_text(encoding="utf-8")
        purged = purge(
            css,
            usage.classes | RUNTIME_CLASSES,
            usage.dirs,
            outside,
            elements=usage.elements | RUNTIME_ELEMENTS,
            roles=usage.roles | RUNTIME_ROLES,
            cache_dir=cache_dir,
        )
        target.write_text(purged, encoding="utf-8")
        target.with_name(target.name + ".map").unlink(missing_ok=True)
    return targets


def parse_errors(css: str) -> list[str]:
    """The parse errors tinycss2 finds in a stylesheet, at any depth (none in a good one)."""
    errors: list[str] = []

    def visit(nodes: Iterable[ast.Node]) -> None:
        for node in nodes:
            if node.type == "error":
                errors.append(f"{node.source_line}:{node.source_column}: {node.message}")
            elif node.type in ("qualified-rule", "at-rule") and node.content is not None:
                visit(tinycss2.parse_blocks_contents(node.content))
            elif node.type == "declaration":
                visit(node.value)

    visit(tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True))
    return errors


# The parsed stylesheet: rules that know what they need, groups (@media, @supports) of them,
# and everything else as text. Texts are cut from the source at tinycss2's token positions:
# re-serializing every token would cost more than the parsing.


@dataclass
class _Declaration:
    text: str
    defines: str | None  # the custom property it sets
    reads: frozenset[str]  # the custom properties its value reads


@dataclass
class _Rule:
    selectors: list[tuple[str, tuple[frozenset[str], ...]]]  # text, what it needs (any of)
    declarations: list[_Declaration] | None  # None: the body is kept as it is (nested rules)
    body: str
    animations: frozenset[str]

    def text(self) -> str:
        body = self.body if self.declarations is None else ";".join(d.text for d in self.declarations)
        return ",".join(text for text, _ in self.selectors) + "{" + body + "}"


@dataclass
class _Group:
    prelude: str
    children: list

    def text(self) -> str:
        return self.prelude + "{" + "".join(child.text() for child in self.children) + "}"


@dataclass
class _Keyframes:
    name: str
    body: str

    def text(self) -> str:
        return self.body


@dataclass
class _Verbatim:
    body: str

    def text(self) -> str:
        return self.body


class _Source:
    """The stylesheet text, and where each of tinycss2's nodes starts in it."""

    def __init__(self, css: str) -> None:
        # tinycss2's own normalisation (its positions count in this text).
        self.css = css.replace("\0", "\ufffd").replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
        self.line_starts = [0, *(match.end() for match in re.finditer("\n", self.css))]

    def offset(self, node: ast.Node) -> int:
        return self.line_starts[node.source_line - 1] + node.source_column - 1


@lru_cache(maxsize=4)  # `mkdocs serve` rebuilds purge the same theme stylesheet again
def parsed_stylesheet(css: str, cache_dir: Path | None = None) -> tuple:
    """The stylesheet parsed, from `cache_dir` if this module parsed it there before.

    Parsing Material's stylesheet takes a tenth of a second and a few MiB at the peak for a
    result that changes only with Material: it is kept on disk (in `.cache/cglu/`, like
    compiled templates), under a name made from the stylesheet and this module's code; the
    one written replaces those of other stylesheets or of earlier versions of this module.
    """
    if cache_dir is None:
        return _parse(css)
    digest = hashlib.sha1(css.encode("utf-8") + _THIS_MODULE).hexdigest()[:20]
    path = cache_dir / f"stylesheet-{digest}.pickle"
    try:
        return pickle.loads(path.read_bytes())  # our own file, written below
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, TypeError):
        pass
    nodes = _parse(css)
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL))
        for older in cache_dir.glob("stylesheet-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
    except OSError:  # a read-only checkout: parse again next time
        pass
    return nodes


_THIS_MODULE = Path(__file__).read_bytes()


def _parse(css: str) -> tuple:
    source = _Source(css)
    rules = tinycss2.parse_stylesheet(source.css, skip_comments=False, skip_whitespace=False)
    return tuple(_nodes(source, rules, len(source.css)))


def _nodes(source: _Source, rules: list[ast.Node], end: int) -> list:
    """The nodes of a list of rules that ends at `end` in the source."""
    nodes: list = []
    starts = [source.offset(rule) for rule in rules]
    for index, rule in enumerate(rules):
        start, stop = starts[index], starts[index + 1] if index + 1 < len(rules) else end
        if rule.type not in ("qualified-rule", "at-rule"):
            continue  # white space, comments; parse errors, which browsers drop too
        text = source.css[start:stop].rstrip()
        if rule.content is None or not text.endswith("}"):  # @charset …; or a block left open
            nodes.append(_Verbatim(text))
            continue
        brace = source.offset(rule.content[0]) - 1 if rule.content else len(text) - 2 + start
        prelude, body_end = source.css[start:brace].strip(), start + len(text) - 1
        if rule.type == "qualified-rule":
            nodes.append(_rule(source, rule, start, brace, body_end))
        elif rule.lower_at_keyword in ("media", "supports"):
            children = tinycss2.parse_rule_list(rule.content, skip_comments=False, skip_whitespace=False)
            nodes.append(_Group(prelude, _nodes(source, children, body_end)))
        elif rule.lower_at_keyword.endswith("keyframes"):  # -webkit-keyframes too
            names = [token.value for token in rule.prelude if token.type in ("ident", "string")]
            nodes.append(_Keyframes(names[0] if names else "", text))
        else:  # @font-face, @page, and what this module does not know
            nodes.append(_Verbatim(text))
    return nodes


def _rule(source: _Source, rule: ast.QualifiedRule, start: int, brace: int, end: int) -> _Rule:
    selectors = []
    for tokens, comma in _split_commas(rule.prelude):
        first = next(token for token in tokens if token.type not in ("whitespace", "comment"))
        stop = brace if comma is None else source.offset(comma)
        selectors.append((source.css[source.offset(first) : stop].strip(), _needs(tokens)))
    body = source.css[brace + 1 : end]
    contents = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    if any(node.type not in ("declaration", "error") for node in contents):  # nested rules
        return _Rule(selectors, None, body, frozenset(re.findall(r"[\w-]+", body)))
    declarations = []
    animations: set[str] = set()
    found = [node for node in contents if node.type == "declaration"]
    starts = [source.offset(node) for node in found] + [end]
    for index, node in enumerate(found):
        text = source.css[starts[index] : starts[index + 1]].strip().rstrip(";").rstrip()
        custom = node.name if node.name.startswith("--") else None
        declarations.append(_Declaration(text, custom, frozenset(_VAR.findall(text))))
        if node.lower_name in ("animation", "animation-name", "-webkit-animation", "-webkit-animation-name"):
            animations.update(token.value for token in node.value if token.type in ("ident", "string"))
    return _Rule(selectors, declarations, body, frozenset(animations))


def _split_commas(tokens: list[ast.Node]) -> list[tuple[list[ast.Node], ast.Node | None]]:
    """The parts of a list between commas, each with the comma that ends it (None: the last)."""
    parts: list[tuple[list[ast.Node], ast.Node | None]] = []
    part: list[ast.Node] = []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append((part, token))
            part = []
        else:
            part.append(token)
    parts.append((part, None))
    return [
        (part, comma) for part, comma in parts if any(t.type not in ("whitespace", "comment") for t in part)
    ]


def _needs(tokens: list[ast.Node]) -> tuple[frozenset[str], ...]:
    """What one selector needs, as alternatives: it can match when one of them is all used.

    Needs are written `.class`, `dir=rtl`, `role=list` and `<element`.
    """
    alternatives = [frozenset()]
    for index, token in enumerate(tokens):
        previous = tokens[index - 1] if index else None
        if token.type == "ident" and (
            previous is None
            or previous.type == "whitespace"
            or (previous.type == "literal" and previous.value in _COMBINATORS)
        ):  # an element name (not a class, pseudo-class or namespace: those follow . : |)
            if not (index + 1 < len(tokens) and tokens[index + 1] == "|"):
                alternatives = [needed | {"<" + token.lower_value} for needed in alternatives]
        elif token.type == "literal" and token.value == "." and index + 1 < len(tokens):
            following = tokens[index + 1]
            if following.type == "ident":
                alternatives = [needed | {"." + following.value} for needed in alternatives]
        elif token.type == "[] block":
            parts = [part for part in token.content if part.type not in ("whitespace", "comment")]
            if (
                len(parts) in (3, 4)  # a flag (`i`, `s`) may follow
                and parts[0].type == "ident"
                and parts[0].lower_value in ("dir", "role")
                and parts[1].type == "literal"
                and parts[1].value == "="
                and parts[2].type in ("ident", "string")
            ):
                need = f"{parts[0].lower_value}={parts[2].value.lower()}"
                alternatives = [needed | {need} for needed in alternatives]
        elif (
            token.type == "function"
            and token.lower_name in _ANY_OF
            and previous is not None
            and previous.type == "literal"
            and previous.value == ":"
            and not (index >= 2 and tokens[index - 2].type == "literal" and tokens[index - 2].value == ":")
        ):
            options = [option for part, _ in _split_commas(token.arguments) for option in _needs(part)]
            combined = [needed | option for needed in alternatives for option in options]
            if options and len(combined) <= _MAX_ALTERNATIVES:
                alternatives = combined
    return tuple(alternatives)


# Purging.


def _kept(nodes: Iterable, used: frozenset[str], unjudged: tuple[str, ...]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, _Rule):
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
        elif isinstance(node, _Group):
            children = _kept(node.children, used, unjudged)
            if children:
                kept.append(_Group(node.prelude, children))
        else:
            kept.append(node)
    return kept


def _met(need: frozenset[str], used: frozenset[str], unjudged: tuple[str, ...]) -> bool:
    """Whether what a selector needs is all used (needs of the kinds `unjudged` count as met)."""
    return need <= used or all(name in used or name.startswith(unjudged) for name in need)


def _copy_rule(rule: _Rule, selectors: list | None = None, declarations: list | None = None) -> _Rule:
    return _Rule(
        rule.selectors if selectors is None else selectors,
        rule.declarations if declarations is None else declarations,
        rule.body,
        rule.animations,
    )


def _walk(nodes: Iterable) -> Iterable:
    for node in nodes:
        yield node
        if isinstance(node, _Group):
            yield from _walk(node.children)


def _used_variables(nodes: list, outside: str) -> set[str]:
    """Custom properties read by a kept declaration, directly or through other custom properties."""
    read = set(_VAR.findall(outside))
    definitions: dict[str, set[str]] = {}
    for node in _walk(nodes):
        if isinstance(node, _Rule) and node.declarations is not None:
            for declaration in node.declarations:
                if declaration.defines is None:
                    read |= declaration.reads
                else:
                    definitions.setdefault(declaration.defines, set()).update(declaration.reads)
        elif isinstance(node, _Rule | _Verbatim | _Keyframes):
            read.update(_VAR.findall(node.body))
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
        if isinstance(node, _Rule) and node.declarations is not None:
            declarations = [
                declaration
                for declaration in node.declarations
                if declaration.defines is None or declaration.defines in variables
            ]
            if declarations:
                same = len(declarations) == len(node.declarations)
                kept.append(node if same else _copy_rule(node, declarations=declarations))
        elif isinstance(node, _Group):
            children = _without_variables(node.children, variables)
            if children:
                kept.append(_Group(node.prelude, children))
        else:
            kept.append(node)
    return kept


def _without_keyframes(nodes: Iterable, names: set[str]) -> list:
    kept: list = []
    for node in nodes:
        if isinstance(node, _Group):
            children = _without_keyframes(node.children, names)
            if children:
                kept.append(_Group(node.prelude, children))
        elif not isinstance(node, _Keyframes) or node.name in names:
            kept.append(node)
    return kept
