"""Links of the built site: internal ones checked over HTTP, external ones listed, never fetched.

    python tests/support/linkcheck.py [SITE_DIR]     list the external links of a built site
                                                 (python3 scripts/task.py links)

`check_served_site` is what tests/browser/test_links.py runs on the site served at the
domain root and under a sub-path: every internal link (`href`, `src`, `srcset`) must answer
200, and every `#anchor` must exist in its target page.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

LINK_ATTRIBUTES = {"href", "src", "srcset", "poster", "data"}
NOT_WEB = ("mailto:", "tel:", "javascript:", "data:", "blob:")


class _PageParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []  # (line, value)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        for name, value in attrs:
            if value is None:
                continue
            if name == "id" or (tag == "a" and name == "name"):
                self.ids.add(value)
            elif name == "srcset":
                self.links += [(line, part.split()[0]) for part in value.split(",") if part.strip()]
            elif name in LINK_ATTRIBUTES and not (tag == "object" and name != "data"):
                self.links.append((line, value.strip()))


def parse(html: str) -> _PageParser:
    parser = _PageParser()
    parser.feed(html)
    parser.close()
    return parser


def page_files(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def external_links(site_dir: Path) -> dict[str, list[str]]:
    """Every link to another site, with the pages (site paths) that have it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in page_files(site_dir):
        site_path = path.relative_to(site_dir).as_posix()
        for _, value in parse(path.read_text(encoding="utf-8")).links:
            if urlsplit(value).scheme in ("http", "https") or value.startswith(("//", "mailto:")):
                found[value].add(site_path)
    return {url: sorted(pages) for url, pages in sorted(found.items())}


@dataclass
class LinkReport:
    pages: int = 0
    links: int = 0
    broken: list[str] = field(default_factory=list)
    external: set[str] = field(default_factory=set)


def _fetch(url: str) -> tuple[int, str, str]:
    """Status, content type and text (for HTML) of a URL."""
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            kind = response.headers.get_content_type()
            body = response.read()
            return response.status, kind, body.decode("utf-8", "replace") if kind == "text/html" else ""
    except urllib.error.HTTPError as error:
        return error.code, "", ""


def check_served_site(site_url: str, start_paths: list[str]) -> LinkReport:
    """Follow every internal link from the given pages of the site served at `site_url`."""
    report = LinkReport()
    fetched: dict[str, tuple[int, str, set[str]]] = {}  # url -> status, content type, ids
    links_of: dict[str, list[tuple[int, str]]] = {}
    pending_anchors: list[tuple[str, str, str]] = []  # (where, target, fragment)

    def get(url: str) -> tuple[int, str, set[str]]:
        if url not in fetched:
            status, kind, text = _fetch(url)
            parsed = parse(text) if text else None
            fetched[url] = (status, kind, parsed.ids if parsed else set())
            links_of[url] = parsed.links if parsed else []
        return fetched[url]

    queue = [urljoin(site_url, path) for path in start_paths]
    visited: set[str] = set()
    while queue:
        page_url = queue.pop()
        if page_url in visited:
            continue
        visited.add(page_url)
        status, kind, _ = get(page_url)
        if status != 200:
            report.broken.append(f"{page_url}: answers {status}")
            continue
        report.pages += 1
        page_path = "/" + page_url.removeprefix(site_url)
        for line, value in links_of[page_url]:
            if not value or value.startswith(NOT_WEB):
                continue
            report.links += 1
            target, fragment = urldefrag(urljoin(page_url, value))
            where = f"{page_path}:{line}: {value}"
            if urlsplit(target).scheme not in ("http", "https"):
                continue
            if not target.startswith(site_url):
                if urlsplit(target).netloc == urlsplit(site_url).netloc:
                    report.broken.append(f"{where} (outside the site, at {target})")
                else:
                    report.external.add(target)
                continue
            target_status, target_kind, _ = get(target)
            if target_status != 200:
                report.broken.append(f"{where} (answers {target_status})")
                continue
            if target_kind == "text/html" and target not in visited:
                queue.append(target)
            if fragment:
                pending_anchors.append((where, target, unquote(fragment)))
    for where, target, fragment in pending_anchors:
        if fragment not in fetched[target][2]:
            report.broken.append(f"{where} (no #{fragment} in {target.removeprefix(site_url) or '/'})")
    return report


def main(argv: list[str]) -> int:
    site_dir = Path(argv[0] if argv else "site")
    if not site_dir.is_dir():
        print(f"{site_dir}/ is not there: build the site first (python3 scripts/task.py build).")
        return 1
    links = external_links(site_dir)
    for url, pages in links.items():
        print(f"{url}\n    {len(pages)} page(s): {', '.join(pages[:5])}{' …' if len(pages) > 5 else ''}")
    print(
        f"{len(links)} external links in {len(page_files(site_dir))} pages (not fetched: check them by hand or online)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
