"""What a build keeps for the next one, in `.cache/plugin/cglu/<versions>/` (git-ignored).

Compiled templates (template_cache.py), the last result of a step together with the
digest of everything it was made from (the CSS purge, the data's schema check): a build
whose inputs have the same digest takes the result instead of making it again; and the
pages' HTML and search entries, by the key of their inputs (mkdocs/memos/). Nothing
here is needed: a missing, damaged or read-only cache only means the work is done again.
"""

from __future__ import annotations

import hashlib
import os
import sys
import tempfile
from importlib import metadata
from pathlib import Path

_VERSIONS = ("jinja2", "markdown", "markupsafe", "mkdocs", "mkdocs-material", "mkdocs-static-i18n")


DEFAULT_FOLDER = Path(".cache") / "plugin" / "cglu"  # as Material's plugins keep theirs


def cache_directory(folder: Path) -> Path:
    """`<folder>/<versions>/`: its name holds the versions of Python, Jinja, Python-Markdown, MkDocs and
    Material, whose upgrade may change what is kept."""
    versions = [sys.version, *(f"{name} {_version(name)}" for name in _VERSIONS)]
    tag = hashlib.sha1("\n".join(versions).encode()).hexdigest()[:12]
    return folder / tag


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:  # generation without the engine
        return "absent"


def last_result(path: Path, digest: str) -> str | None:
    """The result kept at `path`, if it was made from inputs with this digest."""
    try:
        kept_digest, _, result = path.read_text(encoding="utf-8").partition("\n")
    except (OSError, UnicodeDecodeError):
        return None
    return result if kept_digest == digest else None


def keep_result(path: Path, digest: str, result: str) -> None:
    """Keep `result` at `path` for the next build, with the digest of its inputs."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written aside, then renamed: a build running beside this one reads all or nothing.
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as file:
            file.write(f"{digest}\n{result}")
        os.replace(file.name, path)
    except OSError:  # a read-only checkout: the work is done again next time
        pass
