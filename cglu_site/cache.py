"""What a build keeps for the next one: one SQLite database, `.cache/plugin/cglu/<versions>/kept.sqlite`
(git-ignored).

Compiled templates (pages/template_cache.py), the last result of a step together with the
digest of everything it was made from (the data's schema check, the parsed and the purged
theme stylesheet): a build whose inputs have the same digest takes the result instead of
making it again; and the pages' HTML and search entries, by the key of their inputs
(mkdocs/memos/). Each value is a row `(kind, name, value)`, read when it is asked for, so
that memory stays that of a build without the cache.

One database rather than a file per value: a first build writes some 400 values, and
creating as many files cost about 0.8 s of a 4 s build (measured on the benchmark's
machine), against a few hundredths of a second for as many rows. Each write is its own
transaction (WAL journal, no sync: a value lost to a crash is only made again), so a build
running beside this one (a preview and a build) reads whole values or none.

Nothing here is needed: a missing, damaged, locked or read-only cache only means the work
is done again.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

_VERSIONS = ("jinja2", "markdown", "markupsafe", "mkdocs", "mkdocs-material", "mkdocs-static-i18n")

DEFAULT_FOLDER = Path(".cache") / "plugin" / "cglu"  # as Material's plugins keep theirs
FILE_NAME = "kept.sqlite"
_INHERITED: list[sqlite3.Connection] = []  # see Cache.after_fork


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


class Cache:
    """The values kept in `folder` (see the module's docstring); opened at the first use."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / FILE_NAME
        self._db: sqlite3.Connection | None = None
        self._usable = True

    # --- values by kind and name

    def get(self, kind: str, name: str) -> bytes | None:
        row = self._run("SELECT value FROM kept WHERE kind = ? AND name = ?", (kind, name))
        return None if row is None or (found := row.fetchone()) is None else found[0]

    def put(self, kind: str, name: str, value: bytes) -> None:
        self._run("INSERT OR REPLACE INTO kept (kind, name, value) VALUES (?, ?, ?)", (kind, name, value))

    def names(self, kind: str) -> set[str]:
        rows = self._run("SELECT name FROM kept WHERE kind = ?", (kind,))
        return set() if rows is None else {name for (name,) in rows.fetchall()}

    def keep_only(self, kind: str, names: Iterable[str]) -> None:
        """Forget the values of this kind not named (pages removed or edited, an older stylesheet)."""
        for name in self.names(kind) - set(names):
            self._run("DELETE FROM kept WHERE kind = ? AND name = ?", (kind, name))

    # --- one result per step, with the digest of its inputs

    def last_result(self, name: str, digest: str) -> str | None:
        """The result kept under `name`, if it was made from inputs with this digest."""
        value = self.get("result", name)
        if value is None:
            return None
        kept_digest, _, result = value.decode("utf-8", errors="replace").partition("\n")
        return result if kept_digest == digest else None

    def keep_result(self, name: str, digest: str, result: str) -> None:
        """Keep `result` under `name` for the next build, with the digest of its inputs."""
        self.put("result", name, f"{digest}\n{result}".encode())

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def after_fork(self) -> None:
        """In a forked process (mkdocs/memos/ahead.py): a connection of its own at the next use.
        An SQLite connection must not be used across a fork: the inherited one is left as it
        is, never used nor closed, until the process ends."""
        if self._db is not None:
            _INHERITED.append(self._db)
            self._db = None

    # --- the database

    def _run(self, sql: str, parameters: tuple) -> sqlite3.Cursor | None:
        for _attempt in range(2):
            db = self._connect()
            if db is None:
                return None
            try:
                return db.execute(sql, parameters)
            except sqlite3.OperationalError:  # locked by another build for too long, disk full: skip
                return None
            except sqlite3.DatabaseError:  # not a database, or damaged: start afresh
                self._start_afresh()
        return None

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or not self._usable:
            return self._db
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=5, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = OFF")
            self._db.execute("PRAGMA cache_size = -128")  # KiB: values are read once each; memory is a target
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS kept"
                " (kind TEXT, name TEXT, value BLOB, PRIMARY KEY (kind, name)) WITHOUT ROWID"
            )
        except (OSError, sqlite3.OperationalError):  # a read-only checkout: the work is done every time
            self.close()
            self._usable = False
        except sqlite3.DatabaseError:  # damaged: the next attempt starts afresh
            self._start_afresh()
        return self._db

    def _start_afresh(self) -> None:
        self.close()
        try:
            self.path.unlink(missing_ok=True)
        except OSError:
            self._usable = False
