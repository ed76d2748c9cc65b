"""The open data files (cglu_site/data/export.py) written into the built site, and their
catalogue as schema.org data for the Open data page's head."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from cglu_site.data.content import Content
from cglu_site.data.export import FOLDER, LICENCE, build_open_data
from cglu_site.outputs.writing import Write, write_file


def write_open_data(site_dir: Path, site: Content, write: Write = write_file) -> list[Path]:
    written = []
    for file in build_open_data(site).all_files():
        target = site_dir / FOLDER / file.path
        write(target, file.content)
        written.append(target)
    return written


def data_catalogue(site: Content, lang: str, site_url: str, page_url: str) -> dict[str, Any]:
    """The published datasets as schema.org data (structured_data.py puts it in the page's head)."""
    strings = site.strings[lang]["open_data"]
    organisation = site.data["organisation"]["organisation"]
    publisher = {
        "@type": "Organization",
        "@id": urljoin(site_url, "#organisation"),
        "name": organisation["name"][lang],
    }
    return {
        "@type": "DataCatalog",
        "name": strings["catalogue_title"],
        "url": page_url,
        "inLanguage": lang,
        "license": LICENCE["url"],
        "publisher": publisher,
        "dataset": [
            {
                "@type": "Dataset",
                "name": strings["datasets"][dataset.name]["title"],
                "description": strings["datasets"][dataset.name]["description"],
                "url": f"{page_url}#{dataset.name}",
                "license": LICENCE["url"],
                "isAccessibleForFree": True,
                "creator": publisher,
                "distribution": [
                    {
                        "@type": "DataDownload",
                        "encodingFormat": file.media_type,
                        "contentUrl": urljoin(site_url, f"{FOLDER}/{file.path}"),
                        "contentSize": f"{file.size} B",
                    }
                    for file in dataset.files
                ],
            }
            for dataset in build_open_data(site).datasets
        ],
    }
