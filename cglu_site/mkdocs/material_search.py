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


def leave_index_file_to_the_split(index: Any) -> None:
    """Have Material's search plugin write an empty search/search_index.json.

    Material writes each language's file, and the mixed one static-i18n has it write last,
    from the JSON of every entry (Material 9: `SearchIndex.generate_search_index`, called by
    the plugin's `on_post_build`); search_index.py then writes each language's file again,
    from the same entries, where Material wrote them. Material's text would be made, written
    and replaced unread: the largest thing a build held at its peak, and a second encoding of
    the whole index.
    """
    index.generate_search_index = _no_index


def _no_index(*_args: Any, **_kwargs: Any) -> str:
    return ""
