"""`mkdocs serve` follows edits of data and pages, explains bad data, and recovers."""

from __future__ import annotations

import html
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator

import pytest
from sites import Project


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def fetch_within(url: str, seconds: float) -> str:
    """The page, if the server answers within `seconds` (MkDocs holds requests during a build)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=max(deadline - time.monotonic(), 0.1)) as response:
                return response.read().decode("utf-8")
        except OSError:
            time.sleep(0.05)
    return ""


def wait_for(condition, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def start_serve(project: Project, port: int, log, **environment: str) -> subprocess.Popen:
    """`mkdocs serve` of the project on a port of this machine, its output in `log`."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project.root / "mkdocs.yml"),
        ],
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **environment},
    )


@pytest.fixture(params=["events", "poll"])
def served(request, fixture_project: Project) -> Iterator[tuple[Project, str, object]]:
    """`mkdocs serve` watching with the system's file events, or polling (CGLU_WATCH=poll)."""
    port = free_port()
    log = (fixture_project.root / "serve.log").open("w")
    process = start_serve(fixture_project, port, log, CGLU_WATCH=request.param)
    url = f"http://127.0.0.1:{port}/"

    def log_text() -> str:
        return (fixture_project.root / "serve.log").read_text()

    try:
        assert wait_for(lambda: "Committee on Culture" in fetch(url + "en/commissions/culture/")), (
            "server did not start"
        )
        assert ("polling for changes" in log_text()) == (request.param == "poll")
        yield fixture_project, url, log_text
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def builds(log_text: str) -> int:
    return log_text.count("Building documentation")


def test_serve_rebuilds_once_per_edit_and_recovers_from_bad_data(served) -> None:
    project, url, log = served
    page = url + "en/commissions/culture/"

    project.edit("commissions.yml", "en: Committee on Culture,", "en: Committee on Culture and Heritage,")
    assert wait_for(lambda: "Committee on Culture and Heritage" in fetch(page))
    time.sleep(2)  # a second, useless rebuild would have started by now
    assert builds(log()) == 2, log()
    # Nothing the build itself does (reading sources, writing pages) counts as a change.
    assert log().count("Detected file changes") == 1, log()

    project.edit("members.yml", "since: 2004", "since: soon")
    message = "data/members.yml:5: member 'test-association'"
    assert wait_for(lambda: message in log())
    assert "'since' should be an integer" in log()
    # The preview keeps answering, with the last good site and the error on the page.
    start = time.monotonic()
    members = html.unescape(fetch_within(url + "en/members/", 2.0))
    assert time.monotonic() - start < 2.0 and "Member since 2004" in members
    assert message in members and "The site's data has errors." in members
    assert "The preview shows the last good version" in members
    assert "Les données du site ont des erreurs." in fetch_within(url + "commissions/culture/", 2.0)

    # The same mistake made again is printed again, with its file and line.
    project.edit("members.yml", "since: soon", "since: 2004")
    assert wait_for(lambda: "The site's data has errors." not in fetch(url + "en/members/"))
    project.edit("members.yml", "since: 2004", "since: soon")
    assert wait_for(lambda: log().count(message) == 2), log()

    project.edit("members.yml", "since: soon", "since: 2005")
    assert wait_for(lambda: "Member since 2005" in fetch(url + "en/members/"))
    assert "The site's data has errors." not in fetch(url + "en/members/")


def test_serve_rebuilds_when_a_hand_written_page_changes(served) -> None:
    project, url, log = served
    page = project.docs / "about-this-site.en.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nA new closing line.\n", encoding="utf-8")
    assert wait_for(lambda: "A new closing line." in fetch(url + "en/about-this-site/"))


def test_serve_starts_with_wrong_data_shows_the_error_and_recovers(fixture_project: Project) -> None:
    fixture_project.edit("members.yml", "since: 2004", "since: soon")
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    with (fixture_project.root / "serve.log").open("w") as log:
        process = start_serve(fixture_project, port, log)
        try:
            message = "data/members.yml:5: member 'test-association'"
            assert wait_for(lambda: message in html.unescape(fetch(url + "en/"))), (
                fixture_project.root / "serve.log"
            ).read_text()
            assert "The site's data has errors." in html.unescape(fetch(url + "en/"))
            assert "Los datos del sitio tienen errores." in fetch(url + "es/")
            assert "The preview shows them here" in fetch(url + "en/")
            fixture_project.edit("members.yml", "since: soon", "since: 2005")
            assert wait_for(lambda: "Member since 2005" in fetch(url + "en/members/"))
            assert "The site's data has errors." not in fetch(url + "en/members/")
            assert "Committee on Culture" in fetch(url + "en/commissions/culture/")
            # What the serve log says it watches.
            assert "Watching for changes" in (fixture_project.root / "serve.log").read_text()
        finally:
            process.terminate()
            process.wait(timeout=30)
