#!/usr/bin/env python3
"""The project's single entry point. Needs only Python 3.11+: it sets up `.venv` itself.

    python3 scripts/task.py serve     preview the site at http://127.0.0.1:8000/ (reloads on edits)
    python3 scripts/task.py build     build the site into site/ (strict: any warning fails)
    python3 scripts/task.py check     validate data/ and the UI strings, without building
    python3 scripts/task.py status    translation status per language (--language es to prepare one; --record after translating)
    python3 scripts/task.py test      run the whole test suite (extra arguments go to pytest)
    python3 scripts/task.py lint      run every pre-commit check on every file (--files a b: only those)
    python3 scripts/task.py bench     benchmark the build (scripts/bench.py; says so if it is missing)
    python3 scripts/task.py lock      regenerate requirements.txt from pyproject.toml (--upgrade: newest)
    python3 scripts/task.py lighthouse  Lighthouse scores of one page of each kind (--check: fail under 100)
    python3 scripts/task.py links     list the external links of the built site/ (never fetched in tests)

The first run creates `.venv` and installs the exact versions of requirements.txt (hashes
checked), then the project itself; later runs reinstall only when pyproject.toml or
requirements.txt changed. `test` and `lighthouse` also install the npm checking tools
of package.json (axe-core, the Nu HTML checker, Lighthouse) with `npm ci`, when it changed.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
STAMP = VENV / ".installed-from"
LOCK = ROOT / "requirements.txt"


def ensure_environment() -> None:
    """Create .venv and install the locked tools, then the project (editable), when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 (this file may be run by an older python3)
        sys.exit("Python 3.11 or newer is needed (this is {}.{}).".format(*sys.version_info[:2]))
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + LOCK.read_bytes()).hexdigest()
    if PYTHON.exists() and STAMP.exists() and STAMP.read_text().strip() == wanted:
        return
    if not PYTHON.exists():
        print("Creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing the project and its tools into .venv ...", flush=True)
    pip = [str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    subprocess.run([*pip, "--require-hashes", "--requirement", str(LOCK)], check=True)
    subprocess.run([*pip, "--no-deps", "--editable", str(ROOT)], check=True)
    if subprocess.run([str(PYTHON), "-m", "pip", "check"], capture_output=True).returncode != 0:
        print("requirements.txt lacks what pyproject.toml asks for: run `python3 scripts/task.py lock`.")
        return  # no stamp: checked again next time
    STAMP.write_text(wanted)


def compile_package() -> None:
    """Write the package's bytecode, as a non-editable install would: where the environment
    sets PYTHONDONTWRITEBYTECODE, Python never writes it for an editable package, and every
    build would compile the plugin again. Files already compiled are skipped."""
    subprocess.run([str(PYTHON), "-m", "compileall", "-q", str(ROOT / "cglu_site")], check=True)


def ensure_npm_tools() -> None:
    """Install package.json's checking tools into node_modules/ when package-lock.json changed."""
    lock = ROOT / "package-lock.json"
    stamp = ROOT / "node_modules" / ".installed-from"
    wanted = hashlib.sha256(lock.read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text().strip() == wanted:
        return
    npm = shutil.which("npm")
    if npm is None:
        print(
            "npm is missing (Debian: apt-get install nodejs npm): the accessibility, HTML and Lighthouse "
            "checks will be skipped.",
            flush=True,
        )
        return
    print("Installing the checking tools of package.json into node_modules ...", flush=True)
    # --ignore-scripts: no install script downloads anything (vnu-jar's would fetch a Java).
    subprocess.run(
        [npm, "ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], cwd=ROOT, check=True
    )
    stamp.write_text(wanted)


def run(*args: str) -> int:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}  # Material's end-of-life notice
    env["PATH"] = os.pathsep.join([str(BIN), env.get("PATH", "")])  # pre-commit's hooks run .venv's tools
    return subprocess.run([str(PYTHON), *args], cwd=ROOT, env=env).returncode


def lint(extra: list[str]) -> int:
    if extra[:1] == ["--files"]:
        return run("-m", "pre_commit", "run", "--files", *extra[1:])
    return run("-m", "pre_commit", "run", "--all-files", *extra)


def bench(extra: list[str]) -> int:
    if not (ROOT / "scripts" / "bench.py").exists():
        print("scripts/bench.py is not there yet: no benchmark to run.")
        return 1
    return run(str(ROOT / "scripts" / "bench.py"), *extra)


def lock(extra: list[str]) -> int:
    compile_ = "-m uv pip compile pyproject.toml --extra test --extra dev --universal --python-version 3.11"
    options = f"--generate-hashes --quiet --output-file {LOCK.name} --custom-compile-command"
    return run(*compile_.split(), *options.split(), "python3 scripts/task.py lock", *extra)


def test(extra: list[str]) -> int:
    ensure_npm_tools()
    return run("-m", "pytest", *extra)


def lighthouse(extra: list[str]) -> int:
    ensure_npm_tools()
    return run(str(ROOT / "scripts" / "lighthouse.py"), *extra)


COMMANDS = {
    "serve": lambda extra: run("-m", "mkdocs", "serve", *extra),
    "build": lambda extra: run("-m", "mkdocs", "build", "--strict", *extra),
    "check": lambda extra: run("-m", "cglu_site", "check", *extra),
    "status": lambda extra: run("-m", "cglu_site", "status", *extra),
    "test": test,
    "lint": lint,
    "bench": bench,
    "lock": lock,
    "lighthouse": lighthouse,
    "links": lambda extra: run(str(ROOT / "tests" / "support" / "linkcheck.py"), *extra),
}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        return 2
    ensure_environment()
    compile_package()
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
