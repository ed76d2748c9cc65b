"""A language's typographic spaces, applied to every page of that language.

The rules are data (strings/<lang>.yml `meta.typography`: regular expression, replacement),
so French gets its no-break spaces before `:` `;` `!` `?` `»` `%` `€` and English none, with
no code knowing either language.

The rules see the text a visitor reads in the page's language, never the markup around it
nor a phrase in another language (`<span lang="en">Virtual meeting: …</span>` stays as
English writes it): fenced and inline code, HTML tags and comments (their attributes, autolinks such as `<https://…>`), Markdown link
targets `](…)`, character references such as `&amp;`, attribute lists `{: #id }` and the `[label]:` of reference definitions are
each kept aside as one placeholder character and put back afterwards. A rule therefore
sees `[Afrique]\ue000: Cités` for `[Afrique](africa.md): Cités`, and `\ue000: Commission`
for `</a>: Commission`: the text before and after a tag stays next to it, so a rule that
asks for a character before the colon still finds one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

_PLACEHOLDER = "\ue000"  # a private-use character: never in a text, never matched by a rule
_KEPT_ASIDE = re.compile(
    r"^```.*?^```[^\n]*$"  # fenced code
    r"|(?<!`)(`+)(?!`)(?:[^\n]|\n(?!\n))+?(?<!`)\1(?!`)"  # inline code, within a paragraph
    r"|<!--.*?-->"  # HTML comments
    r'|<span lang="[^"]*">[^<]*</span>'  # a phrase in another language keeps its own rules
    r"|<[A-Za-z/!?][^<>]*>"  # HTML tags with their attributes, and autolinks
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # character references (&amp;)
    r"|\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"  # Markdown link targets
    r"|\{:?[ \t]*[#.][^}\n]*\}"  # attribute lists of headings and blocks
    r"|^[ ]{0,3}\*?\[[^\]\n]+\]:",  # reference, footnote and abbreviation definitions
    re.MULTILINE | re.DOTALL,
)


@cache
def _compiled(rules: tuple[tuple[str, str], ...]) -> tuple[tuple[re.Pattern[str], str], ...]:
    return tuple((re.compile(pattern), replacement) for pattern, replacement in rules)


def apply_typography(markdown: str, rules: Sequence[Sequence[str]]) -> str:
    compiled = _compiled(tuple((pattern, replacement) for pattern, replacement in rules))
    if not compiled:
        return markdown
    kept: list[str] = []

    def keep(match: re.Match[str]) -> str:
        kept.append(match.group(0))
        return _PLACEHOLDER

    text = _KEPT_ASIDE.sub(keep, markdown)
    for pattern, replacement in compiled:
        text = pattern.sub(replacement, text)
    if not kept:
        return text
    pieces = iter(kept)
    return re.sub(_PLACEHOLDER, lambda _: next(pieces), text)
