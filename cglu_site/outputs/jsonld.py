"""Structured data (JSON-LD, schema.org) for the head of every page (overrides/main.html).

Search engines and other machines read who the organisation is without parsing prose:

- every page but the home page: a BreadcrumbList of its place in the navigation;
- home, about, contact, members and join: the Organization (names in every language,
  address, contact point, sameAs), with its sections as subOrganization and its member
  associations as member; the sections index too;
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

from cglu_site.data.text import plain_text
from cglu_site.outputs.open_data import data_catalogue

if TYPE_CHECKING:
    from cglu_site.data.languages import Language
    from cglu_site.pages.addresses import Address
    from cglu_site.pages.generate import SiteBuild

SCHEMA_ORG = "https://schema.org"
_ORGANISATION_PAGES = {"index", "about", "contact", "members", "join", "sections/index"}


def script_json(value: Any) -> str:
    """JSON for inside <script>: '<', '>' and '&' escaped as \\u003c…, which JSON reads back unchanged."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def page_structured_data(site: SiteBuild, path: str, language: Language, site_url: str) -> str | None:
    """The JSON-LD of one page ('commissions/culture'), ready to print inside
    <script type="application/ld+json">."""
    graph: list[dict[str, Any]] = []
    generated = site.page_for(path)
    lang = language.code
    trail = site.trail(path, lang)
    page_url = urljoin(site_url, trail[-1].url)
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
        graph.append(breadcrumbs(site, trail, language, site_url))
    if not graph:
        return None
    return script_json({"@context": SCHEMA_ORG, "@graph": graph})


def organisation_id(site_url: str) -> str:
    return urljoin(site_url, "#organisation")


def _names(text: dict[str, str], lang: str) -> tuple[str, list[dict[str, str]]]:
    """The name in the page's language, and its other languages as language-tagged values."""
    others = [
        {"@value": plain_text(value), "@language": code} for code, value in text.items() if code != lang
    ]
    return plain_text(text[lang]), others


def organisation(site: SiteBuild, lang: str, site_url: str) -> dict[str, Any]:
    data = site.data["organisation"]["organisation"]
    contact = data["contact"]
    name, other_names = _names(data["name"], lang)
    acronyms = sorted({plain_text(value) for value in data["acronym"].values()})
    node: dict[str, Any] = {
        "@type": "Organization",
        "@id": organisation_id(site_url),
        "name": name,
        "alternateName": [*other_names, *acronyms],
        "description": plain_text(data["summary"]["text"][lang]),
        "url": contact["website"],
        "foundingDate": str(data["founded"]["year"]),
        "address": {
            "@type": "PostalAddress",
            "streetAddress": contact["street"],
            "postalCode": contact["postcode"],
            "addressLocality": plain_text(contact["city"][lang]),
            "addressCountry": plain_text(contact["country"][lang]),
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
                "name": plain_text(item["name"][lang]),
                "url": urljoin(site_url, f"{language_root(site, lang)}sections/{item['id']}/"),
            }
            for item in site.data["sections"]["sections"]
        ],
        # Member associations (not partners), as schema.org's members of the organisation.
        "member": [
            {
                "@type": "Organization",
                "name": plain_text(item["name"][lang]),
                **({"url": item["website"]} if "website" in item else {}),
            }
            for item in site.data["members"]["members"]
            if item["kind"] == "member"
        ],
    }
    if "fax" in contact:
        node["faxNumber"] = contact["fax"]
    if contact.get("social"):
        node["sameAs"] = [account["url"] for account in contact["social"]]
    return node


def language_root(site: SiteBuild, lang: str) -> str:
    """'' or 'en/': where a language's pages are, relative to the site root."""
    return site.language(lang).path("")


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
        "description": plain_text(entry["description"][lang]),
        "areaServed": plain_text(entry["region"][lang]),
        "mainEntityOfPage": page_url,
        "parentOrganization": {
            "@type": "Organization",
            "@id": organisation_id(site_url),
            "name": plain_text(parent["name"][lang]),
            "url": parent["contact"]["website"],
        },
    }
    if "website" in entry:
        node["url"] = entry["website"]
    if "seat" in entry:
        node["location"] = {"@type": "Place", "name": plain_text(entry["seat"][lang])}
    return node


def event(site: SiteBuild, entry: dict, lang: str, site_url: str, page_url: str) -> dict[str, Any]:
    name, other_names = _names(entry["name"], lang)
    node: dict[str, Any] = {
        "@type": "Event",
        "name": name,
        "alternateName": other_names,
        "description": plain_text(entry["summary"][lang]),
        "startDate": entry["start"],
        "endDate": entry["end"],
        "eventStatus": "https://schema.org/EventScheduled",
        "location": {
            "@type": "Place",
            "name": plain_text(entry.get("venue", entry["city"])[lang]),
            "address": {
                "@type": "PostalAddress",
                "addressLocality": plain_text(entry["city"][lang]),
                "addressCountry": plain_text(entry["country"][lang]),
            },
        },
        "organizer": [
            {"@type": "Organization", "name": plain_text(organiser[lang])}
            for organiser in entry["organisers"]
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
        "name": plain_text(site.data["organisation"]["organisation"]["name"][lang]),
        "url": site.data["organisation"]["organisation"]["contact"]["website"],
    }
    return {
        "@type": "NewsArticle",
        "headline": plain_text(entry["title"][lang]),
        "description": plain_text(entry["summary"][lang]),
        "articleBody": "\n\n".join(plain_text(paragraph[lang]) for paragraph in entry["body"]),
        "datePublished": entry["date"],
        "dateModified": entry["date"],
        "inLanguage": lang,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "author": publisher,
        "publisher": publisher,
    }


def breadcrumbs(site: SiteBuild, trail: list[Address], language: Language, site_url: str) -> dict[str, Any]:
    """Home, then each page above the page (an entry's collection index), then the page."""
    items = [(site.strings[language.code]["nav"]["home"], urljoin(site_url, language.path("")))]
    items += [(_title(address.title), urljoin(site_url, address.url)) for address in trail]
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
