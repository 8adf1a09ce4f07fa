from __future__ import annotations

from copenhagen.framework import CITIZEN_SIDE, OTHER_SIDE, STATE_SIDE, Actor, Side


def test_sides_of_contract_section_2() -> None:
    assert {Actor.CITIZENS, Actor.COMMUNITY, Actor.CSO} == CITIZEN_SIDE
    assert {Actor.NSO, Actor.STATE, Actor.NHRI} == STATE_SIDE
    assert {Actor.ACADEMIA, Actor.PRIVATE_SECTOR, Actor.INTERNATIONAL} == OTHER_SIDE
    assert all(a.side is Side.CITIZEN for a in CITIZEN_SIDE)


def test_community_is_not_given_a_definition_the_text_lacks() -> None:
    # The framework never defines "community"; the summary must not invent one (issue 13, 8).
    summary = Actor.COMMUNITY.summary
    assert "share a place" not in summary
    assert "does not define" in summary


def test_nsos_are_guided_not_bound_by_the_fundamental_principles() -> None:
    # Para 33: the FPOS guide NSOs; the text never says NSOs are bound by them.
    assert "bound by" not in Actor.NSO.summary
    assert "as its guide" in Actor.NSO.summary
    assert "para 33" in Actor.NSO.citations
