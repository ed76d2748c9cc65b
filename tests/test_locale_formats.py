"""Dates and numbers in words per language, and the locale data a build lets go of."""

from __future__ import annotations

import datetime
import gc
import tracemalloc

import cldr
import pytest
from babel import Locale, localedata
from babel.dates import format_interval
from sites import LANGUAGES, Project

from cglu_site.data.strings import load_strings
from cglu_site.pages.formats import LanguageFormats, release_locale_data

LOCALES = {lang: strings["meta"]["babel_locale"] for lang, strings in load_strings(LANGUAGES).items()}


def babel_holds_kib() -> float:
    """What the memory Babel's modules allocated since tracing started still takes."""
    gc.collect()
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, "*/babel/*")])
    return sum(stat.size for stat in snapshot.statistics("filename")) / 1024


def test_values_already_made_need_no_locale_data_after_release(monkeypatch) -> None:
    release_locale_data()
    tracemalloc.start()
    try:
        french = LanguageFormats("fr_FR")
        congress = cldr.date_range("2022-10-10", "2022-10-14", "fr_FR")
        assert french.date("2022-10-10") == "10 octobre 2022"
        assert french.date_range("2022-10-10", "2022-10-14") == congress
        assert french.number(1234.5) == "1\u202f234,5"
        assert babel_holds_kib() > 1000  # the locale data, loaded
        french.release()
        release_locale_data()
        # What the release is for: Babel holds no locale any more, in whatever cache it keeps
        # it (Babel 2.19 added a second one, which an earlier release left full).
        assert babel_holds_kib() < 64
    finally:
        tracemalloc.stop()

    def no_loading(*args, **kwargs):
        raise AssertionError("locale data loaded again")

    monkeypatch.setattr(localedata, "load", no_loading)
    assert french.date("2022-10-10") == "10 octobre 2022"
    assert french.date_range("2022-10-10", "2022-10-14") == congress
    assert french.number(1234.5) == "1\u202f234,5"
    monkeypatch.undo()
    assert french.date("2023-03") == "mars 2023"  # a new value loads the data again


@pytest.mark.parametrize("lang", LANGUAGES)
def test_date_ranges_are_the_locales_own_intervals(lang: str) -> None:
    """Each locale's interval, as Babel gives it from CLDR: its dash and the spaces around it
    are the locale's typography (CLDR 49 puts thin spaces around the en dash of en_GB's day
    ranges, none in fr_FR's), so the expected texts come from Babel, not from a copy."""
    locale = LOCALES[lang]
    formats = LanguageFormats(locale)
    for start, end in (
        ("2022-10-10", "2022-10-14"),
        ("2022-09-28", "2022-10-02"),
        ("2022-12-30", "2023-01-02"),
    ):
        assert formats.date_range(start, end) == cldr.date_range(start, end, locale)
    # Partial dates: the locale's interval of years, of months, or its fallback for mixed ones.
    years = format_interval(datetime.date(2004, 1, 1), datetime.date(2007, 1, 1), skeleton="y", locale=locale)
    assert formats.date_range(2004, 2007) == years
    months = format_interval(datetime.date(2021, 11, 1), datetime.date(2022, 10, 1), "yMMMM", locale=locale)
    assert formats.date_range("2021-11", "2022-10") == months
    fallback = Locale.parse(locale).interval_formats[None]
    mixed = fallback.replace("{0}", formats.date("2004")).replace("{1}", formats.date("2007-05"))
    assert formats.date_range("2004", "2007-05") == mixed
    assert formats.date_range("2022-10-10", "2022-10-10") == formats.date("2022-10-10")


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_build_formats_every_value_before_the_languages_builds(
    fixture_project: Project, monkeypatch
) -> None:
    """Babel's data is released once the data is rendered, and no page loads it again."""
    monkeypatch.chdir(fixture_project.root)
    fixture_project.build_in_process()
    assert localedata._cache == {}
    assert getattr(localedata, "_dict_cache", {}) == {}  # Babel 2.19's second cache
    # The hand-written page that embeds data shows it, in each language's words.
    about = fixture_project.text("en/about-this-site/index.html")
    assert "{{" not in about and "languages" in about
