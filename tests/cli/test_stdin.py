"""`-` as a FILE: one JSON or YAML document, strictly UTF-8, on standard input (contract section 4).

Regression tests: JSON-looking YAML used to be refused as "not valid JSON"; a byte that is not
UTF-8 gave a traceback (YAML) or a lone surrogate in the name (JSON); a closed standard input
gave a traceback. Each case must make standard input invalid and leave the other files assessed.
"""

from __future__ import annotations

import codecs
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from copenhagen.cli._inputs import Unreadable, decode_utf8
from tests.cli.conftest import Run

Cli = Callable[..., Run]

COMMANDS = ("assess", "validate", "explain")

GOOD_JSON = '{"name": "s", "initiated_by": ["cso"]}'


@pytest.fixture
def ok(tmp_path: Path) -> Path:
    path = tmp_path / "ok.json"
    path.write_text(GOOD_JSON, encoding="utf-8")
    return path


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    "text",
    [
        "{name: s, initiated_by: [cso]}\n",  # YAML flow mapping: unquoted keys
        GOOD_JSON + "\n# note\n",  # JSON followed by a YAML comment
        '{"name": "s", "initiated_by": ["cso"],}\n',  # a trailing comma YAML accepts
        "{name: s,\n initiated_by: [cso]}\n",  # over several lines
    ],
    ids=["unquoted-keys", "comment", "trailing-comma", "multiline"],
)
def test_json_looking_yaml_is_read(cli: Cli, command: str, text: str) -> None:
    run = cli(command, "-", stdin=text)
    assert run.status == 0, run.err
    assert run.err == ""
    assert run.out


def test_json_looking_yaml_gives_the_same_assessment_as_json(cli: Cli) -> None:
    as_yaml = cli("assess", "--format", "json", "-", stdin="{name: s, initiated_by: [cso]}")
    as_json = cli("assess", "--format", "json", "-", stdin=GOOD_JSON)
    assert as_yaml.status == as_json.status == 0
    assert as_yaml.out == as_json.out


@pytest.mark.parametrize(
    ("text", "parser", "where"),
    [
        ('{"name": [a\n', "JSON", "line 1, column 11"),  # looks like JSON: the JSON error
        ("[1, 2\n", "JSON", "line 2, column 1"),
        ("name: [a\n", "YAML", "line 2, column 1"),  # does not: the YAML error
        ("name: s\n  bad: indent\n", "YAML", "line 2, column 6"),
    ],
)
def test_when_neither_parser_reads_it_the_fitting_error_is_shown(
    cli: Cli, text: str, parser: str, where: str
) -> None:
    run = cli("assess", "-", stdin=text)
    assert run.status == 1
    assert run.out == ""
    assert f"(document): {where}: not valid {parser}" in run.err
    other = "YAML" if parser == "JSON" else "JSON"
    assert f"not valid {other}" not in run.err


BAD_YAML = b'name: "\xff"\ninitiated_by: [cso]\n'
BAD_JSON = b'{"name": "\xff", "initiated_by": ["cso"]}'


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (BAD_YAML, "byte 0xff at position 8"),
        (BAD_JSON, "byte 0xff at position 11"),
        (codecs.BOM_UTF8 + BAD_JSON, "byte 0xff at position 14"),  # counted in the raw bytes
        (b"name: caf\xc3\n", "byte 0xc3 at position 10"),  # a truncated sequence
    ],
    ids=["yaml", "json", "json-after-bom", "truncated"],
)
def test_stdin_that_is_not_utf8_is_invalid_and_others_still_handled(
    cli: Cli, ok: Path, command: str, data: bytes, message: str
) -> None:
    run = cli(command, "-", str(ok), stdin=data)
    assert run.status == 1
    assert run.err == f"error: standard input is not UTF-8 text ({message})\n"
    assert "\udcff" not in run.out  # nothing smuggled through as a lone surrogate
    assert run.out  # ok.json is still handled


def test_not_utf8_prints_nothing_for_stdin(cli: Cli) -> None:
    run = cli("assess", "--format", "json", "-", stdin=BAD_JSON)
    assert (run.status, run.out) == (1, "")


