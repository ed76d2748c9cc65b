"""YAML's own error messages, said in an editor's words: what happened and what to do.

The parsers (libyaml's, PyYAML's own) word their errors for programmers ("mapping values
are not allowed in this context"). Each message here starts with `not valid YAML:`, says
what is wrong on that line and how to fix it, and ends with the parser's words in
parentheses, so that they can still be searched for.
"""

from __future__ import annotations

import yaml

# (words of the parser's problem, what happened and what to do); the first match wins.
_PLAIN_WORDS = [
    (
        "mapping values are not allowed",
        "a colon followed by a space inside a text without quotes (YAML takes it for a new field): "
        'put the whole text in double quotes, e.g. fr: "Forum : villes"',
    ),
    (
        "tab",
        "a tab character: YAML indents with spaces only; replace the tab by spaces (two per level)",
    ),
    (
        "cannot start any token",
        "a character YAML does not accept at the start of a value (often a tab, a backquote or an @): "
        "indent with spaces, and put a text starting with such a character in double quotes",
    ),
    (
        "unknown escape character",
        'a backslash inside double quotes that is not \\" or \\n: write \\\\ for a backslash, '
        "or put the text in single quotes",
    ),
    (
        "found unexpected end of stream",
        "a quote opened here is never closed: add the closing quote at the end of the text",
    ),
    (
        "expected ',' or ']'",
        "a list opened with [ here is not closed on its line: close it with ], and put a text "
        "holding a comma in double quotes",
    ),
    (
        "expected ',' or '}'",
        "a mapping opened with { here is not closed on its line: close it with }, and put a text "
        "holding a comma or a colon in double quotes",
    ),
    (
        "expected node content",
        "a value is missing here, or a text starts with a character YAML reserves (one of [ ] { } , & ! | >): "
        "put the text in double quotes, and close every [ and { on its line",
    ),
    (
        "undefined alias",
        "a text starting with * is read as a reference to another value: put the text in double quotes",
    ),
    (
        "expected '-' indicator",
        "the indentation is wrong on this line or the one before: each entry of a list starts "
        "with a dash and a space, aligned with the other entries; indent with spaces",
    ),
    (
        "expected <block end>",
        "the indentation is wrong on this line or the one before: align it with its neighbours, "
        "with spaces, or, if a quoted text goes on after its closing quote, put all of it inside the quotes",
    ),
    (
        "expected key",
        "the indentation is wrong on this line or the one before: align it with its neighbours, "
        "with spaces, or, if a quoted text goes on after its closing quote, put all of it inside the quotes",
    ),
]

# Problems reported where the parser gave up (the end of the file) although the cause is
# where the quote or bracket was opened: the message points at that line instead.
_REPORTED_AT_THE_START = ("found unexpected end of stream", "expected ',' or ']'", "expected ',' or '}'")


def describe_yaml_error(error: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The line to show and the editor's message for a parser error in `text`."""
    problem = error.problem or error.context or "unreadable"
    mark = error.problem_mark or error.context_mark
    if error.context_mark and any(words in problem for words in _REPORTED_AT_THE_START):
        mark = error.context_mark
    line = mark.line + 1 if mark else 1
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())]:
        return line, f"not valid YAML: {_explain('tab')} ({problem})"
    return line, f"not valid YAML: {_explain(problem)} ({problem})"


def _explain(problem: str) -> str:
    for words, explanation in _PLAIN_WORDS:
        if words in problem:
            return explanation
    return "check the indentation (spaces only) and put texts holding : # [ ] { } in double quotes"


def undecodable(error: UnicodeDecodeError, raw: bytes) -> tuple[int, str]:
    """The line and message for a file that is not UTF-8 text."""
    line = raw[: error.start].count(b"\n") + 1
    line_start = raw.rfind(b"\n", 0, error.start) + 1
    column = len(raw[line_start : error.start].decode("utf-8", errors="replace")) + 1
    byte = raw[error.start : error.start + 1].hex()
    return line, (
        f"the file is not saved as UTF-8 (byte 0x{byte} at column {column} is not UTF-8 text, "
        "probably an accented letter saved as Latin-1 or Windows-1252): save the file as UTF-8 "
        "(in VS Code: the encoding at the bottom right, 'Save with Encoding', 'UTF-8') and check "
        "the accented letters"
    )
