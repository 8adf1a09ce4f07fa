"""``copenhagen serve`` and ``copenhagen new`` used as a person would: a real server, a pty."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from copenhagen import load_initiative
from copenhagen.cli import main

BIN = Path(sys.executable).parent / "copenhagen"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def test_serve_binds_to_this_computer_and_says_so(tmp_path: Path) -> None:
    pytest.importorskip("uvicorn")
    port = free_port()
    process = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stderr is not None
        said = process.stderr.readline()
        assert f"http://127.0.0.1:{port}/" in said
        assert "this computer only" in said
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as page:
                    body = page.read().decode()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        assert "Is it citizen data?" in body
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_serve_refuses_a_bad_port(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "0"]) == 2
    assert "--port must be 1-65535" in capsys.readouterr().err


def test_new_needs_a_terminal_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = tmp_path / "x.yaml"
    existing.write_text("keep me", encoding="utf-8")
    assert main(["new", str(existing)]) == 2
    assert "exists; give --force" in capsys.readouterr().err
    assert existing.read_text(encoding="utf-8") == "keep me"
    assert main(["new", str(tmp_path / "x.txt")]) == 2
    assert main(["new", str(tmp_path / "new.yaml")]) == 2  # pytest's stdin is no terminal
    assert "needs a terminal" in capsys.readouterr().err
    assert not (tmp_path / "new.yaml").exists()


DOWN = "\x1b[B"


def spawn(target: Path) -> object:
    pexpect = pytest.importorskip("pexpect")
    pytest.importorskip("questionary")
    env = dict(os.environ, PROMPT_TOOLKIT_NO_CPR="1", TERM="xterm", NO_COLOR="1")
    return pexpect.spawn(
        str(BIN),
        ["new", str(target)],
        env=env,
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 110),
    )


def test_new_asks_writes_a_valid_document_and_shows_its_assessment(tmp_path: Path) -> None:
    import pexpect

    target = tmp_path / "nso-survey.yaml"
    child = spawn(target)
    child.expect("What is the initiative called")
    child.sendline("Household survey with CSOs")
    child.expect("what does it do")
    child.sendline("")
    child.expect("which country")
    child.sendline("ke")  # not a country code: asked again at the end
    child.expect("tick with Space")
    child.send(DOWN * 3 + " \r")  # national statistical office
    child.expect("Who works with the initiators")
    child.send(DOWN * 2 + "\r")  # some of these
    child.expect("tick with Space")
    child.send(DOWN * 2 + " \r")  # civil society organisations
    child.expect("Who pays for it")
    child.send("\r")  # don't know
    child.expect("set out to achieve")
    child.send("\r")
    child.expect("take an")
    child.send("\r")  # engaged stages: don't know
    child.expect("sufficient and meaningful")
    child.send("\r")
    child.expect("taken into official statistics")
    child.send(DOWN + DOWN + "\r")  # no
    child.expect("quality assured")
    child.send("\r")  # don't know
    for _ in range(3):
        child.expect(r"now\?")
        child.send("\r")  # skip the optional sections
    child.expect("cannot be used yet")
    child.expect("country")
    child.expect("which country")
    child.sendline("KE")
    child.expect("Questions that would decide the rest")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    initiative = load_initiative(target)
    assert initiative.name == "Household survey with CSOs"
    assert initiative.country == "KE"
    assert {a.value for a in initiative.initiated_by} == {"nso"}
    assert {a.value for a in initiative.partners} == {"cso"}
    assert initiative.engaged_stages is None
    assert initiative.integrated_into_official_statistics is False


def test_stopping_new_writes_nothing(tmp_path: Path) -> None:
    import pexpect

    target = tmp_path / "stopped.yaml"
    child = spawn(target)
    child.expect("What is the initiative called")
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 2
    assert not target.exists()
