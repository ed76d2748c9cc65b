"""The theme's Jinja environments: compiled templates shared, the theme's files listed quickly.

MkDocs asks the theme for a new Jinja environment several times per language (to list the
theme's static files and to render pages; Material's search plugin makes one more for its
translations), and static-i18n builds every language again. Two things are wasted each time:

- Every environment compiles the same templates: they share one TemplateCache instead.
- MkDocs lists the static files by walking every theme folder, Material's hidden `.icons/`
  (some 14,000 SVG files) included, and then drops every hidden path by name. The loader
  below does not go into hidden folders, so the list is the same at a fraction of the cost;
  the icons stay loadable by name (`{% include ".icons/…" %}`), only the walk skips them.
"""

from __future__ import annotations

import os
from collections.abc import Callable

import jinja2
from mkdocs.theme import Theme


class ThemeLoader(jinja2.FileSystemLoader):
    """The theme's folders, as MkDocs' loader, listing no file under a hidden folder."""

    def list_templates(self) -> list[str]:
        found = set()
        for search_path in self.searchpath:
            for folder, subfolders, file_names in os.walk(search_path, followlinks=self.followlinks):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                relative = os.path.relpath(folder, search_path)
                for name in file_names:
                    path = name if relative == "." else os.path.join(relative, name)
                    found.add(path.replace(os.path.sep, "/"))
        return sorted(found)


def share_theme_environments(theme: Theme, cache: jinja2.BytecodeCache) -> None:
    """Make every environment this theme creates from now on use ThemeLoader and `cache`."""
    make_environment: Callable[[], jinja2.Environment] = theme.get_env
    if getattr(make_environment, "shares_templates", False):
        return  # already done for this theme (each language's build configures it again)

    def get_env() -> jinja2.Environment:
        environment = make_environment()
        # theme.dirs is read now: static-i18n adds a folder to it while configuring.
        environment.loader = ThemeLoader(theme.dirs)
        environment.bytecode_cache = cache
        return environment

    get_env.shares_templates = True  # type: ignore[attr-defined]
    theme.get_env = get_env  # type: ignore[method-assign]
