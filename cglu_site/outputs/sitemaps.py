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
import io
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from cglu_site.outputs.writing import Write, write_file
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


def write_sitemaps(site_dir: Path, site: SiteBuild, site_url: str, write: Write = write_file) -> None:
    """The root sitemap (every page), one per further language root, one per page folder."""
    template = xml_template("sitemap.xml.j2")
    pages = sorted(sitemap_pages(site, site_url), key=lambda page: page.url)
    root = template.render(pages=pages, site_url=site_url).encode("utf-8")
    write(site_dir / "sitemap.xml", root)
    compressed = io.BytesIO()  # named as a file of that name would be, dated 0: reproducible
    with gzip.GzipFile("sitemap.xml.gz", mode="wb", fileobj=compressed, mtime=0) as archive:
        archive.write(root)
    write(site_dir / "sitemap.xml.gz", compressed.getvalue())
    roots = {language.path("") for language in site.languages if not language.default}
    for prefix in sorted(roots):
        mine = [page for page in pages if page.url.startswith(prefix)]
        write(
            site_dir / prefix / "sitemap.xml", template.render(pages=mine, site_url=site_url).encode("utf-8")
        )
    for page in pages:
        if page.url.endswith("/") and page.url not in roots:  # language roots have theirs
            sitemap = template.render(pages=[page], site_url=site_url).encode("utf-8")
            write(site_dir / page.url / "sitemap.xml", sitemap)
