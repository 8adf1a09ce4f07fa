"""Generate the "framework among its neighbours" pages from the crosswalk and PPSR-Core data.

mkdocs-gen-files runs this script during the build; ``pages()`` returns the same pages (path ->
text) so that tests can check them without a build. Each crosswalk page has its table, a picture
(an inline SVG drawn here: no script, no network) and a runnable example; the PPSR-Core import
page shows the mapping table the converter runs on.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape

from copenhagen.framework import Actor, Principle, Stage
from copenhagen.framework.crosswalks import CROSSWALKS, Crosswalk, CrosswalkLink, Strength
from copenhagen.ppsr import (
    FIELDS,
    MAX_DEPTH,
    PARTY_ROLES,
    PPSR_CORE_SOURCE,
    PROCESS_TERMS,
    PartyRole,
)

_REGISTER = "../interpretation-register.md"
_FONT = "DejaVu Sans, Verdana, Arial, sans-serif"
# How each strength is drawn: colour, dash pattern (None: solid), width, and a legend label.
_STYLE: dict[Strength, tuple[str, str | None, float, str]] = {
    Strength.EQUIVALENT: ("#1a1a1a", None, 3.5, "equivalent (thick line)"),
    Strength.OVERLAPS: ("#2166ac", None, 2.0, "overlaps (solid line)"),
    Strength.RELATED: ("#b35806", "6 4", 1.5, "related (dashed line)"),
}


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def _code(source: str) -> str:
    return "```python\n" + source.strip() + "\n```\n"


def _why(link: CrosswalkLink) -> str:
    cites = "; ".join(filter(None, [", ".join(link.citations), _register(link)]))
    return f"{link.reason} ({cites})"


def _register(link: CrosswalkLink) -> str:
    return f"[{link.register}]({_REGISTER}#{link.register.lower()})" if link.register else ""


def _members(walk: Crosswalk) -> list[Principle | Stage]:
    return list(Stage) if walk.name == "gsbpm" else list(Principle)


def _member_label(member: Principle | Stage) -> str:
    return f"{member.number}. {member.title}"


def svg(walk: Crosswalk) -> str:
    """The crosswalk as a two-column picture: framework members left, outside items right."""
    members = _members(walk)
    row = 22.0 if len(walk.items) > 20 else 30.0
    top = 70.0
    height = top + row * max(len(members), len(walk.items)) + 20
    left_x, right_x, width = 330.0, 590.0, 1080
    left_step = (height - top - 20) / len(members)
    left = {m: top + left_step * (i + 0.5) for i, m in enumerate(members)}
    right = {item.key: top + row * (i + 0.5) for i, item in enumerate(walk.items)}
    title = escape(walk.title)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {width} {height:.0f}" '
        f'width="{width}" height="{height:.0f}" style="max-width: 100%; height: auto" '
        f'font-family="{_FONT}" font-size="12" aria-labelledby="t-{walk.name}">',
        f'<title id="t-{walk.name}">{title}</title>',
        f"<desc>Each line joins a framework member (left) to an item of "
        f"{escape(walk.standard.title)} (right); its style gives the strength.</desc>",
        '<rect width="100%" height="100%" fill="#ffffff"/>',
    ]
    for i, strength in enumerate(Strength):
        colour, dash, stroke, label = _STYLE[strength]
        x = 20 + i * 250
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        parts.append(
            f'<line x1="{x}" y1="24" x2="{x + 40}" y2="24" stroke="{colour}" '
            f'stroke-width="{stroke}"{dashes}/>'
            f'<text x="{x + 48}" y="28">{escape(label)}</text>'
        )
    for link in walk.links:
        colour, dash, stroke, _ = _STYLE[link.strength]
        dashes = f' stroke-dasharray="{dash}"' if dash else ""
        y1, y2 = left[link.member], right[link.item.key]
        parts.append(
            f'<line x1="{left_x + 6}" y1="{y1:.1f}" x2="{right_x - 6}" y2="{y2:.1f}" '
            f'stroke="{colour}" stroke-width="{stroke}"{dashes} stroke-opacity="0.85">'
            f"<title>{escape(link.from_key)} - {escape(link.item.key)}: "
            f"{link.strength.value}</title></line>"
        )
    for member, y in left.items():
        parts.append(
            f'<circle cx="{left_x}" cy="{y:.1f}" r="5" fill="#4d4d4d"/>'
            f'<text x="{left_x - 12}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(_member_label(member))}</text>"
        )
    for item in walk.items:
        y = right[item.key]
        parts.append(
            f'<circle cx="{right_x}" cy="{y:.1f}" r="5" fill="#4d4d4d"/>'
            f'<text x="{right_x + 12}" y="{y + 4:.1f}">'
            f"{escape(item.key)} {escape(item.title)}</text>"
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _address(address: str) -> str:
    """A URL as a link; an address without a scheme as code (it is not checked to resolve)."""
    return f"<{address}>" if address.startswith(("http://", "https://")) else f"`{address}`"


def _figure(walk: Crosswalk) -> str:
    # A raw HTML block with no blank line inside, so Markdown leaves the drawing alone.
    caption = (
        f"Framework members (left) and the items of {escape(walk.standard.title)} (right); "
        "hover over a line to read its link."
    )
    return f"<figure>\n{svg(walk).strip()}\n<figcaption>{caption}</figcaption>\n</figure>\n"


def _crosswalk_page(walk: Crosswalk) -> str:
    standard = walk.standard
    links = _table(
        ["From", "To", "Strength", "Why (cites; register)"],
        [
            (
                f"`{link.from_key}`",
                f"{link.item.key} {link.item.title}",
                link.strength.value,
                _why(link),
            )
            for link in walk.links
        ],
    )
    items = _table(
        ["Key", "Title", "What it asks (our words)", "Where"],
        [(f"`{i.key}`", i.title, i.summary, i.section) for i in walk.items],
    )
    unlinked = walk.unlinked_items()
    bare = [m for m in _members(walk) if not walk.links_from(m)]
    gaps = "".join(
        [
            (
                "No link reaches these items: "
                + "; ".join(f"{i.key} {i.title}" for i in unlinked)
                + ".\n\n"
            )
            if unlinked
            else "Every item is reached by at least one link.\n\n",
            (
                "These framework members have no counterpart: "
                + "; ".join(_member_label(m) for m in bare)
                + ".\n"
            )
            if bare
            else "Every framework member has at least one link.\n",
        ]
    )
    member = "Stage.COLLECTION" if walk.name == "gsbpm" else "Principle.CONFIDENTIALITY"
    example = _code(
        f"""
