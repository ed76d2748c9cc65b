"""The world map of the sections (sections index page): data for its SVG template.

The outlines come from a small file of our own, map_regions.yml (keyed by section id,
drawn by scripts/map_shapes.py), so the map needs no tiles, no script and no network.
Sections with no outline there (the metropolitan section, the Forum of Regions, a new
region not drawn yet) are still on the map, as links under it (HTML, so their text keeps its
size however small the map is shown); every section is also in the list under the map.

The map scales with the page. Each region has two labels, and the stylesheet shows one by the
width the map is shown at (cglu.css, a container query): a wide map's labels, and a narrow
one's (a phone's), larger in map units so that they stay readable once the map is shrunk,
wrapped shorter and placed apart (map_regions.yml), so that no two labels overlap.
"""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml
from markupsafe import Markup, escape

from cglu_site.data.text import strip_language_markers

if TYPE_CHECKING:
    from cglu_site.data.content import Content

SHAPES_FILE = Path(__file__).parent / "map_regions.yml"
# Per label size: characters per line of a region's label, map units between its lines (the
# font sizes, 18 and 30 map units, are in cglu.css).
LABELS = {"wide": {"width": 16, "line_height": 20}, "narrow": {"width": 10, "line_height": 34}}


@cache
def _shapes() -> dict[str, Any]:
    return yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))


def plain(text: str) -> Markup:
    """A text for raw HTML/SVG, which Markdown leaves as written: HTML-escaped, markers removed."""
    return escape(strip_language_markers(text))


def page_context(site: Content, lang: str) -> dict[str, Any]:
    shapes = _shapes()
    regions, others = [], []
    for section in site.data["sections"]["sections"]:
        label = strip_language_markers(section["region"][lang])
        item = {
            "id": section["id"],
            "href": f"{section['id']}/",  # from the sections index (directory URLs)
            "label": plain(label),
            "name": plain(section["name"][lang]),
        }
        shape = shapes["regions"].get(section["id"])
        if shape is not None and section["kind"] == "regional":
            item.update(
                path=shape["path"],
                labels={size: _label_lines(label, shape["label"][size], **LABELS[size]) for size in LABELS},
            )
            regions.append(item)
        else:
            others.append(item)
    return {
        "map": {
            "width": shapes["width"],
            "height": shapes["height"],
            "land": shapes["land"],
            "regions": regions,
            "others": others,
        },
        "plain": plain,
    }


def _label_lines(label: str, centre: list[int], width: int, line_height: int) -> dict[str, Any]:
    """A label wrapped to `width` characters, its block of lines centred on the point."""
    x, y = centre
    lines = textwrap.wrap(label, width) or [label]
    first = y - (len(lines) - 1) * line_height / 2
    return {"x": x, "lines": [(plain(line), round(first + i * line_height)) for i, line in enumerate(lines)]}
