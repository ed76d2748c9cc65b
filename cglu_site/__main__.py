"""Command-line tools of the site: `python -m cglu_site <command>`.

check     Validate data/ and the UI strings against the schemas, and the hand-written pages
          (every language, links); print every mistake.
status    Translation status per language: what data texts, UI strings and pages each lacks.
          --language xx adds a language not configured yet (to prepare it).
generate  Write every generated page of every language into docs/, as a build does, without
          MkDocs. With --out DIR: a complete docs folder in DIR instead, hand-written pages
          rendered too, ready for any engine that reads Markdown.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from cglu_site.data.project import load_project
from cglu_site.data.site_data import load_site_data
from cglu_site.data.strings import load_strings
from cglu_site.data.validation import DataValidationError
from cglu_site.pages.hand_written import check_hand_written
from cglu_site.pages.kinds import all_pages, generated_pages
from cglu_site.pages.translation_status import translation_status


def _theme_labels() -> frozenset[str] | None:
    """Material's labels, to check the strings that reword them (None without Material)."""
    try:
        from cglu_site.mkdocs.theme_labels import material_labels
    except ImportError:
        return None
    return material_labels()


def check(project_dir: Path) -> int:
    """Validate the data, the UI strings and the hand-written pages in every configured language."""
    project = load_project(project_dir / "mkdocs.yml")
    codes = project.codes
    errors = []
    try:
        load_strings(codes, theme_labels=_theme_labels())
    except DataValidationError as error:
        errors += error.errors
    try:
        data = load_site_data(project.data_dir, codes, project.root)
    except DataValidationError as error:
        errors += error.errors
    else:  # the hand-written pages, which link to the pages made from the data
        generated = {page.path for page in all_pages(generated_pages(data))}
        errors += check_hand_written(project.docs_dir, project.languages, generated)[1]
    if errors:
        print(DataValidationError(errors), file=sys.stderr)
        return 1
    print(f"data/ is valid in {len(codes)} languages: {', '.join(codes)}")
    return 0


def status(project_dir: Path, extra_languages: list[str]) -> int:
    """Report, per language, the data texts, UI strings and pages it lacks; exit 1 if any."""
    codes = load_project(project_dir / "mkdocs.yml").codes
    codes += [code for code in extra_languages if code not in codes]
    statuses = translation_status(project_dir, codes)
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


def generate(project_dir: Path, out_dir: Path | None) -> int:
    """Write the generated pages of every language, as a build does, without any engine."""
    from cglu_site.pages.generate import generate_site

    project = load_project(project_dir / "mkdocs.yml")
    try:
        site = generate_site(project, out_dir=out_dir, with_hand_written=out_dir is not None)
    except DataValidationError as error:
        print(error, file=sys.stderr)
        return 1
    target = out_dir or project.docs_dir
    if out_dir is not None:  # a complete docs folder: the pages' assets too
        for path in sorted(project.docs_dir.rglob("*")):
            if path.is_file() and path.suffix != ".md":
                (out_dir / path.relative_to(project.docs_dir)).parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(path, out_dir / path.relative_to(project.docs_dir))
    count = sum(1 for path in site.generated_files if path.exists())
    print(f"{count} pages written in {project.shown(target)} ({', '.join(project.codes)})")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m cglu_site", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("command", choices=["check", "status", "generate"])
    parser.add_argument(
        "--project", type=Path, default=Path.cwd(), help="folder holding mkdocs.yml (default: current)"
    )
    parser.add_argument(
        "--language", action="append", default=[], help="status: also report this language code"
    )
    parser.add_argument("--out", type=Path, help="generate: the folder to write into (default: docs/)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "status":
        return status(project, args.language)
    if args.command == "generate":
        return generate(project, args.out.resolve() if args.out else None)
    return check(project)


if __name__ == "__main__":
    sys.exit(main())
