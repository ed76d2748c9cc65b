"""Valid HTML: the Nu HTML checker on every built page; Material's markup fixed by few, tested means.

The theme's fixes are of three sorts, each checked here against the installed Material so
that an upgrade that changes what they fix is noticed:
- partials copied into overrides/ with a documented change (OVERRIDDEN_PARTIALS);
- Material's `scripts` block, extended in overrides/main.html with `defer`;
- attribute fixes applied to the built pages (cglu_site/mkdocs/html_fixes.py).
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import material
import pytest
from bs4 import BeautifulSoup
from sites import ROOT, Project
from tools import VNU, java, node_file

from cglu_site.mkdocs import html_fixes

MATERIAL = Path(material.__file__).parent / "templates"

# overrides/<partial>: Material's file with these (old, new) replacements, nothing else.
OVERRIDDEN_PARTIALS = {
    "partials/search.html": [
        ('role="dialog">', """role="dialog" aria-label="{{ lang.t('search') }}">"""),
    ],
    "partials/path.html": [
        ("aria-label=\"{{ lang.t('nav') }}\"", 'aria-label="{{ cglu_strings.label.breadcrumb }}"'),
    ],
    "partials/header.html": [
        ('for="__drawer">', """for="__drawer" tabindex="0" title="{{ lang.t('nav') }}">"""),
        ('for="__search">', """for="__search" tabindex="0" title="{{ lang.t('search.placeholder') }}">"""),
        # The adapter says whether Material's search is on (cglu_site/mkdocs/material_search.py):
        # the template does not name the plugin.
        (
            """    {% if "material/search" in config.plugins %}
      {% set search = config.plugins["material/search"] | attr("config") %}
      {% if search.enabled %}
        <label class="md-header__button md-icon" for="__search" tabindex="0" title="{{ lang.t('search.placeholder') }}">
          {% set icon = config.theme.icon.search or "material/magnify" %}
          {% include ".icons/" ~ icon ~ ".svg" %}
        </label>
        {% include "partials/search.html" %}
      {% endif %}
    {% endif %}
""",
            """    {% if cglu_search_enabled %}
      <label class="md-header__button md-icon" for="__search" tabindex="0" title="{{ lang.t('search.placeholder') }}">
        {% set icon = config.theme.icon.search or "material/magnify" %}
        {% include ".icons/" ~ icon ~ ".svg" %}
      </label>
      {% include "partials/search.html" %}
    {% endif %}
