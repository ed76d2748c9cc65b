"""Build into a staging folder and swap it in only when the whole build succeeded.

MkDocs writes pages as it goes and its strict mode aborts only at the end, so a failed
`mkdocs build` would otherwise leave a half-written site where a good one stood.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Stage:
    final_dir: Path
    staging_dir: Path
    complete: bool = False
    failed: bool = False

    @classmethod
    def begin(cls, final_dir: Path) -> Stage:
        final_dir = final_dir.resolve()
        staging_dir = final_dir.with_name(f"{final_dir.name}.partial")
        shutil.rmtree(staging_dir, ignore_errors=True)
        staging_dir.mkdir(parents=True)
        return cls(final_dir, staging_dir)

    def mark_complete(self) -> None:
        self.complete = True

    def mark_failed(self) -> None:
        self.failed = True

    def finish(self) -> None:
        """Swap the staged site in if the build succeeded; otherwise drop it."""
        if self.complete and not self.failed:
            previous = self.final_dir.with_name(f"{self.final_dir.name}.previous")
            shutil.rmtree(previous, ignore_errors=True)
            if self.final_dir.exists():
                self.final_dir.rename(previous)
            self.staging_dir.rename(self.final_dir)
            shutil.rmtree(previous, ignore_errors=True)
        else:
            shutil.rmtree(self.staging_dir, ignore_errors=True)


def serves(site_dir: str) -> bool:
    """`mkdocs serve --clean` reports itself as 'build' but serves a temporary folder."""
    folder = Path(site_dir)
    return folder.parent == Path(tempfile.gettempdir()) and folder.name.startswith("mkdocs_")
