"""The files for machines that need only the data and the page list, written together."""

from __future__ import annotations

from pathlib import Path

from cglu_site.outputs import feeds
from cglu_site.outputs.calendars import write_calendars
from cglu_site.outputs.open_data import write_open_data
from cglu_site.outputs.sitemaps import write_sitemaps
from cglu_site.outputs.writing import Write, write_file
from cglu_site.pages.generate import SiteBuild


def write_outputs(site_dir: Path, site: SiteBuild, site_url: str, write: Write = write_file) -> None:
    """Sitemaps, open data (/data/), feeds and calendars (see each module), each file
    through `write` (writing.py)."""
    write_sitemaps(site_dir, site, site_url, write)
    write_open_data(site_dir, site, write)
    feeds.write_feeds(site_dir, site, site_url, write)
    write_calendars(site_dir, site, site_url, write)
