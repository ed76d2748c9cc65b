"""Write generated pages into docs/: only when their text changed, and prune stale ones.

Writing an unchanged file would make `mkdocs serve` see a change and rebuild forever; a
page whose data entry was removed must disappear. Only files carrying MARKER are ever
overwritten or deleted, so a hand-written page is never touched.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

MARKER = "# Generated from data/ by the cglu plugin: do not edit, edit the data file named below."


class GeneratedFileConflict(Exception):
    pass


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    removed: tuple[str, ...]


def is_temporary(path: Path) -> bool:
    """The writer's own temporary file, renamed into place once written."""
    return path.name.startswith(".") and path.name.endswith(".tmp")


def is_generated(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8") as handle:
            return handle.readline() == "---\n" and handle.readline().rstrip("\n") == MARKER
    except (OSError, UnicodeDecodeError):
        return False


def write_generated(docs_dir: Path, pages: dict[str, str]) -> WriteReport:
    """Make docs_dir hold exactly `pages` (docs-relative path -> text) among generated files."""
    written, removed = [], []
    for relative, text in sorted(pages.items()):
        if not text.startswith(f"---\n{MARKER}\n"):
            raise ValueError(f"generated page {relative} does not start with the generated-file marker")
        target = docs_dir / relative
        if target.exists():
            if not is_generated(target):
                raise GeneratedFileConflict(
                    f"docs/{relative} was written by hand, but the data now generates a page at the same "
                    "place; rename or remove the hand-written file"
                )
            if target.read_text(encoding="utf-8") == text:
                continue
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary = target.with_name(f".{target.name}.tmp")  # see is_temporary
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(target)
        written.append(relative)
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir).as_posix()
        if relative not in pages and is_generated(path):
            path.unlink()
            removed.append(relative)
            _remove_empty_parents(path.parent, docs_dir)
    return WriteReport(tuple(written), tuple(removed))


def _remove_empty_parents(folder: Path, stop: Path) -> None:
    while folder != stop and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent


def front_matter(settings: dict[str, Any], source: str, line: int) -> str:
    """A generated page's front matter: the marker, the data file and line it comes from,
    its settings."""
    return "\n".join(
        [
            "---",
            MARKER,
            f"# Source: {source}, line {line}",
            # JSON is YAML: every value quoted and escaped.
            *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in settings.items()),
            "---",
            "",
        ]
    )
