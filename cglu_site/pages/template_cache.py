"""Compiled Jinja templates, shared between Jinja environments and kept between builds.

MkDocs makes a new theme environment for every build: static-i18n's build of each further
language and every `mkdocs serve` rebuild would compile Material's templates again, and
each `mkdocs build` would compile them once more (a fifth of a small site's build time).
Compiled code is kept in memory for the process and, like Python's __pycache__, on disk in
the plugin's cache folder (see cglu_site/cache.py) for the next build. Jinja checks each entry against a
checksum of the template's source, so an edited template is compiled afresh; the folder's
name holds the versions of Python, Jinja, MkDocs and Material, whose upgrade may change the code.
"""

from __future__ import annotations

from pathlib import Path
from types import CodeType

import jinja2
from jinja2.bccache import Bucket


class TemplateCache(jinja2.BytecodeCache):
    """For environments with the same settings only: the code depends on them."""

    def __init__(self, directory: Path | None) -> None:
        """`directory`: where compiled code is kept for later processes; None keeps it in memory."""
        self._compiled: dict[str, tuple[str, CodeType]] = {}
        self._on_disk: jinja2.FileSystemBytecodeCache | None = None
        if directory is None:
            return
        try:
            directory.mkdir(parents=True, exist_ok=True)
            self._on_disk = jinja2.FileSystemBytecodeCache(str(directory))
        except OSError:  # a read-only checkout: the memory cache still works
            pass

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code
        elif self._on_disk is not None:
            self._on_disk.load_bytecode(bucket)  # sets nothing if the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        if self._on_disk is not None and self._compiled.get(bucket.key, (None,))[0] != bucket.checksum:
            try:
                self._on_disk.dump_bytecode(bucket)
            except OSError:  # a read-only checkout: the memory cache still works
                self._on_disk = None
        self._compiled[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._compiled.clear()
        if self._on_disk is not None:
            self._on_disk.clear()
