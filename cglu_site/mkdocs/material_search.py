"""Material's search plugin, as the adapter finds it: by its registered name, in one place.

The theme's header shows the search button only when the plugin is there and enabled;
overrides/partials/header.html asks `cglu_search_enabled` instead of naming the plugin,
so a renamed plugin fails tests/test_engine_contracts.py rather than a template silently
dropping the search button.
"""

from __future__ import annotations

from typing import Any

PLUGIN_NAME = "material/search"  # Material 9's entry point name (mkdocs.plugins group)


def search_plugin(config: Any) -> Any | None:
    """Material's search plugin of this build, if it is there and enabled."""
    search = config.plugins.get(PLUGIN_NAME)
    if search is None or not search.config.enabled:
        return None
    return search


def search_enabled(config: Any) -> bool:
    return search_plugin(config) is not None


def material_search_index(config: Any) -> Any | None:
    """The search index Material's search plugin fills for this language's build, if the
    plugin is there and enabled (Material 9: `plugins["material/search"].search_index`)."""
    search = search_plugin(config)
    return None if search is None else search.search_index


# What Material writes in its index besides the entries (SearchIndex.generate_search_index).
INDEX_SETTINGS = ("lang", "separator", "pipeline", "fields")


def material_search_entries(config: Any) -> tuple[list[dict[str, Any]], dict[str, Any]] | None:
    """The entries of the index Material's search plugin wrote last, and its settings, as
    Material writes them to search/search_index.json (Material 9: `search_index.entries`
    and `search_index.config`; once static-i18n has built every language, the entries of
    all of them)."""
    index = material_search_index(config)
    if index is None:
        return None
    return index.entries, {key: index.config[key] for key in INDEX_SETTINGS}
