"""How a statement's sources should read, worked out here from the strings files and Babel
(not from the site's code): the numbers a group shows, its text and its accessible name."""

from __future__ import annotations

import re

from babel import Locale
from babel.lists import format_list


def shown_numbers(text: str, strings: dict) -> list[int]:
    """The numbers a group shows ('1, 6 et 8' is 1, 6, 8; '1 et 6 à 8' is 1, 6, 7, 8)."""
    pattern = re.escape(strings["label"]["source_range"])
    pattern = pattern.replace(re.escape("{first}"), r"(\d+)").replace(re.escape("{last}"), r"(\d+)")
    numbers = []
    for match in re.finditer(rf"{pattern}|(\d+)", text):
        first, last, alone = match.groups()
        numbers.extend([int(alone)] if alone else range(int(first), int(last) + 1))
    return numbers


def group_text(numbers: list[int], strings: dict) -> str:
    """The language's list of the numbers, three or more in a row as a range: '1, 6 et 7', '1 à 5'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    items: list[str] = []
    for run in runs:
        if len(run) > 2:
            items.append(strings["label"]["source_range"].format(first=run[0], last=run[-1]))
        else:
            items.extend(str(number) for number in run)
    return format_list(items, locale=strings["meta"]["babel_locale"])


def group_name(numbers: list[int], strings: dict) -> str:
    """The accessible name: 'Sources 1, 6 et 7', the strings file's words before the text."""
    locale = Locale.parse(strings["meta"]["babel_locale"])
    form = strings["label"]["cited_sources"][locale.plural_form(len(numbers))]
    return form.format(numbers=group_text(numbers, strings))
