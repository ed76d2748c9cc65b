"""What the adapter reads of mkdocs-static-i18n: its languages and the one being built.

static-i18n runs MkDocs' build once per language; its plugin instance knows which.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from cglu_site.data.languages import Language, languages_from_entries


def i18n_plugin(config: MkDocsConfig):
    plugin = config.plugins.get("i18n")
    if plugin is None:
        raise PluginError("mkdocs.yml: the i18n plugin is not configured, so the site has no languages")
    return plugin


def languages_from_config(config: MkDocsConfig) -> list[Language]:
    entries = [
        {
            "locale": lang.locale,
            "name": lang.name,
            "default": lang.default,
            "link": lang.link,
            "build": lang.build,
        }
        for lang in i18n_plugin(config).config.languages
    ]
    return languages_from_entries(entries)


def current_language(config: MkDocsConfig) -> str:
    """The language of the build in progress (static-i18n builds once per language)."""
    return i18n_plugin(config).current_language


def building_a_further_language(config: MkDocsConfig) -> bool:
    """True inside static-i18n's nested build of a language other than the first."""
    return bool(i18n_plugin(config).building)


def per_language(config: MkDocsConfig, option: str) -> dict[str, str]:
    """Each language's `site_name`, `copyright`…: its own in the i18n block, else mkdocs.yml's
    (right for every language during the default language's build, for its own during another's)."""
    return {
        lang.locale: getattr(lang, option) or config[option] or ""
        for lang in i18n_plugin(config).config.languages
    }
