"""The theme's environments list the same static files as MkDocs' own, and share compiled code."""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import load_config
from mkdocs.structure.files import Files

from cglu_site.cache import Cache
from cglu_site.mkdocs.theme import share_theme_environments
from cglu_site.pages.template_cache import TemplateCache

ROOT = Path(__file__).parent.parent


def _theme_files(config, environment: jinja2.Environment) -> list[tuple[str, str]]:
    files = Files([])
    files.add_files_from_theme(environment, config)
    return sorted((file.src_uri, file.abs_src_path) for file in files)


def test_the_theme_files_are_those_mkdocs_lists(tmp_path: Path) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    stock = _theme_files(config, config.theme.get_env())
    share_theme_environments(config.theme, TemplateCache(Cache(tmp_path)))
    ours = _theme_files(config, config.theme.get_env())
    assert ours == stock
    assert any(uri.startswith("assets/javascripts/") for uri, _ in ours)
    # The icons are not static files, yet templates still include them by name.
    assert not any(".icons" in uri for uri, _ in ours)
    assert "<svg" in config.theme.get_env().get_template(".icons/material/magnify.svg").render()


def test_every_theme_environment_shares_one_cache(tmp_path: Path, monkeypatch) -> None:
    config = load_config(str(ROOT / "mkdocs.yml"))
    cache = TemplateCache(Cache(tmp_path))
    share_theme_environments(config.theme, cache)
    share_theme_environments(config.theme, cache)  # each language's build configures it again
    compiled = []
    original = jinja2.Environment.compile

    def counting_compile(self, *args, **kwargs):
        compiled.append(kwargs.get("name") or args[1])
        return original(self, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting_compile)
    for _ in range(3):  # e.g. Material's search plugin, once per language
        environment = config.theme.get_env()
        assert environment.bytecode_cache is cache
        environment.get_template("partials/language.html")
    assert compiled.count("partials/language.html") == 1