from copenhagen.framework import Principle, Stage
from copenhagen.framework.crosswalks import crosswalk

walk = crosswalk("{walk.name}")
print(len(walk.items), len(walk.links))
for link in walk.links_from({member}):
    print(link.to_dict()["to"], link.strength.value, link.reason)
"""
    )
    return f"""# {walk.title}

{walk.summary}

**The other standard.** {standard.document}. Published at {_address(standard.address)}. The
framework refers to it in {", ".join(standard.citations)}.

The items' names are the standard's own; what each asks is summarised in our words. A link's
strength is `equivalent`, `overlaps` or `related`
([register XW-1]({_REGISTER}#xw-1)); its reason is ours, and it cites the framework's anchors it
rests on.

## Picture

{_figure(walk)}
## Links

{links}
## Gaps

{gaps}
## Items of the standard

{items}
## On the command line

```
copenhagen framework --crosswalk {walk.name}
copenhagen framework --crosswalk {walk.name} --format json
```

The JSON form is a list of `{{"from", "to", "strength", "reason", "source"}}` (contract section 8).

## From Python

{example}"""


def _index() -> str:
    rows = [
        (
            f"[`{w.name}`]({w.name}.md)",
            w.standard.title,
            len(w.items),
            len(w.links),
            len(w.unlinked_items()),
            ", ".join(w.standard.citations),
        )
        for w in CROSSWALKS
    ]
    table = _table(
        ["Crosswalk", "Standard", "Items", "Links", "Items unlinked", "Framework cites"], rows
    )
    sources = _table(
        ["Crosswalk", "Published document", "Where"],
        [(f"`{w.name}`", w.standard.document, _address(w.standard.address)) for w in CROSSWALKS],
    )
    strengths = _table(
        ["Strength", "Meaning", "In the SKOS export"],
        [
            ("equivalent", "both ask for the same thing", "`skos:exactMatch`"),
            (
                "overlaps",
                "a shared core, each asking something the other does not",
                "`skos:closeMatch`",
            ),
            ("related", "a common aim, or one a means to the other", "`skos:relatedMatch`"),
        ],
    )
    return f"""# The framework among its neighbours

The framework is used beside other standards: NSOs work under the Fundamental Principles of
Official Statistics, human rights bodies under the human rights-based approach to data,
Indigenous data stewards under the CARE Principles, statistical production under GSBPM; project
registries describe projects in PPSR-Core. The library holds the links to those standards as
cited data beside the catalogue (`copenhagen.framework.crosswalks`), exports the catalogue as
linked data ([SKOS in JSON-LD](linked-data.md)) and reads PPSR-Core registries
([PPSR-Core import](ppsr-core.md)).

Every item of an outside standard was read in its published text (sources below), named as the
standard names it and summarised in our own words. The crosswalks are the library's reading, not
part of the framework: the judgement calls are in the interpretation register (XW-1 to XW-10).

## Crosswalks

{table}
## Strengths

{strengths}
## Sources

{sources}
## Every link of one principle

`crosswalk_links(member)` gives every link that starts from a principle (across `fpos`, `hrbad`
and `care`) or a stage (`gsbpm`).

{
        _code('''
from copenhagen.framework import Principle
from copenhagen.framework.crosswalks import crosswalk_links

for link in crosswalk_links(Principle.TRANSPARENCY):
    print(link.crosswalk, link.item.key, link.strength.value, link.citations)
''')
    }"""


def _reg(entry: str) -> str:
    return f"[{entry}]({_REGISTER}#{entry.lower()})"


def _ppsr_page() -> str:
    fields = _table(
        ["PPSR-Core field", "Document key (kind)", "How"],
        [
            (
                f"{m.entity}: `{m.field}`",
                f"`{m.key}` ({m.kind.value})" if m.key else f"- ({m.kind.value})",
                m.how,
            )
            for m in FIELDS
        ],
    )
    terms = _table(
        ["Term", "Stage", "GSBPM v5.1", "Why"],
        [
            (
                t.term,
                f"`{t.stage.value}`" if t.stage else "none (listed as unused)",
                t.gsbpm or "-",
                t.why,
            )
            for t in PROCESS_TERMS
        ],
    )
    roles = _table(
        ["Role", "Fills"],
        [
            (r.value, f"`{PARTY_ROLES[r]}`" if r in PARTY_ROLES else "nothing (listed as unused)")
            for r in PartyRole
        ],
    )
    actors = ", ".join(f"`{a.value}`" for a in Actor)
    return f"""# PPSR-Core import

Registries of citizen science projects describe them in
[PPSR-Core](https://github.com/citizen-science-association/ppsr-core), the Citizen Science
Association's project metadata standard. `copenhagen convert --from ppsr-core` turns such a
registry into initiative documents through the table below, and `copenhagen batch
--input-format ppsr-core` assesses it directly (contract section 8). The field definitions come
from {PPSR_CORE_SOURCE}.

What a record does not say stays unknown and is listed; nothing is guessed. Above all, a
record names its responsible and associated parties without saying what kind of organisation
each is, and the framework's decisions turn on exactly that (para 15): the user gives each
party's actor in a table of their own ([PPSR-4]({_REGISTER}#ppsr-4)).

## On the command line

```
copenhagen convert --from ppsr-core projects.json --parties parties.csv > initiatives.jsonl
copenhagen batch --input-format ppsr-core projects.json --parties parties.csv -o results.jsonl
```

The registry is a JSON list of projects, or an object whose `Project` key holds that list (the
shape of PPSR-Core's own JSON Schema); `-` reads standard input. `convert` writes one JSON line
per project, in order:

```json
{{"position": 1, "document": {{"name": "Harbour plastic count", "initiated_by": ["cso"]}},
 "unknown": ["partners", "..."], "unused": ["projectAim", "..."]}}
```

(one line in the output; wrapped here).

- `document`: only what the record states, keys in the order of the [schema](../schema.md);
- `unknown`: the document keys the record does not decide;
- `unused`: the record's fields, or single items of them (`scientificProcessInvolved[3]`,
  `projectAssociatedParty[2].projectAssociatedPartyName`), that were not mapped.

Standard error ends with a count, and names the parties the records mention that the table
lacks, most often named first: the rows to add. The exit status is 0 when every project was
read, 1 when some could not be, 2 for a usage error (a parties table that cannot be used is
one).

`batch` assesses each converted document. A record that still lacks `initiated_by`, or names a
partner or funder the table lacks, is a bad record whose errors name the row to add.

## The parties table

A CSV file with the header `name,actor` and one party per row:

```
name,actor
Shore Keepers Association,cso
National Bureau of Statistics,nso
Riverside University,academia
```

A name is matched exactly, character for character (spaces and case included). An actor is one
of {actors}. Every problem is reported at once with its line: a wrong header, a row without
two cells, an empty name, an unknown actor (with the allowed values), a name given two actors.

## The mapping

{fields}
### Scientific processes and stages

`scientificProcessInvolved` lists the parts of the scientific process participants take part in.
Each term names a stage of the value chain, or none ([PPSR-2]({_REGISTER}#ppsr-2)):

{terms}
### Associated parties

Each associated party fills a key by its role ([PPSR-3]({_REGISTER}#ppsr-3)):

{roles}
Where the record lists associated parties, `partners` and `funders` are what those parties
make them (an empty list where none has the role); a party whose name is not in the table leaves
its key unknown. A `projectUsFederalSponsor` makes the state a funder.

## Hostile records

Records come from exports nobody here controls. A project is not read, and its line is
`{{"position": N, "errors": [[path, message], ...]}}`, when it is not a JSON object, when a
mapped field has the wrong type (`projectName` must be text, `projectId` text or a whole
number), or when anything in it is an integer too long to read, `NaN` or `Infinity`, a key
given twice, text with a lone surrogate, or nesting more than {MAX_DEPTH} levels below the
project. The other projects are still read ([PPSR-6]({_REGISTER}#ppsr-6)). Nothing a record names
is ever opened: not a media file, not a URL. A registry that is not UTF-8, not JSON or not a
list of projects is not read at all, and says why.

## From Python

```python
import io

from copenhagen.ppsr import Parties, read_registry

registry = io.StringIO('''[
  {{"projectName": "Kelp watch", "projectResponsiblePartyName": "Reef Friends",
   "scientificProcessInvolved": ["Observation", "Annotation", "Learning"],
   "projectAssociatedParty": {{"projectAssociatedPartyName": "Statistics Office",
                              "projectAssociatedPartyRole": "Partner"}}}},
  {{"projectName": 7}}
]''')
parties = Parties.from_mapping({{"Reef Friends": "cso", "Statistics Office": "nso"}})
for conversion in read_registry(registry, parties):
    print(conversion.to_dict())
```
"""


def pages() -> dict[str, str]:
    """Every generated page of the section: path under ``docs/`` -> markdown."""
    out = {"neighbours/index.md": _index()}
    for walk in CROSSWALKS:
        out[f"neighbours/{walk.name}.md"] = _crosswalk_page(walk)
    out["neighbours/ppsr-core.md"] = _ppsr_page()
    return out


def main() -> None:
    """Write the pages into the docs build (called by mkdocs-gen-files)."""
    import mkdocs_gen_files

    for path, text in pages().items():
        with mkdocs_gen_files.open(path, "w") as f:
            f.write(text)


if __name__ == "<run_path>":  # how mkdocs-gen-files runs its scripts
    main()
