"""Test sites: copies of this project with fixture data or the real data, built for real."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup

from cglu_site.data.languages import load_languages

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")  # Material's end-of-life notice
ROOT = Path(__file__).resolve().parent.parent
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "data"
# The site's languages, default first, as mkdocs.yml configures them: tests loop over them.
LANGUAGES = tuple(language.code for language in load_languages(ROOT / "mkdocs.yml"))


@dataclass
class Project:
    root: Path

    @property
    def data(self) -> Path:
        return self.root / "data"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    def build(
        self,
        *extra: str,
        site_url: str | None = None,
        engine: str = "mkdocs",
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        env = {**(env or {}), **({"CGLU_SITE_URL": site_url} if site_url else {})}
        config = str(self.root / "mkdocs.yml")
        return run_mkdocs("build", "--strict", "-f", config, *extra, env=env, engine=engine)

    def build_ok(
        self,
        *extra: str,
        site_url: str | None = None,
        engine: str = "mkdocs",
        env: dict[str, str] | None = None,
    ) -> subprocess.CompletedProcess:
        result = self.build(*extra, site_url=site_url, engine=engine, env=env)
        assert result.returncode == 0, result.stdout + result.stderr
        return result

    def build_in_process(self) -> Any:
        """`mkdocs build` in this process, as a tool embedding MkDocs would (plugin instances
        and imported modules are then shared between builds); returns the build's config."""
        from mkdocs.commands.build import build
        from mkdocs.config import load_config

        config = load_config(str(self.root / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        try:
            build(config)
        finally:
            config.plugins.on_shutdown()
        return config

    def set_plugin_options(self, **options: object) -> None:
        """Set these options of the cglu plugin in the project's mkdocs.yml."""
        config = self.root / "mkdocs.yml"
        lines = "".join(f"\n      {name}: {str(value).lower()}" for name, value in options.items())
        text = config.read_text(encoding="utf-8")
        assert "\n  - cglu:" in text
        config.write_text(text.replace("\n  - cglu:", "\n  - cglu:" + lines, 1), encoding="utf-8")

    def html(self, site_path: str) -> BeautifulSoup:
        return BeautifulSoup((self.site / site_path).read_text(encoding="utf-8"), "html.parser")

    def text(self, site_path: str, own_language_only: bool = False) -> str:
        """The visible text of a page's article, white space folded.

        Phrases marked in another language (`<span lang>`) are kept inline, or dropped with
        `own_language_only`, to look for the other language's text in a page.
        """
        page = self.html(site_path)
        for span in page.select("article span[lang]"):
            if own_language_only and span["lang"] != page.html["lang"]:
                span.decompose()
            else:
                span.unwrap()
        page.smooth()
        text = page.select_one("article").get_text(" ")
        return re.sub(r"[ \t\r\n]+", " ", text).strip()  # not str.split(): it eats no-break spaces

    def edit(self, data_file: str, old: str, new: str) -> None:
        path = self.data / data_file
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} not in {data_file}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def output_pages(self) -> set[str]:
        return {path.relative_to(self.site).as_posix() for path in self.site.rglob("*.html")}


def run_mkdocs(
    *args: str, env: dict[str, str] | None = None, engine: str = "mkdocs"
) -> subprocess.CompletedProcess:
    """The engine's command line (`mkdocs`, or `properdocs`, the fork that runs the same plugins)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", engine, *args], capture_output=True, text=True, env=env, timeout=600
    )


def make_project(destination: Path, data: Path | None) -> Project:
    """This project's configuration, hand-written pages and theme, with the given data."""
    destination.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=_generated_pages)
    shutil.copytree(ROOT / "data" / "schemas", destination / "data" / "schemas")
    for path in sorted((data or ROOT / "data").glob("*.yml")):
        shutil.copy2(path, destination / "data" / path.name)
    return Project(destination)


def _generated_pages(folder: str, names: list[str]) -> list[str]:
    from cglu_site.pages.writer import is_generated

    return [name for name in names if name.endswith(".md") and is_generated(Path(folder) / name)]
