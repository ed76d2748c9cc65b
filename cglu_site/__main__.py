"""Command-line tools of the site: `python -m cglu_site <command>`.

check   Validate data/ and the UI strings against the schemas; print every mistake.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import load_site_data
from .languages import load_languages
from .strings import load_strings
from .validation import DataValidationError


def check(project: Path) -> int:
    """Validate the data and the UI strings in every configured language."""
    codes = [language.code for language in load_languages(project / "mkdocs.yml")]
    errors = []
    for load in (lambda: load_strings(codes), lambda: load_site_data(project / "data", codes, project)):
        try:
            load()
        except DataValidationError as error:
            errors += error.errors
    if errors:
        print(DataValidationError(errors), file=sys.stderr)
        return 1
    print(f"data/ is valid in {len(codes)} languages: {', '.join(codes)}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cglu_site", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["check"])
    parser.add_argument("--project", type=Path, default=Path.cwd(), help="folder holding mkdocs.yml (default: current)")
    args = parser.parse_args(argv)
    return {"check": check}[args.command](args.project.resolve())


if __name__ == "__main__":
    sys.exit(main())
