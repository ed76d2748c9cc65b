"""Redraw cglu_site/pages/map_regions.yml, the outlines of the world map of the regional sections.

A tool for maintainers, not part of the build (the build reads only the YAML it writes). It
needs two things the site does not: shapely (`pip install shapely`) and Natural Earth's
1:110m countries as TopoJSON from the `world-atlas` npm package (`npm pack world-atlas@2`,
then untar it). Natural Earth is in the public domain.

    python scripts/map_shapes.py path/to/package/countries-110m.json > cglu_site/pages/map_regions.yml

Countries are grouped into UCLG's regions (COUNTRIES below, an approximation: membership is
by association, not by country), merged, projected with the Equal Earth projection,
simplified to a few hundred points and written as SVG path data in a 1000-unit-wide frame.
Label positions are kept from the existing file when it has them (they are placed by hand).
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import shapely
import yaml
from shapely.geometry import MultiPolygon, Polygon, box
from shapely.ops import polylabel, unary_union

COUNTRIES = {
    "africa": """Algeria; Angola; Benin; Botswana; Burkina Faso; Burundi; Cameroon; Central African Rep.; Chad;
        Congo; Côte d'Ivoire; Dem. Rep. Congo; Djibouti; Egypt; Eq. Guinea; Eritrea; Ethiopia; Gabon; Gambia;
        Ghana; Guinea; Guinea-Bissau; Kenya; Lesotho; Liberia; Libya; Madagascar; Malawi; Mali; Mauritania;
        Morocco; Mozambique; Namibia; Niger; Nigeria; Rwanda; S. Sudan; Senegal; Sierra Leone; Somalia;
        Somaliland; South Africa; Sudan; Tanzania; Togo; Tunisia; Uganda; W. Sahara; Zambia; Zimbabwe; eSwatini""",
    "asia-pacific": """Australia; Bangladesh; Bhutan; Brunei; Cambodia; China; Fiji; India; Indonesia; Japan; Laos;
        Malaysia; Mongolia; Myanmar; Nepal; New Caledonia; New Zealand; North Korea; Pakistan; Papua New Guinea;
        Philippines; Solomon Is.; South Korea; Sri Lanka; Taiwan; Thailand; Timor-Leste; Vanuatu; Vietnam""",
    "eurasia": """Russia; Belarus; Kazakhstan; Kyrgyzstan; Tajikistan; Turkmenistan; Uzbekistan; Armenia; Azerbaijan""",
    "europe": """Albania; Austria; Belgium; Bosnia and Herz.; Bulgaria; Croatia; Cyprus; Czechia; Denmark; Estonia;
        Finland; France; Georgia; Germany; Greece; Hungary; Iceland; Ireland; Italy; Kosovo; Latvia; Lithuania;
        Luxembourg; Macedonia; Moldova; Montenegro; Netherlands; Norway; Poland; Portugal; Romania; Serbia;
        Slovakia; Slovenia; Spain; Sweden; Switzerland; Ukraine; United Kingdom""",
    "latin-america": """Argentina; Bahamas; Belize; Bolivia; Brazil; Chile; Colombia; Costa Rica; Cuba; Dominican Rep.;
        Ecuador; El Salvador; Guatemala; Guyana; Haiti; Honduras; Jamaica; Mexico; Nicaragua; Panama; Paraguay;
        Peru; Puerto Rico; Suriname; Trinidad and Tobago; Uruguay; Venezuela""",
    "middle-east-west-asia": """Afghanistan; Iran; Iraq; Israel; Jordan; Kuwait; Lebanon; Oman; Palestine; Qatar;
        Saudi Arabia; Syria; Turkey; United Arab Emirates; Yemen""",
    "north-america": """Canada; United States of America""",
}
NOT_DRAWN = {"Antarctica", "Fr. S. Antarctic Lands"}
WIDTH = 1000.0
TOLERANCE = 1.6  # in map units: the largest shortcut the simplification may take
SMALLEST = 6.0  # square map units: smaller islands are left out


def decode(topology: dict) -> dict[str, MultiPolygon]:
    """Country name -> shape, from TopoJSON's quantised, delta-encoded arcs."""
    scale, translate = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale[0] + translate[0], y * scale[1] + translate[1]))
        arcs.append(points)

    def ring(indexes: list[int]) -> list[tuple[float, float]]:
        points: list[tuple[float, float]] = []
        for index in indexes:
            part = arcs[index] if index >= 0 else arcs[~index][::-1]
            points.extend(part[1:] if points else part)
        return points

    shapes = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        parts = [_unwrap([ring(r) for r in rings]) for rings in polygons]
        shapes[geometry["properties"]["name"]] = unary_union(parts)
    return shapes


