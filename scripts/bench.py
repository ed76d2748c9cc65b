#!/usr/bin/env python3
"""Benchmark: this project's build against a stock Material + static-i18n site, at 1x, 10x, 50x.

    python3 scripts/task.py bench                 # all scales, writes scripts/bench-results.md
    python3 scripts/task.py bench --scales 1 10 --runs 3

For each scale it makes synthetic data (the real entries cloned with new ids, so texts keep
their real lengths in both languages), builds the project, and builds a stock site from the
very Markdown the project generated (same theme and plugins, default features, no data
layer), alternating the two, and reports medians: wall and CPU time, peak memory, pages,
time per page, output size, home page weight, search index per language, the ratios, and
the time from saving a YAML edit to the served page changing under `mkdocs serve`.
A profile of one project build says where the time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import io
import os
import platform
import pstats
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "scripts" / "bench-results.md"
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}

# Collections cloned to scale the data: data file -> list key.
SCALED = {"commissions": "bodies", "sections": "sections", "events": "events", "news": "news"}


# --------------------------------------------------------------------------- projects


def project_copy(destination: Path, scale: int) -> Path:
    """This project with its data multiplied by `scale`."""
    shutil.copy2(ROOT / "mkdocs.yml", destination / "mkdocs.yml")
    shutil.copytree(ROOT / "overrides", destination / "overrides")
    shutil.copytree(ROOT / "docs", destination / "docs", ignore=_generated)
    shutil.copytree(ROOT / "data", destination / "data")
    for stem, key in SCALED.items():
        path = destination / "data" / f"{stem}.yml"
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
        originals = document[key]
        document[key] = [
            {**entry, "id": entry["id"] if copy == 0 else f"{entry['id']}-{copy}"}
            for copy in range(scale)
            for entry in originals
        ]
        path.write_text(
            yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10**6), encoding="utf-8"
        )
    return destination


def with_options(project: Path, **options: object) -> Path:
    """The project with these options of the cglu plugin set in its mkdocs.yml."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    lines = "".join(f"\n      {name}: {str(value).lower()}" for name, value in options.items())
    config.write_text(text.replace("  - cglu:", "  - cglu:" + lines, 1), encoding="utf-8")
    return project


def _generated(folder: str, names: list[str]) -> list[str]:
    sys.path.insert(0, str(ROOT))
    from cglu_site.pages.writer import is_generated

    return [name for name in names if name.endswith(".md") and is_generated(Path(folder) / name)]


STOCK_CONFIG = """\
site_name: Stock site
site_url: https://stock.example.org/
theme:
  name: material
plugins:
  - search
  - i18n:
      docs_structure: suffix
      fallback_to_default: false
      languages:
{languages}
markdown_extensions: [attr_list, md_in_html, def_list, admonition, toc]
"""


def stock_copy(project: Path, destination: Path) -> Path:
    """A stock site from the Markdown the project generated (its docs/ after one build)."""
    sys.path.insert(0, str(ROOT))
    from cglu_site.data.languages import load_languages

    languages = load_languages(project / "mkdocs.yml")
    entries = "\n".join(
        f"        - locale: {language.code}\n          name: {language.name}\n          default: {str(language.default).lower()}"
        for language in languages
    )
    (destination / "mkdocs.yml").write_text(STOCK_CONFIG.format(languages=entries), encoding="utf-8")
    shutil.copytree(project / "docs", destination / "docs")
    for page in (destination / "docs").rglob("*.md"):  # stock Material has no home.html template
        text = page.read_text(encoding="utf-8")
        page.write_text(re.sub(r'^template: "home.html"\n', "", text, flags=re.MULTILINE), encoding="utf-8")
    return destination


# --------------------------------------------------------------------------- measuring


@dataclass
class Run:
    wall: float
    cpu: float
    peak_mib: float


def build(project: Path, site: Path) -> Run:
    shutil.rmtree(site, ignore_errors=True)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {project} failed:\n{process.stderr.read().decode()}")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


@dataclass
class Figures:
    runs: list[Run] = field(default_factory=list)
    pages_per_language: dict[str, int] = field(default_factory=dict)
    output_mib: float = 0.0
    home_kb: float = 0.0
    home_gzip_kb: float = 0.0
    search_kb: dict[str, float] = field(default_factory=dict)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)

    @property
    def pages(self) -> int:
        return sum(self.pages_per_language.values())


