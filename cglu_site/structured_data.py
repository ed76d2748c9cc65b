"""Structured data (JSON-LD, schema.org) for the head of every page (overrides/main.html).

Search engines and other machines read who the organisation is without parsing prose:

- every page but the home page: a BreadcrumbList of its place in the navigation;
- home, about and contact: the Organization (names in every language, address, contact
  point, sameAs), with its sections as subOrganization; the sections index too;
- each section page: the section as an Organization whose parentOrganization is UCLG;
- each event page: an Event (dates, place, organisers); each news page: a NewsArticle;
- the open data page: a DataCatalog of the published datasets.

Values are plain text (language markers removed). The JSON is made safe for a <script>
element here, where it is serialised: no '<' can close the element or open a comment.
"""

from __future__ import annotations

import html
import json
import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from .open_data import data_catalogue
from .render import strip_language_markers

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page

    from .build_pages import SiteBuild
    from .languages import Language

SCHEMA_ORG = "https://schema.org"
_ORGANISATION_PAGES = {"index", "about", "contact", "sections/index"}


def script_json(value: Any) -> str:
    """JSON for inside <script>: '<', '>' and '&' escaped as \\u003c…, which JSON reads back unchanged."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_structured_data(site: SiteBuild, page: Page, language: Language, site_url: str) -> str | None:
    """The JSON-LD of one page, ready to print inside <script type="application/ld+json">."""
    graph: list[dict[str, Any]] = []
    generated = site.page_for(page.file.src_uri)
    path = generated.path if generated is not None else None
    lang = language.code
    page_url = urljoin(site_url, page.url)
    if path in _ORGANISATION_PAGES:
        graph.append(organisation(site, lang, site_url))
    if generated is not None and generated.entry is not None:
        entry = generated.entry
        if generated.kind == "sections":
            graph.append(section(site, entry, lang, site_url, page_url))
        elif generated.kind == "events":
            graph.append(event(site, entry, lang, site_url, page_url))
        elif generated.kind == "news":
            graph.append(news_article(site, entry, lang, site_url, page_url))
    if path == "open-data":
        graph.append(data_catalogue(site, lang, site_url, page_url))
    if path != "index":
        graph.append(breadcrumbs(site, page, language, site_url))
    if not graph:
        return None
    return script_json({"@context": SCHEMA_ORG, "@graph": graph})


def organisation_id(site_url: str) -> str:
    return urljoin(site_url, "#organisation")


def _names(text: dict[str, str], lang: str) -> tuple[str, list[dict[str, str]]]:
    """The name in the page's language, and its other languages as language-tagged values."""
    others = [{"@value": _plain(value), "@language": code} for code, value in text.items() if code != lang]
    return _plain(text[lang]), others


def organisation(site: SiteBuild, lang: str, site_url: str) -> dict[str, Any]:
    data = site.data["organisation"]["organisation"]
    contact = data["contact"]
    name, other_names = _names(data["name"], lang)
    acronyms = sorted({_plain(value) for value in data["acronym"].values()})
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": organisation_id(site_url),
        "name": name,
        "alternateName": [*other_names, *acronyms],
        "description": _plain(data["summary"]["text"][lang]),
        "url": contact["website"],
        "foundingDate": str(data["founded"]["year"]),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": contact["street"],
            "postalCode": contact["postcode"],
            "addressLocality": _plain(contact["city"][lang]),
            "addressCountry": _plain(contact["country"][lang]),
        },
        "email": contact["email"],
        "telephone": contact["phone"],
        "contactPoint": {
            "@type": "ContactPoint",
            "contactType": site.strings[lang]["nav"]["contact"],
            "email": contact["email"],
            "telephone": contact["phone"],
            "availableLanguage": [language.code for language in site.languages],
        },
        "subOrganization": [
            {
                "@type": "Organization",
                "@id": _section_id(site_url, language_root(site, lang), item["id"]),
                "name": _plain(item["name"][lang]),
                "url": urljoin(site_url, f"{language_root(site, lang)}sections/{item['id']}/"),
            }
            for item in site.data["sections"]["sections"]
        ],
    }
    if "fax" in contact:
        node["faxNumber"] = contact["fax"]
    if contact.get("social"):
        node["sameAs"] = [account["url"] for account in contact["social"]]
    return node


