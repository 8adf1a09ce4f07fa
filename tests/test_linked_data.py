"""The SKOS export (contract section 8), loaded as RDF with rdflib, checked concept by concept."""

from __future__ import annotations

import json

import pytest
import rdflib
from rdflib.namespace import DCTERMS, RDF, SKOS

from copenhagen.framework import (
    KeyTerm,
    Modality,
    NSOCategory,
    NSORole,
    Objective,
    Principle,
    Stage,
)
from copenhagen.framework.crosswalks import CROSSWALKS
from copenhagen.linked_data import (
    DEFAULT_BASE_URI,
    check_base_uri,
    concept_scheme,
    concept_scheme_json,
    concept_uri,
    outside_uri,
)

BASE = "https://data.example.org/cf/"
PINNED = (Stage, Objective, Modality, Principle, NSOCategory)  # contract section 8
EVERY = (*PINNED, NSORole, KeyTerm)


def graph(base: str = DEFAULT_BASE_URI) -> rdflib.Graph:
    return rdflib.Graph().parse(data=concept_scheme_json(base), format="json-ld")


@pytest.fixture(scope="module")
def g() -> rdflib.Graph:
    return graph(BASE)


def test_one_concept_scheme_holds_every_catalogue_concept(g: rdflib.Graph) -> None:
    scheme = rdflib.URIRef(BASE + "scheme")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g
    in_scheme = set(g.subjects(SKOS.inScheme, scheme))
    assert in_scheme <= set(g.subjects(RDF.type, SKOS.Concept))
    assert len(in_scheme) == sum(len(enum) for enum in EVERY) == 42


@pytest.mark.parametrize("enum", EVERY, ids=lambda e: e.__name__)
def test_each_member_has_uri_label_notation_definition_citation(
    g: rdflib.Graph, enum: type
) -> None:
    scheme = rdflib.URIRef(BASE + "scheme")
    for member in enum:
        uri = rdflib.URIRef(concept_uri(member, BASE))
        assert (uri, RDF.type, SKOS.Concept) in g
        assert (uri, SKOS.inScheme, scheme) in g
        assert (uri, SKOS.prefLabel, rdflib.Literal(member.title, lang="en")) in g
        assert (uri, SKOS.notation, rdflib.Literal(str(member.value))) in g
        assert (uri, SKOS.definition, rdflib.Literal(member.summary, lang="en")) in g
        citation = str(g.value(uri, DCTERMS.bibliographicCitation))
        assert all(anchor in citation for anchor in member.citations)


def test_uris_are_stable_and_readable() -> None:
    assert concept_uri(Principle.INFORMED_CONSENT, BASE) == BASE + "principles/informed_consent"
    assert concept_uri(Modality.CIVIC_ACTION, BASE) == BASE + "modalities/civic_action"
    assert concept_uri(Stage.DESIGN) == DEFAULT_BASE_URI + "stages/design"


def test_every_crosswalk_link_is_a_skos_mapping_by_strength(g: rdflib.Graph) -> None:
    expected = {
        (
            rdflib.URIRef(concept_uri(link.member, BASE)),
            SKOS[link.strength.skos_property.removeprefix("skos:")],
            rdflib.URIRef(outside_uri(link.item, BASE)),
        )
        for walk in CROSSWALKS
        for link in walk.links
    }
    found = {
        triple
        for p in (SKOS.exactMatch, SKOS.closeMatch, SKOS.relatedMatch)
        for triple in g.triples((None, p, None))
    }
    assert found == expected
    assert len(found) == sum(len(w.links) for w in CROSSWALKS)


def test_outside_items_are_concepts_of_their_own_schemes(g: rdflib.Graph) -> None:
    for walk in CROSSWALKS:
        scheme = rdflib.URIRef(f"{BASE}outside/{walk.name}")
        assert (scheme, RDF.type, SKOS.ConceptScheme) in g
        members = set(g.subjects(SKOS.inScheme, scheme))
        assert members == {rdflib.URIRef(outside_uri(i, BASE)) for i in walk.items}
        for item in walk.items:
            uri = rdflib.URIRef(outside_uri(item, BASE))
            assert (uri, SKOS.notation, rdflib.Literal(item.key)) in g
            assert str(g.value(uri, DCTERMS.bibliographicCitation)) == item.source


def test_parts_are_collections_of_their_concepts(g: rdflib.Graph) -> None:
    stages = rdflib.URIRef(BASE + "stages")
    assert (stages, RDF.type, SKOS.Collection) in g
    assert set(g.objects(stages, SKOS.member)) == {
        rdflib.URIRef(concept_uri(s, BASE)) for s in Stage
    }


def test_the_default_base_loads_too() -> None:
    g = graph()
    assert len(set(g.subjects(SKOS.inScheme, rdflib.URIRef(DEFAULT_BASE_URI + "scheme")))) == 42


def test_a_hash_base_works() -> None:
    g = graph("urn:example:cf#")
    assert (rdflib.URIRef("urn:example:cf#stages/design"), RDF.type, SKOS.Concept) in g


def test_same_bytes_every_time() -> None:
    assert concept_scheme_json(BASE) == concept_scheme_json(BASE)
    assert json.loads(concept_scheme_json(BASE)) == concept_scheme(BASE)


def test_the_context_is_inline() -> None:
    # Nothing to fetch: the context is an object, not a URL.
    assert isinstance(concept_scheme()["@context"], dict)


@pytest.mark.parametrize(
    "bad",
    ["", "example.org/cf/", "https://example.org/cf", "https://example.org/c f/", "<x>:/", 5],
)
def test_unusable_bases_are_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="not a usable base URI"):
        check_base_uri(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a usable base URI"):
        concept_scheme(bad)  # type: ignore[arg-type]


def test_only_exported_parts_have_uris() -> None:
    from copenhagen.framework import Actor

    with pytest.raises(ValueError, match="Actor is not exported"):
        concept_uri(Actor.CSO)
