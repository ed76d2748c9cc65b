"""The built pages lose their template indentation, and nothing a visitor sees."""

from __future__ import annotations

from sites import Project

from cglu_site.mkdocs.html_whitespace import strip_indentation


def test_indentation_goes_and_every_break_stays_white_space() -> None:
    html = '<nav>\n    <a href="a">One</a>\n    <a href="b">Two</a>\n\n  </nav>\n'
    assert strip_indentation(html) == '<nav>\n<a href="a">One</a>\n<a href="b">Two</a>\n</nav>\n'
    assert strip_indentation("<p>word</p>") == "<p>word</p>"


def test_white_space_kept_as_written_is_left_alone() -> None:
    kept = "<pre>  a\n    b\n</pre><textarea>\n  c</textarea><code>x\n   y</code><KBD>\n  k</KBD>"
    assert strip_indentation("<div>\n  " + kept + "\n  </div>") == "<div>\n" + kept + "\n</div>"


def test_built_pages_have_no_indentation_and_the_same_text(fixture_site: Project) -> None:
    for path in ("index.html", "en/commissions/culture/index.html", "en/404.html"):
        text = fixture_site.text(path)
        assert "\n  " not in text.split("<pre", 1)[0], path
        assert strip_indentation(text) == text, path