""",
        ),
    ],
}


def test_every_page_is_valid_html(real_site: Project) -> None:
    pages = sorted(real_site.site.rglob("*.html"))
    assert len(pages) > 20
    result = subprocess.run(
        [
            java(),
            "-Xss4m",
            "-jar",
            str(node_file(VNU)),
            "--errors-only",
            "--format",
            "json",
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or result.stdout)["messages"]
    problems = [
        f"{Path(m['url'].removeprefix('file:')).relative_to(real_site.site)}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
    ]
    assert not problems, f"{len(problems)} Nu HTML checker errors:\n" + "\n".join(problems[:50])


def _without_leading_comment(template: str) -> str:
    return re.sub(r"\A\{#-.*?-#\}\n", "", template, count=1, flags=re.S)


@pytest.mark.parametrize("partial", sorted(OVERRIDDEN_PARTIALS))
def test_overridden_partial_is_materials_own_with_its_documented_change(partial: str) -> None:
    original = _without_leading_comment((MATERIAL / partial).read_text(encoding="utf-8"))
    expected = original
    for old, new in OVERRIDDEN_PARTIALS[partial]:
        assert expected.count(old) == 1, (
            f"Material's {partial} changed ({old!r}): re-copy it and redo the change"
        )
        expected = expected.replace(old, new)
    ours = (ROOT / "overrides" / partial).read_text(encoding="utf-8")
    assert ours.startswith("{#-") and "overrides Material's " + partial in ours.split("-#}")[0]
    assert _without_leading_comment(ours) == expected, (
        f"overrides/{partial} differs from Material's (installed) {partial} beyond its documented change: "
        "Material was upgraded; copy its new file into overrides/ and redo the change"
    )


def test_every_page_loads_materials_bundle_deferred(fixture_site: Project) -> None:
    """overrides/main.html extends Material's scripts block: every page loads the bundle that
    the installed Material ships, deferred, and no script that holds back the first paint."""
    for path in sorted(fixture_site.site.rglob("*.html")):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        scripts = page.select("script[src]")
        bundles = [script for script in scripts if re.search(r"bundle\.\w+\.min\.js$", script["src"])]
        assert len(bundles) == 1, f"{path}: Material's bundle is not loaded once"
        src = bundles[0]["src"]  # error pages link from the site root
        target = fixture_site.site / src.lstrip("/") if src.startswith("/") else path.parent / src
        assert target.resolve().is_file(), f"{path}: {src} is missing"
        assert all(script.has_attr("defer") for script in scripts), f"{path}: a script is not deferred"


# What each fix of html_fixes.py fixes, as Material's templates write it: if one of these is
# gone, Material changed the markup; check the pages with the Nu checker and axe, then update
# or remove the fix.
MATERIAL_SOURCES = {
    "partials/nav-item.html": [
        'tabindex="{{ tabindex }}"',
        'aria-labelledby="{{ path }}_label"',
        '<label class="md-nav__title" for="{{ path }}">',
    ],
    "base.html": [
        'type="checkbox" id="__drawer" autocomplete="off"',
        'type="checkbox" id="__search" autocomplete="off"',
        '"base": base_url',
    ],
    "partials/toc.html": ['<label class="md-nav__title" for="__toc">'],
}


@pytest.mark.parametrize("template", sorted(MATERIAL_SOURCES))
def test_material_still_writes_what_html_fixes_fixes(template: str) -> None:
    text = (MATERIAL / template).read_text(encoding="utf-8")
    for snippet in MATERIAL_SOURCES[template]:
        assert snippet in text, (
            f"Material's {template} no longer has {snippet!r}: see cglu_site/mkdocs/html_fixes.py"
        )
    assert {fix.material_source for fix in html_fixes.FIXES} <= set(MATERIAL_SOURCES)


# Markup as Material 9.8 renders it (a section with an index page, the toggles, a table of
# contents whose toggle is missing) and what each fix makes of it.
MATERIAL_OUTPUT = """<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">
<input type="text" class="md-search__input" name="query" autocomplete="off">
<label class="md-nav__link " for="__nav_4" id="__nav_4_label" tabindex="">
  <span class="md-nav__icon md-icon"></span>
</label>
<nav class="md-nav" data-md-level="1" aria-labelledby="__nav_4_label" aria-expanded="false">
  <label class="md-nav__title" for="__nav_4">
    <span class="md-nav__icon md-icon"></span>
    Commissions
  </label>
</nav>
<input class="md-nav__toggle md-toggle" type="checkbox" id="__nav_4">
<label class="md-nav__title" for="__toc">
"""


def test_html_fixes_change_only_the_attributes_they_name() -> None:
    fixed = html_fixes.fix_html(MATERIAL_OUTPUT)
    assert fixed == (
        MATERIAL_OUTPUT.replace(' id="__drawer" autocomplete="off"', ' id="__drawer"')
        .replace(' tabindex="">', ">")
        .replace('aria-labelledby="__nav_4_label"', 'aria-labelledby="__nav_4_title"')
        .replace(
            '<label class="md-nav__title" for="__nav_4">',
            '<label class="md-nav__title" for="__nav_4" id="__nav_4_title">',
        )
        .replace('<label class="md-nav__title" for="__toc">', '<label class="md-nav__title">')
    )
    assert 'name="query" autocomplete="off"' in fixed  # allowed on a text input: kept
    for fix in html_fixes.FIXES:
        assert fix.apply(MATERIAL_OUTPUT)[1] >= 1, f"{fix.name}: fixes nothing in Material's markup"


def test_built_pages_carry_every_fix(real_site: Project) -> None:
    page = (real_site.site / "about" / "index.html").read_text(encoding="utf-8")
    assert 'tabindex=""' not in page and 'type="checkbox" id="__drawer" autocomplete' not in page
    assert '_label" aria-expanded' not in page  # no sub-menu named by an icon-only label
    error_page = (real_site.site / "en" / "404.html").read_text(encoding="utf-8")
    assert '"base": "/en/"' in error_page and 'href="/assets/stylesheets/' in error_page
    assert 'href="/en/about/"' in error_page and "/en/en/" not in error_page


def test_set_search_base_fails_loudly_when_materials_config_changes() -> None:
    config = '<script id="__config" type="application/json">{"annotate": null, "base": "/", "features": []}</script>'
    assert '"base": "/en/"' in html_fixes.set_search_base(config, "/en/")
    with pytest.raises(ValueError):
        html_fixes.set_search_base("<script>{}</script>", "/en/")
