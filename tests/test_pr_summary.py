"""The pull-request summary (scripts/pr_summary.py), made between two real git revisions of a
fixture project: pages changed per language, texts awaiting translation, translations
possibly outdated."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from sites import LANGUAGES, ROOT, Project
from test_untranslated import CULTURE_NAME, write_in_original_only

ORIGINAL, OTHERS = LANGUAGES[0], LANGUAGES[1:]


def git(project: Project, *args: str) -> str:
    return subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-C", str(project.root), *args],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()


def commit(project: Project, message: str) -> str:
    git(project, "add", "-A")
    git(project, "commit", "-q", "-m", message)
    return git(project, "rev-parse", "HEAD")


def rows(summary: str) -> dict[str, list[str]]:
    table = [
        line
        for line in summary.splitlines()
        if line.startswith("| ") and not line.startswith(("| language", "| ---"))
    ]
    return {
        cells[0]: cells[1:] for cells in ([c.strip() for c in line.strip("|").split("|")] for line in table)
    }


def test_the_summary_lists_changes_per_language_between_two_revisions(
    fixture_project: Project, tmp_path: Path
) -> None:
    git(fixture_project, "init", "-q")
    (fixture_project.root / ".gitignore").write_text(
        (ROOT / ".gitignore").read_text(encoding="utf-8"), encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "cglu_site", "status", "--record", "--project", str(fixture_project.root)],
        check=True,
        capture_output=True,
    )
    base = commit(fixture_project, "the translated site")
    write_in_original_only(fixture_project)  # a news item now written in one language only
    fixture_project.edit(
        "commissions.yml",
        CULTURE_NAME,
        CULTURE_NAME.replace("Commission Culture", "Commission de la culture"),
    )
    head = commit(fixture_project, "news in one language; a name changed in one language")

    output = tmp_path / "summary.md"
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "pr_summary.py"),
            "--base",
            base,
            "--head",
            head,
            "--project",
            str(fixture_project.root),
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    summary = output.read_text(encoding="utf-8")
    table = rows(summary)
    assert set(table) == set(LANGUAGES)
    for lang in LANGUAGES:
        added, changed, removed, awaiting, outdated = (int(cell) for cell in table[lang])
        assert added == removed == 0
        assert changed >= 1, lang
    assert table[ORIGINAL][3:] == ["0", "0"]  # nothing awaits translation into the original's language
    for lang in OTHERS:
        assert table[lang][3:] == ["3", "1"], lang  # title, summary, body; the committee's name
    original = summary.split(f"### {ORIGINAL}")[1].split("### ")[0]
    # In the original's language the news item is as it was; the committee's name changed.
    assert "- `commissions/culture`" in original and "- `news/2020-06-12-meeting`" not in original
    section = summary.split(f"### {OTHERS[0]}")[1].split("### ")[0]
    assert "- `news/2020-06-12-meeting`" in section
    assert "- `commissions/culture`" not in section  # only the original's name changed
    assert "news item '2020-06-12-meeting': 'title' lacks" in section
    assert "data/commissions.yml#bodies/culture/name" in section
    assert "artifact `site`" in summary


def test_pull_requests_get_the_summary_and_the_built_site() -> None:
    import yaml

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["preview"]
    assert job["if"] == "github.event_name == 'pull_request'"
    runs = [step.get("run", "") for step in job["steps"]]
    assert any("scripts/task.py build" in run for run in runs)
    assert any("scripts/pr_summary.py --base" in run for run in runs)
    [upload] = [step for step in job["steps"] if step.get("uses", "").startswith("actions/upload-artifact@")]
    assert upload["with"]["name"] == "site" and upload["with"]["path"] == "site"
