"""Every page's versions in the other languages: switcher links, hreflang, sitemaps.

Stock Material + static-i18n links the switcher root-relative to the site_url path (broken
under another sub-path), writes relative hreflang without x-default, and Material's script
then asks for `sitemap.xml` beside every alternate link, which 404s. Here:

- the switcher links are site-relative, so they work from the root or any sub-path;
- the head has absolute hreflang links for every language plus x-default;
- the root sitemap lists every page with its alternates; each further language root has a
  sitemap of its pages, and each page folder a one-entry sitemap, so the requests
  Material's script makes beside every alternate link all succeed.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from cglu_site.outputs.xml_templates import xml_template
from cglu_site.pages.generate import SiteBuild


@dataclass(frozen=True)
class Alternate:
    lang: str
    name: str
    site_link: str  # site-relative URL of the page in that language, e.g. 'en/commissions/'
    link: str  # absolute URL, for hreflang

    def as_extra(self) -> dict[str, str]:
        """The shape Material's templates read from `config.extra.alternate`."""
        return {"lang": self.lang, "name": self.name, "link": self.link, "site_link": self.site_link}


def page_alternates(site: SiteBuild, path: str, site_url: str) -> list[Alternate]:
    """The page in each language, the default language first (every page is in every one)."""
    result = []
    for language in site.languages:
        url = site.address(path, language.code).url
        # The site root's own link is './', as MkDocs writes it ('' would be no link).
        result.append(Alternate(language.code, language.name, url or "./", urljoin(site_url, url)))
    return result


@dataclass(frozen=True)
class SitemapPage:
    url: str  # site-relative
    alternates: tuple[Alternate, ...]


def sitemap_pages(site: SiteBuild, site_url: str) -> list[SitemapPage]:
    """Every page of the site in every language, with its alternates."""
    pages = []
    for path in site.paths():
        alternates = tuple(page_alternates(site, path, site_url))
        pages.extend(
            SitemapPage(site.address(path, language.code).url, alternates) for language in site.languages
        )
    return pages


def write_sitemaps(site_dir: Path, site: SiteBuild, site_url: str) -> None:
    """The root sitemap (every page), one per further language root, one per page folder."""
    template = xml_template("sitemap.xml.j2")
    languages = site.languages
    pages = sorted(sitemap_pages(site, site_url), key=lambda page: page.url)
    root = template.render(pages=pages, site_url=site_url)
    (site_dir / "sitemap.xml").write_text(root, encoding="utf-8")
    with gzip.GzipFile(site_dir / "sitemap.xml.gz", mode="wb", mtime=0) as compressed:
        compressed.write(root.encode("utf-8"))
    for language in languages:
        if language.default:
            continue
        prefix = language.path("")
        mine = [page for page in pages if page.url.startswith(prefix)]
        (site_dir / prefix).mkdir(parents=True, exist_ok=True)
        (site_dir / prefix / "sitemap.xml").write_text(
            template.render(pages=mine, site_url=site_url), encoding="utf-8"
        )
    for page in pages:
        target = site_dir / page.url / "sitemap.xml"
        if page.url.endswith("/") and not target.exists():  # language roots have theirs
            target.write_text(template.render(pages=[page], site_url=site_url), encoding="utf-8")
