"""Under `mkdocs serve`: a rebuild writes only the files whose bytes changed.

MkDocs empties the site folder before each build, then writes every file again: after a
data edit that touched a handful of pages, some 450 files are deleted and written again.
Here, during a served build (with `serve_memos`), MkDocs' `utils.clean_directory` leaves the
site folder alone, its `utils.write_file` (and the outputs' writer, `write`) leaves alone a
file that holds the bytes last written to it, unchanged since (size and time), and its
`utils.copy_file` a copy made from the same source file (size and time of both). At the end
of the build, the files this build neither wrote nor left alone are removed, with the
folders they leave empty, as the clean would have; hidden entries at the top stay, as the
clean leaves them. A file written by anyone else during the build is newer than the build's
start and stays.

It replaces three functions of `mkdocs.utils` (MkDocs 1.6) for the length of a build:
tests/test_engine_contracts.py fails loudly if they change.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs import utils

from cglu_site.outputs.writing import write_file


class SiteWrites:
    def __init__(self) -> None:
        self._written: dict[str, tuple[bytes, int, int]] = {}  # path -> digest, size, time
        self._copied: dict[str, tuple[int, int, int, int]] = {}  # path -> source's, copy's size, time
        self._left: set[str] = set()  # left alone in this build
        self._site = ""
        self._start = 0  # change time of a file made as the build starts (the same clock)
        self._saved: tuple | None = None

    def begin(self, site_dir: str) -> None:
        self._site = os.path.abspath(site_dir)
        with tempfile.NamedTemporaryFile(dir=Path(self._site).parent, prefix=".cglu-start-") as marker:
            self._start = os.stat(marker.name).st_ctime_ns
        self._left = set()
        if self._saved is None:
            self._saved = (utils.clean_directory, utils.write_file, utils.copy_file)
            utils.clean_directory, utils.write_file, utils.copy_file = (
                self._clean,
                self._write_file,
                self._copy_file,
            )

    def _clean(self, directory: str) -> None:
        assert self._saved is not None
        if os.path.abspath(directory) != self._site:
            self._saved[0](directory)

    def _write_file(self, content: bytes, output_path: str) -> None:
        assert self._saved is not None
        self._through(output_path, content, lambda: self._saved[1](content, output_path))  # type: ignore[index]

    def _copy_file(self, source_path: str, output_path: str) -> None:
        """A theme's or the docs' file (MkDocs' `utils.copy_file`, used by `File.copy_file`)."""
        assert self._saved is not None
        path = os.path.abspath(output_path)
        try:
            source, copy = os.stat(source_path), os.stat(path)
        except OSError:
            source = copy = None
        if source is not None and copy is not None:
            now = (source.st_size, source.st_mtime_ns, copy.st_size, copy.st_mtime_ns)
            if self._copied.get(path) == now:
                self._left.add(path)
                return
        self._saved[2](source_path, output_path)
        if os.path.isfile(path):
            source, copy = os.stat(source_path), os.stat(path)
            self._copied[path] = (source.st_size, source.st_mtime_ns, copy.st_size, copy.st_mtime_ns)

    def write(self, target: Path, content: bytes) -> None:
        """The outputs' writer (cglu_site/outputs/writing.py)."""
        self._through(str(target), content, lambda: write_file(target, content))

    def _through(self, output_path: str, content: bytes, write: Callable[[], None]) -> None:
        path = os.path.abspath(output_path)
        digest = hashlib.blake2b(content, digest_size=16).digest()
        known = self._written.get(path)
        if known is not None and known[0] == digest:
            try:
                status = os.stat(path)
            except OSError:
                status = None
            if status is not None and (status.st_size, status.st_mtime_ns) == known[1:]:
                self._left.add(path)
                return
        write()
        status = os.stat(path)
        self._written[path] = (digest, status.st_size, status.st_mtime_ns)

    def end(self) -> None:
        """The build succeeded: remove what it did not make; MkDocs' functions are back."""
        self._restore()
        for entry in os.scandir(self._site):
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                self._remove_stale_in(entry.path)
            else:
                self._remove_if_stale(entry.path)

    def _remove_stale_in(self, top: str) -> None:
        emptied: set[str] = set()  # folders that lost an entry: removed if nothing is left
        for folder, _, files in os.walk(top, topdown=False):
            removed = [self._remove_if_stale(os.path.join(folder, name)) for name in files]
            if (any(removed) or folder in emptied) and not os.listdir(folder):
                os.rmdir(folder)
                emptied.add(os.path.dirname(folder))

    def _remove_if_stale(self, path: str) -> bool:
        if path in self._left:
            return False
        try:
            if os.stat(path).st_ctime_ns >= self._start:
                return False
            os.unlink(path)
        except OSError:
            return False
        self._written.pop(path, None)
        self._copied.pop(path, None)
        return True

    def abandon(self) -> None:
        """The build failed: MkDocs' functions are back; what it wrote stays, as MkDocs leaves it."""
        self._restore()

    def _restore(self) -> None:
        if self._saved is not None:
            utils.clean_directory, utils.write_file, utils.copy_file = self._saved
            self._saved = None
