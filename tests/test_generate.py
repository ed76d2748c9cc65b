"""`python -m cglu_site generate` makes the pages without any engine installed."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from sites import LANGUAGES, ROOT, Project

from cglu_site.pages.writer import is_generated

ENGINES = ("mkdocs", "material", "mkdocs_static_i18n")

# Run the command in a Python where importing any engine fails, and say so if one was asked for.
WITHOUT_ENGINES = textwrap.dedent(
    f"""
    import importlib.abc, runpy, sys

    ENGINES = {ENGINES!r}

    class NoEngines(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ENGINES:
                raise ImportError(f"{{name}} is not available (test: generation without engines)")
            return None

    sys.meta_path.insert(0, NoEngines())
    sys.argv = ["cglu_site", *sys.argv[1:]]
    try:
        runpy.run_module("cglu_site", run_name="__main__")
    finally:
        loaded = sorted(name for name in sys.modules if name.split(".")[0] in ENGINES)
        assert not loaded, loaded
    """
)


def _generate(project_root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", WITHOUT_ENGINES, "generate", "--project", str(project_root), *args],
        capture_output=True,
        text=True,
        cwd=project_root,
    )


def _pages(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
        for path in sorted(folder.rglob("*.md"))
        if is_generated(path)
    }


def test_generate_without_engines_writes_the_pages_a_build_writes(real_site: Project, tmp_path: Path):
    out = tmp_path / "pages"
    result = _generate(real_site.root, "--out", str(out))
    assert result.returncode == 0, result.stdout + result.stderr
    generated = _pages(out)
    built = _pages(real_site.docs)  # written by the fixture's `mkdocs build`
    assert {path: generated[path] for path in built} == built
    for code in LANGUAGES:
        assert f"index.{code}.md" in generated
        assert f"commissions/index.{code}.md" in generated
    # With --out, a complete docs folder: hand-written pages rendered with the data, and assets.
    hand_written = sorted(set(generated) - set(built))
    assert hand_written == sorted(f"about-this-site.{code}.md" for code in LANGUAGES)
    for path in hand_written:
        assert "{{" not in generated[path] and "data: true" not in generated[path], path
    assert "# Source: docs/about-this-site." in generated[hand_written[0]]
    assert (out / "assets" / "stylesheets" / "cglu.css").is_file()
    assert "pages written" in result.stdout


def test_generate_without_engines_reports_bad_data_and_writes_nothing(
    fixture_project: Project, tmp_path: Path
):
    (fixture_project.data / "news.yml").write_text("news:\n  - id: [\n", encoding="utf-8")
    out = tmp_path / "pages"
    result = _generate(fixture_project.root, "--out", str(out))
    assert result.returncode == 1
    assert "data/news.yml:" in result.stderr
    assert not out.exists() or not any(out.iterdir())


def test_the_data_and_pages_stages_import_no_engine():
    """Stages import only earlier stages: data and pages never reach an engine."""
    code = textwrap.dedent(
        f"""
        import importlib, pkgutil, sys
        import cglu_site.data, cglu_site.pages, cglu_site.outputs
        for package in (cglu_site.data, cglu_site.pages, cglu_site.outputs):
            for module in pkgutil.iter_modules(package.__path__):
                importlib.import_module(f"{{package.__name__}}.{{module.name}}")
        print(sorted({{name.split(".")[0] for name in sys.modules}} & set({ENGINES!r})))
        print(sorted(name for name in sys.modules if name.startswith("cglu_site.mkdocs")))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    assert result.stdout.splitlines() == ["[]", "[]"], result.stdout
