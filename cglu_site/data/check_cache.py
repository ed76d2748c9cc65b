"""A data file that passed the schema check need not pass it again while nothing it depends on changed.

The schema check (validation.py) loads jsonschema and walks every value: a tenth of a second
and several MiB at the build's peak, spent again by every build of the same data (`mkdocs
build` again, a serve rebuild after an edit of one file). After a check that found nothing,
each data file's key is kept in the plugin's cache (cglu_site/cache.py): the digest of what its result depends
on, which is the file (name and bytes), every schema file, the languages, the ids of every
file (a reference from this file to another's entry), the code that checks, and the
versions of the libraries it uses. A build checks only the files whose key is not kept: an
edit of one text checks that file; a change of an id, a schema or the languages checks them
all. The checks that cost nothing (YAML syntax, missing files, dates in order) always run,
and `python3 scripts/task.py check` always runs everything.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from cglu_site.cache import Cache

_CHECKING_CODE = ("validation.py", "site_data.py", "yaml_source.py", "check_cache.py")
_LIBRARIES = ("jsonschema", "jsonschema-specifications", "referencing", "PyYAML")


def inputs_digest(files: Iterable[Path], languages: Sequence[str]) -> str:
    digest = hashlib.sha256(_checking_code())
    digest.update(("\0" + " ".join(languages)).encode())
    for path in files:
        digest.update(f"\0{path.name}\0".encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.cache  # the same for the whole process (serve rebuilds)
def _checking_code() -> bytes:
    code = b"".join((Path(__file__).parent / name).read_bytes() for name in _CHECKING_CODE)
    return code + "".join(f"\0{library} {metadata.version(library)}" for library in _LIBRARIES).encode()


def file_key(common: str, name: str, content_digest: str) -> str:
    """A data file's key: its name and the digest of its bytes, with the digest of what all files share."""
    return hashlib.sha256(f"{common}\0{name}\0{content_digest}".encode()).hexdigest()


_FORMAT = "per-file keys 1"  # kept as the result's digest: another format is not read


class ValidatedData:
    """The keys (see `file_key`) of the data files that passed the last schema check, in `cache`."""

    def __init__(self, cache: Cache) -> None:
        self.cache = cache

    def passed(self) -> set[str]:
        kept = self.cache.last_result("validated-data", _FORMAT)
        return set(kept.split()) if kept else set()

    def remember(self, keys: Iterable[str]) -> None:
        self.cache.keep_result("validated-data", _FORMAT, "\n".join(sorted(keys)))
