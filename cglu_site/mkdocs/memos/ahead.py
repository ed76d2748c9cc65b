"""A first build converts each language's pages in two processes (option `parallel`).

Converting Markdown to HTML and indexing it for search is most of a first build (a fresh
checkout, CI, a new contributor: no cache yet), and MkDocs does it one page after the
other, on one core. Here, once MkDocs has the language's pages and navigation, a second
process (a fork of this one: same pages, same settings, same plugins) takes the pages from
the last one backwards and does what MkDocs would do with each (MkDocs' own page reading
and plugin events, then Material's indexing), through the memos (markdown_memo.py,
search_memo.py), which keep the results in the cache; MkDocs goes on from the first page
and finds the pages the second process did in the cache. The two stop where they meet.

What the second process makes is exactly what MkDocs would make (the memos' keys hold every
input, and a page whose conversion logged anything is not kept, so MkDocs converts it again
and says it). It writes nothing but the cache's rows, prints nothing (MkDocs' messages come
from MkDocs' own conversions), stops at its first error, and ends when MkDocs reaches the
pages it has not done yet, or when this process ends.

It runs only where it pays: under `mkdocs build` with `cache` on (the cache is how the
two processes share results), on Linux (os.fork of a process with no other thread), and
when the cache lacks most of the language's pages; a build with a warm cache converts only
the few pages an edit changed, and forking would cost more than it saves.
"""

from __future__ import annotations

import mmap
import os
import struct
import sys
from collections.abc import Callable, Sequence
from typing import Any

_INDEX = struct.Struct("q")
_SLOTS = struct.Struct("qq")


class ConvertAhead:
    """One language's build: `start` before MkDocs reads the pages, `reached` at each page it
    reads, `finish` once it has read them all."""

    def __init__(self) -> None:
        self._child: int | None = None
        self._progress: mmap.mmap | None = None  # the index of the page MkDocs is reading
        self._parent = os.getpid()
        self._count = 0
        self.started = 0  # second processes started

    @staticmethod
    def available() -> bool:
        return sys.platform.startswith("linux") and hasattr(os, "fork")

    def start(self, items: Sequence[Any], do: Callable[[Any], None], after_fork: Callable[[], None]) -> None:
        """Fork a process that calls `do` on the items from the last backwards, until it meets
        the item this process has reached; `after_fork` runs first in that process."""
        self.finish()
        self._count = 0
        if len(items) < 4 or not self.available():
            return
        progress = mmap.mmap(-1, _INDEX.size)  # shared with the forked process
        _INDEX.pack_into(progress, 0, -1)
        pid = fork_quietly(lambda: _run_ahead(items, do, after_fork, progress, self._parent))
        self._child, self._progress = pid, progress
        self.started += 1

    @property
    def running(self) -> bool:
        """A second process is at work, and this is the process that started it."""
        return self._child is not None and os.getpid() == self._parent

    def reached(self) -> None:
        """MkDocs starts reading the next item (in the same order as `items`)."""
        if self._progress is not None and os.getpid() == self._parent:
            _INDEX.pack_into(self._progress, 0, self._count)
        self._count += 1

    def finish(self) -> None:
        """Stop the second process (it ends its current item) and wait for it."""
        if self._child is None or os.getpid() != self._parent:
            return
        assert self._progress is not None
        _INDEX.pack_into(self._progress, 0, sys.maxsize)
        try:
            os.waitpid(self._child, 0)
        except ChildProcessError:
            pass
        self._progress.close()
        self._child = self._progress = None


def fork_quietly(body: Callable[[], None]) -> int:
    """Fork; the new process runs `body` with its output silenced, then ends: status 0 if
    `body` returned, 1 if it raised (what it was doing is left to this process). Returns the
    new process's id."""
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid != 0:
        return pid
    status = 1
    try:
        silent = os.open(os.devnull, os.O_WRONLY)
        os.dup2(silent, 1)
        os.dup2(silent, 2)
        body()
        status = 0
    except BaseException:  # noqa: BLE001 - this process does that work again and reports what is wrong
        pass
    finally:
        os._exit(status)


def _run_ahead(
    items: Sequence[Any],
    do: Callable[[Any], None],
    after_fork: Callable[[], None],
    progress: mmap.mmap,
    parent: int,
) -> None:
    after_fork()
    for index in range(len(items) - 1, -1, -1):
        if _INDEX.unpack_from(progress, 0)[0] >= index or os.getppid() != parent:
            break
        do(items[index])


def read_as_mkdocs_does(
    config: Any, files: Any, index_page: Callable[[Any], None] | None
) -> Callable[[Any], None]:
    """What MkDocs 1.6 does with a page before writing any (mkdocs/commands/build.py: the
    loop of `build` and `_populate_page`: plugin events, reading, conversion), then the
    indexing of Material's search plugin (`index_page`, None without search)."""
    from mkdocs.commands.build import _populate_page
    from mkdocs.structure.pages import Page

    def read(file: Any) -> None:
        if file.page is None:
            Page(None, file, config)
        _populate_page(file.page, config, files)
        if index_page is not None:
            index_page(file.page)

    return read


class MeetHalfway:
    """Jobs done in order by this process and from the last backwards by a second one (a
    fork), each doing a job once: `start`, then `reached(index)` before each job here, which
    says whether the second process has done it; `finish` at the end."""

    def __init__(self) -> None:
        self._shared: mmap.mmap | None = None  # the job this process is at, the first one done there
        self._child: int | None = None
        self._parent = os.getpid()

    def start(self, count: int, do: Callable[[int], None], after_fork: Callable[[], None]) -> None:
        """Fork the process that calls `do(index)` from the last index backwards, until it
        meets this one (`after_fork` first, in that process)."""
        self.finish()
        shared = mmap.mmap(-1, _SLOTS.size)
        _SLOTS.pack_into(shared, 0, -1, count)
        parent = self._parent

        def backwards() -> None:
            after_fork()
            for index in range(count - 1, -1, -1):
                if _SLOTS.unpack_from(shared, 0)[0] >= index or os.getppid() != parent:
                    break
                do(index)
                _INDEX.pack_into(shared, _INDEX.size, index)

        self._shared = shared
        self._child = fork_quietly(backwards)

    @property
    def running(self) -> bool:
        return self._child is not None and os.getpid() == self._parent

    def reached(self, index: int) -> bool:
        """This process is at job `index` (the other stops before it): True if the other did it."""
        assert self._shared is not None
        _INDEX.pack_into(self._shared, 0, index)
        return index >= _SLOTS.unpack_from(self._shared, 0)[1]

    def finish(self) -> None:
        """Stop the second process (it ends its current job) and wait for it."""
        if not self.running:
            return
        assert self._shared is not None and self._child is not None
        _INDEX.pack_into(self._shared, 0, sys.maxsize)
        try:
            os.waitpid(self._child, 0)
        except ChildProcessError:
            pass
        self._shared.close()
        self._child = self._shared = None
