"""What one build keeps for the next, by a key naming all its inputs.

Two places to keep it:

- in memory, under `mkdocs serve` (option `serve_memos`): the same plugin instance rebuilds
  at each edit. Only what the last build used is kept (memory stays that of one build); a
  build that failed keeps its own and the previous one's, since a failed build may have
  stopped half-way;
- on disk, for `mkdocs build` (option `cache`): one row per value in the cache's database
  (cglu_site/cache.py), under this memo's kind, read when a page asks for it, so that memory
  stays that of a build without the memo. A build that completes removes the values it did
  not use (pages removed or edited); an unreadable value is a value to make again.
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Generic, TypeVar

from cglu_site.cache import Cache

Key = tuple[str, ...]
Kept = TypeVar("Kept")


class RebuildMemo(Generic[Kept]):
    def __init__(self, cache: Cache | None = None, kind: str = "") -> None:
        """`cache` and `kind`: where to keep the values on disk; no cache keeps them in memory."""
        self._kept: dict[Key, Kept] = {}  # from the last build
        self._used: dict[Key, Kept] = {}  # by this build
        self._cache = cache
        self._kind = kind
        self._names_used: set[str] = set()
        self.made = 0  # values this build made (the others came from the memo)

    def start_build(self) -> None:
        self._kept.update(self._used)
        self._used = {}
        self._names_used = set()
        self.made = 0

    def end_build(self) -> None:
        """Forget what this build did not use (pages removed or edited)."""
        self._kept, self._used = self._used, {}
        if self._cache is not None:
            self._cache.keep_only(self._kind, self._names_used)

    def unused_on_disk(self) -> int:
        """How many values the cache holds that this build has not used (yet)."""
        return 0 if self._cache is None else len(self._cache.names(self._kind) - self._names_used)

    def get(self, key: Key) -> Kept | None:
        if self._cache is not None:
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
        if self._cache is not None:
            self._write(key, value)
        else:
            self._used[key] = value

    def _name(self, key: Key) -> str:
        return hashlib.sha1("\0".join(key).encode("utf-8")).hexdigest()

    def _read(self, key: Key) -> Kept | None:
        assert self._cache is not None
        name = self._name(key)
        kept = self._cache.get(self._kind, name)
        if kept is None:
            return None
        try:
            kept_key, value = pickle.loads(kept)
        except Exception:  # damaged, or written by another version: made again
            return None
        if kept_key != key:
            return None
        self._names_used.add(name)
        return value

    def _write(self, key: Key, value: Kept) -> None:
        assert self._cache is not None
        name = self._name(key)
        self._cache.put(self._kind, name, pickle.dumps((key, value), protocol=pickle.HIGHEST_PROTOCOL))
        self._names_used.add(name)
