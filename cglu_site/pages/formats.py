"""Numbers and dates in each language's words, by Babel with the language's locale
(strings/<lang>.yml `meta.babel_locale`).
"""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Callable

from babel import Locale, core, localedata
from babel.dates import format_date, format_interval, format_skeleton
from babel.lists import format_list
from babel.numbers import format_decimal, format_percent


def release_locale_data() -> None:
    """Free the CLDR data Babel has loaded: some 2 MiB per language plus 2 MiB shared.

    Babel keeps it for the life of the process, and a build needs a language's data only
    while it renders that language's pages; the builds of the further languages come after,
    at the time the build uses the most memory. Babel loads again what a later call needs.
    `localedata.clear_caches` (Babel 2.19) empties both of its caches, the loaded data and
    the wrappers over it; before it, the one cache was emptied where it had been for years.
    """
    clear_caches = getattr(localedata, "clear_caches", None)
    if callable(clear_caches):
        clear_caches()
    else:
        cache = getattr(localedata, "_cache", None)
        if isinstance(cache, dict):
            with getattr(localedata, "_cache_lock", threading.RLock()):
                cache.clear()
    if hasattr(core, "_global_data"):
        core._global_data = None


class LanguageFormats:
    """Locale-aware numbers and dates for one language.

    Results are kept: the same dates and numbers come back on many pages, and a build that
    has made every page's values can release the locale data (`release`) and still answer.
    """

    def __init__(self, babel_locale: str):
        self.babel_locale = babel_locale
        self._locale: Locale | None = None
        self._results: dict[tuple, str] = {}

    @property
    def locale(self) -> Locale:
        if self._locale is None:
            self._locale = Locale.parse(self.babel_locale)
        return self._locale

    def release(self) -> None:
        """Let go of the locale data (loaded again if a new value is asked for)."""
        self._locale = None

    def _kept(self, key: tuple, compute: Callable[[], str]) -> str:
        if key not in self._results:
            self._results[key] = compute()
        return self._results[key]

    def plural(self, forms: str | dict[str, str], count: int) -> str:
        """The form of a string for `count` things: `forms` maps the locale's CLDR plural
        categories ('one', 'many', 'other'…) to texts; a plain text is the same for any count.
        """
        if isinstance(forms, str):
            return forms
        category = self._kept(("plural", count), lambda: self.locale.plural_form(count))
        return forms[category]

    def number(self, value: float) -> str:
        return self._kept(("number", value), lambda: format_decimal(value, locale=self.locale))

    def percent(self, value: float) -> str:
        return self._kept(("percent", value), lambda: format_percent(value / 100, locale=self.locale))

    def conjoined(self, items: list[str]) -> str:
        """Items as this language lists them, with its conjunction: '1, 6 et 7', '1, 6 and 7'."""
        items = [str(item) for item in items]
        return self._kept(("list", *items), lambda: format_list(items, locale=self.locale))

    def language_name(self, code: str) -> str:
        """A language's name in this language, as CLDR writes it in a sentence: 'anglais',
        'English', 'inglés' (the code itself if CLDR does not know it)."""
        return self._kept(("language", code), lambda: self.locale.languages.get(code, code))

    def date(self, value: str | int) -> str:
        """A full or partial ISO date (2022-10-10, 2021-03, 2004) in words."""
        return self._kept(("date", str(value)), lambda: self._date(str(value)))

    def _date(self, value: str) -> str:
        parts = [int(part) for part in value.split("-")]
        if len(parts) == 1:
            return str(parts[0])
        if len(parts) == 2:
            return format_skeleton("yMMMM", datetime.date(parts[0], parts[1], 1), locale=self.locale)
        return format_date(datetime.date(*parts), format="long", locale=self.locale)

    def date_range(self, start: str | int, end: str | int) -> str:
        """'10–14 octobre 2022' / '10 – 14 October 2022' (thin spaces): CLDR's interval, months
        in full. The locale's own typography: en_GB puts thin spaces around the dash (CLDR 49)."""
        start, end = str(start), str(end)
        return self._kept(("date_range", start, end), lambda: self._date_range(start, end))

    def _date_range(self, start: str, end: str) -> str:
        if start == end:
            return self.date(start)
        precision = start.count("-")
        if precision != end.count("-"):  # 2004 to 2007-05: CLDR's fallback, '{0} – {1}'
            fallback = self.locale.interval_formats.get(None) or "{0} – {1}"
            return fallback.replace("{0}", self.date(start)).replace("{1}", self.date(end))
        first, last = _first_day(start), _first_day(end)
        if precision < 2:  # two years, or two months: the locale's interval of years or of months
            return format_interval(first, last, skeleton="yMMMM" if precision else "y", locale=self.locale)
        greatest = "y" if first.year != last.year else "M" if first.month != last.month else "d"
        full = self.locale.interval_formats.get("yMMMMd", {}).get(greatest)
        if full:  # the locale has an interval with full month names (es: 10–14 de octubre de 2022)
            first_pattern, last_pattern = full
        else:  # most have only abbreviated ones: widen them (10–14 octobre 2022)
            patterns = self.locale.interval_formats.get("yMMMd", {}).get(greatest)
            if not patterns:
                return format_interval(first, last, skeleton="yMMMd", locale=self.locale)
            first_pattern, last_pattern = (re.sub(r"(?<!M)MMM(?!M)", "MMMM", part) for part in patterns)
        return format_date(first, first_pattern, locale=self.locale) + format_date(
            last, last_pattern, locale=self.locale
        )


def _first_day(value: str) -> datetime.date:
    """The first day of a full or partial ISO date (2022-10-10, 2021-03, 2004)."""
    parts = [int(part) for part in value.split("-")]
    return datetime.date(*parts, *[1] * (3 - len(parts)))
