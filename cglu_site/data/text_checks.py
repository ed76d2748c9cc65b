"""Mistakes in texts that YAML accepts without a word, found from where the texts stand.

A text written without quotes ends at the first ` #`: YAML reads the rest of the line as a
comment, so `fr: Le dossier n° 3 #climat` publishes "Le dossier n° 3" and nothing says so.
A human text (a value of a per-language mapping) followed by a comment on its line is such
a text cut short: editors comment on fields (`id: culture  # page address`), not on
translations, and a comment can always go on a line of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from cglu_site.data.validation import DataError, _field_name, _split_entry, collections_of
from cglu_site.data.yaml_source import SourceDocument


def texts_cut_by_a_comment(
    documents: dict[str, SourceDocument], schemas: dict[str, dict], languages: Sequence[str]
) -> list[DataError]:
    errors = []
    for stem, document in documents.items():
        nouns = {key: noun for key, noun in collections_of(schemas.get(f"{stem}.schema.json", {})).values()}
        for path, comment in sorted(document.cut_by_comment.items(), key=lambda item: str(item[0])):
            if not path or path[-1] not in languages or not _in_text(document.value, path):
                continue
            entry, field_path = _split_entry(path, document.value, nouns)
            kept = _value_at(document.value, path)
            errors.append(
                DataError(
                    document.file,
                    document.line_of(path),
                    f"{entry + ': ' if entry else ''}'{_field_name(field_path)}' is cut short: "
                    f"without quotes, YAML reads ' #' as the start of a comment, so the text ends at "
                    f"{_ending(kept)} and '#{comment.strip()}' is dropped; put the whole text in "
                    f'double quotes ("…"), or move a comment to a line of its own',
                )
            )
    return errors


def _value_at(root: object, path: tuple) -> object:
    for part in path:
        root = root[part]  # type: ignore[index]
    return root


def _in_text(root: object, path: tuple) -> bool:
    """Whether `path` is a language of a mapping of texts (every value a string)."""
    parent = _value_at(root, path[:-1])
    return isinstance(parent, dict) and all(isinstance(value, str) for value in parent.values())


def _ending(text: object) -> str:
    words = str(text)
    return f"'…{words[-40:]}'" if len(words) > 40 else f"'{words}'"
