"""``copenhagen framework --crosswalk NAME`` and ``--format jsonld`` (contract section 8)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from copenhagen.framework.crosswalks import CROSSWALK_NAMES, crosswalk
from copenhagen.linked_data import DEFAULT_BASE_URI, concept_scheme_json
from tests.cli.conftest import Run

Cli = Callable[..., Run]


@pytest.mark.parametrize("name", CROSSWALK_NAMES)
def test_crosswalk_json_is_the_contract_list(cli: Cli, name: str) -> None:
    run = cli("framework", "--crosswalk", name, "--format", "json")
    assert run.status == 0, run.err
    assert json.loads(run.out) == crosswalk(name).to_list()


@pytest.mark.parametrize("name", CROSSWALK_NAMES)
def test_crosswalk_text_table_shows_every_link(cli: Cli, name: str) -> None:
    run = cli("framework", "--crosswalk", name, "--color", "never")
    assert run.status == 0, run.err
    walk = crosswalk(name)
    assert run.out.startswith(walk.title)
    for link in walk.links:
        assert link.item.title in run.out
    assert f"Source: {walk.standard.document}; {walk.standard.address}" in " ".join(run.out.split())


def test_crosswalk_text_lists_what_no_link_reaches(cli: Cli) -> None:
    out = " ".join(cli("framework", "--crosswalk", "fpos").out.split())
    assert "No link reaches: 8 National coordination; 10 International cooperation." in out


def test_jsonld_prints_the_concept_scheme(cli: Cli) -> None:
    run = cli("framework", "--format", "jsonld")
    assert run.status == 0, run.err
    assert run.out == concept_scheme_json(DEFAULT_BASE_URI)
    assert json.loads(run.out)["@graph"][0]["@type"] == "skos:ConceptScheme"


def test_jsonld_with_a_base_uri(cli: Cli) -> None:
    run = cli("framework", "--format", "jsonld", "--base-uri", "https://example.org/cf/")
    assert run.status == 0, run.err
    assert run.out == concept_scheme_json("https://example.org/cf/")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--format", "jsonld", "--base-uri", "example.org"), "not a usable base URI"),
        (("--base-uri", "https://example.org/cf/"), "--base-uri goes with --format jsonld"),
        (("stages", "--format", "jsonld"), "give no PART"),
        (("--format", "jsonld", "--crosswalk", "fpos"), "give no PART"),
        (("stages", "--crosswalk", "fpos"), "give no PART"),
        (("--crosswalk", "sdmx"), "invalid choice"),
    ],
)
def test_usage_errors(cli: Cli, args: tuple[str, ...], message: str) -> None:
    run = cli("framework", *args)
    assert run.status == 2
    assert message in run.err
    assert run.out == ""
