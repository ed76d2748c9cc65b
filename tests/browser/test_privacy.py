"""No third party learns who reads the site: every request stays on the site's own origin.

Fonts are the system's (`theme.font: false`), icons are inline SVG, scripts and styles are
the site's own, and the repository link asks no API (overrides/partials/source.html).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from sites import LANGUAGES

# Attributes that make a browser fetch something by itself (links <a href> are followed only
# when the visitor clicks them, and are listed by `python3 scripts/task.py links`).
FETCHED = {
    "link": ("href",),
    "script": ("src",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "track": ("src",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
}
CSS_URL = re.compile(r"""(?:url\(|@import)\s*['"]?(https?://[^'")\s]+)""")
NOT_FETCHED_LINKS = {"alternate", "canonical", "author", "license", "me", "next", "prev", "search"}


def one_page_of_each_kind(paths: list[str]) -> list[str]:
    """The home, every top-level page, the first entry of every collection, the 404, per language."""
    kinds: dict[tuple[str, str, int], str] = {}
    for path in paths:
        lang = path.split("/")[0] if path.split("/")[0] in LANGUAGES[1:] else LANGUAGES[0]
        rest = path.removeprefix(f"{lang}/") if lang != LANGUAGES[0] else path
        parts = [part for part in rest.split("/") if part]
        key = (lang, parts[0] if len(parts) > 1 else rest, len(parts))
        kinds.setdefault(key, path)
    return sorted(kinds.values())


def test_every_kind_of_page_makes_requests_to_its_own_origin_only(live_site, visit) -> None:
    page = visit.page
    pages = one_page_of_each_kind(live_site.page_paths())
    for path in pages:
        # Material's script asks for more after `load` (sitemaps, search): the same on every
        # page, so waiting for the network to fall quiet on a few pages is enough.
        page.goto(live_site.url + path, wait_until="networkidle" if path.count("/") < 2 else "load")
    for lang in LANGUAGES:  # search loads its worker and index on first use
        page.goto(live_site.url + ("" if lang == LANGUAGES[0] else f"{lang}/"))
        page.locator("input.md-search__input").click()
        page.keyboard.type("culture", delay=20)
        page.locator(".md-search-result__item").first.wait_for()
        page.wait_for_load_state("networkidle")
    others = sorted(
        {
            url
            for url in visit.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss")
            and not url.startswith(live_site.origin + "/")
        }
    )
    assert len(pages) >= 10 and visit.requests
    assert not others, "requests to other hosts:\n" + "\n".join(others)


class _Resources(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and set((values.get("rel") or "").split()) & NOT_FETCHED_LINKS:
            return
        for name in FETCHED.get(tag, ()):
            value = values.get(name)
            if value:
                self.urls += [part.split()[0] for part in value.split(",")] if name == "srcset" else [value]
        self.urls += CSS_URL.findall(values.get("style") or "")

    def handle_data(self, data: str) -> None:  # <style> content among others
        self.urls += CSS_URL.findall(data)


def test_no_page_refers_to_a_resource_on_another_host(live_site) -> None:
    """Every page's own resources, also those a visit does not load (print styles, icons)."""
    problems = []
    for path in live_site.page_paths():
        html = (live_site.folder / (path if path.endswith(".html") else path + "index.html")).read_text(
            encoding="utf-8"
        )
        parser = _Resources()
        parser.feed(html)
        for url in parser.urls:
            absolute = urljoin(live_site.url + path, url)
            if urlsplit(absolute).scheme in ("http", "https") and not absolute.startswith(
                live_site.origin + "/"
            ):
                problems.append(f"/{path}: {url}")
    for stylesheet in live_site.folder.rglob("*.css"):
        for url in CSS_URL.findall(stylesheet.read_text(encoding="utf-8")):
            if not url.startswith(live_site.origin + "/"):
                problems.append(f"{stylesheet.relative_to(live_site.folder)}: {url}")
    assert not problems, "\n".join(problems)
