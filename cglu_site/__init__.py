"""The CGLU / UCLG documentation site, built from data, one stage per folder:

- data/     read data/*.yml with line numbers, validate it, the UI strings and the languages
- pages/    data -> Markdown pages in every language (page kinds, templates, formats,
            typography), written into docs/
- outputs/  files for machines: open data, JSON-LD, feeds, calendars, sitemaps
- mkdocs/   the adapter: MkDocs events call the stages; every reach into MkDocs, Material
            or static-i18n internals is there (serve/: `mkdocs serve` watching and memos)

Each stage imports only the ones before it; `python -m cglu_site generate` runs the first
two without any engine.
"""