def _unwrap(rings: list[list[tuple[float, float]]]):
    """A polygon, cut in two where it crosses the 180th meridian (Russia's east, Fiji)."""
    longitudes = [lon for lon, _ in rings[0]]
    if max(longitudes) - min(longitudes) < 270:
        return Polygon(rings[0], rings[1:]).buffer(0)
    shifted = [[(lon + 360 if lon < 0 else lon, lat) for lon, lat in r] for r in rings]
    whole = Polygon(shifted[0], shifted[1:]).buffer(0)
    east = whole.intersection(box(0, -90, 180, 90))
    west = shapely.transform(whole.intersection(box(180, -90, 540, 90)), lambda c: c - [360, 0])
    return unary_union([east, west])


def equal_earth(lon: float, lat: float) -> tuple[float, float]:
    """Šavrič, Patterson and Jenny's Equal Earth projection, in radians of the unit sphere."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    theta = math.asin(math.sqrt(3) / 2 * math.sin(math.radians(lat)))
    t2 = theta * theta
    t6 = t2 * t2 * t2
    x = (
        2
        * math.sqrt(3)
        * math.radians(lon)
        * math.cos(theta)
        / (3 * (9 * a4 * t6 * t2 + 7 * a3 * t6 + 3 * a2 * t2 + a1))
    )
    y = theta * (a4 * t6 * t2 + a3 * t6 + a2 * t2 + a1)
    return x, y


X_MAX = equal_earth(180, 0)[0]


def project(shape):
    """Longitudes and latitudes to map units: x right from the left edge, y down."""

    def points(coords):
        projected = [equal_earth(lon, lat) for lon, lat in coords]
        return [((x + X_MAX) / (2 * X_MAX) * WIDTH, -y / (2 * X_MAX) * WIDTH) for x, y in projected]

    return shapely.transform(shape, points)


def path_data(shape, top: float) -> str:
    polygons = shape.geoms if isinstance(shape, MultiPolygon) else [shape]
    parts = []
    for polygon in sorted(polygons, key=lambda p: -p.area):
        if polygon.area < SMALLEST:
            continue
        for ring in (polygon.exterior, *polygon.interiors):
            coords = [(round(x), round(y - top)) for x, y in ring.coords[:-1]]
            coords = [c for i, c in enumerate(coords) if c != coords[i - 1]]
            if len(coords) < 3:
                continue
            start = coords[0]
            # Commas, not spaces: the French typography of the pages puts no-break spaces
            # into digits separated by spaces ("1 000").
            steps = [f"{x - px},{y - py}" for (px, py), (x, y) in zip(coords, coords[1:], strict=False)]
            parts.append(f"M{start[0]},{start[1]}l" + ",".join(steps) + "z")
    return "".join(parts)


def main(topojson: Path, existing: Path) -> None:
    shapes = decode(json.loads(topojson.read_text(encoding="utf-8")))
    assigned = {name.strip() for names in COUNTRIES.values() for name in names.split(";")}
    unknown = assigned - shapes.keys()
    assert not unknown, unknown
    land = project(unary_union([shape for name, shape in shapes.items() if name not in NOT_DRAWN]))
    top = land.bounds[1] - 4
    height = land.bounds[3] - top + 4
    old = yaml.safe_load(existing.read_text(encoding="utf-8")) if existing.exists() else {}
    old_labels = {region: value.get("label") for region, value in (old or {}).get("regions", {}).items()}
    regions = {}
    for region, names in COUNTRIES.items():
        shape = project(unary_union([shapes[name.strip()] for name in names.split(";")]))
        shape = shape.simplify(TOLERANCE, preserve_topology=True)
        largest = max(shape.geoms, key=lambda p: p.area) if isinstance(shape, MultiPolygon) else shape
        anchor = polylabel(largest, tolerance=1)
        centre = [round(anchor.x), round(anchor.y - top)]
        regions[region] = {
            "label": old_labels.get(region) or {"wide": centre, "narrow": centre},
            "path": path_data(shape, top),
        }
    document = {
        "width": int(WIDTH),
        "height": math.ceil(height),
        "land": path_data(land.simplify(TOLERANCE, preserve_topology=True), top),
        "regions": regions,
    }
    header = (
        "# Outlines of the world map of the regional sections (sections index page), keyed by section id.\n"
        "# Written by scripts/map_shapes.py from Natural Earth 1:110m (public domain), Equal Earth\n"
        "# projection; 'label' is where the region's name is centred (x, y), placed by hand: 'wide' for a map\n"
        "# shown 600 px wide or more, 'narrow' for a phone's, where labels are larger (section_map.py).\n"
        "# The outlines are approximate: sections gather associations, not countries.\n"
    )
    sys.stdout.write(
        header
        + yaml.safe_dump(document, sort_keys=False, width=10**9, allow_unicode=True, default_flow_style=None)
    )


if __name__ == "__main__":
    main(
        Path(sys.argv[1]), Path(__file__).resolve().parent.parent / "cglu_site" / "pages" / "map_regions.yml"
    )
