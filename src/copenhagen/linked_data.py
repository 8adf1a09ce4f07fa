"""The catalogue as linked data: one SKOS concept scheme in JSON-LD (contract section 8).

Every stage, objective, modality, principle, NSO category, NSO role and key term is a
``skos:Concept`` of one ``skos:ConceptScheme``, with a stable URI under a base that the caller
chooses (`DEFAULT_BASE_URI` otherwise): ``{base}{part}/{key}``, e.g.
``{base}principles/informed_consent``. Each concept has its English ``skos:prefLabel``, its
``skos:notation`` (the member's value as a string), a ``skos:definition`` in the library's own
words and its citation of the framework (``dct:bibliographicCitation``). Each part of the
catalogue is also a ``skos:Collection`` of its concepts.

The crosswalks' outside items are concepts of schemes of their own under ``{base}outside/``
(``{base}outside/fpos/6``), each citing where its text is published; the crosswalk links become
``skos:exactMatch``, ``skos:closeMatch`` or ``skos:relatedMatch`` by strength (register XW-1).
The document carries its own ``@context``, so reading it needs no network.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from copenhagen.framework import (
    FRAMEWORK,
    CatalogueMember,
    KeyTerm,
    Modality,
    NSOCategory,
    NSORole,
    Objective,
    Principle,
    Stage,
    catalogue_part,
)
from copenhagen.framework.crosswalks import CROSSWALKS, OutsideItem, Strength

__all__ = [
    "CONCEPT_PARTS",
    "CONTEXT",
    "DEFAULT_BASE_URI",
    "check_base_uri",
    "concept_scheme",
    "concept_scheme_json",
    "concept_uri",
    "outside_uri",
]

#: The base URI concepts are minted under unless another is given (register LD-1).
DEFAULT_BASE_URI = "https://copenhagen-citizen-data.github.io/copenhagen/id/v1.0/"

#: The JSON-LD context every export carries (prefixes only: every value is written explicitly).
CONTEXT: dict[str, str] = {
    "dct": "http://purl.org/dc/terms/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}

#: The catalogue parts exported as concepts: part name (the URI's path segment) -> its enum.
CONCEPT_PARTS: tuple[tuple[str, type[CatalogueMember]], ...] = (
    ("stages", Stage),
    ("objectives", Objective),
    ("modalities", Modality),
    ("principles", Principle),
    ("nso_categories", NSOCategory),
    ("nso_roles", NSORole),
    ("key_terms", KeyTerm),
)

# An absolute IRI (a scheme, then no spaces or characters IRIs forbid) ending in "/" or "#".
_BASE = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*[/#]")


def check_base_uri(base_uri: str) -> str:
    """``base_uri`` if concepts can be minted under it, else a `ValueError` saying why.

    Args:
        base_uri: An absolute URI ending in ``/`` or ``#``, e.g. ``https://example.org/id/``.

    Raises:
        ValueError: If it is not absolute, holds a space or a character URIs forbid, or does
            not end in ``/`` or ``#``.
    """
    if not isinstance(base_uri, str) or _BASE.fullmatch(base_uri) is None:
        raise ValueError(
            f"not a usable base URI: {base_uri!r} (expected an absolute URI ending in '/' or "
            f"'#', such as {DEFAULT_BASE_URI!r})"
        )
    return base_uri


def concept_uri(member: CatalogueMember, base_uri: str = DEFAULT_BASE_URI) -> str:
    """The URI of a catalogue member's concept: ``{base}{part}/{key}``.

    Raises:
        ValueError: If the base URI is not usable, or the member's enum is not exported.
    """
    for part, enum in CONCEPT_PARTS:
        if isinstance(member, enum):
            return f"{check_base_uri(base_uri)}{part}/{member.key}"
    raise ValueError(f"{type(member).__name__} is not exported as concepts")


def outside_uri(item: OutsideItem, base_uri: str = DEFAULT_BASE_URI) -> str:
    """The URI of an outside standard's item: ``{base}outside/{standard}/{key}``."""
    return f"{check_base_uri(base_uri)}outside/{item.standard.key}/{item.key}"


