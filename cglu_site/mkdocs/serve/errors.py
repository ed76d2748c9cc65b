"""`mkdocs serve` while the data is wrong: the preview keeps answering and shows the error.

MkDocs' server holds every request until a build succeeds, and a build that raised leaves
the browser waiting with the error in the terminal only. Under `serve`, a data error
therefore does not fail the build:

- after a good build, the last good site is built again, with the error shown at the top of
  every page (the `announce` block of overrides/main.html, words from the strings files);
- when the data is already wrong at start, a site of one page per language is built, from
  a folder of its own, showing the error;

and the error is printed every time (MkDocs' logger drops a message identical to one it
printed, and would count an error as a warning that aborts a strict build: this logger is
not MkDocs'). Once the data is fixed the next build is the real site, and the browser,
reloaded by MkDocs after every build, shows it.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
from pathlib import Path

from cglu_site.data.languages import Language

log = logging.getLogger("cglu_site.serve")
if not log.handlers:
    _handler = logging.StreamHandler(sys.stderr)
    _handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def report(messages: list[str], has_last_good_site: bool) -> None:
    state = "the preview shows the last good version" if has_last_good_site else "the preview shows the error"
    log.error("The site's data has errors (%s until they are fixed):\n  %s", state, "\n  ".join(messages))


class ErrorSite:
    """A docs folder of one page per language: the site when no good build came before."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="cglu-serve-error-"))

    def write(self, languages: list[Language], titles: dict[str, str]) -> str:
        """Write the pages; return the folder, to use as docs_dir."""
        for language in languages:
            title = titles.get(language.code, "Error")
            (self.folder / f"index.{language.code}.md").write_text(f"# {title}\n", encoding="utf-8")
        return str(self.folder)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
