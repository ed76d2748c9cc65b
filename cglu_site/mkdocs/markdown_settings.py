"""What the adapter sets of Python-Markdown's settings for each language's build.

The toc extension's heading anchor (the ¶ that `toc: permalink: true` adds after every
heading) is titled by its `permalink_title` option, English ("Permanent link") unless set:
each language's build gives it that language's words (`label.permalink` in the strings).
The option is part of `config.mdx_configs`, which the serve memo keys on
(memos/markdown_memo.py): it is set in on_config, before any page is converted, so each
language's pages, and a change of the words, have a key of their own.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def set_permalink_title(config: MkDocsConfig, title: str) -> None:
    """Title the toc extension's heading anchors `title`, if the site uses the extension."""
    if "toc" not in config.markdown_extensions:
        return
    # A new dict: the options in mkdocs.yml stay as they were for the next language's build.
    config.mdx_configs["toc"] = {**config.mdx_configs.get("toc", {}), "permalink_title": title}
