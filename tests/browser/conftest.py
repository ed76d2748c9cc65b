"""A real browser (Chromium through Playwright) visiting built sites served over HTTP."""

from __future__ import annotations

import datetime
import functools
import os
import shutil
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from sites import FIXTURE_DATA, make_project

# Debian's Chromium where it exists (CI installs it); else Playwright's own browser
# (`python -m playwright install chromium` on a machine with internet).
SYSTEM_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    # Tiles are redrawn whole: the same page gives the same pixels every time (partial redraws
    # anti-alias SVG edges a little differently; test_css_purge_in_browser.py compares pixels).
    "--disable-partial-raster",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class _ErrorPageHandler(_QuietHandler):
    """As GitHub Pages serves a site: the root 404.html, with status 404, for every missing address."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        error_page = Path(self.directory) / "404.html"
        if code != 404 or not error_page.is_file():
            super().send_error(code, message, explain)
            return
        body = error_page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class LiveSite:
    """A built site served on 127.0.0.1; `url` is where its root is (maybe under a sub-path)."""

    url: str
    origin: str
    server: ThreadingHTTPServer = field(repr=False)
    folder: Path | None = None  # the built site's files (served at `url`)

    def page_paths(self) -> list[str]:
        """Every HTML page, as a path relative to `url` ('', 'about/', 'en/404.html')."""
        assert self.folder is not None
        paths = (path.relative_to(self.folder).as_posix() for path in self.folder.rglob("*.html"))
        return sorted(path.removesuffix("index.html") for path in paths)


def _serve(folder: Path, port: int, handler_class: type = _QuietHandler) -> ThreadingHTTPServer:
    handler = functools.partial(handler_class, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _live(
    tmp_path_factory: pytest.TempPathFactory,
    sub_path: str,
    built_for: str | None = None,
    handler_class: type = _QuietHandler,
    data: Path | None = None,
    env: dict[str, str] | None = None,
) -> LiveSite:
    """The real site (or `data`'s) built for `built_for` (default: where it is served) and
    served at `sub_path`."""
    port = _free_port()
    origin = f"http://127.0.0.1:{port}"
    url = f"{origin}/{sub_path}"
    project = make_project(tmp_path_factory.mktemp("live"), data)
    served_root = tmp_path_factory.mktemp("served")
    project.build_ok("-d", str(served_root / sub_path), site_url=built_for or url, env=env)
    return LiveSite(url, origin, _serve(served_root, port, handler_class), served_root / sub_path)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    site = _live(tmp_path_factory, "")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def pages_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """The real site served as GitHub Pages serves one: a missing address gets the root
    404.html (whichever language the address is in)."""
    site = _live(tmp_path_factory, "", handler_class=_ErrorPageHandler)
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def live_site_under_subpath(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """Built for and served under a sub-path, as on GitHub Pages (/<repository>/)."""
    site = _live(tmp_path_factory, "cglu-site/")
    yield site
    site.server.shutdown()


@pytest.fixture(scope="session")
def mirror_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    """Built for the domain root but served under /mirror/cglu/: relative links must still work
    (its absolute hreflang links, rightly, name the site it was built for)."""
    site = _live(tmp_path_factory, "mirror/cglu/", built_for="https://cglu-docs.example.org/")
    yield site
    site.server.shutdown()


# The day of the fixture sites' builds (SOURCE_DATE_EPOCH), around the fixture event
# (tests/fixtures/data/events.yml, 10-14 October 2022): before it, and after it.
BUILD_DAYS = {"before": datetime.date(2022, 10, 1), "after": datetime.date(2022, 11, 1)}


@pytest.fixture(scope="session")
def dated_sites(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, LiveSite]]:
    """The fixture data's site built on each day of BUILD_DAYS, by name."""
    sites = {}
    for name, day in BUILD_DAYS.items():
        epoch = datetime.datetime.combine(day, datetime.time(12), datetime.UTC).timestamp()
        sites[name] = _live(
            tmp_path_factory, "", data=FIXTURE_DATA, env={"SOURCE_DATE_EPOCH": str(int(epoch))}
        )
    yield sites
    for site in sites.values():
        site.server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator:
    playwright_api = pytest.importorskip("playwright.sync_api")
    with playwright_api.sync_playwright() as playwright:
        options = {"args": CHROMIUM_ARGS}
        if SYSTEM_CHROMIUM:
            options["executable_path"] = SYSTEM_CHROMIUM
        try:
            browser = playwright.chromium.launch(**options)
        except playwright_api.Error as error:
            if os.environ.get("CI"):
                raise
            pytest.skip(
                f"no Chromium to run browser tests ({error.message.splitlines()[0]}); "
                "install Debian's chromium or run `python -m playwright install chromium`"
            )
        yield browser
        browser.close()


@dataclass
class Visit:
    """A browser tab that records what the page asked the network for and what went wrong."""

    page: object
    requests: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)


@pytest.fixture
def visit(browser) -> Iterator[Visit]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    record = Visit(page)
    page.on("request", lambda request: record.requests.append(request.url))
    # A request the browser dropped because the test moved to another page (net::ERR_ABORTED) is
    # no failure of the site; an answer with an error status is recorded below either way.
    page.on(
        "requestfailed",
        lambda request: (
            "ERR_ABORTED" not in (request.failure or "")
            and record.failures.append(f"{request.url} ({request.failure})")
        ),
    )
    page.on(
        "response",
        lambda response: (
            response.status >= 400 and record.failures.append(f"{response.url} ({response.status})")
        ),
    )
    page.on("console", lambda message: message.type == "error" and record.console_errors.append(message.text))
    yield record
    context.close()


@pytest.fixture
def page(visit: Visit):
    return visit.page


@pytest.fixture(params=["desktop", "phone"])
def keyboard_tab(request, browser):
    """A new browser tab at desktop and at phone size (its `width_name` says which)."""
    width, height = {"desktop": (1280, 900), "phone": (390, 844)}[request.param]
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.width_name = request.param
    yield page
    context.close()
