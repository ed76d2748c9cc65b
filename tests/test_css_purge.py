"""css_purge: Material's stylesheet without what no page uses; the home page stays light.

Unit tests on small stylesheets, then the real site's stylesheet and home page weight. That
the purge drops nothing a live page needs is checked in Chromium
(tests/browser/test_css_purge_in_browser.py).
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import material
import pytest
from sites import Project

from cglu_site.cache import Cache
from cglu_site.mkdocs import css_parse, css_purge
from cglu_site.mkdocs.css_purge import purge

MATERIAL_CSS = next(
    (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob("main.*.min.css")
)
# The home page's weight: the HTML, and the CSS and JS it loads for the screen (search index
# aside), as transferred with gzip (the target, 60 KB), and uncompressed (a ceiling that
# notices a new file; the light/dark toggle and its stylesheet took it past 200 KB).
HOME_PAGE_GZIP_BUDGET = 60_000
HOME_PAGE_BUDGET = 210_000


def rules(css: str) -> list[str]:
    """The selectors of each rule, at any depth, as written."""
    return re.findall(r"([^{};]+)\{[^{}]*\}", css)


# --- which rules are kept


def test_a_rule_whose_class_no_page_has_is_dropped_and_a_used_one_kept() -> None:
    css = ".a{color:red}.b{color:blue}p{margin:0}"
    assert purge(css, {"a"}) == ".a{color:red}p{margin:0}"


def test_a_selector_list_keeps_its_rule_when_one_selector_can_match() -> None:
    assert purge(".a .x,.b{color:red}", {"b"}) == ".b{color:red}"
    assert purge(".a,.b{color:red}", {"c"}) == ""
    # A list with a vendor's pseudo-element is kept whole: a browser drops a list it cannot
    # read whole, and keeping only the selector it can read would apply the rule anew.
    css = ".a::-moz-range-track,.b::-webkit-slider-runnable-track{height:1px}"
    assert purge(css, {"b"}) == css


def test_every_class_of_a_selector_is_needed() -> None:
    css = ".a.b{color:red}.a .c{color:blue}"
    assert purge(css, {"a", "b"}) == ".a.b{color:red}"


def test_media_and_supports_are_kept_with_what_is_used_and_dropped_when_empty() -> None:
    css = "@media screen and (min-width:60em){.a{color:red}.b{color:blue}}@supports (display:grid){.b{x:y}}"
    assert purge(css, {"a"}) == "@media screen and (min-width:60em){.a{color:red}}"
    nested = "@media print{@supports (display:grid){.b{x:y}}}.a{x:y}"
    assert purge(nested, {"a"}) == ".a{x:y}"


def test_not_and_has_require_nothing_is_and_where_one_of_their_arguments() -> None:
    assert purge(".a:not(.x){color:red}", {"a"}) == ".a:not(.x){color:red}"
    assert purge(":has(.x)>p{color:red}", set()) == ":has(.x)>p{color:red}"
    assert purge(".a :is(.x,.y){color:red}", {"a", "y"}) == ".a :is(.x,.y){color:red}"
    assert purge(".a :is(.x,.y){color:red}", {"a"}) == ""
    assert purge(":where(.x,p) b{color:red}", set()) == ":where(.x,p) b{color:red}"
    assert purge("::slotted(.x){color:red}", set()) == "::slotted(.x){color:red}"


def test_rtl_rules_are_dropped_when_no_page_is_written_right_to_left() -> None:
    css = '[dir=ltr] .a{margin-left:1px}[dir="rtl"] .a{margin-right:1px}'
    assert purge(css, {"a"}, {"ltr"}) == "[dir=ltr] .a{margin-left:1px}"
    assert purge(css, {"a"}, {"ltr", "rtl"}) == css


def test_elements_and_roles_are_judged_only_when_known() -> None:
    css = ".t table td{x:y}.t kbd{x:y}.t th[role=columnheader]{x:y}"
    assert purge(css, {"t"}) == css
    assert (
        purge(css, {"t"}, elements={"table", "td", "th"}) == ".t table td{x:y}.t th[role=columnheader]{x:y}"
    )
    assert purge(css, {"t"}, elements={"table", "td", "th"}, roles={"search"}) == ".t table td{x:y}"
    # Not element names: classes, pseudo-classes, namespaces, attribute names.
    assert purge("a.kbd:hover,svg|a,[kbd]{x:y}", {"kbd"}, elements={"a"}) == "a.kbd:hover,svg|a,[kbd]{x:y}"


def test_palette_colours_are_judged_only_when_known() -> None:
    css = (
        "[data-md-color-scheme=slate]{a:b}[data-md-color-primary=pink]{a:b}[data-md-color-accent=indigo]{a:b}"
    )
    assert purge(css, set()) == css
    used = {"data-md-color-scheme=slate", "data-md-color-accent=indigo"}
    assert (
        purge(css, set(), colors=used)
        == "[data-md-color-scheme=slate]{a:b}[data-md-color-accent=indigo]{a:b}"
    )


def test_other_at_rules_are_kept_whole() -> None:
    css = '@charset "UTF-8";@font-face{font-family:x;src:url(x.woff)}@page{margin:1cm}@layer base{.gone{x:y}}'
    assert purge(css, set()) == css


# --- custom properties and keyframes


def test_custom_properties_nothing_reads_are_dropped_to_a_fixpoint() -> None:
    css = (
        ":root{--a:1px;--b:var(--a);--c:var(--b);--unused:var(--d);--d:red;--e:2px}"
        ".x{margin:var(--c)}.gone{padding:var(--e)}"
    )
    assert purge(css, {"x"}) == ":root{--a:1px;--b:var(--a);--c:var(--b)}.x{margin:var(--c)}"
    # What other stylesheets or style attributes read is kept; a rule left empty goes.
    assert purge(":root{--e:2px}", set(), outside=".y{padding:var(--e)}") == ":root{--e:2px}"
    assert purge(":root{--e:2px}", set()) == ""
    # Two properties that only read each other are not read.
    assert purge(":root{--p:var(--q);--q:var(--p)}", set()) == ""


def test_keyframes_are_kept_only_when_an_animation_names_them() -> None:
    css = "@keyframes spin{to{rotate:1turn}}@keyframes fade{to{opacity:0}}.a{animation:spin 1s}.b{animation-name:fade}"
    assert purge(css, {"a"}) == "@keyframes spin{to{rotate:1turn}}.a{animation:spin 1s}"
    assert "@keyframes fade" in purge(css, {"a"}, outside=".z{animation:1s fade}")


def test_declarations_are_kept_as_written_and_the_output_parses() -> None:
    css = '.a { color : red ; background: url("data:image/svg+xml;charset=utf-8,<svg/>") !important }\n'
    out = purge(css, {"a"})
    assert out == '.a{color : red;background: url("data:image/svg+xml;charset=utf-8,<svg/>") !important}'
    assert css_parse.parse_errors(out) == []
    assert css_parse.parse_errors(".a{}}") != []  # the check does find errors


def test_materials_stylesheet_comes_back_whole_when_everything_is_used() -> None:
    """The texts are cut from the source at tinycss2's positions: nothing is lost or moved."""
    css = MATERIAL_CSS.read_text(encoding="utf-8")
    classes = set(re.findall(r"\.(-?[_a-zA-Z][\w-]*)", css))
    everything = " ".join(f"var({name})" for name in set(re.findall(r"(--[\w-]+):", css))) + css
    assert (
        purge(css, classes, {"ltr", "rtl"}, outside=everything)
        == re.sub(r"/\*# sourceMappingURL=[^*]*\*/", "", css).strip()
    )


