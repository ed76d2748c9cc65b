"""The data files' schemas with their `$ref`s replaced by what they name (validation.py checks
the data against them: looking the references up at every value was a third of the check)."""

from __future__ import annotations

from typing import Any

# Keywords that only describe: a `$ref` beside them alone is replaced by what it names.
_ANNOTATIONS = frozenset({"description", "title", "$comment"})


def inlined(schemas: dict[str, dict]) -> dict[str, dict]:
    """The schemas with each `$ref` replaced by the schema it names, so that the check does
    not look them up at every value (a third of its time). The same check, the same errors:
    a `$ref` beside other keywords than descriptions becomes `allOf` of what it names; one
    that names itself, or nothing, stays as it is."""

    def expand(node: Any, here: str, within: tuple[str, ...]) -> Any:
        if isinstance(node, list):
            return [expand(item, here, within) for item in node]
        if not isinstance(node, dict):
            return node
        rest = {key: expand(value, here, within) for key, value in node.items() if key != "$ref"}
        ref = node.get("$ref")
        if not isinstance(ref, str):
            return {**rest, "$ref": ref} if "$ref" in node else rest
        name, _, pointer = ref.partition("#")
        name = name or here
        target: Any = schemas.get(name)
        for part in pointer.strip("/").split("/") if pointer.strip("/") else ():
            target = target.get(part) if isinstance(target, dict) else None
        if not isinstance(target, dict) or f"{name}#{pointer}" in within:
            return {**rest, "$ref": ref}
        named = expand(target, name, (*within, f"{name}#{pointer}"))
        if set(rest) <= _ANNOTATIONS and not set(rest) & set(named):
            return {**named, **rest}
        return {**rest, "allOf": [*rest.get("allOf", []), named]}

    return {name: expand(schema, name, ()) for name, schema in schemas.items()}
