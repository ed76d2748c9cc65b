"""Compiled templates are reused across environments and builds, never when stale."""

from __future__ import annotations

from pathlib import Path

import jinja2

from cglu_site.cache import DEFAULT_FOLDER, Cache, cache_directory
from cglu_site.pages.template_cache import TemplateCache


def _environment(folder: Path, cache: TemplateCache) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), bytecode_cache=cache)


def test_a_template_is_compiled_once_then_again_when_edited(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "page.html").write_text("Hello {{ name }}", encoding="utf-8")
    compiled = []
    original = jinja2.Environment.compile

    def counting_compile(self, *args, **kwargs):
        compiled.append(args[0])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    disk = tmp_path / "cache"
    first = TemplateCache(Cache(disk))
    assert _environment(tmp_path, first).get_template("page.html").render(name="a") == "Hello a"
    # A new environment (the next language's build) and a new process (the next build).
    assert _environment(tmp_path, first).get_template("page.html").render(name="b") == "Hello b"
    assert (
        _environment(tmp_path, TemplateCache(Cache(disk))).get_template("page.html").render(name="c")
        == "Hello c"
    )
    assert len(compiled) == 1
    (tmp_path / "page.html").write_text("Bye {{ name }}", encoding="utf-8")
    assert _environment(tmp_path, first).get_template("page.html").render(name="d") == "Bye d"
    assert (
        _environment(tmp_path, TemplateCache(Cache(disk))).get_template("page.html").render(name="e")
        == "Bye e"
    )
    assert len(compiled) == 2


def test_the_cache_folder_is_per_versions_and_ignored_by_git(tmp_path: Path) -> None:
    folder = cache_directory(tmp_path / DEFAULT_FOLDER)
    assert folder.parent == tmp_path / ".cache" / "plugin" / "cglu" and len(folder.name) == 12
    assert "/.cache/" in (Path(__file__).parent.parent / ".gitignore").read_text(encoding="utf-8")