def test_a_stylesheet_is_parsed_once_per_process_and_kept_on_disk(tmp_path, monkeypatch) -> None:
    css = ".a{color:red}.cache-test{x:y}"
    purge(css, {"a"})
    hits = css_parse.parsed_stylesheet.cache_info().hits
    assert purge(css, {"cache-test"}) == ".cache-test{x:y}"
    assert css_parse.parsed_stylesheet.cache_info().hits == hits + 1
    # The next build (another process) reads it from the disk cache instead of parsing.
    disk_css = ".b{color:blue}.disk-test{x:y}"
    assert purge(disk_css, {"b"}, cache=Cache(tmp_path)) == ".b{color:blue}"
    assert len(Cache(tmp_path).names("parsed-stylesheet")) == 1
    css_parse.parsed_stylesheet.cache_clear()
    monkeypatch.setattr(css_parse, "_parse", lambda css: pytest.fail("parsed again"))
    assert purge(disk_css, {"disk-test"}, cache=Cache(tmp_path)) == ".disk-test{x:y}"
    monkeypatch.undo()
    # Another stylesheet (Material upgraded, or this module changed) replaces the kept one.
    kept = Cache(tmp_path).names("parsed-stylesheet")
    purge(".c{color:green}", {"c"}, cache=Cache(tmp_path))
    assert Cache(tmp_path).names("parsed-stylesheet") != kept
    assert len(Cache(tmp_path).names("parsed-stylesheet")) == 1


