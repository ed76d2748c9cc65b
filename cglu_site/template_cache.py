"""Compiled Jinja templates kept in memory, shared between Jinja environments.

MkDocs makes a new theme environment for every build: static-i18n's build of each further
language and every `mkdocs serve` rebuild would compile Material's templates again (a fifth
of a small site's build time). Jinja checks each entry against a checksum of the template's
source, so an edited template is compiled afresh.
"""

from __future__ import annotations

from types import CodeType

import jinja2
from jinja2.bccache import Bucket


class MemoryBytecodeCache(jinja2.BytecodeCache):
    """For environments with the same settings only: the code depends on them."""

    def __init__(self) -> None:
        self._compiled: dict[str, tuple[str, CodeType]] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        checksum, code = self._compiled.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: Bucket) -> None:
        if bucket.code is not None:
            self._compiled[bucket.key] = (bucket.checksum, bucket.code)

    def clear(self) -> None:
        self._compiled.clear()