def _en(text: str) -> dict[str, str]:
    return {"@language": "en", "@value": text}


def _ids(uris: Iterable[str]) -> list[dict[str, str]]:
    return [{"@id": uri} for uri in uris]


def _cite(citations: Iterable[str]) -> str:
    return f"{FRAMEWORK.title} (v{FRAMEWORK.version}), {', '.join(citations)}"


def concept_scheme(base_uri: str = DEFAULT_BASE_URI) -> dict[str, Any]:
    """The whole catalogue as one SKOS concept scheme, a JSON-LD document (contract section 8).

    Args:
        base_uri: Where the concepts' URIs are minted (an absolute URI ending in ``/`` or ``#``).

    Returns:
        A JSON-ready mapping with ``@context`` and ``@graph``; the same bytes for the same base
        every time (`concept_scheme_json`).

    Raises:
        ValueError: If ``base_uri`` is not usable (`check_base_uri`).

    Examples:
        >>> doc = concept_scheme("https://example.org/cf/")
        >>> design = next(n for n in doc["@graph"] if n["@id"].endswith("/stages/design"))
        >>> design["skos:notation"], design["skos:prefLabel"]["@value"]
        ('design', 'Design')
    """
    base = check_base_uri(base_uri)
    scheme = f"{base}scheme"
    matches: dict[str, dict[str, list[str]]] = {}
    for walk in CROSSWALKS:
        for link in walk.links:
            found = matches.setdefault(concept_uri(link.member, base), {})
            found.setdefault(link.strength.skos_property, []).append(outside_uri(link.item, base))
    graph: list[dict[str, Any]] = [
        {
            "@id": scheme,
            "@type": "skos:ConceptScheme",
            "dct:title": _en(FRAMEWORK.title),
            "dct:publisher": FRAMEWORK.publisher,
            "dct:hasVersion": FRAMEWORK.version,
        }
    ]
    concepts: list[dict[str, Any]] = []
    for part, enum in CONCEPT_PARTS:
        info = catalogue_part(part)
        members: list[CatalogueMember] = list(enum)  # type: ignore[call-overload]
        graph.append(
            {
                "@id": f"{base}{part}",
                "@type": "skos:Collection",
                "skos:prefLabel": _en(info.title),
                "dct:bibliographicCitation": _cite(info.citations),
                "skos:member": _ids(concept_uri(m, base) for m in members),
            }
        )
        for member in members:
            uri = concept_uri(member, base)
            node: dict[str, Any] = {
                "@id": uri,
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": scheme},
                "skos:topConceptOf": {"@id": scheme},
                "skos:prefLabel": _en(member.title),
                "skos:notation": str(member.value),  # type: ignore[attr-defined]
                "skos:definition": _en(member.summary),
                "dct:bibliographicCitation": _cite(member.citations),
            }
            for strength in Strength:
                targets = matches.get(uri, {}).get(strength.skos_property)
                if targets:
                    node[strength.skos_property] = _ids(targets)
            concepts.append(node)
    graph += concepts
    for walk in CROSSWALKS:
        standard = walk.standard
        outside = f"{base}outside/{standard.key}"
        node = {
            "@id": outside,
            "@type": "skos:ConceptScheme",
            "dct:title": _en(standard.title),
            "dct:bibliographicCitation": standard.document,
        }
        if standard.address.startswith(("http://", "https://")):
            node["rdfs:seeAlso"] = {"@id": standard.address}
        graph.append(node)
        graph += [
            {
                "@id": outside_uri(item, base),
                "@type": "skos:Concept",
                "skos:inScheme": {"@id": outside},
                "skos:prefLabel": _en(item.title),
                "skos:notation": item.key,
                "skos:definition": _en(item.summary),
                "dct:bibliographicCitation": item.source,
            }
            for item in walk.items
        ]
    return {"@context": dict(CONTEXT), "@graph": graph}


def concept_scheme_json(base_uri: str = DEFAULT_BASE_URI) -> str:
    """`concept_scheme` as JSON text (two-space indent, UTF-8 as is, a final newline)."""
    return json.dumps(concept_scheme(base_uri), indent=2, ensure_ascii=False) + "\n"