def test_a_purge_from_the_same_inputs_is_not_made_again(tmp_path, monkeypatch) -> None:
    css = ".a{color:red}.b{color:blue}:root{--x:1}"
    cache = Cache(tmp_path)
    assert purge(css, {"a"}, cache=cache) == ".a{color:red}"
    monkeypatch.setattr(css_purge, "_purged", lambda *args: pytest.fail("purged again"))
    assert purge(css, {"a"}, cache=cache) == ".a{color:red}"
    monkeypatch.undo()
    # Any other input (classes, the stylesheet, the CSS outside it) makes a new purge.
    assert purge(css, {"b"}, cache=cache) == ".b{color:blue}"
    assert purge(css, {"b"}, outside="var(--x)", cache=cache) == ".b{color:blue}:root{--x:1}"
    assert purge(css + ".b{margin:0}", {"b"}, cache=cache) == ".b{color:blue}.b{margin:0}"


# --- what the pages use


def test_usage_collects_classes_dirs_roles_elements_and_variables() -> None:
    usage = css_purge.Usage()
    usage.add_html(
        """<html dir="ltr"><body class="a  b"><div class='c' role="search"><span class=d>"""
        """<p style="color:var(--x)"></p><SVG><rect/></SVG></span></div></body></html>"""
        """<input data-md-color-scheme="slate" data-md-color-primary="indigo">"""
    )
    assert usage.classes == {"a", "b", "c", "d"}
    assert usage.dirs == {"ltr"}
    assert usage.roles == {"search"}
    assert {"html", "body", "div", "span", "p", "svg", "rect"} <= usage.elements
    assert usage.variables == {"--x"}
    assert usage.colors == {"data-md-color-scheme=slate", "data-md-color-primary=indigo"}


def test_the_theme_stylesheet_is_rewritten_in_place_from_the_theme(tmp_path: Path) -> None:
    theme = tmp_path / "theme" / "assets" / "stylesheets"
    site = tmp_path / "site" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    site.mkdir(parents=True)
    source = ".a{color:red}.b{color:blue}/*# sourceMappingURL=main.1.min.css.map*/"
    (theme / "main.1.min.css").write_text(source)
    (site / "main.1.min.css").write_text(".b{color:blue}")  # an earlier purge, which lacked .a
    (site / "main.1.min.css.map").write_text("{}")
    (site / "extra.css").write_text(".c{color:var(--x)}")
    usage = css_purge.Usage()
    usage.add_html('<p class="a"></p>')
    css_purge.purge_theme_stylesheet(tmp_path / "site", [str(tmp_path / "theme")], usage)
    assert (site / "main.1.min.css").read_text() == ".a{color:red}"
    assert not (site / "main.1.min.css.map").exists()


