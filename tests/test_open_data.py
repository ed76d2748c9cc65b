"""Open data: the published JSON, CSV and schemas, read back as a reuser would, and the page listing them."""

from __future__ import annotations

import csv
import io
import json
import posixpath
import re

import jsonschema
import pytest
import referencing
import referencing.jsonschema
import yaml
from sites import LANGUAGES, ROOT, Project

from cglu_site.data.export import TABLES
from cglu_site.data.project import load_project
from cglu_site.data.strings import load_strings
from cglu_site.pages.formats import LanguageFormats

DATA_FILES = sorted(path.stem for path in (ROOT / "data").glob("*.yml"))


def page_path(lang: str, path: str) -> str:
    return path if lang == LANGUAGES[0] else f"{lang}/{path}"


def published(site: Project, path: str) -> bytes:
    return (site.site / "data" / path).read_bytes()


def schema_registry(site: Project) -> referencing.Registry:
    resources = []
    for path in sorted((site.site / "data" / "schemas").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        resources.append(
            (path.name, referencing.Resource.from_contents(schema, referencing.jsonschema.DRAFT202012))
        )
    return referencing.Registry().with_resources(resources)


@pytest.mark.parametrize("name", DATA_FILES)
def test_every_data_file_is_published_as_json_valid_against_its_published_schema(
    real_site: Project, name: str
) -> None:
    value = json.loads(published(real_site, f"{name}.json"))
    assert value == yaml.load(
        (ROOT / "data" / f"{name}.yml").read_text(encoding="utf-8"), Loader=_StringDates
    )
    schema = json.loads(published(real_site, f"schemas/{name}.schema.json"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, registry=schema_registry(real_site))
    assert list(validator.iter_errors(value)) == []
    # The published schema knows the site's languages, and requires a text in each of them
    # or (missing_translations: notice, the default) in one at least.
    text = schema_registry(real_site).contents("common.schema.json")["$defs"]["text"]
    assert text["propertyNames"] == {"enum": list(LANGUAGES)}
    every = load_project(ROOT / "mkdocs.yml").every_language
    assert text.get("required") == (list(LANGUAGES) if every else None)
    assert text.get("minProperties") == (None if every else 1)


class _StringDates(yaml.SafeLoader):
    """Dates stay strings, as the site reads them."""


_StringDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@pytest.mark.parametrize("name", sorted(TABLES))
def test_tables_are_published_as_csv_one_row_per_entry(real_site: Project, name: str) -> None:
    entries = json.loads(published(real_site, f"{name}.json"))[TABLES[name]]
    raw = published(real_site, f"{name}.csv").decode("utf-8")
    assert "\r\n" in raw  # RFC 4180 line ends
    rows = list(csv.DictReader(io.StringIO(raw, newline="")))
    assert [row["id"] for row in rows] == [entry["id"] for entry in entries]
    assert all(f"{field}.{lang}" in rows[0] for lang in LANGUAGES for field in _text_fields(entries[0]))
    for row, entry in zip(rows, entries, strict=True):
        assert not any("[[" in cell for cell in row.values()), "language markers are removed from CSV"
        if "sources" in row:
            assert row["sources"].split() == entry.get("sources", [])
        for field in _text_fields(entry):
            for lang in LANGUAGES:
                assert row[f"{field}.{lang}"] == re.sub(r"\[\[[a-z-]+: (.+?)\]\]", r"\1", entry[field][lang])


def _text_fields(entry: dict) -> list[str]:
    return [key for key, value in entry.items() if isinstance(value, dict) and set(value) == set(LANGUAGES)]


def test_the_catalogue_lists_every_file_with_its_size_and_licence(real_site: Project) -> None:
    catalogue = json.loads(published(real_site, "index.json"))
    assert catalogue["license"]["url"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert set(catalogue["title"]) == set(LANGUAGES)
    assert {dataset["name"] for dataset in catalogue["datasets"]} == set(DATA_FILES)
    for dataset in catalogue["datasets"]:
        assert (real_site.site / "data" / dataset["schema"]).is_file()
        formats = {file["path"].rsplit(".", 1)[1] for file in dataset["files"]}
        assert formats == ({"json", "csv"} if dataset["name"] in TABLES else {"json"})
        for file in dataset["files"]:
            assert len(published(real_site, file["path"])) == file["bytes"]


def test_the_open_data_page_links_every_file_with_its_real_size(real_site: Project) -> None:
    strings = load_strings(LANGUAGES)
    files = sorted(
        path.relative_to(real_site.site / "data").as_posix()
        for path in (real_site.site / "data").rglob("*")
        if path.is_file()
    )
    for lang in LANGUAGES:
        page = page_path(lang, "open-data/index.html")
        html = real_site.html(page)
        linked = {}
        for link in html.select("article a[href]"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), link["href"]))
            if target.startswith("data/"):
                assert (real_site.site / target).is_file(), f"{lang}: {link['href']} leads nowhere"
                linked[target.removeprefix("data/")] = link
        assert sorted(linked) == files
        formats = LanguageFormats(strings[lang]["meta"]["babel_locale"])
        text = real_site.text(page)
        for path in files:
            size = len(published(real_site, path))
            shown = (
                strings[lang]["open_data"]["bytes"].format(size=formats.number(size))
                if size < 1000
                else strings[lang]["open_data"]["kilobytes"].format(
                    size=formats.number(round(size / 1000, 1))
                )
            )
            assert f"{path} ({shown})".replace(" ", "") in text.replace(" ", "").replace("\xa0", "").replace(
                "\u202f", ""
            ), (lang, path)
        assert strings[lang]["open_data"]["licence_name"] in text


def test_the_open_data_page_describes_every_field_in_each_language(real_site: Project) -> None:
    catalogue = json.loads(published(real_site, "index.json"))
    for lang in LANGUAGES:
        html = real_site.html(page_path(lang, "open-data/index.html"))
        for dataset in catalogue["datasets"]:
            heading = html.find(id=dataset["name"])
            assert heading is not None and heading.name == "h2"
            fields = heading.find_next("div", class_="cglu-fields")
            terms = [dt.get_text() for dt in fields.select("dt")]
            descriptions = [dd.get_text(" ", strip=True) for dd in fields.select("dd")]
            assert len(terms) == len(descriptions) and all(descriptions)
            schema = json.loads(published(real_site, dataset["schema"]))
            for key in schema["properties"]:
                assert any(term == key or term.startswith((f"{key}.", f"{key}[]")) for term in terms), (
                    lang,
                    key,
                )
    # The same field, described in each language in that language.
    fr, en = (
        real_site.html(page_path(lang, "open-data/index.html")).select_one("#events ~ .cglu-fields dd")
        for lang in LANGUAGES[:2]
    )
    assert fr.get_text() != en.get_text()


def test_a_field_without_a_description_stops_the_build_with_a_clear_message(fixture_project: Project) -> None:
    schema_file = fixture_project.data / "schemas" / "members.schema.json"
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema["properties"]["members"]["items"]["properties"]["motto_of_the_day"] = {"type": "string"}
    schema_file.write_text(json.dumps(schema), encoding="utf-8")
    result = fixture_project.build()
    assert result.returncode != 0
    assert "open_data.fields.motto_of_the_day is missing" in result.stdout + result.stderr
