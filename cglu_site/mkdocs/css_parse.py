"""Material's stylesheet parsed into what the purge (css_purge.py) judges: rules that know
which classes, elements and attribute values their selectors need, groups (@media,
@supports) of them, and everything else as text.

Texts are cut from the source at tinycss2's token positions: re-serializing every token
would cost more than the parsing. The parse is kept in the plugin's cache folder.
"""

from __future__ import annotations

import hashlib
import pickle
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from cglu_site.cache import Cache

if TYPE_CHECKING:
    from tinycss2 import ast

# tinycss2 is imported by the functions that parse: a build whose purged stylesheet is in
# the cache (most builds) parses nothing and does not load it.

# Pseudo-classes that match when one of their arguments does.
_ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any"}
_COMBINATORS = {">", "+", "~", "||"}
_MAX_ALTERNATIVES = 64  # past this, a selector is simply kept
VAR = re.compile(r"var\(\s*(--[\w-]+)")  # a custom property read


def parse_errors(css: str) -> list[str]:
    """The parse errors tinycss2 finds in a stylesheet, at any depth (none in a good one)."""
    import tinycss2

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


@dataclass
class Declaration:
    text: str
    defines: str | None  # the custom property it sets
    reads: frozenset[str]  # the custom properties its value reads


@dataclass
class Rule:
    selectors: list[tuple[str, tuple[frozenset[str], ...]]]  # text, what it needs (any of)
    declarations: list[Declaration] | None  # None: the body is kept as it is (nested rules)
    body: str
    animations: frozenset[str]

    def text(self) -> str:
        body = self.body if self.declarations is None else ";".join(d.text for d in self.declarations)
        return ",".join(text for text, _ in self.selectors) + "{" + body + "}"


@dataclass
class Group:
    prelude: str
    children: list

    def text(self) -> str:
        return self.prelude + "{" + "".join(child.text() for child in self.children) + "}"


@dataclass
class Keyframes:
    name: str
    body: str

    def text(self) -> str:
        return self.body


@dataclass
class Verbatim:
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
def parsed_stylesheet(css: str, cache: Cache | None = None, name: str = "stylesheet") -> tuple:
    """The stylesheet parsed, from `cache` if this module parsed it there before.

    Parsing Material's stylesheet takes a tenth of a second and a few MiB at the peak for a
    result that changes only with Material: it is kept in the plugin's cache (cglu_site/cache.py,
    like compiled templates), under a name made from the stylesheet and this module's code;
    the one kept replaces the earlier ones of the same `name` (one per stylesheet purged).
    """
    if cache is None:
        return _parse(css)
    kind = f"parsed-{name}"
    digest = hashlib.sha1(css.encode("utf-8") + _THIS_MODULE).hexdigest()[:20]
    kept = cache.get(kind, digest)
    if kept is not None:
        try:
            return pickle.loads(kept)  # our own value, kept below
        except Exception:  # damaged, or written by another version: parsed again
            pass
    nodes = _parse(css)
    cache.put(kind, digest, pickle.dumps(nodes, protocol=pickle.HIGHEST_PROTOCOL))
    cache.keep_only(kind, [digest])
    return nodes


_THIS_MODULE = Path(__file__).read_bytes()


def _parse(css: str) -> tuple:
    import tinycss2

    source = _Source(css)
    rules = tinycss2.parse_stylesheet(source.css, skip_comments=False, skip_whitespace=False)
    return tuple(_nodes(source, rules, len(source.css)))


def _nodes(source: _Source, rules: list[ast.Node], end: int) -> list:
    """The nodes of a list of rules that ends at `end` in the source."""
    import tinycss2

    nodes: list = []
    starts = [source.offset(rule) for rule in rules]
    for index, rule in enumerate(rules):
        start, stop = starts[index], starts[index + 1] if index + 1 < len(rules) else end
        if rule.type not in ("qualified-rule", "at-rule"):
            continue  # white space, comments; parse errors, which browsers drop too
        text = source.css[start:stop].rstrip()
        if rule.content is None or not text.endswith("}"):  # @charset …; or a block left open
            nodes.append(Verbatim(text))
            continue
        brace = source.offset(rule.content[0]) - 1 if rule.content else len(text) - 2 + start
        prelude, body_end = source.css[start:brace].strip(), start + len(text) - 1
        if rule.type == "qualified-rule":
            nodes.append(_rule(source, rule, start, brace, body_end))
        elif rule.lower_at_keyword in ("media", "supports"):
            children = tinycss2.parse_rule_list(rule.content, skip_comments=False, skip_whitespace=False)
            nodes.append(Group(prelude, _nodes(source, children, body_end)))
        elif rule.lower_at_keyword.endswith("keyframes"):  # -webkit-keyframes too
            names = [token.value for token in rule.prelude if token.type in ("ident", "string")]
            nodes.append(Keyframes(names[0] if names else "", text))
        else:  # @font-face, @page, and what this module does not know
            nodes.append(Verbatim(text))
    return nodes


def _rule(source: _Source, rule: ast.QualifiedRule, start: int, brace: int, end: int) -> Rule:
    import tinycss2

    selectors = []
    for tokens, comma in _split_commas(rule.prelude):
        first = next(token for token in tokens if token.type not in ("whitespace", "comment"))
        stop = brace if comma is None else source.offset(comma)
        selectors.append((source.css[source.offset(first) : stop].strip(), _needs(tokens)))
    body = source.css[brace + 1 : end]
    contents = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
    if any(node.type not in ("declaration", "error") for node in contents):  # nested rules
        return Rule(selectors, None, body, frozenset(re.findall(r"[\w-]+", body)))
    declarations = []
    animations: set[str] = set()
    found = [node for node in contents if node.type == "declaration"]
    starts = [source.offset(node) for node in found] + [end]
    for index, node in enumerate(found):
        text = source.css[starts[index] : starts[index + 1]].strip().rstrip(";").rstrip()
        custom = node.name if node.name.startswith("--") else None
        declarations.append(Declaration(text, custom, frozenset(VAR.findall(text))))
        if node.lower_name in ("animation", "animation-name", "-webkit-animation", "-webkit-animation-name"):
            animations.update(token.value for token in node.value if token.type in ("ident", "string"))
    return Rule(selectors, declarations, body, frozenset(animations))


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


# Attributes whose value a selector needs (`[dir=rtl]`): the palette's are Material's colour
# scheme, primary and accent colours (on <body> and the toggle's inputs).
_JUDGED_ATTRIBUTES = ("dir", "role", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent")


def _needs(tokens: list[ast.Node]) -> tuple[frozenset[str], ...]:
    """What one selector needs, as alternatives: it can match when one of them is all used.

    Needs are written `.class`, `dir=rtl`, `role=list`, `data-md-color-scheme=slate` (the
    palette's attributes) and `<element`.
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
                and parts[0].lower_value in _JUDGED_ATTRIBUTES
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
