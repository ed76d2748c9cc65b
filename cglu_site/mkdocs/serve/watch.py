"""`mkdocs serve`: one rebuild per edit, started as soon as the file is saved.

MkDocs polls what it watches every half second, and rebuilds on any change in docs/,
where the plugin itself writes the generated pages during a build: each data edit would
wait a quarter of a second on average to be noticed, then set off a second, useless
rebuild. Here docs/ and the plugin's folders (data/, page templates, UI strings) are
watched with the system's file events (inotify, FSEvents, ReadDirectoryChangesW, through
watchdog's native observer), which arrive at once, and the generated pages are ignored.
If native events are unavailable (e.g. the system's limit on watches is reached), the
same handlers run on MkDocs' own polling observer. Some file systems (network shares, folders
mounted into a container or a virtual machine) accept watches but never report changes:
there, `CGLU_WATCH=poll` in the environment makes `mkdocs serve` poll from the start.

It uses LiveReloadServer internals (MkDocs 1.6): if they change, serving keeps working
with MkDocs' own watching and a second rebuild after data edits, and a warning says so.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import watchdog.events
import watchdog.observers

from cglu_site.pages.writer import is_generated, is_temporary

log = logging.getLogger("mkdocs.plugins.cglu")

# What changes a file. Native events also report files opened and closed for reading,
# which every build does to every source: those must not set off a rebuild.
_CHANGES = frozenset(
    {
        watchdog.events.EVENT_TYPE_CREATED,
        watchdog.events.EVENT_TYPE_MODIFIED,
        watchdog.events.EVENT_TYPE_DELETED,
        watchdog.events.EVENT_TYPE_MOVED,
    }
)


def watch_sources(
    server: Any, folders: Iterable[Path], docs_dir: str, generated: set[Path]
) -> Callable[[], None]:
    """Rebuild on any change in `folders` and on hand-written changes in docs/.

    `generated` is updated by each build. Returns what stops the watching (on shutdown).
    """
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild") or not hasattr(server, "observer"):
        log.warning("cglu: cannot filter docs/ events on this MkDocs version; each data edit rebuilds twice")
        for folder in folders:
            server.watch(str(folder))
        return lambda: None

    def rebuild() -> None:
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    def on_source_event(event: watchdog.events.FileSystemEvent) -> None:
        if not event.is_directory and event.event_type in _CHANGES:
            rebuild()

    def on_docs_event(event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory or event.event_type not in _CHANGES:
            return
        paths = [Path(event.src_path), *([Path(event.dest_path)] if getattr(event, "dest_path", "") else [])]
        if all(path in generated or is_temporary(path) or is_generated(path) for path in paths):
            return
        rebuild()

    watches = [(_handler(on_docs_event), Path(docs_dir).resolve())]
    watches += [(_handler(on_source_event), Path(folder).resolve()) for folder in folders]
    server.unwatch(docs_dir)  # replaced by the filtered watch
    if os.environ.get("CGLU_WATCH", "").strip().lower() == "poll":
        log.info("cglu: CGLU_WATCH=poll: polling for changes")
        return _poll(server, watches)
    observer = watchdog.observers.Observer()
    try:
        for handler, folder in watches:
            observer.schedule(handler, str(folder), recursive=True)
        observer.start()
    except OSError as error:  # no native events here
        observer.unschedule_all()
        log.info("cglu: no file system events (%s); polling for changes instead", error)
        return _poll(server, watches)

    def stop() -> None:
        observer.stop()
        observer.join(timeout=5)

    return stop


def _poll(server: Any, watches: list[tuple[Any, Path]]) -> Callable[[], None]:
    """The same handlers on MkDocs' own polling observer (stopped by MkDocs)."""
    for handler, folder in watches:
        server.observer.schedule(handler, str(folder), recursive=True)
    return lambda: None


def _handler(callback: Callable[[watchdog.events.FileSystemEvent], None]) -> Any:
    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = callback  # type: ignore[method-assign]
    return handler
