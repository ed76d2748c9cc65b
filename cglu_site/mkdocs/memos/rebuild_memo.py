"""What one build keeps for the next, by a key naming all its inputs.

Two places to keep it:

- in memory, under `mkdocs serve` (option `serve_memos`): the same plugin instance rebuilds
  at each edit. Only what the last build used is kept (memory stays that of one build); a
  build that failed keeps its own and the previous one's, since a failed build may have
  stopped half-way;
- on disk, for `mkdocs build` (option `cache`): one file per value in a folder of the cache
  (cglu_site/cache.py), read when a page asks for it, so that memory stays that of a build
  without the memo. A build that completes removes the files it did not use (pages removed
  or edited); an unreadable file is a value to make again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from pathlib import Path
from typing import Generic, TypeVar

Key = tuple[str, ...]
Kept = TypeVar("Kept")


class RebuildMemo(Generic[Kept]):
    def __init__(self, folder: Path | None = None) -> None:
        self._kept: dict[Key, Kept] = {}  # from the last build
        self._used: dict[Key, Kept] = {}  # by this build
        self._folder = folder  # None: in memory
        self._files_used: set[str] = set()
        self.made = 0  # values this build made (the others came from the memo)

    def start_build(self) -> None:
        self._kept.update(self._used)
        self._used = {}
        self._files_used = set()
        self.made = 0

    def end_build(self) -> None:
        """Forget what this build did not use (pages removed or edited)."""
        self._kept, self._used = self._used, {}
        if self._folder is not None and self._folder.is_dir():
            for path in self._folder.iterdir():
                if path.name not in self._files_used:
                    path.unlink(missing_ok=True)

    def get(self, key: Key) -> Kept | None:
        if self._folder is not None:
            return self._read(key)
        kept = self._used.get(key)
        if kept is None:
            kept = self._kept.get(key)
        if kept is not None:
            self._used[key] = kept
        return kept

    def made_anew(self, key: Key, value: Kept | None) -> None:
        """Count a value made by this build, and keep it unless it is None."""
        self.made += 1
        if value is None:
            return
        if self._folder is not None:
            self._write(key, value)
        else:
            self._used[key] = value

    def _file_name(self, key: Key) -> str:
        return hashlib.sha1("\0".join(key).encode("utf-8")).hexdigest()

    def _read(self, key: Key) -> Kept | None:
        assert self._folder is not None
        name = self._file_name(key)
        try:
            with open(self._folder / name, "rb") as file:
                kept_key, value = pickle.load(file)
        except Exception:  # missing, damaged, or written by another version: made again
            return None
        if kept_key != key:
            return None
        self._files_used.add(name)
        return value

    def _write(self, key: Key, value: Kept) -> None:
        assert self._folder is not None
        name = self._file_name(key)
        try:
            self._folder.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile("wb", dir=self._folder, prefix=".", delete=False) as file:
                pickle.dump((key, value), file, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(file.name, self._folder / name)
        except OSError:  # a read-only checkout: made again next time
            return
        self._files_used.add(name)
