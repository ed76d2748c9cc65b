"""When each source file last changed, from git: the "last updated" date of the pages.

A generated page is as recent as its data file; a hand-written page as its Markdown file.
Outside a git checkout (or without git) there are no dates and pages show none.
"""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_commit_dates(repo_root: Path) -> dict[str, datetime.date]:
    """Repository path -> date of the last commit that changed it, for data/ and docs/."""
    try:
        log = subprocess.run(
            ["git", "-C", str(repo_root), "log", "--format=%x00%cs", "--name-only", "--", "data", "docs"],
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return {}
    dates: dict[str, datetime.date] = {}
    for commit in log.split("\x00")[1:]:
        day, *paths = commit.strip().splitlines()
        for path in filter(None, paths):
            dates.setdefault(path, datetime.date.fromisoformat(day))  # newest commit comes first
    return dates
