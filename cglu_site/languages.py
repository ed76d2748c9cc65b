"""The site's languages, read from the one place they are configured: the i18n plugin."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig


@dataclass(frozen=True)
class Language:
    code: str  # also the Babel locale and the key of every data text
    name: str  # as shown in the language switcher, in that language
    default: bool
    link: str  # site-relative root of the language, '/' or '/en/'


def languages_from_config(config: MkDocsConfig) -> list[Language]:
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise ValueError("mkdocs.yml: the i18n plugin is not configured, so the site has no languages")
    languages = [
        Language(lang.locale, lang.name, bool(lang.default), lang.link)
        for lang in plugin.config.languages
        if lang.build and lang.locale != "null"
    ]
    # The default language first: it is the one built at the site root.
    return sorted(languages, key=lambda language: not language.default)


def current_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (static-i18n builds once per language)."""
    return config.plugins["i18n"].current_language


def load_languages(config_file: Path) -> list[Language]:
    """Languages of a project without building it (for the command-line tools)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    return languages_from_config(config)
