"""No catalogue string and no file of the repository copies the framework's wording.

A run of 8 or more consecutive words (lower-cased ``[a-z0-9]+`` words) shared with the framework
text counts as copying. URLs are references, not prose, and are left out on both sides; so is the
framework's own title line, which the library must be able to name.
"""

from __future__ import annotations

import importlib.util
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import attrs
import pytest

import copenhagen.framework as fw

ROOT = Path(__file__).resolve().parent.parent
RUN = 8
SUFFIXES = {".py", ".md", ".yaml", ".yml", ".toml", ".json", ".txt", ".html"}
SKIP_DIRS = {".venv", "site"}
_URL = re.compile(r"https?://\S+")
# The framework's name and version, as the title line gives them: naming is not copying.
_ALLOWED = {(*re.findall(r"[a-z0-9]+", fw.FRAMEWORK.title.lower()), "v1", "0")}


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", _URL.sub(" ", text.lower()))


def runs(text: str) -> set[tuple[str, ...]]:
    w = words(text)
    return {tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1)}


@pytest.fixture(scope="module")
def framework_runs(framework_text: str) -> set[tuple[str, ...]]:
    return runs(framework_text) - _ALLOWED


def copied(text: str, framework_runs: set[tuple[str, ...]]) -> list[str]:
    return sorted(" ".join(r) for r in runs(text) & framework_runs)


def _strings(obj: object) -> Iterator[str]:
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, tuple):
        for x in obj:
            yield from _strings(x)
    elif attrs.has(type(obj)):
        for field in attrs.fields(type(obj)):  # type: ignore[arg-type]
            value = getattr(obj, field.name)
            if not isinstance(value, fw.CatalogueMember):  # members are checked on their own
                yield from _strings(value)


def catalogue_strings() -> Iterator[tuple[str, str]]:
    """Every string the catalogue holds, with where it sits."""
    for part in fw.catalogue_parts():
        for item in part.items:
            where = f"{part.name}:{item.key}"
            for text in (item.title, item.summary):
                yield where, text
            entry = item.entry if isinstance(item, fw.CatalogueMember) else item
            for text in _strings(entry):
                yield where, text
    for text in _strings(fw.FRAMEWORK):
        yield "FRAMEWORK", text
    for name in ("CITIZEN_DATA_SYNONYMS", "GSBPM_SOURCE"):
        for text in _strings(getattr(fw, name)):
            yield name, text


def test_catalogue_strings_are_own_words(framework_runs: set[tuple[str, ...]]) -> None:
    problems = sorted(
        {
            f"{where}: {run!r}"
            for where, text in catalogue_strings()
            for run in copied(text, framework_runs)
        }
    )
    assert not problems, "catalogue text copies the framework:\n" + "\n".join(problems)


def test_synonyms_are_joined_without_copying(framework_runs: set[tuple[str, ...]]) -> None:
    # The synonyms are listed in a different order from Box 1, so joining them copies nothing.
    assert not copied(", ".join(fw.CITIZEN_DATA_SYNONYMS), framework_runs)


def repository_files() -> list[Path]:
    """Tracked files and untracked files git does not ignore, with the checked suffixes."""
    try:
        out = subprocess.run(
            ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
            cwd=ROOT,
            capture_output=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git working tree: cannot list the repository's files")
    paths = []
    for name in sorted(set(out.decode().split("\0")) - {""}):
        path = Path(name)
        if path.suffix in SUFFIXES and not SKIP_DIRS & set(path.parts) and (ROOT / path).is_file():
            paths.append(path)
    return paths


def test_repository_files_are_own_words(framework_runs: set[tuple[str, ...]]) -> None:
    files = repository_files()
    assert Path("tests/test_own_words.py") in files
    problems = []
    for path in files:
        text = (ROOT / path).read_text(encoding="utf-8", errors="replace")
        problems += [f"{path}: {run!r}" for run in copied(text, framework_runs)]
    assert not problems, "files copy the framework's wording:\n" + "\n".join(problems)


def _concepts_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("_concepts_gen", ROOT / "docs/gen/concepts.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_concept_pages_are_own_words(framework_runs: set[tuple[str, ...]]) -> None:
    pages: dict[str, str] = _concepts_script().pages()
    problems = [
        f"{name}: {run!r}" for name, page in pages.items() for run in copied(page, framework_runs)
    ]
    assert not problems, "generated pages copy the framework:\n" + "\n".join(problems)


def test_the_check_catches_a_copy(
    framework_text: str, framework_runs: set[tuple[str, ...]]
) -> None:
    # Guard against a check that passes everything: a real sentence of the text must be caught.
    sentence = " ".join(words(framework_text)[1000:1012])
    assert copied(sentence, framework_runs)
