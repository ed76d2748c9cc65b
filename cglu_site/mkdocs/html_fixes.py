"""Attribute fixes to Material's HTML that no template override can make cheaply.

Material 9.8 writes a few attributes that the Nu HTML checker rejects or that leave a
landmark without a name. They come from `base.html` outside any block, or from the large
macro file `partials/nav-item.html`; copying those files into overrides/ would mean
re-copying them at every Material release. Each fix here removes or re-points one
attribute, and nothing else: the HTML itself comes from the templates.

Every fix is checked by tests/test_html_validity.py against Material's own output (the
pattern it fixes must still be there, else the fix is dead and a Material upgrade changed
the markup: re-check with the Nu checker and axe, then update or drop the fix).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from cglu_site.mkdocs.html_whitespace import strip_indentation

# partials/nav-item.html: `tabindex="{{ tabindex }}"` on the toggle labels of sections is
# empty where the label must not be focusable. An empty tabindex is invalid HTML and
# means the same as no tabindex at all.
_EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')

# base.html (outside any block): the drawer and search toggles are checkboxes with
# autocomplete="off", which HTML allows only on text-like inputs. Material sets it so that
# a browser does not restore an open drawer or search when the visitor comes back to a
# page; without it, a browser may, and one click or Escape closes it.
_CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b[^>]*\btype="checkbox"[^>]*?) autocomplete="off"')

# partials/toc.html: the table of contents' title is a label for the `__toc` toggle, but
# nav-item.html writes that toggle only when the page is a plain item of the navigation,
# not when it is a section's index page (navigation.indexes): the label then points at
# nothing. A label without `for` is valid and does the same (nothing).
_LABEL_FOR = re.compile(r'(<label\b[^>]*?) for="([^"]+)"')

# partials/nav-item.html: each sub-menu <nav> is named by its toggle label, which holds
# only an icon when the section has an index page (navigation.indexes): several menus
# are then landmarks with the same empty name (axe: landmark-unique). Name each one by
# its title label instead, which always holds the section's title.
_SUBMENU = re.compile(
    r'aria-labelledby="(?P<id>__nav[\w]*)_label"(?P<between> aria-expanded="(?:true|false)">\s*)'
    r'<label class="md-nav__title" for="(?P=id)">'
)


@dataclass(frozen=True)
class Fix:
    name: str
    material_source: str  # where the attribute comes from, in Material's templates
    apply: Callable[[str], tuple[str, int]]  # the fixed page and the number of changes


# Each fix first looks for a literal part of its pattern: most pages need few of the fixes,
# and finding a string is several times faster than running the pattern over the page.


def _remove_empty_tabindex(html: str) -> tuple[str, int]:
    if ' tabindex=""' not in html:
        return html, 0
    return _EMPTY_TABINDEX.subn(r"\1", html)


def _remove_checkbox_autocomplete(html: str) -> tuple[str, int]:
    if ' autocomplete="off"' not in html:
        return html, 0
    return _CHECKBOX_AUTOCOMPLETE.subn(r"\1", html)


def _remove_dangling_label_for(html: str) -> tuple[str, int]:
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if f' id="{match.group(2)}"' in html:  # a page has few labels: a search each is cheap
            return match.group(0)
        count += 1
        return match.group(1)

    return _LABEL_FOR.sub(replace, html), count


def _name_submenus_by_their_title(html: str) -> tuple[str, int]:
    if '<label class="md-nav__title" for="__nav' not in html:
        return html, 0
    return _SUBMENU.subn(
        r'aria-labelledby="\g<id>_title"\g<between><label class="md-nav__title" for="\g<id>" id="\g<id>_title">',
        html,
    )


FIXES = (
    Fix("empty tabindex on section labels", "partials/nav-item.html", _remove_empty_tabindex),
    Fix("autocomplete on the toggle checkboxes", "base.html", _remove_checkbox_autocomplete),
    Fix("label for a missing table-of-contents toggle", "partials/toc.html", _remove_dangling_label_for),
    Fix("sub-menus named by an icon-only label", "partials/nav-item.html", _name_submenus_by_their_title),
)


def fix_html(html: str) -> str:
    """The page with every fix applied."""
    for fix in FIXES:
        html, _ = fix.apply(html)
    return html


def finished_page(html: str) -> str:
    """The page with every fix applied and the theme's indentation taken out (html_whitespace.py)."""
    return strip_indentation(fix_html(html))


def set_search_base(html: str, base: str) -> str:
    """Point Material's search at another language root (for error pages, which have no page
    and whose links therefore all resolve against `base_url`: it must stay the site root)."""
    pattern = re.compile(r'(<script id="__config" type="application/json">\{[^<]*?"base": )"[^"]*"')
    fixed, count = pattern.subn(lambda match: match.group(1) + json.dumps(base), html, count=1)
    if count != 1:
        raise ValueError(
            "Material's __config script has changed: cannot set the search base of the error page"
        )
    return fixed
