"""Structured data: each page's JSON-LD, read by a JSON-LD processor (PyLD) as search engines read it."""

from __future__ import annotations

import json
import re

import pytest
import yaml
from pyld import jsonld
from sites import LANGUAGES, ROOT, Project

from cglu_site.data.text import strip_language_markers

SITE_URL = "https://cglu-docs.example.org/"  # mkdocs.yml's default site_url, which the test sites use
SCHEMA = "https://schema.org/"
# schema.org's context, reduced to what expansion needs, so that the tests make no request.
SCHEMA_CONTEXT = {"@context": {"@vocab": SCHEMA}}


def offline_loader(url: str, options: dict | None = None) -> dict:
    assert url.rstrip("/") == SCHEMA.rstrip("/"), f"JSON-LD asks for another context: {url}"
    return {"contextUrl": None, "documentUrl": url, "document": SCHEMA_CONTEXT}


def load(name: str) -> dict:
    return yaml.safe_load((ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"))


def page_path(lang: str, path: str) -> str:
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def graph(site: Project, path: str) -> list[dict]:
    """The page's JSON-LD nodes; the document must also expand as JSON-LD."""
    scripts = site.html(path).select('script[type="application/ld+json"]')
    if not scripts:
        return []
    assert len(scripts) == 1, path
    document = json.loads(scripts[0].string)
    expanded = jsonld.expand(document, {"documentLoader": offline_loader})
    assert expanded, path
    assert document["@context"] == "https://schema.org"
    return document["@graph"]


def node(site: Project, path: str, type_: str) -> dict:
    found = [item for item in graph(site, path) if item["@type"] == type_]
    assert len(found) == 1, f"{path}: {len(found)} {type_}"
    return found[0]


def expanded_node(site: Project, path: str, type_: str) -> dict:
    """The node as a JSON-LD processor sees it: full schema.org property IRIs."""
    document = {"@context": "https://schema.org", **node(site, path, type_)}
    (result,) = jsonld.expand(document, {"documentLoader": offline_loader})
    return result


def site_file(site: Project, url: str) -> bool:
    assert url.startswith(SITE_URL), url
    path = url.removeprefix(SITE_URL).split("#")[0]
    return (site.site / (path + "index.html" if path.endswith("/") or not path else path)).is_file()


def plain(text: str) -> str:
    """A data text as the JSON-LD gives it: one line, language markers removed."""
    return strip_language_markers(re.sub(r"[ \t\r\n]+", " ", text).strip())


def test_every_page_but_home_has_a_breadcrumb_trail_ending_on_itself(real_site: Project) -> None:
    pages = sorted(p.relative_to(real_site.site).as_posix() for p in real_site.site.rglob("index.html"))
    assert len(pages) > 60
    for path in pages:
        nodes = graph(real_site, path)
        if path in ("index.html", *(f"{lang}/index.html" for lang in LANGUAGES[1:])):
            assert not [item for item in nodes if item["@type"] == "BreadcrumbList"]
            continue
        crumbs = node(real_site, path, "BreadcrumbList")["itemListElement"]
        assert [crumb["position"] for crumb in crumbs] == list(range(1, len(crumbs) + 1))
        assert crumbs[-1]["item"] == SITE_URL + path.removesuffix("index.html")
        lang = path.split("/")[0] if path.split("/")[0] in LANGUAGES[1:] else LANGUAGES[0]
        assert crumbs[0]["item"] == SITE_URL + page_path(lang, "")
        assert all(crumb["name"] and site_file(real_site, crumb["item"]) for crumb in crumbs)
    crumbs = node(real_site, "en/sections/africa/index.html", "BreadcrumbList")["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Sections", "Africa"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_organisation_with_its_names_address_contact_and_sections(real_site: Project, lang: str) -> None:
    organisation = load("organisation")["organisation"]
    contact = organisation["contact"]
    for path in ("index.html", "about/index.html", "contact/index.html", "sections/index.html"):
        item = expanded_node(real_site, page_path(lang, path), "Organization")
        names = {
            (value["@value"], value.get("@language", lang))
            for value in item[SCHEMA + "name"] + item[SCHEMA + "alternateName"]
        }
        for code in LANGUAGES:
            assert (plain(organisation["name"][code]), code) in names, f"{path}: no {code} name"
    item = node(real_site, page_path(lang, "index.html"), "Organization")
    assert item["address"] == {
        "@type": "PostalAddress",
        "streetAddress": contact["street"],
        "postalCode": contact["postcode"],
        "addressLocality": plain(contact["city"][lang]),
        "addressCountry": plain(contact["country"][lang]),
    }
    assert (
        item["contactPoint"]["email"] == contact["email"]
        and item["contactPoint"]["telephone"] == contact["phone"]
    )
    assert item["sameAs"] == [account["url"] for account in contact["social"]]
    sections = load("sections")["sections"]
    assert [sub["name"] for sub in item["subOrganization"]] == [
        plain(section["name"][lang]) for section in sections
    ]
    assert all(site_file(real_site, sub["url"]) for sub in item["subOrganization"])
    members = [member for member in load("members")["members"] if member["kind"] == "member"]
    assert [(member["name"], member.get("url")) for member in item["member"]] == [
        (plain(member["name"][lang]), member.get("website")) for member in members
    ]
    for page in ("members/index.html", "join/index.html"):  # the pages about membership carry it too
        assert node(real_site, page_path(lang, page), "Organization")["@id"] == item["@id"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_section_names_uclg_as_its_parent(real_site: Project, lang: str) -> None:
    home = node(real_site, page_path(lang, "index.html"), "Organization")
    children = {sub["@id"] for sub in home["subOrganization"]}
    for section in load("sections")["sections"]:
        item = node(real_site, page_path(lang, f"sections/{section['id']}/index.html"), "Organization")
        assert item["parentOrganization"]["@id"] == home["@id"]
        assert item["@id"] in children
        assert item["name"] == plain(section["name"][lang])
        assert item["areaServed"] == plain(section["region"][lang])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_daejeon_congress_is_an_event_with_dates_place_and_organisers(
    real_site: Project, lang: str
) -> None:
    (event,) = [item for item in load("events")["events"] if item["id"] == "daejeon-2022"]
    path = page_path(lang, "events/daejeon-2022/index.html")
    expanded = expanded_node(real_site, path, "Event")
    for required in ("name", "startDate", "endDate", "location", "organizer", "description"):
        assert SCHEMA + required in expanded, required
    item = node(real_site, path, "Event")
    assert (
        (item["startDate"], item["endDate"])
        == (str(event["start"]), str(event["end"]))
        == ("2022-10-10", "2022-10-14")
    )
    assert item["name"] == plain(event["name"][lang])
    assert item["location"]["name"] == plain(event["venue"][lang])
    assert item["location"]["address"]["addressLocality"] == plain(event["city"][lang])
    assert item["location"]["address"]["addressCountry"] == plain(event["country"][lang])
    assert [organiser["name"] for organiser in item["organizer"]] == [
        plain(o[lang]) for o in event["organisers"]
    ]
    assert item["url"] == SITE_URL + path.removesuffix("index.html")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_news_items_are_news_articles(real_site: Project, lang: str) -> None:
    for news in load("news")["news"]:
        path = page_path(lang, f"news/{news['id']}/index.html")
        expanded = expanded_node(real_site, path, "NewsArticle")
        for required in ("headline", "datePublished", "author", "publisher", "mainEntityOfPage"):
            assert SCHEMA + required in expanded, required
        item = node(real_site, path, "NewsArticle")
        assert item["headline"] == plain(news["title"][lang])
        assert item["datePublished"] == str(news["date"])
        assert item["inLanguage"] == lang


def test_the_open_data_page_describes_the_datasets(real_site: Project) -> None:
    catalogue = node(real_site, "open-data/index.html", "DataCatalog")
    assert catalogue["license"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert len(catalogue["dataset"]) == len(list((ROOT / "data").glob("*.yml")))
    for dataset in catalogue["dataset"]:
        assert len(dataset["description"]) >= 50  # what dataset search engines ask for
        assert all(site_file(real_site, download["contentUrl"]) for download in dataset["distribution"])


def test_a_text_cannot_close_the_script_element(fixture_project: Project) -> None:
    fixture_project.edit(
        "news.yml", "en: Test meeting", 'en: "Test </script><!-- <script>alert(1)</script> & meeting"'
    )
    fixture_project.build_ok()
    html = fixture_project.html("en/news/2020-06-12-meeting/index.html")
    raw = str(html.select_one('script[type="application/ld+json"]'))
    assert "</script><" not in raw.removesuffix("</script>") and "<!--" not in raw
    item = node(fixture_project, "en/news/2020-06-12-meeting/index.html", "NewsArticle")
    assert item["headline"] == "Test </script><!-- <script>alert(1)</script> & meeting"
