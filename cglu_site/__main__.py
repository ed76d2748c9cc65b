"""Command-line tools of the site: `python -m cglu_site <command>`.

check   Validate data/ and the UI strings against the schemas; print every mistake.
status  Translation status per language: what data texts, UI strings and pages each lacks.
        --language xx adds a language not configured yet (to prepare it).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .dataset import load_site_data
from .languages import load_languages
from .strings import load_strings
from .translation_status import translation_status
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


def status(project: Path, extra_languages: list[str]) -> int:
    """Report, per language, the data texts, UI strings and pages it lacks; exit 1 if any."""
    codes = [language.code for language in load_languages(project / "mkdocs.yml")]
    codes += [code for code in extra_languages if code not in codes]
    statuses = translation_status(project, codes)
    print(f"Translation status ({', '.join(codes)})")
    for item in statuses:
        state = "complete" if item.complete else f"{len(item.missing)} missing"
        print(
            f"  {item.code}: data texts {item.texts_done}/{item.texts}, UI strings {item.strings_done}/{item.strings}, "
            f"pages {item.pages_done}/{item.pages}: {state}"
        )
    for item in statuses:
        if item.missing:
            print(f"\nMissing in {item.code}:")
            for line in item.missing:
                print(f"  {line}")
    return 0 if all(item.complete for item in statuses) else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cglu_site", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["check", "status"])
    parser.add_argument(
        "--project", type=Path, default=Path.cwd(), help="folder holding mkdocs.yml (default: current)"
    )
    parser.add_argument(
        "--language", action="append", default=[], help="status: also report this language code"
    )
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "status":
        return status(project, args.language)
    return check(project)


if __name__ == "__main__":
    sys.exit(main())
