"""check: the invariants of a reading, each with its citation and smallest examples."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings

from copenhagen import Assessor, load_layer
from copenhagen.framework.citations import parse_citation
from copenhagen.readings import INVARIANTS, check
from copenhagen.readings.invariants import _missing
from copenhagen.readings.space import FactSpace
from copenhagen.rules import SCOPE_RULES

from ..layers.test_semantics import FEW
from ..layers.test_semantics import layers as any_layers

ROOT = Path(__file__).resolve().parents[2]
WORKED = ROOT / "examples" / "readings" / "private-sector-design.yaml"


def scope_rule(rule_id: str, when: dict[str, Any], then: str, before: str = "S2") -> dict[str, Any]:
    return {
        "id": rule_id,
        "before": before,
        "when": when,
        "then": then,
        "cite": "Box 2",
        "because": f"rule {rule_id} of a test reading",
    }


def reading(*rules: dict[str, Any]) -> Assessor:
    return Assessor([load_layer({"id": "test", "title": "Test", "scope": {"add": list(rules)}})])


def results(assessor: Assessor) -> dict[str, Any]:
    return {result.invariant.id: result for result in check(assessor).results}


def test_each_invariant_cites_where_it_comes_from() -> None:
    cited = {invariant.id: invariant.citation for invariant in INVARIANTS}
    assert cited == {
        "engagement": "Box 2, paras 10-11",
        "citizen_initiator": "Box 2, para 15",
        "missing": "contract section 1",
        "live_rules": "contract section 5",
    }
    for citation in ("Box 2", "paras 10-11", "para 15"):
        parse_citation(citation)


def test_the_shipped_rules_and_the_worked_reading_keep_every_invariant() -> None:
    base = check(Assessor())
    assert base.holds
    assert base.points > 0
    assert [r.invariant.id for r in base.results] == [i.id for i in INVARIANTS]
    assert check(Assessor([load_layer(WORKED)])).holds


def test_more_engagement_taking_an_initiative_out_of_scope_is_found() -> None:
    late = scope_rule(
        "X1",
        {
            "all": [
                {"only": {"initiated_by": ["academia"]}},
                {"has": {"engaged_stages": ["review"]}},
            ]
        },
        "out_of_scope",
    )
    found = results(reading(late))["engagement"]
    assert not found.holds
    (violation,) = found.violations
    assert violation.decision == "scope"
    assert "with review added to engaged_stages" in violation.message
    assert violation.example == {
        "name": "Example",
        "initiated_by": ["academia"],
        "engaged_stages": ["design"],
    }
    assert violation.changed == {**violation.example, "engaged_stages": ["design", "review"]}


def test_meaningful_engagement_taking_an_initiative_out_of_scope_is_found() -> None:
    # In scope only while the engagement is not meaningful: making it meaningful leaves S2,
    # which puts an initiative engaged in no stage out of scope.
    odd = scope_rule(
        "X1",
        {"all": [{"has": {"initiated_by": ["nso"]}}, {"is": {"meaningful_engagement": False}}]},
        "in_scope",
    )
    found = results(reading(odd))["engagement"]
    (violation,) = [v for v in found.violations if "meaningful" in v.message]
    assert violation.message == (
        "with meaningful_engagement made true, an initiative that is or may be in scope "
        "becomes out of scope"
    )
    assert violation.example == {
        "name": "Example",
        "initiated_by": ["nso"],
        "engaged_stages": [],
        "meaningful_engagement": False,
    }


def test_a_citizen_side_initiator_taking_an_initiative_out_of_scope_is_found() -> None:
    joint = scope_rule(
        "X2",
        {"all": [{"has": {"initiated_by": ["nso"]}}, {"has": {"initiated_by": ["community"]}}]},
        "out_of_scope",
        before="S1",
    )
    found = results(reading(joint))["citizen_initiator"]
    (violation,) = found.violations
    assert violation.example == {"name": "Example", "initiated_by": ["nso"]}
    assert violation.changed == {"name": "Example", "initiated_by": ["community", "nso"]}
    assert "with community added to initiated_by" in violation.message


def test_a_dead_rule_is_found_with_where_another_rule_concludes_first() -> None:
    shadowed = scope_rule("X3", {"has": {"initiated_by": ["cso"]}}, "out_of_scope")
    found = results(reading(shadowed))["live_rules"]
    (violation,) = found.violations
    assert violation.rule == "X3"
    assert "an earlier rule concludes first (here S1)" in violation.message
    assert violation.example == {"name": "Example", "initiated_by": ["cso"]}


def test_a_rule_whose_condition_nothing_meets_is_dead() -> None:
    never = scope_rule(
        "X4",
        {"all": [{"empty": "engaged_stages"}, {"has": {"engaged_stages": ["design"]}}]},
        "in_scope",
    )
    (violation,) = results(reading(never))["live_rules"].violations
    assert violation.example is None
    assert "no initiative meets its condition" in violation.message


@attrs.frozen
class _WrongMissing:
    """The scope rules, but naming the wrong key as missing (no engine does; check must see)."""

    inner: Any = SCOPE_RULES

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def missing_keys(self, facts: Any) -> tuple[str, ...]:
        found = self.inner.missing_keys(facts)
        return ("meaningful_engagement",) if found == ("engaged_stages",) else found


def test_a_missing_that_does_not_decide_is_found() -> None:
    wrong = _WrongMissing()
    space = FactSpace((SCOPE_RULES,))
    (violation,) = _missing("scope", wrong, space, list(space.points()))  # type: ignore[arg-type]
    assert "names meaningful_engagement as missing" in violation.message
    assert violation.example == {
        "name": "Example",
        "initiated_by": ["nso"],
        "meaningful_engagement": True,
    }


def test_the_report_as_data() -> None:
    data = check(Assessor()).to_dict()
    assert data["holds"] is True
    assert data["method"] == "exhaustive"
    assert [item["invariant"] for item in data["invariants"]] == [i.id for i in INVARIANTS]
    assert all(item["violations"] == [] for item in data["invariants"])


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(any_layers(FEW))
def test_every_violation_s_example_really_breaks_its_invariant(layer: dict[str, Any]) -> None:
    from copenhagen import load_initiative

    assessor = Assessor([load_layer(layer)])
    scope = assessor.decision_rule_sets[0]
    for result in check(assessor).results:
        for violation in result.violations:
            if violation.invariant not in ("engagement", "citizen_initiator"):
                continue
            before = load_initiative(violation.example)
            after = load_initiative(violation.changed)
            assert "in_scope" in {o.value for o in scope.outcomes(scope.facts_of(before)) if o}
            assert "in_scope" not in {o.value for o in scope.outcomes(scope.facts_of(after)) if o}


@pytest.mark.parametrize("name", [i.id for i in INVARIANTS])
def test_invariant_statements_are_sentences(name: str) -> None:
    invariant = next(i for i in INVARIANTS if i.id == name)
    assert invariant.statement.endswith(".")
