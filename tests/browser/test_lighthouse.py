"""Lighthouse (mobile preset) on the home page and one page of each kind, in every language
(scripts/lighthouse.py): accessibility, best practices and SEO score 100.

Performance is a timing measurement: on this 2-core machine shared with the rest of the
suite it varies between runs (total blocking time: once from 100 to 78 on a page whose HTML
had not changed), so the suite measures a page under full marks twice, keeps the better, and asks for
at least PERFORMANCE_FLOOR; `python3 scripts/task.py lighthouse --check` on a quiet machine
asks for 100 in every category and records the figures in scripts/lighthouse-results.json.

The slowest test (about 4 minutes): CGLU_SKIP_LIGHTHOUSE=1 skips it on a developer's machine;
CI always runs it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sites import LANGUAGES, ROOT
from tools import LIGHTHOUSE, missing, node_file

SCRIPT = ROOT / "scripts" / "lighthouse.py"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PERFORMANCE_FLOOR = 90


def test_every_kind_of_page_scores_full_marks_on_lighthouse(browser, tmp_path: Path) -> None:
    if os.environ.get("CGLU_SKIP_LIGHTHOUSE") and not os.environ.get("CI"):
        pytest.skip("CGLU_SKIP_LIGHTHOUSE is set")
    node_file(LIGHTHOUSE)
    if not shutil.which("node"):
        missing("Node.js", "install it (Debian: apt-get install nodejs npm)")
    output = tmp_path / "lighthouse.json"
    result = subprocess.run(
        [
            sys.executable,
            str(SCRIPT),
            "--runs",
            "2",  # a page under full marks is measured once more: the best of two (timing varies)
            "--output",
            str(output),
        ],
        capture_output=True,
        text=True,
        timeout=1800,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    pages = json.loads(output.read_text(encoding="utf-8"))["pages"]
    low = [
        f"/{path}: {category} {scores[category]} ({'; '.join(scores.get('below_full_marks', []))})"
        for path, scores in pages.items()
        for category in CATEGORIES
        if scores[category] < (PERFORMANCE_FLOOR if category == "performance" else 100)
    ]
    assert not low, "\n".join(low)
    homes = {"" if lang == LANGUAGES[0] else f"{lang}/" for lang in LANGUAGES}
    assert homes <= set(pages) and len(pages) >= 4 * len(LANGUAGES)


def test_recorded_results_cover_every_language_and_category() -> None:
    recorded = json.loads((ROOT / "scripts" / "lighthouse-results.json").read_text(encoding="utf-8"))
    pages = recorded["pages"]
    for lang in LANGUAGES[1:]:
        assert any(path.startswith(f"{lang}/") for path in pages)
    assert all(set(CATEGORIES) <= set(scores) for scores in pages.values())
