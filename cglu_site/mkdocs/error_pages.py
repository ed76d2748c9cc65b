"""What overrides/404.html shows, in each language: the page for an address where there is none.

Each language's build renders a 404 page (written to /404.html for the default language,
/<lang>/404.html for the others: plugin.py). Hosts such as GitHub Pages serve only the root
one, for every missing address of every language: the root page holds the text of every
language, the default's shown and the others hidden, and a small script in the template
shows the one whose root the address is under (`/en/…` → English), and puts the rest of
the page in that language too: Material's labels in the header, search and footer (each
language's are in its part of the page), the site's name, the copyright; it hides the
sidebar's links, which lead to the default language's pages (the text lists the language's
own). Without JavaScript the default language shows. The other languages' pages hold their
own text only.

Links are absolute paths from the site root (`base_url` of an error page is the path of
`site_url`): the page is served at any address.
"""

from __future__ import annotations

from typing import Any

from cglu_site.data.languages import Language
from cglu_site.mkdocs.search_index import language_base_url
from cglu_site.pages.addresses import directory_url
from cglu_site.pages.generate import SiteBuild


def error_page_languages(
    site: SiteBuild,
    current: Language,
    base_url: str,
    site_names: dict[str, str],
    copyrights: dict[str, str],
    use_directory_urls: bool,
) -> list[dict[str, Any]]:
    """The text and links of the 404 page in each language it holds: the current language
    first; every other one too on the default language's page, the one served for all."""
    languages = [current]
    if current.default:
        languages += [language for language in site.languages if language != current]
    return [
        _language(site, language, base_url, site_names, copyrights, use_directory_urls)
        for language in languages
    ]


def _language(
    site: SiteBuild,
    language: Language,
    base_url: str,
    site_names: dict[str, str],
    copyrights: dict[str, str],
    use_directory_urls: bool,
) -> dict[str, Any]:
    own = site.strings[language.code]["not_found"]
    strings = {key: site.typography(text, language.code) for key, text in own.items()}  # text, not HTML
    home = language_base_url(base_url, language)  # also the root of its search index
    sections = [
        {"title": site.title(page, language.code), "url": home + url}  # titles are HTML already
        for page in site.pages
        if (url := _page_url(page.path, use_directory_urls))
    ]
    return {
        "code": language.code,
        "home": home,
        "title": f"{strings['heading']} - {site_names[language.code]}",
        # What the rest of the page (Material's header, search, footer) says in this language.
        "site_name": site_names[language.code],
        "copyright": copyrights[language.code],
        "material": site.strings[language.code]["material"],  # the site's wording of Material's labels
        "palette": site.strings[language.code]["palette"],  # the light/dark toggle's labels
        "strings": strings,
        "sections": sections,
    }


def _page_url(path: str, use_directory_urls: bool) -> str:
    """A page's address below its language root: 'commissions/index' → 'commissions/',
    'about' → 'about/', 'index' → '' (the language's home)."""
    if use_directory_urls or path == "index":
        return directory_url(path)
    return f"{path.removesuffix('/index')}/index.html" if path.endswith("/index") else f"{path}.html"
