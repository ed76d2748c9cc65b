"""A real browser (Chromium through Playwright) visiting a built site served over HTTP."""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

# Debian's Chromium where it exists (CI installs it); else Playwright's own browser
# (`python -m playwright install chromium` on a machine with internet).
SYSTEM_CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def serve() -> Iterator:
    """serve(site_dir) -> base URL of that folder served on 127.0.0.1."""
    servers = []

    def start(site: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(site))
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


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
            pytest.skip(f"no Chromium to run browser tests ({error.message.splitlines()[0]}); "
                        "install Debian's chromium or run `python -m playwright install chromium`")
        yield browser
        browser.close()


@pytest.fixture
def page(browser) -> Iterator:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    yield page
    context.close()
