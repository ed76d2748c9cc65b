"""Every internal link and #anchor resolves, in every language, over HTTP: the site served at
the domain root and under a sub-path (as on GitHub Pages). External links are not fetched
(no internet in tests): `python3 scripts/task.py links` lists them."""

from __future__ import annotations

import pytest
from support.linkcheck import check_served_site


@pytest.mark.parametrize("site_fixture", ["live_site", "live_site_under_subpath"])
def test_every_internal_link_and_anchor_resolves(request, site_fixture: str) -> None:
    site = request.getfixturevalue(site_fixture)
    pages = site.page_paths()
    report = check_served_site(site.url, pages)
    assert report.pages >= len(pages) and report.links > 1000, report
    assert not report.broken, f"{len(report.broken)} broken links:\n" + "\n".join(report.broken[:100])
    assert report.external  # sources cite other sites: listed, never fetched here
