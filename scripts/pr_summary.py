"""What a pull request changes on the site, per language, for the reviewer (GitHub's job summary).

    .venv/bin/python scripts/pr_summary.py --base origin/main --head HEAD [--project .] [--output FILE]

Makes every page of both revisions without any engine (`python -m cglu_site generate --out`,
this checkout's code on each revision's files, taken with `git archive`) and compares them:
the pages added, changed and removed in each language; then, at the head revision, the texts
and pages awaiting translation and the translations possibly outdated (`status`). Writes
Markdown to FILE, else to $GITHUB_STEP_SUMMARY when set (GitHub shows it on the run's page),
else to standard output. CI attaches the built site to the run for the reviewer to open.
"""

from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

from cglu_site.data.project import load_project
from cglu_site.pages.translation_status import translation_status

LISTED = 30  # items listed per section before "… and N more"


def export(project: Path, revision: str, into: Path) -> Path:
    """The files of `revision` (as committed: no generated pages) in `into`."""
    archive = subprocess.run(
        ["git", "-C", str(project), "archive", "--format=tar", revision], capture_output=True, check=True
    ).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def pages(tree: Path) -> dict[str, str]:
    """Every page of a revision, rendered: docs path ('news/x.en.md') -> Markdown."""
    out = tree.parent / f"{tree.name}-pages"
    result = subprocess.run(
        [sys.executable, "-m", "cglu_site", "generate", "--project", str(tree), "--out", str(out)],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:  # a revision whose data does not build: no pages to compare
        return {}
    return {
        path.relative_to(out).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(out.rglob("*.md"))
    }


def compare(
    before: dict[str, str], after: dict[str, str], codes: list[str]
) -> dict[str, dict[str, list[str]]]:
    """Per language: the pages added, changed and removed (paths without language suffix)."""
    changes: dict[str, dict[str, list[str]]] = {
        code: {"added": [], "changed": [], "removed": []} for code in codes
    }
    for path in sorted(set(before) | set(after)):
        stem, _, code = path.removesuffix(".md").rpartition(".")
        if code not in changes:
            continue
        if path not in before:
            changes[code]["added"].append(stem)
        elif path not in after:
            changes[code]["removed"].append(stem)
        elif before[path] != after[path]:
            changes[code]["changed"].append(stem)
    return changes


def _listed(items: list[str]) -> list[str]:
    lines = [f"- `{item}`" for item in items[:LISTED]]
    if len(items) > LISTED:
        lines.append(f"- … and {len(items) - LISTED} more")
    return lines


def summary(project: Path, base: str, head: str) -> str:
    with tempfile.TemporaryDirectory() as folder:
        before_tree = export(project, base, Path(folder) / "base")
        after_tree = export(project, head, Path(folder) / "head")
        codes = load_project(after_tree / "mkdocs.yml").codes
        changes = compare(pages(before_tree), pages(after_tree), codes)
        statuses = translation_status(after_tree, codes)
    lines = [
        "## The site in this pull request",
        "",
        f"Compared: `{base}` → `{head}`. The built site is attached to this run (artifact `site`):"
        " download it, unzip it into a folder `site` and serve it with"
        " `python3 -m http.server --bind 127.0.0.1 8000 --directory site`, then open <http://127.0.0.1:8000/>.",
        "",
        "| language | pages added | pages changed | pages removed | awaiting translation | possibly outdated |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    by_code = {status.code: status for status in statuses}
    for code in codes:
        change, status = changes[code], by_code[code]
        lines.append(
            f"| {code} | {len(change['added'])} | {len(change['changed'])} | {len(change['removed'])}"
            f" | {len(status.missing)} | {len(status.outdated)} |"
        )
    for code in codes:
        change, status = changes[code], by_code[code]
        sections = [
            ("Pages added", change["added"]),
            ("Pages changed", change["changed"]),
            ("Pages removed", change["removed"]),
            ("Awaiting translation (shown in their original language)", status.missing),
            ("Translations possibly outdated (their original changed since)", status.outdated),
        ]
        if not any(items for _, items in sections):
            continue
        lines += ["", f"### {code}"]
        for title, items in sections:
            if items:
                lines += ["", f"{title} ({len(items)}):", "", *_listed(items)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--base", required=True, help="the revision the pull request starts from")
    parser.add_argument("--head", default="HEAD", help="the pull request's revision (default: HEAD)")
    parser.add_argument(
        "--project", type=Path, default=Path.cwd(), help="the git checkout (default: current folder)"
    )
    parser.add_argument(
        "--output", type=Path, help="where to write (default: $GITHUB_STEP_SUMMARY, else stdout)"
    )
    args = parser.parse_args(argv)
    text = summary(args.project.resolve(), args.base, args.head)
    target = args.output or (
        Path(os.environ["GITHUB_STEP_SUMMARY"]) if os.environ.get("GITHUB_STEP_SUMMARY") else None
    )
    if target is None:
        sys.stdout.write(text)
    else:
        with target.open("a", encoding="utf-8") as handle:  # the summary may hold other steps' too
            handle.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