def describe_site(site: Path, languages: list[str], figures: Figures) -> None:
    pages = [path.relative_to(site).as_posix() for path in site.rglob("index.html")]
    for lang in languages:
        if lang == languages[0]:  # the default language is at the root
            figures.pages_per_language[lang] = sum(1 for p in pages if p.split("/")[0] not in languages[1:])
        else:
            figures.pages_per_language[lang] = sum(1 for p in pages if p.startswith(f"{lang}/"))
    figures.output_mib = sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) / 2**20
    home = (site / "index.html").read_text(encoding="utf-8")
    assets = [home.encode()]
    # What the screen needs: print-only stylesheets are fetched without holding the page.
    tags = [tag for tag in re.findall(r"<(?:link|script)\b[^>]*>", home) if 'media="print"' not in tag]
    for reference in re.findall(r'(?:href|src)="([^"]+\.(?:css|js))"', " ".join(tags)):
        path = site / reference.split("?")[0]
        if path.exists():
            assets.append(path.read_bytes())
    figures.home_kb = sum(map(len, assets)) / 1000
    figures.home_gzip_kb = sum(len(gzip.compress(asset)) for asset in assets) / 1000
    for lang in languages:
        prefix = "" if lang == languages[0] else f"{lang}/"
        index = site / prefix / "search" / "search_index.json"
        if index.exists():
            figures.search_kb[lang] = index.stat().st_size / 1000


SERVE_TRIES = 5  # edits per measure: the median of a few rebuilds on a shared machine


def serve_edit_latency(project: Path, tries: int = SERVE_TRIES) -> float:
    """Seconds from saving a YAML edit to the served page showing it (median of `tries`)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "-a",
            f"127.0.0.1:{port}",
            "-f",
            str(project / "mkdocs.yml"),
        ],
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    data = project / "data" / "commissions.yml"
    document = yaml.safe_load(data.read_text(encoding="utf-8"))
    first = document["bodies"][0]
    url = f"http://127.0.0.1:{port}/en/commissions/{first['id']}/"
    latencies = []
    try:
        _wait_until(lambda: first["name"]["en"].split("[[")[0][:20] in _fetch(url), 120)
        for attempt in range(tries):
            marker = f"Edited {attempt} {time.time_ns()}"
            first["description"]["en"] = marker
            text = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, width=10**6)
            start = time.perf_counter()
            data.write_text(text, encoding="utf-8")
            _wait_until(lambda marker=marker: marker in _fetch(url), 60)
            latencies.append(time.perf_counter() - start)
            time.sleep(2)
    finally:
        process.terminate()
        process.wait(timeout=30)
    return statistics.median(latencies)


def _fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_until(condition, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise SystemExit("timed out waiting for mkdocs serve")


# Parts of a build, by the function whose cumulative time measures each (file, function);
# several functions add up. Parts overlap where one calls the other (noted in the label).
PROFILE_PARTS = {
    "our data layer: load, validate, write the generated Markdown": [
        ("cglu_site/pages/generate.py", "generate_site")
    ],
    "Markdown to HTML (Python-Markdown)": [("mkdocs/structure/pages.py", "render")],
    "theme templates (Jinja: nav, header, footer of every page)": [
        ("mkdocs/commands/build.py", "_build_template")
    ],
    "search indexing (Material)": [("material/plugins/search/plugin.py", "on_page_context")],
    "listing the theme's files, per language (MkDocs)": [
        ("mkdocs/structure/files.py", "add_files_from_theme")
    ],
    "our per-page additions: JSON-LD, alternates, HTML fixes, entry links": [
        ("cglu_site/mkdocs/plugin.py", name)
        for name in ("on_files", "on_nav", "on_page_markdown", "on_page_context", "on_post_page")
    ],
    "our writers: per-language search and sitemaps, open data, feeds, calendars, CSS purge": [
        ("cglu_site/mkdocs/plugin.py", "on_post_build")
    ],
    "staging folder: create, then swap in the finished site": [
        ("cglu_site/mkdocs/staging.py", "begin"),
        ("cglu_site/mkdocs/staging.py", "finish"),
    ],
}


def profile_build(project: Path, site: Path) -> tuple[str, str]:
    """Where a project build spends its time, by part, from cProfile's cumulative times."""
    profiler = cProfile.Profile()
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    profiler.enable()
    try:
        config.plugins.on_startup(command="build", dirty=False)
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()  # swaps the staged site in
        profiler.disable()
    stats = pstats.Stats(profiler)
    total = sum(
        entry[3]
        for key, entry in stats.stats.items()
        if key[2] == "build" and "mkdocs/commands/build" in key[0]
    )
    lines = ["| part | seconds (cumulative, under the profiler) | share |", "| --- | --- | --- |"]
    for label, functions in PROFILE_PARTS.items():
        seconds = sum(
            entry[3]
            for key, entry in stats.stats.items()
            for file_part, function in functions
            if key[0].endswith(file_part) and key[2] == function
        )
        lines.append(f"| {label} | {seconds:.2f} | {seconds / total:.0%} |")
    lines.append(
        f"| whole build (static-i18n builds each further language inside the first) | {total:.2f} | 100% |"
    )
    top = io.StringIO()
    pstats.Stats(profiler, stream=top).sort_stats("tottime").print_stats(8)
    return "\n".join(lines), _without_local_paths(top.getvalue())


