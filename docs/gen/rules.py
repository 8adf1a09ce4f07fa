"""Generate the Rules page of the docs from the rule sets themselves, so they never drift.

mkdocs-gen-files runs this script during the build; ``pages()`` returns the page as a mapping
(path -> markdown) so that tests can check it without a build.
"""

from __future__ import annotations

from copenhagen.rules import RULE_SETS, RuleSet


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _rule_set(rule_set: RuleSet) -> list[str]:
    lines = [
        f"## {rule_set.subject[:1].upper() + rule_set.subject[1:]} (`{rule_set.id}`)",
        "",
        f"Cited from {', '.join(rule_set.citations)}. Reads: "
        + ", ".join(f"`{key}`" for key in rule_set.facts)
        + ".",
        "",
        f"Digest: `{rule_set.digest}`",
        "",
        "| Rule | Statement | Citations |",
        "|---|---|---|",
    ]
    for rule in rule_set:
        lines.append(
            f"| **{rule.id}** | {_cell(rule.statement)} | " + ", ".join(rule.citations) + " |"
        )
    # The formulas are long code: a list, where they wrap within the page, not table columns,
    # which pushed the table past the page's width at 1280 pixels.
    lines += ["", "As formulas, in order:", ""]
    for rule in rule_set:
        reads = ", ".join(f"`{key}`" for key in rule.facts)
        lines.append(
            f"- **{rule.id}** (reads {reads}): when `{rule.condition_formula()}`, "
            f"then `{rule.conclusion()}`"
        )
    warned = [(rule, w) for rule in rule_set for w in rule.warnings]
    if warned:
        lines.append("")
        for rule, warning in warned:
            lines.append(f"Warning of {rule.id}: {warning.text}")
    lines.append("")
    return lines


def rules_page() -> str:
    """The Rules page as markdown."""
    lines = [
        "# Rules",
        "",
        "Every decision the library takes is a rule set of cited rules, tried in order; the first",
        "rule whose condition is known to hold concludes (see",
        "[Classifying an initiative](guides/classifying.md)). This page is generated from the",
        "rule sets themselves. Conditions use three-valued logic: a fact that is unknown makes a",
        "condition unknown unless the other facts settle it. `any(k in [...])` means the list `k`",
        "names at least one of those values, `all(k in [...])` that it names only those values",
        "(an empty list included). The digest is a SHA-256 of each rule set's content; every",
        "stored assessment records it, so a result can be traced to the rules that produced it.",
        "",
        "Interpretations behind these rules are recorded in the",
        "[interpretation register](interpretation-register.md) (entries `RULE-*`).",
        "",
    ]
    for rule_set in RULE_SETS:
        lines.extend(_rule_set(rule_set))
    return "\n".join(lines)


def pages() -> dict[str, str]:
    """Every page this script generates: path under ``docs/`` -> markdown."""
    return {"rules.md": rules_page()}


def main() -> None:
    """Write the page into the docs build (called by mkdocs-gen-files)."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as f:
            f.write(text)


if __name__ == "<run_path>":  # how mkdocs-gen-files runs its scripts
    main()
