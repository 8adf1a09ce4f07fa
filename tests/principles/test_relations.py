from __future__ import annotations

from pathlib import Path

from copenhagen import Principle
from copenhagen.framework.citations import is_anchor, parse_citation
from copenhagen.principles import RELATIONS, RelationKind
from copenhagen.principles.relations import DEPENDENTS_CLOSURE, REQUIRES, REQUIRES_CLOSURE
from tests.principles.textcheck import copied_runs

ROOT = Path(__file__).resolve().parents[2]
REGISTER = ROOT / "docs" / "register" / "principles.md"

P = Principle


def _edge(u: Principle, v: Principle):  # type: ignore[no-untyped-def]
    found = [r for r in RELATIONS if r.source is u and r.target is v]
    assert len(found) == 1, f"{u.value} -> {v.value}"
    return found[0]


def test_an_ordered_pair_holds_one_edge() -> None:
    pairs = [(r.source, r.target) for r in RELATIONS]
    assert len(pairs) == len(set(pairs))
    assert all(r.source is not r.target for r in RELATIONS)


def test_ethical_use_requires_each_other_principle_para_28() -> None:
    for p in Principle:
        if p is P.ETHICAL_AND_SAFE_USE:
            continue
        edge = _edge(P.ETHICAL_AND_SAFE_USE, p)
        assert edge.kind is RelationKind.REQUIRES
        assert edge.citation == "para 28"
        assert edge.stated


def test_confidentiality_requires_data_security_para_30() -> None:
    edge = _edge(P.CONFIDENTIALITY, P.DATA_SECURITY)
    assert (edge.kind, edge.citation, edge.stated) == (RelationKind.REQUIRES, "para 30", True)
    # The pair's second relation (the close link) is named in the reason ...
    assert "linked" in edge.reason
    # ... and the link has its own edge the other way.
    assert _edge(P.DATA_SECURITY, P.CONFIDENTIALITY).kind is RelationKind.LINKED_WITH


def test_stated_relations_of_the_issue() -> None:
    expected = [
        (P.INDEPENDENCE, P.RELEVANCE, RelationKind.JOINTLY_SERVES, "para 20"),
        (P.INFORMED_CONSENT, P.TRANSPARENCY, RelationKind.JOINTLY_SERVES, "para 27"),
        (P.OPENNESS, P.CONFIDENTIALITY, RelationKind.BALANCED_AGAINST, "paras 17, 31"),
    ]
    for u, v, kind, citation in expected:
        for a, b in ((u, v), (v, u)):  # no direction: one edge each way
            edge = _edge(a, b)
            assert (edge.kind, edge.citation, edge.stated) == (kind, citation, True)
    collective = _edge(P.SELF_IDENTIFICATION, P.DATA_SOVEREIGNTY)
    assert collective.kind is RelationKind.JOINTLY_SERVES
    assert collective.citation == "paras 25-26"
    assert _edge(P.DATA_SOVEREIGNTY, P.SELF_IDENTIFICATION).kind is RelationKind.JOINTLY_SERVES


def test_symmetric_kinds_come_in_pairs() -> None:
    index = {(r.source, r.target): r for r in RELATIONS}
    for r in RELATIONS:
        if r.kind.symmetric:
            back = index[(r.target, r.source)]
            assert (back.kind, back.citation, back.stated) == (r.kind, r.citation, r.stated)


def test_attributes_are_complete_and_cited() -> None:
    for r in RELATIONS:
        attributes = r.attributes()
        assert set(attributes) == {"kind", "citation", "reason", "stated"}
        assert isinstance(attributes["kind"], str)
        assert type(attributes["kind"]) is str
        assert isinstance(attributes["stated"], bool)
        assert is_anchor(r.citation), r.citation
        assert r.reason.strip()
        assert "\n" not in r.reason


def test_requires_part_is_acyclic_and_closed_from_10() -> None:
    # Kahn's algorithm over the requires edges alone.
    remaining = {p: set(REQUIRES[p]) for p in Principle}
    order = []
    while remaining:
        free = [p for p, needs in remaining.items() if not needs]
        assert free, "the requires edges form a cycle"
        for p in free:
            order.append(p)
            del remaining[p]
        for needs in remaining.values():
            needs.difference_update(free)
    assert set(REQUIRES_CLOSURE[P.ETHICAL_AND_SAFE_USE]) == set(Principle) - {
        P.ETHICAL_AND_SAFE_USE
    }
    for p in Principle:
        assert p not in REQUIRES_CLOSURE[p]


def test_closures_agree_with_each_other() -> None:
    for p in Principle:
        for q in REQUIRES_CLOSURE[p]:
            assert p in DEPENDENTS_CLOSURE[q]
        assert list(REQUIRES_CLOSURE[p]) == sorted(REQUIRES_CLOSURE[p])


def test_every_interpretation_is_in_the_register() -> None:
    text = REGISTER.read_text(encoding="utf-8")
    for r in RELATIONS:
        if not r.stated:
            assert f"`{r.id}`" in text, f"{r.id} ({r.kind}) missing from {REGISTER.name}"


def test_reasons_are_not_copied_from_the_text(framework_text: str) -> None:
    for r in RELATIONS:
        assert not copied_runs(r.reason, framework_text), r.id
    for kind in RelationKind:
        assert not copied_runs(kind.description, framework_text)


def test_transparency_supporting_ethics_is_a_reading_para_27() -> None:
    # Para 27 speaks of "ethical principles" in general and never names principle 10 (PRIN-1).
    edge = _edge(P.TRANSPARENCY, P.ETHICAL_AND_SAFE_USE)
    assert edge.kind is RelationKind.SUPPORTS
    assert edge.citation == "para 27"
    assert not edge.stated


def test_openness_against_confidentiality_cites_principle_13s_statement_too() -> None:
    # Principle 13's own statement (para 17) keeps confidentiality; para 31 weighs the two.
    for a, b in ((P.OPENNESS, P.CONFIDENTIALITY), (P.CONFIDENTIALITY, P.OPENNESS)):
        assert parse_citation(_edge(a, b).citation).paragraphs == (17, 31)


# The four principles para 28 names among those that ethical and safe use takes in.
NAMED_IN_PARA_28 = {
    P.INFORMED_CONSENT,
    P.CONFIDENTIALITY,
    P.DATA_SECURITY,
    P.PARTICIPATION_AND_INCLUSION,
}


def test_para_28_reasons_gloss_only_what_the_paragraph_names() -> None:
    for p in Principle:
        if p is P.ETHICAL_AND_SAFE_USE:
            continue
        reason = _edge(P.ETHICAL_AND_SAFE_USE, p).reason
        if p in NAMED_IN_PARA_28:
            assert "para 28 names" in reason, p
        else:
            # No account of why ethical use needs it: the text gives none.
            assert reason == (
                "Ethical and safe use takes in all the other principles; para 28 does not name "
                f"{p.title.lower()} on its own."
            ), p


def test_linked_with_does_not_deny_a_need_that_the_pair_states() -> None:
    # 6 -> 12 is linked_with while 12 -> 6 is requires: the kind must not say neither needs
    # the other.
    assert _edge(P.CONFIDENTIALITY, P.DATA_SECURITY).kind is RelationKind.REQUIRES
    words = RelationKind.LINKED_WITH.description
    assert "neither" not in words
    assert "nothing of need" in words


def test_register_lists_the_transparency_edge_as_a_reading() -> None:
    text = REGISTER.read_text(encoding="utf-8")
    prin_1 = text.split("## PRIN-2")[0]
    assert "| `9 -> 10` | supports | para 27 |" in prin_1
