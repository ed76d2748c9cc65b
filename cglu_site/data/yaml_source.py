"""Read a YAML data file into plain Python values, remembering where each value stands.

PyYAML alone loses line numbers, silently keeps the last of two identical keys and turns
`2022-10-10` into a `date`. Editors need the line of every mistake, a repeated key is a
mistake, and dates are validated as strings by the schema, so this module composes the
node tree itself.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from cglu_site.data.yaml_messages import describe_yaml_error, undecodable

Path_ = tuple[Any, ...]  # a location inside a document: keys and list indexes


class DataFileError(Exception):
    """A data file that cannot be read as YAML, with the line where reading stopped."""

    def __init__(self, file: str, line: int, message: str):
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


# libyaml's parser where PyYAML has it (several times faster); marks and nodes are the same.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """Safe loader that leaves timestamps as strings (the schema checks their format)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass
class SourceDocument:
    """The values of one YAML file and the line of every value in it."""

    file: str
    value: Any
    lines: dict[Path_, int] | None = field(default_factory=dict)
    # Texts written without quotes and followed by a comment on their line: the text where
    # YAML cut it and the comment, which may be the rest of a text holding ' #'.
    cut_by_comment: dict[Path_, str] = field(default_factory=dict)
    digest: str = ""  # of the file's bytes (which files changed since the last schema check)

    def line_of(self, path: Path_) -> int:
        """The line of the value at `path`, or of its nearest ancestor that has one."""
        if self.lines is None:
            raise RuntimeError(f"{self.file}: line numbers were released (see release_lines)")
        path = tuple(path)
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)

    def release_lines(self) -> None:
        """Drop the line of every value, once no message can need them: one entry per value,
        they are the largest part of the loaded data (about half of it)."""
        self.lines = None


class ComposedYaml:
    """Under `mkdocs serve`: each file's node tree, by the digest of its bytes, so that a
    rebuild parses again only the files that changed. The values are made anew from the tree
    every time (a build changes them in place: texts awaiting translation are filled)."""

    def __init__(self) -> None:
        self._trees: dict[str, tuple[str, yaml.Node | None]] = {}  # file -> digest, tree

    def tree(self, file: str, digest: str, parse: Callable[[], yaml.Node | None]) -> yaml.Node | None:
        kept = self._trees.get(file)
        if kept is not None and kept[0] == digest:
            return kept[1]
        node = parse()
        self._trees[file] = (digest, node)
        return node


def load_yaml(path: Path, display_name: str, composed: ComposedYaml | None = None) -> SourceDocument:
    """`composed`: the node trees serve keeps (see ComposedYaml)."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(display_name, *undecodable(error, raw)) from None
    loader = _Loader(text)

    def parse() -> yaml.Node | None:
        try:
            return loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            raise DataFileError(display_name, *describe_yaml_error(error, text)) from None
        finally:
            loader.dispose()

    digest = hashlib.sha256(raw).hexdigest()
    node = parse() if composed is None else composed.tree(display_name, digest, parse)
    document = SourceDocument(display_name, None, digest=digest)
    if node is not None:
        document.value = _construct(node, (), document, loader, text.split("\n"))
    return document


_COMMENT_AFTER = re.compile(r"[ \t]+#(.*)$")


def _construct(
    node: yaml.Node, path: Path_, document: SourceDocument, loader: _Loader, text_lines: list[str]
) -> Any:
    lines = document.lines
    assert lines is not None  # released only after loading
    # A mapping key's line was recorded by the caller: it points better than the value's.
    lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            if key in result:
                first = lines[path + (key,)]
                raise DataFileError(
                    document.file,
                    key_node.start_mark.line + 1,
                    f"key '{key}' appears twice in the same mapping (first on line {first}); "
                    "YAML would silently keep only the last one: keep one of the two lines",
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, path + (key,), document, loader, text_lines)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(child, path + (index,), document, loader, text_lines)
            for index, child in enumerate(node.value)
        ]
    value = loader.construct_object(node, deep=True)
    if isinstance(node, yaml.ScalarNode) and not node.style and isinstance(value, str):
        end = node.end_mark
        rest = text_lines[end.line][end.column :] if end.line < len(text_lines) else ""
        if comment := _COMMENT_AFTER.match(rest):
            document.cut_by_comment[path] = comment[1]
    return value