def test_the_palette_stylesheet_is_purged_too_and_what_each_reads_of_the_other_is_kept(
    tmp_path: Path,
) -> None:
    theme = tmp_path / "theme" / "assets" / "stylesheets"
    site = tmp_path / "site" / "assets" / "stylesheets"
    theme.mkdir(parents=True)
    site.mkdir(parents=True)
    (theme / "main.1.min.css").write_text(":root{--hue:1;--unused:2}.a{color:var(--fg)}")
    (theme / "palette.2.min.css").write_text(
        "[data-md-color-scheme=slate]{--fg:hsl(var(--hue),0%,0%)}[data-md-color-scheme=other]{--fg:red}"
    )
    for name in ("main.1.min.css", "palette.2.min.css"):
        (site / name).write_text((theme / name).read_text())
    usage = css_purge.Usage()
    usage.add_html('<body class="a" data-md-color-scheme="slate">')
    css_purge.purge_theme_stylesheet(
        tmp_path / "site", [str(tmp_path / "theme")], usage, Cache(tmp_path / "cache")
    )
    assert (site / "main.1.min.css").read_text() == ":root{--hue:1}.a{color:var(--fg)}"
    assert (
        site / "palette.2.min.css"
    ).read_text() == "[data-md-color-scheme=slate]{--fg:hsl(var(--hue),0%,0%)}"


# --- the real site


@pytest.fixture(scope="module")
def home(real_site: Project) -> dict[str, int]:
    """The home page and what it loads for the screen (as scripts/bench.py weighs it; print
    styles are fetched without holding the page): path in the site -> size in bytes."""
    page = real_site.html("index.html")
    loaded = ["index.html"]
    loaded += [link["href"] for link in page.select("link[rel=stylesheet]") if link.get("media") != "print"]
    loaded += [script["src"] for script in page.select("script[src]")]
    return {path: (real_site.site / path).stat().st_size for path in loaded}


def test_the_linked_theme_stylesheet_is_purged_and_parses(real_site: Project, home: dict[str, int]) -> None:
    (main,) = [path for path in home if re.fullmatch(r"assets/stylesheets/main\.\w+\.min\.css", path)]
    css = (real_site.site / main).read_text(encoding="utf-8")
    assert home[main] < 70_000, f"{main}: {home[main]} bytes"
    assert css_parse.parse_errors(css) == []
    assert "sourceMappingURL" not in css and not (real_site.site / f"{main}.map").exists()
    assert ".md-header{" in css and ".md-search-result__item{" in css  # the theme's, and run time's


def test_the_palette_stylesheet_keeps_only_the_sites_schemes_and_colour(
    real_site: Project, home: dict[str, int]
) -> None:
    """theme.palette (mkdocs.yml): light and slate, in indigo; Material's other colours are dropped."""
    (palette,) = [path for path in home if re.fullmatch(r"assets/stylesheets/palette\.\w+\.min\.css", path)]
    css = (real_site.site / palette).read_text(encoding="utf-8")
    assert css_parse.parse_errors(css) == []
    assert "[data-md-color-scheme=slate]{" in css and "[data-md-color-primary=indigo]{" in css
    assert "[data-md-color-primary=pink]" not in css and "[data-md-color-accent=red]" not in css
    assert not (real_site.site / f"{palette}.map").exists()
    assert home[palette] < 4_000, f"{palette}: {home[palette]} bytes"


def test_every_published_stylesheet_is_linked_by_the_pages(real_site: Project) -> None:
    """No theme stylesheet is published for nobody (theme_files.py: the palette's, without a palette)."""
    published = {
        path.relative_to(real_site.site).as_posix() for path in (real_site.site / "assets").rglob("*.css")
    }
    linked = set()
    for page in ("index.html", "404.html", "en/index.html"):  # links relative, absolute, from below
        linked |= {link["href"].lstrip("./") for link in real_site.html(page).select("link[rel=stylesheet]")}
    assert published == linked


def test_the_home_page_weighs_at_most_60_kb_with_gzip(real_site: Project, home: dict[str, int]) -> None:
    total = sum(home.values())
    detail = ", ".join(f"{path} {size}" for path, size in home.items())
    assert total <= HOME_PAGE_BUDGET, f"the home page weighs {total} bytes: {detail}"
    compressed = sum(len(gzip.compress((real_site.site / path).read_bytes())) for path in home)
    assert compressed <= HOME_PAGE_GZIP_BUDGET, f"the home page weighs {compressed} bytes with gzip: {detail}"


def test_print_styles_are_loaded_for_print_only(real_site: Project) -> None:
    for page in ("index.html", "404.html", "en/404.html"):
        links = real_site.html(page).select("link[rel=stylesheet]")
        print_links = [link for link in links if link["href"].endswith("print.css")]
        assert [link.get("media") for link in print_links] == ["print"], page
