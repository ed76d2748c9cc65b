"""Read a YAML data file into plain Python values, remembering where each value stands.

PyYAML alone loses line numbers, silently keeps the last of two identical keys and turns
`2022-10-10` into a `date`. Editors need the line of every mistake, a repeated key is a
mistake, and dates are validated as strings by the schema, so this module composes the
node tree itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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


def load_yaml(path: Path, display_name: str) -> SourceDocument:
    text = path.read_text(encoding="utf-8")
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise DataFileError(display_name, line, f"not valid YAML: {error.problem}") from None
    finally:
        loader.dispose()
    document = SourceDocument(display_name, None)
    if node is not None:
        document.value = _construct(node, (), document, loader)
    return document


def _construct(node: yaml.Node, path: Path_, document: SourceDocument, loader: _Loader) -> Any:
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
                    "YAML would silently keep only the last one",
                )
            lines[path + (key,)] = key_node.start_mark.line + 1
            result[key] = _construct(value_node, path + (key,), document, loader)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [
            _construct(child, path + (index,), document, loader) for index, child in enumerate(node.value)
        ]
    return loader.construct_object(node, deep=True)
