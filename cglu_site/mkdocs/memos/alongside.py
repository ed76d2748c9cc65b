"""A build writes the files for machines in a second process (option `parallel`).

Once every language's pages are written, a build ends with work on one core: each
language's search index (search_index.py) and the purge of Material's stylesheet
(css_purge.py), which read what the pages made, then the sitemaps, open data, feeds and
calendars (cglu_site/outputs/), which need only the data and the page list. Here a second
process (a fork of this one: same data, same settings) writes the latter while this one does
the former.

The second process writes those files only, prints nothing, and ends. If it fails, this
process writes them itself, and reports any error as a build in one process does; the
files are the same either way. It runs under `mkdocs build` on Linux (os.fork of a process
with no other thread: `mkdocs serve` watches files in threads).
"""

from __future__ import annotations

import os
from collections.abc import Callable

from cglu_site.mkdocs.memos.ahead import ConvertAhead, fork_quietly


class Alongside:
    """`work` started in a second process; `join` waits for it (and does it here if it
    failed), `abandon` waits for it only (the build failed). As a context manager: `join`
    at the end of the block, `abandon` if the block raised."""

    def __init__(self, work: Callable[[], None], *, fork: bool) -> None:
        self._work = work
        self._child: int | None = None
        if fork and ConvertAhead.available():
            self._child = fork_quietly(work)

    def __enter__(self) -> Alongside:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None:
            self.join()
        else:
            self.abandon()

    def join(self) -> None:
        if self._child is None or self._wait() != 0:
            self._work()

    def abandon(self) -> None:
        if self._child is not None:
            self._wait()

    def _wait(self) -> int:
        pid, self._child = self._child, None
        assert pid is not None
        try:
            return os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])
        except ChildProcessError:
            return -1
