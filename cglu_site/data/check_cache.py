"""Data that passed the schema check need not pass it again while nothing it depends on changed.

The schema check (validation.py) loads jsonschema and walks every value: a tenth of a second
and several MiB at the build's peak, spent again by every build of the same data (`mkdocs
build` again, a serve rebuild after a page edit). After a check that found nothing, the
digest of what its result depends on is kept in `.cache/cglu/`: the data and schema files
(names and bytes), the languages, the code that checks, and the versions of the libraries
it uses. A build whose digest is the kept one skips the schema check; any other build runs
it. The checks that cost nothing (YAML syntax, missing files, dates in order) always run,
and `python3 scripts/task.py check` always runs everything.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence
from importlib import metadata
from pathlib import Path

from cglu_site.cache import keep_result, last_result

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


class ValidatedData:
    """The digest of the last data that passed the schema check, in `folder`."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / "validated-data"

    def knows(self, digest: str) -> bool:
        return last_result(self.path, digest) is not None

    def remember(self, digest: str) -> None:
        keep_result(self.path, digest, "")
