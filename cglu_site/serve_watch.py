"""`mkdocs serve`: one rebuild per edit.

MkDocs watches docs/ and rebuilds on any change there; the plugin writes generated pages
into docs/ during a build, which would set off a second, useless rebuild after every
data edit. This replaces the watch on docs/ with one that ignores generated pages.
It uses LiveReloadServer internals (MkDocs 1.6); if they change, serving keeps working
with the extra rebuild, and a warning says so.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import watchdog.events

from .writer import is_generated, is_temporary

log = logging.getLogger("mkdocs.plugins.cglu")


def watch_docs_without_generated_pages(server: Any, docs_dir: str, generated: set[Path]) -> None:
    """Rebuild on hand-written changes in docs/ only; `generated` is updated by each build."""
    condition = getattr(server, "_rebuild_cond", None)
    if condition is None or not hasattr(server, "_want_rebuild") or not hasattr(server, "observer"):
        log.warning("cglu: cannot filter docs/ events on this MkDocs version; each data edit rebuilds twice")
        return

    def on_event(event: watchdog.events.FileSystemEvent) -> None:
        if event.is_directory:
            return
        paths = [Path(event.src_path), *([Path(event.dest_path)] if getattr(event, "dest_path", "") else [])]
        if all(path in generated or is_temporary(path) or is_generated(path) for path in paths):
            return
        with condition:
            server._want_rebuild = True
            condition.notify_all()

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_event  # type: ignore[method-assign]
    server.unwatch(docs_dir)
    server.observer.schedule(handler, str(Path(docs_dir).resolve()), recursive=True)
