"""Command-line tools of the site: `python -m cglu_site <command>`.

check     Validate data/ and the UI strings against the schemas, and the hand-written pages
          (every language, links); print every mistake, then what awaits translation.
status    Translation status per language: what data texts, UI strings and pages each lacks,
          and which translations may be outdated (their source text changed since).
          --language xx adds a language not configured yet (to prepare it).
          --record: the translations are up to date; remember every text's fingerprint
          (translations.yml) to tell later which ones a change leaves outdated.
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
from cglu_site.pages.fingerprints import current_fingerprints, write_record
from cglu_site.pages.hand_written import check_hand_written, hand_written_pages
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
    data = None
    try:
        data = load_site_data(project.data_dir, codes, project.root, every_language=project.every_language)
    except DataValidationError as error:
        errors += error.errors
    if data is not None:  # the hand-written pages, with their links to the pages made from the data
        from cglu_site.pages.kinds import all_pages, generated_pages

        generated = {page.path for page in all_pages(generated_pages(data))}
        _, page_errors, untranslated_pages = check_hand_written(
            project.docs_dir, project.languages, generated, project.every_language
        )
    else:  # without the data, links cannot be told apart: only each page's languages
        _, page_errors, untranslated_pages = hand_written_pages(
            project.docs_dir, project.languages, set(), project.every_language
        )
    errors += page_errors
    if errors:
        print(DataValidationError(errors), file=sys.stderr)
        return 1
    print(f"data/ is valid in {len(codes)} languages: {', '.join(codes)}")
    awaiting = [f"{error} ({', '.join(lacking)})" for error, lacking in data.untranslated]
    awaiting += [
        f"docs/{path}.{lang}.md: page (shown in {original})"
        for (path, lang), original in sorted(untranslated_pages.items())
    ]
    if awaiting:
        print(
            f"Notice: {len(awaiting)} awaiting translation, each shown in its original language until translated:"
        )
        print("\n".join(f"  {line}" for line in awaiting))
    return 0


def status(project_dir: Path, extra_languages: list[str], record: bool = False) -> int:
    """Report, per language, the data texts, UI strings and pages it lacks, and the translations
    possibly outdated; exit 1 if anything is missing. `record`: remember the texts as they are
    now (translations.yml), as the ones the translations are made from."""
    codes = load_project(project_dir / "mkdocs.yml").codes
    if record:
        path = write_record(
            project_dir, current_fingerprints(project_dir, project_dir / "docs", project_dir / "data", codes)
        )
        print(f"Recorded the fingerprint of every text in {path.name}: commit it with the translations.")
    codes += [code for code in extra_languages if code not in codes]
    statuses = translation_status(project_dir, codes)
    print(f"Translation status ({', '.join(codes)})")
    for item in statuses:
        state = "complete" if item.complete else f"{len(item.missing)} missing"
        if item.outdated:
            state += f", {len(item.outdated)} possibly outdated"
        print(
            f"  {item.code}: data texts {item.texts_done}/{item.texts}, UI strings {item.strings_done}/{item.strings}, "
            f"pages {item.pages_done}/{item.pages}: {state}"
        )
    for item in statuses:
        if item.missing:
            print(f"\nMissing in {item.code}:")
            for line in item.missing:
                print(f"  {line}")
    for item in statuses:
        if item.outdated:
            print(f"\nPossibly outdated in {item.code}:")
            for line in item.outdated:
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
    parser.add_argument(
        "--record", action="store_true", help="status: remember every text's fingerprint (translations.yml)"
    )
    parser.add_argument("--out", type=Path, help="generate: the folder to write into (default: docs/)")
    args = parser.parse_args(argv)
    project = args.project.resolve()
    if args.command == "status":
        return status(project, args.language, args.record)
    if args.command == "generate":
        return generate(project, args.out.resolve() if args.out else None)
    return check(project)


if __name__ == "__main__":
    sys.exit(main())
