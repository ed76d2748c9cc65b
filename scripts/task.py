#!/usr/bin/env python3
"""The project's single entry point. Needs only Python 3.11+: it sets up `.venv` itself.

    python3 scripts/task.py serve     preview the site at http://127.0.0.1:8000/ (reloads on edits)
    python3 scripts/task.py build     build the site into site/ (strict: any warning fails)
    python3 scripts/task.py check     validate data/ and the UI strings, without building
    python3 scripts/task.py status    translation status per language (--language es to prepare one)
    python3 scripts/task.py test      run the whole test suite (extra arguments go to pytest)

The first run creates `.venv` and installs the project with its test tools; later runs
reinstall only when pyproject.toml changed.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"


def ensure_environment() -> None:
    """Create .venv and install the project (editable, with test tools) when needed."""
    if sys.version_info < (3, 11):
        sys.exit("Python 3.11 or newer is needed (this is %d.%d)." % sys.version_info[:2])
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the project and its tools into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--editable", f"{ROOT}[test]"], check=True)
    STAMP.write_text(wanted)


def run(*args: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env=env).returncode


COMMANDS = {
    "serve": lambda extra: run("-m", "mkdocs", "serve", *extra),
    "build": lambda extra: run("-m", "mkdocs", "build", "--strict", *extra),
    "check": lambda extra: run("-m", "cglu_site", "check", *extra),
    "status": lambda extra: run("-m", "cglu_site", "status", *extra),
    "test": lambda extra: run("-m", "pytest", *extra),
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    ensure_environment()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
