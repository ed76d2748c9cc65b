"""Compiled Jinja templates, shared between Jinja environments and kept between builds.

MkDocs makes a new theme environment for every build: static-i18n's build of each further
language and every `mkdocs serve` rebuild would compile Material's templates again, and
each `mkdocs build` would compile them once more (a fifth of a small site's build time).
Compiled code is kept in memory for the process and, like Python's __pycache__, on disk in
the plugin's cache (see cglu_site/cache.py) for the next build. Jinja checks each entry against a
checksum of the template's source, so an edited template is compiled afresh; the folder's
name holds the versions of Python, Jinja, MkDocs and Material, whose upgrade may change the code.
"""

from __future__ import annotations

from types import CodeType

import jinja2
from jinja2.bccache import Bucket

from cglu_site.cache import Cache


class TemplateCache(jinja2.BytecodeCache):
    """For environments with the same settings only: the code depends on them (`kind` tells them apart)."""

    def __init__(self, cache: Cache | None, kind: str = "templates") -> None:
        """`cache`: where compiled code is kept for later processes; None keeps it in memory."""
        self._compiled: dict[str, tuple[str, CodeType]] = {}
        self._cache = cache
        self._kind = kind

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code
        elif self._cache is not None and (kept := self._cache.get(self._kind, bucket.key)) is not None:
            try:
                bucket.bytecode_from_string(kept)  # sets nothing if the checksum or Jinja's version differs
            except Exception:  # damaged: compiled again
                bucket.reset()

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is None:
            return
        if self._cache is not None and self._compiled.get(bucket.key, (None,))[0] != bucket.checksum:
            self._cache.put(self._kind, bucket.key, bucket.bytecode_to_string())
        self._compiled[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._compiled.clear()
        if self._cache is not None:
            self._cache.keep_only(self._kind, ())
