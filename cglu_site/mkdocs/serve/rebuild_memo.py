"""What `mkdocs serve` keeps from one rebuild to the next, by a key naming all its inputs.

Only what the last build used is kept (memory stays that of one build); a build that failed
keeps its own and the previous one's, since a failed build may have stopped half-way.
"""

from __future__ import annotations

from typing import Generic, TypeVar

Key = tuple[str, ...]
Kept = TypeVar("Kept")


class RebuildMemo(Generic[Kept]):
    def __init__(self) -> None:
        self._kept: dict[Key, Kept] = {}  # from the last build
        self._used: dict[Key, Kept] = {}  # by this build
        self.made = 0  # values this build made (the others came from the memo)

    def start_build(self) -> None:
        self._kept.update(self._used)
        self._used = {}
        self.made = 0

    def end_build(self) -> None:
        """Forget what this build did not use (pages removed or edited)."""
        self._kept, self._used = self._used, {}

    def get(self, key: Key) -> Kept | None:
        kept = self._used.get(key)
        if kept is None:
            kept = self._kept.get(key)
        if kept is not None:
            self._used[key] = kept
        return kept

    def made_anew(self, key: Key, value: Kept | None) -> None:
        """Count a value made by this build, and keep it unless it is None."""
        self.made += 1
        if value is not None:
            self._used[key] = value
