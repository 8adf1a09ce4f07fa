"""The parties table: the only way a party's name becomes an actor; every bad row named."""

from __future__ import annotations

from pathlib import Path

import pytest

from copenhagen.framework import Actor
from copenhagen.ppsr import InvalidPartiesError, Parties, load_parties

FIXTURES = Path(__file__).parent / "fixtures"


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "parties.csv"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> tuple[tuple[str, str], ...]:
    with pytest.raises(InvalidPartiesError) as caught:
        load_parties(path)
    return caught.value.errors


def test_the_fixture_table() -> None:
    parties = load_parties(FIXTURES / "parties.csv")
    assert parties.actor_of("Shore Keepers Association") is Actor.CSO
    assert parties.actor_of("National Bureau of Statistics") is Actor.NSO
    assert parties.actor_of("Friends of the Marsh") is None


def test_names_match_exactly(tmp_path: Path) -> None:
    parties = load_parties(write(tmp_path, "name,actor\nReef Friends ,cso\n"))
    assert parties.actor_of("Reef Friends ") is Actor.CSO
    assert parties.actor_of("Reef Friends") is None
    assert parties.actor_of("reef friends ") is None


def test_a_byte_order_mark_and_blank_lines_are_fine(tmp_path: Path) -> None:
    parties = load_parties(write(tmp_path, b"\xef\xbb\xbfname,actor\r\n\r\nA,nso\r\n"))
    assert parties.actor_of("A") is Actor.NSO


def test_every_bad_row_is_named_with_its_line(tmp_path: Path) -> None:
    text = 'name,actor\nA,ngo\n,cso\nB\n"C\nD",cso\nA,cso\n"C\nD",nso\n'
    found = errors(write(tmp_path, text))
    assert found == (
        (
            "line 2",
            "'ngo' is not an actor; allowed: citizens, community, cso, nso, state, nhri, "
            "academia, private_sector, international",
        ),
        ("line 3", "the name is empty"),
        ("line 4", "expected 2 cells (name,actor), found 1"),
        ("line 8", "'C\\nD' is nso here but cso on line 5: give each name one actor"),
    )


def test_the_same_actor_twice_is_fine(tmp_path: Path) -> None:
    assert load_parties(write(tmp_path, "name,actor\nA,cso\nA,cso\n")).actor_of("A") is Actor.CSO


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "the header must be 'name,actor', found 'nothing'"),
        ("party,kind\nA,cso\n", "the header must be 'name,actor', found 'party,kind'"),
    ],
)
def test_the_header_is_required(tmp_path: Path, text: str, message: str) -> None:
    assert errors(write(tmp_path, text)) == (("line 1", message),)


def test_unreadable_files(tmp_path: Path) -> None:
    assert errors(tmp_path / "missing.csv") == (("(table)", "no such file"),)
    assert errors(tmp_path) == (("(table)", "it is a folder, not a file"),)
    bad = errors(write(tmp_path, b"name,actor\n\xff,cso\n"))
    assert bad == (("(table)", "not UTF-8 text (byte 0xff at offset 11)"),)


def test_from_mapping() -> None:
    parties = Parties.from_mapping({"A": Actor.CSO, "B": "academia"})
    assert parties.actor_of("B") is Actor.ACADEMIA
    with pytest.raises(InvalidPartiesError, match="line 2: 'x' is not an actor"):
        Parties.from_mapping({"A": "x"})


def test_the_error_message_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "name,actor\nA,x\n")
    with pytest.raises(InvalidPartiesError, match=f"{path}: invalid parties table: line 2"):
        load_parties(path)
