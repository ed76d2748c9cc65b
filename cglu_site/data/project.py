"""Where a project's parts are, and its settings that generation needs, from mkdocs.yml.

Read as plain YAML (see languages.py), so that the data, the pages and the outputs can be
made without any engine; the MkDocs adapter makes the same object from MkDocs' own config.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cglu_site.data.languages import Language, i18n_settings, languages_from_entries, read_config


@dataclass(frozen=True)
class Project:
    root: Path  # the folder of mkdocs.yml
    docs_dir: Path
    data_dir: Path
    languages: list[Language]  # the default language first
    site_url: str = ""
    repo_url: str = ""
    edit_uri: str = ""  # edit address of docs/, relative to repo_url
    # A text or page missing in a language: "notice" (its original is shown there, marked,
    # and the build says what awaits translation) or "error" (the build fails).
    missing_translations: str = "notice"

    @property
    def every_language(self) -> bool:
        """Must every text and page exist in every language?"""
        return self.missing_translations == "error"

    @property
    def codes(self) -> list[str]:
        return [language.code for language in self.languages]

    def shown(self, path: Path) -> str:
        """A path as messages print it: relative to the project, with slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()


def load_project(config_file: Path, data_dir: Path | None = None) -> Project:
    """The project of a mkdocs.yml, read without MkDocs."""
    config = read_config(config_file)
    root = config_file.resolve().parent
    plugin_options = _plugin_options(config, "cglu")
    return Project(
        root=root,
        docs_dir=root / config.get("docs_dir", "docs"),
        data_dir=data_dir or root / plugin_options.get("data_dir", "data"),
        languages=languages_from_entries(i18n_settings(config).get("languages") or []),
        site_url=config.get("site_url") or "",
        repo_url=config.get("repo_url") or "",
        edit_uri=config.get("edit_uri") or "",
        missing_translations=missing_translations_setting(plugin_options.get("missing_translations")),
    )


MISSING_TRANSLATIONS = ("notice", "error")


class SettingError(ValueError):
    pass


def missing_translations_setting(value: object) -> str:
    """The `missing_translations` option of the cglu plugin (default: notice)."""
    if value is None:
        return "notice"
    if value not in MISSING_TRANSLATIONS:
        raise SettingError(
            f"mkdocs.yml: the cglu plugin's missing_translations is {value!r}; "
            f"it must be one of {', '.join(MISSING_TRANSLATIONS)}"
        )
    return str(value)


def _plugin_options(config: dict, name: str) -> dict:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and name in plugin:
            return plugin[name] or {}
    return {}
