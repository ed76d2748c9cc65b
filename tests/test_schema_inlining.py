"""The schema check looks up no `$ref` at each value: validation.inlined replaces them by what
they name. The check finds the same mistakes, with the same messages, as with the `$ref`s."""

from __future__ import annotations

import copy
import json
import random
from collections.abc import Iterator

import pytest
from sites import LANGUAGES, ROOT

from cglu_site.data import validation
from cglu_site.data.site_data import load_schemas
from cglu_site.data.yaml_source import load_yaml

DATA = ROOT / "data"


def test_no_ref_is_left_in_the_sites_schemas() -> None:
    schemas = validation.inlined(load_schemas(DATA / "schemas", LANGUAGES))
    assert '"$ref"' not in json.dumps(schemas)


def test_a_ref_beside_other_keywords_or_to_itself_keeps_its_meaning() -> None:
    schemas = {
        "a.json": {
            "$defs": {
                "short": {"type": "string", "maxLength": 3},
                "tree": {"type": "object", "properties": {"child": {"$ref": "#/$defs/tree"}}},
            },
            "properties": {
                "described": {"$ref": "#/$defs/short", "description": "a code"},
                "narrowed": {"$ref": "#/$defs/short", "minLength": 2},
                "tree": {"$ref": "#/$defs/tree"},
                "nowhere": {"$ref": "b.json#/$defs/none"},
            },
        }
    }
    properties = validation.inlined(schemas)["a.json"]["properties"]
    assert properties["described"] == {"type": "string", "maxLength": 3, "description": "a code"}
    assert properties["narrowed"] == {"minLength": 2, "allOf": [{"type": "string", "maxLength": 3}]}
    assert properties["tree"]["properties"]["child"] == {"$ref": "#/$defs/tree"}  # itself: as it was
    assert properties["nowhere"] == {"$ref": "b.json#/$defs/none"}


def _paths(node: object, prefix: tuple = ()) -> Iterator[tuple]:
    yield prefix
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, value in items:
        yield from _paths(value, (*prefix, key))


@pytest.mark.parametrize("every_language", [True, False])
def test_the_same_mistakes_are_found_with_the_same_messages(monkeypatch, every_language: bool) -> None:
    schemas = load_schemas(DATA / "schemas", LANGUAGES, every_language)
    documents = {path.stem: load_yaml(path, f"data/{path.name}") for path in sorted(DATA.glob("*.yml"))}
    chance = random.Random(16)
    found = 0
    for _ in range(50):
        document = documents[chance.choice(sorted(documents))]
        original, broken = document.value, copy.deepcopy(document.value)
        path = chance.choice([path for path in _paths(broken) if path])
        parent = broken
        for key in path[:-1]:
            parent = parent[key]
        mistake = chance.choice(["remove", 42, "", ["x"], {"x": 1}, "extra"])
        if mistake == "remove":
            del parent[path[-1]]
        elif mistake == "extra" and isinstance(parent, dict):
            parent["no_such_field"] = "x"
        else:
            parent[path[-1]] = mistake
        document.value = broken
        inlined = validation.validate_documents(documents, schemas)
        with monkeypatch.context() as as_written:
            as_written.setattr(validation, "inlined", lambda schemas: schemas)
            with_refs = validation.validate_documents(documents, schemas)
        document.value = original
        assert [str(error) for error in inlined] == [str(error) for error in with_refs], path
        found += bool(inlined)
    assert found > 25  # most of the changes are mistakes the check names
