"""The site's languages, read from the one place they are configured: the `i18n:` block of
mkdocs.yml (static-i18n's settings), read as plain YAML so that no engine is needed.

Each entry's `locale` is the language's code (the key of every data text, the name of its
strings file, its Babel locale's default); `name` is shown in the language switcher; the
`default` language is built at the site root, every other one under `/<locale>/` unless
its `link` says otherwise. Entries with `build: false` are configured but not built.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml


@dataclass(frozen=True)
class Language:
    code: str  # also the Babel locale and the key of every data text
    name: str  # as shown in the language switcher, in that language
    default: bool
    link: str  # site-relative root of the language, '/' or '/en/'

    @property
    def folder(self) -> str:
        """The language's folder in the built site: '' for the default language, 'en'."""
        return self.link.strip("/")

    def path(self, site_path: str) -> str:
        """A site-relative path in this language's folder: 'feed.xml' -> 'en/feed.xml'."""
        return f"{self.folder}/{site_path}" if self.folder else site_path


class LanguagesNotConfigured(ValueError):
    pass


def languages_from_entries(entries: Iterable[Mapping[str, Any]]) -> list[Language]:
    """Languages from static-i18n's `languages:` entries (mappings or its config objects),
    the default language first: it is the one built at the site root."""
    languages = []
    for entry in entries:
        locale, default = entry["locale"], bool(entry.get("default") or False)
        if locale == "null" or entry.get("build") is False:
            continue
        link = entry.get("link") or ("/" if default else f"/{locale}/")
        languages.append(Language(locale, entry.get("name") or locale, default, link))
    if not languages:
        raise LanguagesNotConfigured("mkdocs.yml: the i18n plugin lists no language to build")
    return sorted(languages, key=lambda language: not language.default)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml as data: tags such as `!ENV [NAME, default]` give their plain value."""


def _tagged(loader: _ConfigLoader, suffix: str, node: yaml.Node) -> Any:
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node, deep=True)
        return values[-1] if values else None  # !ENV [NAME, default]: the default
    return loader.construct_mapping(node, deep=True)


_ConfigLoader.add_multi_constructor("!", _tagged)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


def read_config(config_file: Path) -> dict[str, Any]:
    """mkdocs.yml as plain data (environment tags give their default)."""
    with config_file.open(encoding="utf-8") as handle:
        return yaml.load(handle, Loader=_ConfigLoader) or {}  # noqa: S506 (a safe loader)


def i18n_settings(config: Mapping[str, Any]) -> Mapping[str, Any]:
    """The `i18n:` plugin block of a mkdocs.yml read as data."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, Mapping) and "i18n" in plugin:
            return plugin["i18n"] or {}
    raise LanguagesNotConfigured(
        "mkdocs.yml: the i18n plugin is not configured, so the site has no languages"
    )


def load_languages(config_file: Path) -> list[Language]:
    """The languages of a project, from its mkdocs.yml, without any engine."""
    return languages_from_entries(i18n_settings(read_config(config_file)).get("languages") or [])
