"""An Atom feed (RFC 4287) of the news per language: /feed.xml, /en/feed.xml.

Feed readers take absolute addresses, so entries link to site_url; every page's head
links to its language's feed (overrides/main.html) with a relative address, which works
wherever the site is served. The XML comes from templates/feed.xml.j2, autoescaped;
texts are plain (language markers removed), as feed readers show them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from cglu_site.data.text import plain_text
from cglu_site.outputs.writing import Write, write_file
from cglu_site.outputs.xml_templates import xml_template

if TYPE_CHECKING:
    from cglu_site.data.languages import Language
    from cglu_site.pages.generate import SiteBuild

FEED_FILE = "feed.xml"
MEDIA_TYPE = "application/atom+xml"


def feed_path(language: Language) -> str:
    """Site-relative path of a language's feed."""
    return language.path(FEED_FILE)


def head_link(site: SiteBuild, language: Language, page_url: str) -> dict[str, str]:
    """The page's <link rel="alternate"> to its language's feed: relative, and its title."""
    page_folder = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url)
    href = posixpath.relpath(feed_path(language), page_folder.rstrip("/") or ".")
    return {"href": href, "type": MEDIA_TYPE, "title": site.strings[language.code]["feed"]["title"]}


def news_feed(site: SiteBuild, language: Language, site_url: str) -> str:
    lang = language.code
    root = urljoin(site_url, language.path(""))
    news = sorted(site.data["news"]["news"], key=lambda item: item["date"], reverse=True)
    entries = [
        {
            "url": urljoin(root, f"news/{item['id']}/"),
            "title": plain_text(item["title"][lang]),
            "summary": plain_text(item["summary"][lang]),
            "content": "\n\n".join(plain_text(paragraph[lang]) for paragraph in item["body"]),
            "date": f"{item['date']}T00:00:00Z",
        }
        for item in news
    ]
    strings = site.strings[lang]
    organisation = site.data["organisation"]["organisation"]
    context: dict[str, Any] = {
        "lang": lang,
        "id": urljoin(site_url, feed_path(language)),
        "title": strings["feed"]["title"],
        "subtitle": strings["feed"]["subtitle"],
        "news_url": urljoin(root, "news/"),
        "author": plain_text(organisation["name"][lang]),
        "author_url": organisation["contact"]["website"],
        "rights": f"{strings['open_data']['licence_name']}, {strings['open_data']['licence_deed']}",
        "updated": max((entry["date"] for entry in entries), default="1970-01-01T00:00:00Z"),
        "entries": entries,
    }
    return xml_template("feed.xml.j2").render(context)


def write_feeds(site_dir: Path, site: SiteBuild, site_url: str, write: Write = write_file) -> list[Path]:
    written = []
    for language in site.languages:
        target = site_dir / feed_path(language)
        write(target, news_feed(site, language, site_url).encode("utf-8"))
        written.append(target)
    return written
