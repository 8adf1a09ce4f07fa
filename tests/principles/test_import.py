from __future__ import annotations

import subprocess
import sys


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split())


def test_importing_the_package_does_not_import_networkx() -> None:
    modules = _modules_after("import copenhagen.principles")
    assert "copenhagen.principles" in modules
    assert "networkx" not in modules


def test_assessing_does_not_import_networkx() -> None:
    modules = _modules_after(
        "from copenhagen import Actor, Initiative, assess_principles\n"
        "assess_principles(Initiative(name='x', initiated_by={Actor.CSO}))\n"
        "from copenhagen.principles import requirements, to_mermaid, to_dot, to_svg\n"
        "to_mermaid(); to_dot(); to_svg()"
    )
    assert "networkx" not in modules


def test_the_graph_imports_networkx_when_asked_for() -> None:
    assert "networkx" in _modules_after("import copenhagen; copenhagen.principle_graph()")
