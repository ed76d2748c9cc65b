"""The checking tools the tests run: installed from npm (package.json) by scripts/task.py, and Java.

Missing tools skip their tests on a developer's machine (with the command that installs
them) and fail them on CI, where `.ci/run` installs everything.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / "lighthouse"


def missing(what: str, how: str) -> None:
    message = f"{what} is missing: {how}"
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


def node_file(path: Path) -> Path:
    if not path.exists():
        missing(
            str(path.relative_to(ROOT)),
            "run `python3 scripts/task.py test` (it runs `npm ci`), or `npm ci --ignore-scripts`",
        )
    return path


def java() -> str:
    found = shutil.which("java")
    if not found:
        missing("Java", "install a Java runtime 11+ (Debian: apt-get install default-jre-headless)")
    return found
