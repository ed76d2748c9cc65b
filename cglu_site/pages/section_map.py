"""The world map of the sections (sections index page): data for its SVG template.

The outlines come from a small file of our own, map_regions.yml (keyed by section id,
drawn by scripts/map_shapes.py), so the map needs no tiles, no script and no network.
Sections with no outline there (the metropolitan section, the Forum of Regions, a new
region not drawn yet) are still on the map, as labelled links beside it; every section
is also in the list under the map.
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
LABEL_WIDTH = 16  # characters per line of a region's label
LINE_HEIGHT = 20  # map units between label lines
BADGE = {"x": 16, "height": 30, "gap": 8, "bottom": 12}  # the links of sections drawn as no region


@cache
def _shapes() -> dict[str, Any]:
    return yaml.safe_load(SHAPES_FILE.read_text(encoding="utf-8"))


def plain(text: str) -> Markup:
    """A text for raw HTML/SVG, which Markdown leaves as written: HTML-escaped, markers removed."""
    return escape(strip_language_markers(text))


def page_context(site: Content, lang: str) -> dict[str, Any]:
    shapes = _shapes()
    regions, badges = [], []
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
            x, y = shape["label"]
            lines = textwrap.wrap(label, LABEL_WIDTH) or [label]
            first = y - (len(lines) - 1) * LINE_HEIGHT / 2  # centre the block of lines on the point
            item.update(
                path=shape["path"],
                x=x,
                lines=[(plain(line), round(first + i * LINE_HEIGHT)) for i, line in enumerate(lines)],
            )
            regions.append(item)
        else:
            # SVG cannot size a box to its text: estimate from the label's length.
            badges.append({**item, "width": round(len(label) * 8.4 + 28)})
    height = shapes["height"]
    for index, badge in enumerate(reversed(badges)):  # stacked up from the bottom left corner
        badge["y"] = height - BADGE["bottom"] - (index + 1) * BADGE["height"] - index * BADGE["gap"]
    return {
        "map": {
            "width": shapes["width"],
            "height": height,
            "land": shapes["land"],
            "regions": regions,
            "badges": badges,
            "badge": BADGE,
        },
        "plain": plain,
    }