def language_root(site: SiteBuild, lang: str) -> str:
    """'' or 'en/': where a language's pages are, relative to the site root."""
    link = site.language(lang).link.strip("/")
    return f"{link}/" if link else ""


def _section_id(site_url: str, root: str, section_id: str) -> str:
    return urljoin(site_url, f"{root}sections/{section_id}/#organisation")


def section(site: SiteBuild, entry: dict, lang: str, site_url: str, page_url: str) -> dict[str, Any]:
    name, other_names = _names(entry["name"], lang)
    parent = site.data["organisation"]["organisation"]
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": _section_id(site_url, language_root(site, lang), entry["id"]),
        "name": name,
        "alternateName": other_names + ([entry["acronym"]] if "acronym" in entry else []),
        "description": _plain(entry["description"][lang]),
        "areaServed": _plain(entry["region"][lang]),
        "mainEntityOfPage": page_url,
        "parentOrganization": {
            "@type": "Organization",
            "@id": organisation_id(site_url),
            "name": _plain(parent["name"][lang]),
            "url": parent["contact"]["website"],
        },
    }
    if "website" in entry:
        node["url"] = entry["website"]
    if "seat" in entry:
        node["location"] = {"@type": "Place", "name": _plain(entry["seat"][lang])}
    return node


def event(site: SiteBuild, entry: dict, lang: str, site_url: str, page_url: str) -> dict[str, Any]:
    name, other_names = _names(entry["name"], lang)
    node: dict[str, Any] = {
        "@type": "Event",
        "name": name,
        "alternateName": other_names,
        "description": _plain(entry["summary"][lang]),
        "startDate": entry["start"],
        "endDate": entry["end"],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": _plain(entry.get("venue", entry["city"])[lang]),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": _plain(entry["city"][lang]),
                "addressCountry": _plain(entry["country"][lang]),
            },
        },
        "organizer": [
            {"@type": "Organization", "name": _plain(organiser[lang])} for organiser in entry["organisers"]
        ],
        "url": page_url,
        "inLanguage": lang,
    }
    if "website" in entry:
        node["sameAs"] = entry["website"]
    return node


def news_article(site: SiteBuild, entry: dict, lang: str, site_url: str, page_url: str) -> dict[str, Any]:
    publisher = {
        "@type": "Organization",
        "@id": organisation_id(site_url),
        "name": _plain(site.data["organisation"]["organisation"]["name"][lang]),
        "url": site.data["organisation"]["organisation"]["contact"]["website"],
    }
    return {
        "@type": "NewsArticle",
        "headline": _plain(entry["title"][lang]),
        "description": _plain(entry["summary"][lang]),
        "articleBody": "\n\n".join(_plain(paragraph[lang]) for paragraph in entry["body"]),
        "datePublished": entry["date"],
        "dateModified": entry["date"],
        "inLanguage": lang,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "author": publisher,
        "publisher": publisher,
    }


def breadcrumbs(site: SiteBuild, page: Page, language: Language, site_url: str) -> dict[str, Any]:
    """Home, then each page or section above the page (a section by its index page), then the page.

    An entry page's parent is its collection's index page (entry_navigation.py)."""
    items = [(site.strings[language.code]["nav"]["home"], urljoin(site_url, language.link.lstrip("/")))]
    for ancestor in reversed(page.ancestors):
        if ancestor.is_page:
            index = ancestor
        else:
            index = next((child for child in ancestor.children if child.is_page and child.is_index), None)
        if index is not None and index is not page:
            items.append((_title(ancestor.title), urljoin(site_url, index.url)))
    items.append((_title(page.title), urljoin(site_url, page.url)))
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def _title(text: str | None) -> str:
    """A navigation title (HTML-escaped text with typographic spaces) as plain text."""
    return re.sub(r"[ \t\r\n]+", " ", html.unescape(text or "")).strip()


def _plain(text: str) -> str:
    return strip_language_markers(re.sub(r"[ \t\r\n]+", " ", text).strip())
