"""Dates and numbers in words per language, and the locale data a build lets go of."""

from __future__ import annotations

import pytest
from babel import localedata
from sites import Project

from cglu_site.pages.formats import LanguageFormats, release_locale_data


def test_values_already_made_need_no_locale_data_after_release(monkeypatch) -> None:
    french = LanguageFormats("fr_FR")
    assert french.date("2022-10-10") == "10 octobre 2022"
    assert french.date_range("2022-10-10", "2022-10-14") == "10–14 octobre 2022"
    assert french.number(1234.5) == "1\u202f234,5"
    french.release()
    release_locale_data()
    assert localedata._cache == {}  # what the release is for: Babel holds no locale any more

    def no_loading(*args, **kwargs):
        raise AssertionError("locale data loaded again")

    monkeypatch.setattr(localedata, "load", no_loading)
    assert french.date("2022-10-10") == "10 octobre 2022"
    assert french.date_range("2022-10-10", "2022-10-14") == "10–14 octobre 2022"
    assert french.number(1234.5) == "1\u202f234,5"
    monkeypatch.undo()
    assert french.date("2023-03") == "mars 2023"  # a new value loads the data again


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_build_formats_every_value_before_the_languages_builds(
    fixture_project: Project, monkeypatch
) -> None:
    """Babel's data is released once the data is rendered, and no page loads it again."""
    monkeypatch.chdir(fixture_project.root)
    fixture_project.build_in_process()
    assert localedata._cache == {}
    # The hand-written page that embeds data shows it, in each language's words.
    about = fixture_project.text("en/about-this-site/index.html")
    assert "{{" not in about and "languages" in about