def test_utf8_stdin_with_a_byte_order_mark_is_read(cli: Cli) -> None:
    data = codecs.BOM_UTF8 + "name: Café\ninitiated_by: [cso]\n".encode()
    run = cli("assess", "--format", "json", "-", stdin=data)
    assert run.status == 0, run.err
    assert json.loads(run.out)["name"] == "Café"


@pytest.mark.parametrize("command", COMMANDS)
def test_closed_stdin_is_invalid(cli: Cli, ok: Path, command: str) -> None:
    run = cli(command, "-", str(ok), stdin=None)
    assert run.status == 1
    assert run.err == "error: no standard input\n"
    assert run.out


@given(st.text())
def test_utf8_bytes_decode_to_their_text(text: str) -> None:
    data = text.encode("utf-8", "surrogatepass")
    try:
        expected = data.decode("utf-8")
    except UnicodeDecodeError:
        return  # lone surrogates are not UTF-8: covered below
    # Text that itself starts with U+FEFF encodes to the bytes of a byte order mark, which is
    # read as one: only a mark put in front keeps it.
    assert decode_utf8(data) == expected.removeprefix("\ufeff")
    assert decode_utf8(codecs.BOM_UTF8 + data) == expected


@given(st.binary())
def test_a_bad_byte_is_named_where_it_is(data: bytes) -> None:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        at = error.start
    else:
        assert decode_utf8(data) == text.removeprefix("\ufeff")
        return
    expected = f"standard input is not UTF-8 text (byte 0x{data[at]:02x} at position {at + 1})"
    with pytest.raises(Unreadable, match=re.escape(expected)):
        decode_utf8(data)


def _real_cli(shell: str, stdin: bytes, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The command as a user runs it: a new process whose standard input is really bytes."""
    # The C locale: Python then reads standard input leniently, keeping bad bytes as surrogates.
    env = {**os.environ, "LC_ALL": "C", "PYTHONIOENCODING": "", "NO_COLOR": "1"}
    return subprocess.run(
        ["sh", "-c", shell, sys.executable],  # $0 is the interpreter
        input=stdin,
        capture_output=True,
        cwd=cwd,
        env=env,
        check=False,
    )


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX shell")
def test_real_process_not_utf8_and_closed_stdin(ok: Path) -> None:
    run = _real_cli('"$0" -m copenhagen.cli assess -f json - ok.json', BAD_YAML, ok.parent)
    assert run.returncode == 1
    assert run.stderr == b"error: standard input is not UTF-8 text (byte 0xff at position 8)\n"
    assert json.loads(run.stdout)["name"] == "s"
    run = _real_cli('"$0" -m copenhagen.cli assess -f json - ok.json <&-', b"", ok.parent)
    assert run.returncode == 1
    assert run.stderr == b"error: no standard input\n"
    assert json.loads(run.stdout)["name"] == "s"


@pytest.mark.parametrize("command", ["validate", "assess", "explain"])
def test_hostile_1_standard_input_holding_a_path_opens_nothing(
    cli: Cli, command: str, tmp_path: Path
) -> None:
    """Issue 12, item 1: a document on standard input that is a string is not a file name."""
    secret = tmp_path / "secret.json"
    secret.write_text('{"name": "leaked", "initiated_by": ["cso"], "api_key": "k"}', "utf-8")
    for text in (json.dumps(str(secret)), str(secret), json.dumps(str(tmp_path))):
        run = cli(command, "-", stdin=text)
        assert run.status == 1
        assert "expected a mapping of keys to values, not the string" in run.err
        assert "leaked" not in run.out + run.err
        assert "api_key" not in run.err


@pytest.mark.parametrize(
    "text", ['{"name": "x", "initiated_by": ["cso"]}', "name: x\ninitiated_by: [cso]\n"]
)
def test_hostile_12_a_byte_order_mark_on_standard_input_is_read_as_in_files(
    cli: Cli, text: str
) -> None:
    run = cli("validate", "-", stdin=codecs.BOM_UTF8 + text.encode())
    assert (run.status, run.out) == (0, "<stdin>: valid\n")
    assert cli("validate", "-", stdin="\ufeff" + text).status == 0


def test_empty_standard_input_says_it_is_empty(cli: Cli) -> None:
    run = cli("validate", "-", stdin="  \n")
    assert run.err == "error: standard input is empty: it holds no document\n"
