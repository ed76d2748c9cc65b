"""`mkdocs build` renders each language's pages in two processes (option `parallel`).

Once the pages are read, MkDocs renders each page's theme template (Material's main.html:
header, navigation, footer, the page) one page after the other, on one core: a third of a
build. Here, once MkDocs has the language's Jinja environment (on_env, after every other
plugin's), a second process (a fork of this one: same pages, same settings, same plugins)
takes the pages from the last one backwards and does what MkDocs' `_build_page` does before
it writes (the page's context, the plugins' on_page_context, the render), and keeps each
page's HTML in the cache under the page memo's key (page_memo.py: the whole context given
to the template, its name, the theme's files). MkDocs goes on from the first page, and when
the context it made itself for a page has the key of one the second process rendered, the
page's HTML is that one: exactly what rendering it again would give. The two stop where they
meet; MkDocs still runs every plugin event for every page, and writes every file.

The HTML kept is for this build only (its key holds a value no other build has) and is
removed once the language is written. The second process writes nothing but the cache's
rows, prints nothing, stops at its first error (what it did not do, MkDocs does), and ends
when MkDocs reaches the pages it has not done, or when this process ends. It needs the cache
(how the two processes share the HTML) and Linux (os.fork of a process with no other thread).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from typing import Any

from mkdocs.structure.files import InclusionLevel
from mkdocs.structure.pages import Page

from cglu_site.cache import Cache
from cglu_site.mkdocs.memos.ahead import ConvertAhead, MeetHalfway
from cglu_site.mkdocs.memos.page_memo import PageMemo

KIND = "rendered-ahead"


class RenderAhead:
    def __init__(self, cache: Cache) -> None:
        self._cache = cache
        self._memo = PageMemo(cache, KIND)
        self._positions: dict[int, int] = {}  # id of each page -> its place in MkDocs' order
        self._halfway = MeetHalfway()
        self.taken = 0  # pages whose HTML came from the second process

    def start(self, config: Any, files: Any, nav: Any, env: Any) -> None:
        """Before MkDocs renders this language's pages (`mkdocs build`): fork the process that
        renders them from the last one backwards."""
        self.finish()
        if not ConvertAhead.available():
            return
        pages = files.documentation_pages(inclusion=InclusionLevel.is_included)  # as MkDocs' build loop
        if len(pages) < 4:
            return
        self._install(env)
        self._positions = {id(file.page): index for index, file in enumerate(pages)}
        self._memo.scope = f"{os.getpid()}:{time.time_ns()}"  # this build's HTML only
        self._memo.start_build()
        self._halfway.start(
            len(pages),
            lambda index: _render_as_mkdocs_does(pages[index], config, pages, nav, env),
            self._cache.after_fork,
        )

    def finish(self) -> None:
        """This language's pages are written (or the build failed): stop the second process,
        wait for it, and forget the HTML it kept."""
        if not self._halfway.running:
            return
        self._halfway.finish()
        self._positions = {}
        self._cache.keep_only(KIND, ())

    def _install(self, env: Any) -> None:
        """Route the renders of the pages' templates in `env` through `_render` (once per
        environment: static-i18n's builds of the languages may share it)."""
        get_template = env.get_template
        if getattr(get_template, "render_ahead", None) is self:
            return

        def get_page_template(name: Any, parent: Any = None, globals: Any = None) -> Any:
            template = get_template(name, parent, globals)
            # Jinja's own includes and extends name a parent; MkDocs asks for a page's template alone.
            if parent is None and globals is None and "render" not in vars(template):
                render = template.render
                template.render = lambda *args, **kwargs: self._render(template.name, render, args, kwargs)
            return template

        get_page_template.render_ahead = self  # type: ignore[attr-defined]
        env.get_template = get_page_template

    def _render(self, name: str, render: Callable[..., str], args: tuple, kwargs: dict) -> str:
        context = args[0] if len(args) == 1 and not kwargs and isinstance(args[0], Mapping) else None
        page = context.get("page") if context is not None else None
        if not isinstance(page, Page) or id(page) not in self._positions:
            return render(*args, **kwargs)  # not a page (404.html), or no second process
        if not self._halfway.running:  # the second process: render, and keep it for MkDocs
            key = self._memo.key_of(name, context)
            output = render(*args, **kwargs)
            if key is not None:
                self._memo.made_anew(key, output)
            return output
        if not self._halfway.reached(self._positions[id(page)]):
            return render(*args, **kwargs)  # not rendered ahead: no key to make
        key = self._memo.key_of(name, context)
        kept = self._memo.get(key) if key is not None else None
        if kept is None:
            return render(*args, **kwargs)
        self.taken += 1
        return kept


def _render_as_mkdocs_does(file: Any, config: Any, pages: Any, nav: Any, env: Any) -> None:
    """What MkDocs 1.6's `_build_page` does with a page before its on_post_page event
    (mkdocs/commands/build.py; tests/test_engine_contracts.py checks it)."""
    from mkdocs.commands.build import get_context

    page = file.page
    if file.inclusion.is_excluded():  # a draft (not under `mkdocs build`): MkDocs marks it itself
        return
    config._current_page = page
    page.active = True
    context = get_context(nav, pages, config, page)
    template = env.get_template(page.meta.get("template", "main.html"))
    context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
    template.render(context)
    page.active = False
