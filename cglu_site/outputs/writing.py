"""How the outputs write a file: `write(target, content)`. A build writes every file
(`write_file`); `mkdocs serve` passes a writer that leaves alone a file already holding those
bytes (cglu_site/mkdocs/serve/site_writes.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

Write = Callable[[Path, bytes], None]


def write_file(target: Path, content: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(content)
