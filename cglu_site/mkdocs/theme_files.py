"""Theme files no page links are not copied to the site.

Material links its palette stylesheet only when the theme sets a palette (`{% if
config.theme.palette %}` in base.html); without one (this site sets one, mkdocs.yml), the
stylesheet and its source map would be published for nobody, and the CSS purge would keep every
variable of Material's stylesheet that the palette stylesheet reads.
"""

from __future__ import annotations

import re

from mkdocs.structure.files import Files
from mkdocs.theme import Theme

_PALETTE = re.compile(r"assets/stylesheets/palette\.[0-9a-f]+\.min\.css(\.map)?")


def drop_unlinked_theme_files(files: Files, theme: Theme) -> None:
    if theme.get("palette"):
        return
    for file in [file for file in files if _PALETTE.fullmatch(file.src_uri)]:
        files.remove(file)
