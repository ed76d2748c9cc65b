"""Under `mkdocs serve`, a page whose theme template is given the same values as at the last
rebuild is not rendered again: its HTML is the one that render made (option `serve_memos`).

Rendering Material's main.html (navigation, header, footer) for every page of every language
is a third of a rebuild, while one YAML edit changes a handful of pages. The key is the whole
context MkDocs and the plugins give the template (the page, its neighbours, the navigation,
the configuration, every plugin's additions), the template's name and the theme folders'
files that can change while serving (their paths, sizes and times): a hit gives exactly what
rendering again would. A value the key cannot describe faithfully (an object it does not
know) makes no key: that page is rendered, as without the memo.

Left out of the key: the build's clock (`build_date_utc`, which no template of this site
prints, tests/test_serve_memo.py checks it) and the installed packages' theme files (Material's
templates and icons), which change only when packages are upgraded, and serve is restarted.

It reaches into MkDocs 1.6: its `_build_page` asks the Jinja environment for the page's
template (`env.get_template(name)`, without a parent), then calls `template.render(context)`.
tests/test_serve_memo.py fails if pages stop going through the memo.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.config.base import Config
from mkdocs.plugins import PluginCollection
from mkdocs.structure.files import File
from mkdocs.structure.nav import Link, Navigation, Section
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.theme import Theme

from cglu_site.cache import Cache
from cglu_site.mkdocs.memos.rebuild_memo import RebuildMemo
from cglu_site.pages.render_memo import folder_files_digest

# The theme's `locale`: Babel's, or MkDocs' stand-in without Babel.
_LOCALES = frozenset({"babel.core", "mkdocs.utils.babel_stub"})
# Set by MkDocs on every page, for every build; no template prints it (tested).
_CLOCK = frozenset({"build_date_utc"})
# Context values and configuration options that no plugin changes between the pages of one
# language's build (static-i18n changes them between languages; so does this plugin's
# on_page_context for config.extra, always read again).
_SAME_FOR_EVERY_PAGE = frozenset({"cglu_strings", "i18n_config"})
_CONFIG_SAME_FOR_EVERY_PAGE = frozenset(
    {"plugins", "nav", "mdx_configs", "markdown_extensions", "validation"}
)
# Page attributes templates never read: its conversion function and its Markdown source.
_PAGE_SKIPPED = frozenset({"render", "markdown"})


class Unkeyable(Exception):
    """A value whose text would not tell two different values apart."""


class PageMemo(RebuildMemo[str]):
    def __init__(self, cache: Cache | None = None, kind: str = "") -> None:
        """In memory for serve's rebuilds; in the cache, one build's only (render_ahead.py)."""
        super().__init__(cache, kind)
        self.scope = ""  # part of every key: render_ahead.py makes it this build's own
        # Navigation and page lists, by id, with the value itself (its id stays its own).
        self._structure: dict[Any, tuple[Any, str]] = {}
        self._theme_files: dict[tuple[str, ...], str] = {}  # for one build
        # Values given to every page of one language's build alike, by id, with the value
        # itself (so that its id is not another's): the theme, the UI strings, static-i18n's settings.
        self._same_for_every_page: dict[Any, tuple[Any, str]] = {}
        self.unkeyable = 0  # pages rendered without the memo, this build
        self.fixed = RebuildMemo[str]()  # the plugin's fixes of a page's HTML, by that HTML

    def start_build(self) -> None:
        super().start_build()
        self.fixed.start_build()
        self._structure, self._theme_files, self.unkeyable = {}, {}, 0
        self._same_for_every_page = {}

    def end_build(self) -> None:
        super().end_build()
        self.fixed.end_build()
        self._structure, self._theme_files, self._same_for_every_page = {}, {}, {}

    def install(self, env: Any) -> None:
        """Route the renders of the pages' templates in this environment through the memo."""
        # A new language: its theme and strings may have been changed in place.
        self._same_for_every_page, self._structure = {}, {}
        get_template = env.get_template

        def get_page_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            # Jinja's own includes and extends name a parent; MkDocs asks for a page's template alone.
            if parent is None and globals is None and "render" not in vars(template):
                render = template.render
                template.render = lambda *args, **kwargs: self._render(template.name, render, args, kwargs)
            return template

        env.get_template = get_page_template

    def fix(self, html: str, fix: Callable[[str], str]) -> str:
        """`fix(html)`, which depends on nothing else, made once for each HTML."""
        key = (_digest(html),)
        kept = self.fixed.get(key)
        if kept is None:
            kept = fix(html)
            self.fixed.made_anew(key, kept)
        return kept

    def _render(self, name: str, render: Callable[..., str], args: tuple, kwargs: dict) -> str:
        context = args[0] if len(args) == 1 and not kwargs and isinstance(args[0], Mapping) else None
        if context is None or not isinstance(context.get("page"), Page):
            return render(*args, **kwargs)  # not a page: 404.html, sitemap.xml
        key = self.key_of(name, context)
        if key is None:
            return render(*args, **kwargs)
        kept = self.get(key)
        if kept is not None:
            return kept
        output = render(*args, **kwargs)
        self.made_anew(key, output)
        return output

    def key_of(self, name: str, context: Mapping) -> tuple[str, ...] | None:
        """The key of the render of template `name` with `context`; None (counted) if a value
        in it cannot be told apart from others."""
        try:
            return (self.scope, name, self._theme_key(context), self._context_key(context))
        except Unkeyable:
            self.unkeyable += 1
            return None

    def _theme_key(self, context: Mapping) -> str:
        config = context.get("config")
        theme = getattr(config, "theme", None)
        if not isinstance(theme, Theme):
            raise Unkeyable("no theme")
        dirs = tuple(theme.dirs)
        if dirs not in self._theme_files:
            self._theme_files[dirs] = folder_files_digest(dirs)
        return self._theme_files[dirs]

    def _context_key(self, context: Mapping) -> str:
        parts: list[str] = []
        for name in sorted(context):
            if name in _CLOCK:
                continue
            parts.append(name)
            if name in _SAME_FOR_EVERY_PAGE:
                parts.append(self._same(context[name]))
            elif name == "config" and isinstance(context[name], Config):
                config = context[name]
                # Plugins change config.extra from page to page (the language switcher's links).
                for option, value in sorted(config.items()):
                    parts.append(option)
                    if option == "theme":
                        parts.append(self._same(value))
                    elif option in _CONFIG_SAME_FOR_EVERY_PAGE:
                        parts.append(self._same(value, config))
                    else:
                        self._feed(parts, value)
                self._feed(parts, {key: item for key, item in vars(config).items() if _attribute(key)})
            else:
                self._feed(parts, context[name])
        return _digest("\x1f".join(parts))

    def _same(self, value: Any, owner: Any = None) -> str:
        """The text of a value every page of one language's build is given unchanged, made once."""
        slot = id(value) if owner is None else (id(owner), id(value))
        if slot not in self._same_for_every_page:
            parts: list[str] = []
            self._feed(parts, value)
            self._same_for_every_page[slot] = ((value, owner), _digest("\x1f".join(parts)))
        return self._same_for_every_page[slot][1]

    def _feed(self, parts: list[str], value: Any) -> None:
        if isinstance(value, str):
            # A page's HTML is long: its digest rather than a copy.
            parts.append("str:" + (_digest(value) if len(value) > 256 else repr(value)))
        elif value is None or isinstance(value, (bool, int, float)):
            parts.append(f"{type(value).__name__}:{value!r}")
        elif isinstance(value, Page):
            self._page(parts, value)
        elif isinstance(value, list) and value and all(isinstance(item, File) for item in value):
            parts.append("files:" + self._page_list_key(value))  # `pages`: a new list for every page
        elif isinstance(value, Navigation) or (
            isinstance(value, list) and value and all(isinstance(item, Page) for item in value)
        ):
            parts.append("structure:" + self._structure_key(value))
        elif isinstance(value, (Section, Link)):
            parts.append("item:" + _item(value))
        elif isinstance(value, AnchorLink):
            parts.append(f"anchor:{value.id!r}:{value.level}:{value.title!r}")
            self._feed(parts, value.children)
        elif isinstance(value, TableOfContents):
            self._feed(parts, list(value))
        elif isinstance(value, File):
            parts.append(f"file:{value.src_uri!r}:{value.dest_uri!r}:{value.url!r}")
        elif isinstance(value, PluginCollection):
            parts.append("plugins:" + repr(list(value)))
        elif isinstance(value, Theme):
            parts.append(f"theme:{value.name!r}:{list(value.dirs)!r}")
            self._feed(parts, dict(value.items()))
        elif isinstance(value, Config):
            # Templates read options as attributes, and an attribute shadows the key (static-i18n
            # sets config.extra.alternate so): both, the attributes after.
            self._feed(parts, dict(value.items()))
            self._feed(parts, {key: item for key, item in vars(value).items() if _attribute(key)})
        elif isinstance(value, Mapping):
            parts.append(f"{{{len(value)}")
            for key in sorted(value, key=repr):
                parts.append(repr(key))
                self._feed(parts, value[key])
            parts.append("}")
        elif isinstance(value, (list, tuple)):
            parts.append(f"[{len(value)}")
            for item in value:
                self._feed(parts, item)
            parts.append("]")
        elif isinstance(value, (set, frozenset)):
            parts.append("set:" + repr(sorted(map(repr, value))))
        elif type(value).__name__ == "Locale" and type(value).__module__ in _LOCALES:  # the theme's language
            parts.append(f"locale:{value}")
        elif isinstance(value, (datetime.date, datetime.time)):
            parts.append(f"{type(value).__name__}:{value.isoformat()}")
        else:
            raise Unkeyable(type(value).__qualname__)

    def _page(self, parts: list[str], page: Page) -> None:
        """The page being rendered: everything it holds; its neighbours and parents by name."""
        parts.append(f"page:{page.title!r}:{page.url!r}:{page.is_homepage}")
        for name, value in sorted(vars(page).items()):
            if name in _PAGE_SKIPPED:
                continue
            parts.append(name)
            if isinstance(value, (Page, Section, Link)):
                parts.append(_item(value))
            else:
                self._feed(parts, value)
        parts.append("ancestors:" + repr([_item(item) for item in page.ancestors]))

    def _page_list_key(self, files: list[File]) -> str:
        """The site's pages, the same File objects for every page of one build: once."""
        ids = tuple(map(id, files))
        if ids not in self._structure:
            text = repr([(file.src_uri, file.dest_uri, file.url) for file in files])
            self._structure[ids] = (list(files), _digest(text))  # the files held: their ids stay theirs
        return self._structure[ids][1]

    def _structure_key(self, value: Navigation | list[Page]) -> str:
        """The navigation or the list of pages, the same for every page of one build: once."""
        if id(value) not in self._structure:
            items = value.items if isinstance(value, Navigation) else value
            text = repr([_tree(item) for item in items])
            if isinstance(value, Navigation):
                text += "pages:" + repr([_item(page) for page in value.pages])
            self._structure[id(value)] = (value, _digest(text))
        return self._structure[id(value)][1]


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()


def _attribute(name: str) -> bool:
    """A configuration's attribute templates can read (`data` holds its options, fed already)."""
    return not name.startswith("_") and name != "data"


def _item(item: Page | Section | Link) -> str:
    """A page, section or link as the navigation shows it (which one is active follows from
    the page being rendered, in the key)."""
    if isinstance(item, Page):
        return repr(("page", item.title, item.url, item.file.src_uri, item.meta, item.is_index))
    if isinstance(item, Section):
        return repr(("section", item.title, [_item(child) for child in item.children]))
    return repr(("link", item.title, item.url))


def _tree(item: Any) -> str:
    if isinstance(item, (Page, Section, Link)):
        return _item(item)
    raise Unkeyable(type(item).__qualname__)