def _without_local_paths(text: str) -> str:
    """Profiler output names files by absolute path: keep them relative to the package."""
    return re.sub(r"\S*/(site-packages|lib/python3\.\d+|cglu_site|overrides)/", r"\1/", text)


# --------------------------------------------------------------------------- report


def versions() -> str:
    names = ["mkdocs", "mkdocs-material", "mkdocs-static-i18n", "Jinja2", "jsonschema", "Babel"]
    return ", ".join(f"{name} {metadata.version(name)}" for name in names)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 50])
    parser.add_argument("--runs", type=int, default=5, help="builds of each site per scale (3 at 50x)")
    parser.add_argument("--output", type=Path, default=RESULTS)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from cglu_site.data.languages import load_languages

    languages = [language.code for language in load_languages(ROOT / "mkdocs.yml")]
    rows, per_page = [], {}
    cold: list[Run] = []
    cold_stock: list[Run] = []  # stock builds alternated with them: the machine's speed drifts
    with tempfile.TemporaryDirectory(prefix="cglu-bench-") as temporary:
        work = Path(temporary)
        for scale in args.scales:
            project = project_copy(_fresh(work / f"project-{scale}"), scale)
            build(project, work / "warm")  # writes the generated Markdown the stock site reuses
            stock = stock_copy(project, _fresh(work / f"stock-{scale}"))
            ours, theirs = Figures(), Figures()
            runs = args.runs if scale < 50 else min(args.runs, 3)
            for _ in range(runs):  # alternate, so that machine noise hits both alike
                ours.runs.append(build(project, work / "site-project"))
                theirs.runs.append(build(stock, work / "site-stock"))
            if scale == min(args.scales):  # the first build of a fresh checkout: no .cache/
                for _ in range(runs):
                    shutil.rmtree(project / ".cache", ignore_errors=True)
                    cold.append(build(project, work / "site-project"))
                    cold_stock.append(build(stock, work / "site-stock"))
            describe_site(work / "site-project", languages, ours)
            describe_site(work / "site-stock", languages, theirs)
            per_page[scale] = ours.median("wall") / max(ours.pages, 1)
            rows.append((scale, ours, theirs))
            print(
                f"{scale}x: project {ours.median('wall'):.2f}s, stock {theirs.median('wall'):.2f}s",
                flush=True,
            )
        latency = serve_edit_latency(project_copy(_fresh(work / "serve"), 1))
        pieces = measure_pieces(work, languages, args.runs, latency)
        profiles = {
            scale: profile_build(
                project_copy(_fresh(work / f"profile-{scale}"), scale), work / "site-profile"
            )
            for scale in (1, 10)
        }

    lines = [
        "# Benchmark results",
        "",
        "Written by `python3 scripts/task.py bench` (scripts/bench.py); do not edit by hand.",
        "",
        f"- Machine: {os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}",
        f"- Versions: {versions()}",
        f"- Runs per site and scale: {args.runs} (3 at 50x), alternating project and stock; medians.",
        "- Stock: same theme and plugins (Material, search, static-i18n), default features, no data layer,",
        "  built from the Markdown the project generated.",
        "- Each build starts from an empty output folder. The project keeps `.cache/plugin/cglu/` (compiled",
        "  templates, the parsed and the purged theme stylesheet, the digest of the data's last schema",
        "  check) from one build to the next, as on an editor's machine;",
        "  the first build of a fresh checkout has no cache: see the line below the first table.",
        "",
        "| scale | pages/lang | build project (s) | build stock (s) | ratio | CPU project (s) | CPU stock (s) |"
        " peak MiB project | peak MiB stock | ratio | ms/page project | ms/page stock |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for scale, ours, theirs in rows:
        lines.append(
            f"| {scale}x | {ours.pages_per_language.get(languages[0], 0)} | {ours.median('wall'):.2f} | {theirs.median('wall'):.2f} | "
            f"{ours.median('wall') / theirs.median('wall'):.2f} | {ours.median('cpu'):.2f} | {theirs.median('cpu'):.2f} | "
            f"{ours.median('peak_mib'):.0f} | {theirs.median('peak_mib'):.0f} | {ours.median('peak_mib') / theirs.median('peak_mib'):.2f} | "
            f"{1000 * ours.median('wall') / ours.pages:.1f} | {1000 * theirs.median('wall') / theirs.pages:.1f} |"
        )
    if cold and rows:
        seconds = statistics.median(run.wall for run in cold)
        stock_seconds = statistics.median(run.wall for run in cold_stock)
        lines += [
            "",
            f"First build of a fresh checkout (no `.cache/`) at {rows[0][0]}x: {seconds:.2f} s, stock "
            f"{stock_seconds:.2f} s in the builds alternated with it (ratio {seconds / stock_seconds:.2f}).",
        ]
    lines += [
        "",
        "| scale | output MiB project | output MiB stock | home KB (gzip) project | home KB (gzip) stock | search KB per language project | search KB stock (mixed) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for scale, ours, theirs in rows:
        ours_search = ", ".join(f"{lang} {size:.0f}" for lang, size in ours.search_kb.items())
        lines.append(
            f"| {scale}x | {ours.output_mib:.1f} | {theirs.output_mib:.1f} | {ours.home_kb:.0f} ({ours.home_gzip_kb:.0f}) | "
            f"{theirs.home_kb:.0f} ({theirs.home_gzip_kb:.0f}) | {ours_search} | {theirs.search_kb.get(languages[0], 0):.0f} |"
        )
    if len(per_page) > 1:
        smallest, largest = min(per_page), max(per_page)
        lines += [
            "",
            f"Time per page at {largest}x / at {smallest}x (project): {per_page[largest] / per_page[smallest]:.2f}",
        ]
    lines += [
        "",
        f"From saving one YAML edit to the served page showing it (`mkdocs serve`, 1x, median of {SERVE_TRIES}): {latency:.2f} s",
        "(one rebuild of every language, through the serve memos: a generated page whose data did not change",
        "is not rendered again, nor a page whose Markdown did not change converted, nor one whose HTML did not",
        "change indexed, nor one given the same values rendered by the theme; only changed files are written:",
        "see `serve_memos` below)",
        "",
        *pieces,
        *_targets(rows, per_page, latency, cold, cold_stock),
        "## Where the time goes (cProfile of one project build)",
        "",
        "The profiler slows Python code down unevenly: read the shares, not the seconds.",
        "",
    ]
    for scale, (profile_table, profile_top) in profiles.items():
        lines += [
            f"### At {scale}x",
            "",
            profile_table,
            "",
            "<details><summary>Top functions by own time</summary>",
            "",
            "```",
            profile_top.strip(),
            "```",
            "",
            "</details>",
            "",
        ]
    args.output.write_text("\n".join(lines), encoding="utf-8")
    print(f"written {args.output}")
    return 0


def measure_pieces(work: Path, languages: list[str], runs: int, latency: float) -> list[str]:
    """What each speed or weight piece of the plugin gains, measured with it switched off (1x)."""
    on = project_copy(_fresh(work / "pieces-on"), 1)
    no_cache = with_options(project_copy(_fresh(work / "pieces-no-cache"), 1), cache=False)
    no_purge = with_options(project_copy(_fresh(work / "pieces-no-purge"), 1), purge_css=False)
    serial = with_options(project_copy(_fresh(work / "pieces-serial"), 1), parallel=False)
    build(on, work / "site-on")  # the cache is warm from then on
    names = ("on", "no_cache", "no_purge", "first_parallel", "first_serial")
    figures = {name: Figures() for name in names}
    for _ in range(runs):
        figures["on"].runs.append(build(on, work / "site-on"))
        figures["no_cache"].runs.append(build(no_cache, work / "site-no-cache"))
        figures["no_purge"].runs.append(build(no_purge, work / "site-no-purge"))
        # `parallel` serves a first build only: no cache for either.
        for name, project in (("first_parallel", on), ("first_serial", serial)):
            shutil.rmtree(project / ".cache", ignore_errors=True)
            figures[name].runs.append(build(project, work / f"site-{name}"))
    build(on, work / "site-on")  # leave the cache warm
    describe_site(work / "site-on", languages, figures["on"])
    describe_site(work / "site-no-purge", languages, figures["no_purge"])
    no_memos = serve_edit_latency(
        with_options(project_copy(_fresh(work / "serve-no-memos"), 1), serve_memos=False)
    )
    wall = {name: figure.median("wall") for name, figure in figures.items()}
    return [
        "## What each piece gains (1x, each switched off in mkdocs.yml)",
        "",
        "| piece (plugin option) | figure it serves | with it | without it |",
        "| --- | --- | --- | --- |",
        f"| `cache` (compiled templates, last schema check, last CSS purge, pages' HTML and search entries) | build time | {wall['on']:.2f} s |"
        f" {wall['no_cache']:.2f} s |",
        f"| `purge_css` (Material's stylesheet without unused rules) | home page, gzip | {figures['on'].home_gzip_kb:.0f} KB |"
        f" {figures['no_purge'].home_gzip_kb:.0f} KB |",
        f"| `purge_css` | build time | {wall['on']:.2f} s | {wall['no_purge']:.2f} s |",
        f"| `serve_memos` (generated pages, parsed YAML, pages' HTML, search entries and theme renders kept across rebuilds; only changed files written) | YAML edit to served page | {latency:.2f} s |"
        f" {no_memos:.2f} s |",
        f"| `parallel` (a build compiles templates, converts and renders pages in a second process too) | first build of a fresh checkout |"
        f" {wall['first_parallel']:.2f} s | {wall['first_serial']:.2f} s |",
        "",
    ]


def _targets(
    rows: list, per_page: dict[int, float], latency: float, cold: list[Run], cold_stock: list[Run]
) -> list[str]:
    """The issue's targets, each with the figure measured in this run."""
    checks = []
    if cold and rows:
        first = statistics.median(run.wall for run in cold) / statistics.median(
            run.wall for run in cold_stock
        )
        checks.append(
            (f"first build of a fresh checkout at {rows[0][0]}x ≤ 1.0 × stock", f"{first:.2f}", first <= 1.0)
        )
    for scale, ours, theirs in rows:
        ratio = ours.median("wall") / theirs.median("wall")
        if scale <= 10:
            checks.append((f"build time project/stock at {scale}x ≤ 0.8", f"{ratio:.2f}", ratio <= 0.8))
        memory = ours.median("peak_mib") / theirs.median("peak_mib")
        checks.append((f"peak memory project/stock at {scale}x ≤ 1.2", f"{memory:.2f}", memory <= 1.2))
        largest_index = max(ours.search_kb.values(), default=0)
        stock_index = next(iter(theirs.search_kb.values()), 0)
        checks.append(
            (
                f"largest per-language search index at {scale}x ≤ half of stock's mixed one",
                f"{largest_index:.0f} KB / {stock_index:.0f} KB",
                largest_index <= stock_index / 2,
            )
        )
    if rows:
        home = rows[0][1].home_gzip_kb
        checks.append(
            ("home page (HTML, CSS, JS for the screen) ≤ 60 KB with gzip", f"{home:.0f} KB", home <= 60)
        )
    if len(per_page) > 1:
        smallest, largest = min(per_page), max(per_page)
        growth = per_page[largest] / per_page[smallest]
        checks.append((f"time per page at {largest}x ≤ 1.2 × at {smallest}x", f"{growth:.2f}", growth <= 1.2))
    checks.append(("one YAML edit shown by `mkdocs serve` within 1 s", f"{latency:.2f} s", latency <= 1.0))
    lines = ["## Targets", "", "| target | measured | met |", "| --- | --- | --- |"]
    lines += [f"| {name} | {figure} | {'yes' if met else '**no**'} |" for name, figure, met in checks]
    return [*lines, ""]


def _fresh(folder: Path) -> Path:
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    return folder


if __name__ == "__main__":
    sys.exit(main())
