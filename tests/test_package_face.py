"""The package face: the contract's names, laziness of heavy imports, and packaging promises."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import copenhagen

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT.parent / "shared" / "spec" / "check_contract_names.py"

CONTRACT_NAMES = [
    "Stage", "Actor", "Modality", "Objective", "Principle", "NSOCategory", "Scope", "Status",
    "Initiative", "Decision", "Step", "InvalidInitiativeError", "load_initiative",
    "classify_modality", "assess_scope", "classify_nso_category", "assess_principles", "assess",
    "principle_graph",
]  # fmt: skip


@pytest.mark.parametrize("name", CONTRACT_NAMES)
def test_contract_name_is_importable(name: str) -> None:
    assert name in copenhagen.__all__
    assert getattr(copenhagen, name) is not None


#: The names of contract version 1.1 (sections 5 and 7).
CONTRACT_NAMES_1_1 = ["Assessor", "load_layer", "InvalidLayerError", "diff"]


@pytest.mark.parametrize("name", CONTRACT_NAMES_1_1)
def test_contract_1_1_name_is_importable(name: str) -> None:
    assert name in copenhagen.__all__
    assert getattr(copenhagen, name) is not None


def test_invalid_layer_error_is_a_value_error_not_an_initiative_error() -> None:
    assert issubclass(copenhagen.InvalidLayerError, ValueError)
    assert not issubclass(copenhagen.InvalidLayerError, copenhagen.InvalidInitiativeError)


def test_contract_checker_passes_with_every_1_1_name() -> None:
    if not CHECKER.is_file():
        pytest.skip(f"contract checker not found at {CHECKER}")
    done = subprocess.run(
        [sys.executable, str(CHECKER), "--all"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_every_name_in_all_resolves() -> None:
    for name in copenhagen.__all__:
        assert hasattr(copenhagen, name), name


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nonsense'"):
        _ = copenhagen.nonsense  # type: ignore[attr-defined]


def test_invalid_initiative_error_is_a_value_error() -> None:
    assert issubclass(copenhagen.InvalidInitiativeError, ValueError)


def test_contract_checker_passes() -> None:
    if not CHECKER.is_file():
        pytest.skip(f"contract checker not found at {CHECKER}")
    done = subprocess.run(
        [sys.executable, str(CHECKER)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "contract names: ok" in done.stdout


def test_import_stays_light() -> None:
    """`import copenhagen` pulls in none of the heavy or optional modules."""
    code = (
        "import sys, copenhagen\n"
        "heavy = ['networkx', 'cattrs', 'yaml', 'hypothesis', 'rich', 'pandas', 'dask',"
        " 'jsonschema', 'copenhagen.documents', 'copenhagen.rules', 'copenhagen.principles',"
        " 'copenhagen.layers', 'copenhagen.readings', 'copenhagen.cases']\n"
        "print(','.join(m for m in heavy if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == ""


def test_py_typed_marker_ships() -> None:
    assert (Path(copenhagen.__file__).parent / "py.typed").is_file()


def test_version_is_static_and_matches_metadata() -> None:
    from importlib.metadata import version

    from copenhagen._version import DISTRIBUTION

    assert copenhagen.__version__ == version(DISTRIBUTION)


def test_the_distribution_has_a_name_free_of_the_index_s_copenhagen() -> None:
    # On the package index "copenhagen" is an unrelated vector index that also imports as
    # ``copenhagen``; ours installs as copenhagen-citizen-data and imports as copenhagen.
    import tomllib

    from copenhagen._version import DISTRIBUTION

    assert DISTRIBUTION == "copenhagen-citizen-data"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["name"] == DISTRIBUTION
    assert all(
        not dep.startswith("copenhagen[")
        for extra in project["optional-dependencies"].values()
        for dep in extra
    )


def _install_lines() -> list[tuple[str, str]]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [
        (str(page.relative_to(ROOT)), line)
        for page in pages
        for line in page.read_text(encoding="utf-8").splitlines()
        if re.search(r"pip install\b(?! --quiet)", line) and "-e '.[dev]'" not in line
    ]


def test_every_install_line_names_the_distribution() -> None:
    lines = _install_lines()
    assert len(lines) >= 6
    for page, line in lines:
        # Every "pip install copenhagen..." names the distribution, never the bare name.
        for target in re.findall(r"pip install '?([A-Za-z0-9_.-]+)", line):
            assert target.startswith("copenhagen-citizen-data"), (page, line)


def test_install_docs_state_the_clash_with_the_other_copenhagen() -> None:
    for page in ("README.md", "docs/index.md"):
        text = (ROOT / page).read_text(encoding="utf-8")
        assert "vector index" in text, page
        assert "import copenhagen" in text, page
