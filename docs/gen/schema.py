"""Generate the Initiative schema page from `initiative_schema()`, so it never drifts.

mkdocs-gen-files runs this script during the build; ``pages()`` returns the page as a mapping
(path -> markdown) so that tests can check it without a build.
"""

from __future__ import annotations

import json
from typing import Any

from copenhagen import initiative_schema


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _value(prop: dict[str, Any]) -> dict[str, Any]:
    """The property's own schema, without the ``null`` alternative of optional keys."""
    if "anyOf" in prop:
        return next(option for option in prop["anyOf"] if option.get("type") != "null")
    return prop


def _ref_name(schema: dict[str, Any]) -> str:
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def _kind(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return f"[{_ref_name(schema)}](#{_ref_name(schema)})"
    kind = schema.get("type")
    if kind == "array":
        least = " (at least one)" if schema.get("minItems") else ""
        return f"list of {_kind(schema['items'])}{least}"
    if kind == "object":
        names = schema.get("propertyNames", {})
        values = schema.get("additionalProperties")
        if "$ref" in names and isinstance(values, dict):
            return f"mapping: {_kind(names)} → {_kind(values)}"
        if "enum" in names and isinstance(values, dict):
            return f"mapping: principle name or number → {_kind(values)}"
        return "mapping (any keys and values)"
    if kind == "string" and schema.get("pattern"):
        return "string of two capital letters"
    if kind == "string" and schema.get("minLength"):
        return "non-empty string"
    return {"string": "string", "boolean": "true or false"}.get(str(kind), str(kind))


def _keys_table(schema: dict[str, Any]) -> list[str]:
    lines = ["| Key | Required | Value | Meaning |", "|---|---|---|---|"]
    for key, prop in schema["properties"].items():
        required = "yes" if key in schema["required"] else "no (null = absent)"
        lines.append(
            f"| `{key}` | {required} | {_kind(_value(prop))} | "
            f"**{_cell(prop['title'])}.** {_cell(prop['description'])} |"
        )
    return lines


def _values_tables(schema: dict[str, Any]) -> list[str]:
    lines: list[str] = []
    for name, definition in schema["$defs"].items():
        lines += [
            f"### {name}",
            "",
            f"{definition['title']}. Allowed values:",
            "",
            "| Value | Title | Meaning |",
            "|---|---|---|",
        ]
        for choice in definition["oneOf"]:
            title, meaning = _cell(choice["title"]), _cell(choice["description"])
            lines.append(f"| `{choice['const']}` | {title} | {meaning} |")
        lines.append("")
    principles = _value(schema["properties"]["principles"])
    lines += [
        "### principles",
        "",
        "Keys of `principles`: the lower-case name or the number (in JSON, as a string).",
        "",
        "| Name | Title | Meaning |",
        "|---|---|---|",
    ]
    for key, prop in principles["properties"].items():
        lines.append(f"| `{key}` | {_cell(prop['title'])} | {_cell(prop['description'])} |")
    return lines


def page() -> str:
    """The Markdown of the schema page."""
    schema = initiative_schema()
    lines = [
        "# Initiative schema",
        "",
        "The JSON Schema (draft 2020-12) of an initiative document, generated from the model by",
        "`copenhagen.initiative_schema()`. The [guide](guides/describing.md) explains each key",
        "with examples; the tables below are built from the schema itself.",
        "",
        "## Keys",
        "",
        *_keys_table(schema),
        "",
        "No other key is allowed. Lists are sets: order and repeats do not matter.",
        "",
        "## Allowed values",
        "",
        *_values_tables(schema),
        "",
        "## The schema",
        "",
        "```json",
        json.dumps(schema, indent=2, ensure_ascii=False),
        "```",
        "",
    ]
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """The generated pages, path -> markdown."""
    return {"schema.md": page()}


def main() -> None:
    """Write the pages through mkdocs-gen-files."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as out:
            out.write(text)


if __name__ == "<run_path>":  # how mkdocs-gen-files runs its scripts
    main()
