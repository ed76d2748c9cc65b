"""Where each page of the site is, in each language, and what it is called: the page list
the outputs (sitemaps, alternates, JSON-LD breadcrumbs) are computed from.

A page is named by its docs path without language suffix ('index', 'commissions/index',
'commissions/culture', 'about-this-site'). Pages have directory URLs, in their language's
folder: 'commissions/culture' in English is 'en/commissions/culture/'. Every page exists
in every language (generate.py checks the hand-written ones).
"""

from __future__ import annotations

from dataclasses import dataclass

from cglu_site.data.languages import Language


def directory_url(path: str) -> str:
    """'index' -> '', 'commissions/index' -> 'commissions/', 'about' -> 'about/'."""
    if path == "index":
        return ""
    if path.endswith("/index"):
        return path.removesuffix("index")
    return f"{path}/"


@dataclass(frozen=True)
class Address:
    """One page in one language."""

    path: str  # docs path without language suffix
    language: Language
    title: str  # as the theme prints it (HTML: escaped, typographic spaces)

    @property
    def url(self) -> str:
        """Site-relative: 'en/commissions/culture/'."""
        return self.language.path(directory_url(self.path))
