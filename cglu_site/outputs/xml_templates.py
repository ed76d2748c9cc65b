"""The templates of the XML files (sitemaps, feeds): escaped as XML, compiled once per process.

One environment for the whole process, so `mkdocs serve` rebuilds and each language's feed
reuse the compiled templates; Jinja still reloads a template whose file was edited.
"""

from __future__ import annotations

import functools

import jinja2

from cglu_site.pages.render import TEMPLATES_DIR


@functools.cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, trim_blocks=True, lstrip_blocks=True
    )


def xml_template(name: str) -> jinja2.Template:
    return _environment().get_template(name)
