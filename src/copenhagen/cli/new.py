"""``copenhagen new FILE``: describe an initiative by answering questions in the terminal."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from copenhagen.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    check_output,
    common_options,
    rules_option,
)
from copenhagen.cli._console import Console

if TYPE_CHECKING:
    from copenhagen.questionnaire import Question

__all__ = ["register", "run"]

DESCRIPTION = """\
Describe an initiative by answering questions, one at a time: who started it, who takes part,
what it is for, where citizens take part (paras 12, 15), and, if you wish, the principles
(para 17), practices and participation (para 11). Every question has "Don't know" (press Enter).

The answers are written to FILE as an initiative document (.yaml/.yml or .json), then assessed:
the decisions, and the questions that would decide whatever is still open.
Needs a terminal and the terminal extra: pip install 'copenhagen-citizen-data[terminal]'.

exit status: 0 the document was written; 2 usage error (FILE exists without --force, not a
terminal, the extra not installed) or the questionnaire was stopped before the end.
"""


def register(subparsers: Any) -> None:
    """Add the ``new`` subcommand."""
    parser = subparsers.add_parser(
        "new",
        parents=[common_options(), rules_option()],
        help="describe an initiative by answering questions in the terminal",
        description=DESCRIPTION,
        epilog="example:\n  copenhagen new beach-litter.yaml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="the document to write (.yaml/.yml/.json)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(command=run)


_FORMATS = {".yaml": "yaml", ".yml": "yaml", ".json": "json"}


def _write(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` whole or not at all (a temporary file, then a rename)."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _among(keys: set[str]) -> Callable[[Question], bool]:
    return lambda question: question.key in keys


def _problems_text(errors: tuple[tuple[str, str], ...]) -> str:
    return "".join(f"  {path}: {message}\n" for path, message in errors)


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Ask the questions, write FILE and show its assessment; see the module's ``--help``."""
    path = Path(args.file)
    fmt = _FORMATS.get(path.suffix.lower())
    if fmt is None:
        console.problem(f"copenhagen new: error: FILE must end in .yaml, .yml or .json: {path}")
        return EXIT_USAGE
    if path.exists() and not args.force:
        console.problem(f"copenhagen new: error: {path} exists; give --force to overwrite it")
        return EXIT_USAGE
    problem = check_output("FILE", str(path))
    if problem is not None:
        console.problem(f"copenhagen new: error: {problem}")
        return EXIT_USAGE
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        console.problem("copenhagen new: error: the questionnaire needs a terminal to ask in")
        return EXIT_USAGE
    try:
        import questionary  # noqa: F401 - checked here, used by the questionnaire

        from copenhagen.questionnaire.terminal import QuestionnaireStopped, ask_questions
    except ImportError as error:
        console.problem(
            f"copenhagen new: error: the questionnaire needs the terminal extra ({error.name} is "
            "missing); install it with: pip install 'copenhagen-citizen-data[terminal]'"
        )
        return EXIT_USAGE
    from copenhagen.questionnaire import progress, questions, read_answers
    from copenhagen.questionnaire.files import document_text
    from copenhagen.reports.text import assessment_text

    out = console.out
    out.write('Describe the initiative. Press Enter to answer "Don\'t know"; Ctrl+C stops.\n')
    try:
        answers = ask_questions(out, console.width)
        state = progress(read_answers(answers), assessor)
        while state.errors:  # ask again what the library could not accept, nothing else
            out.write("\nSome answers cannot be used yet:\n" + _problems_text(state.errors))
            wrong = {path.split("[", 1)[0] for path, _ in state.errors}
            if not any(q.key in wrong for q in questions()):
                console.problem("copenhagen new: the answers cannot be used; nothing was written")
                return EXIT_USAGE
            answers.update(ask_questions(out, console.width, only=_among(wrong)))
            state = progress(read_answers(answers), assessor)
    except (QuestionnaireStopped, KeyboardInterrupt, EOFError):
        console.problem("copenhagen new: stopped; nothing was written")
        return EXIT_USAGE
    _write(path, document_text(state.reading.document, fmt))
    out.write(f"\nWrote {path}.\n\n")
    assert state.assessment is not None  # no errors left: the document was assessed
    out.write(assessment_text(state.assessment, source=str(path), width=console.width))
    if state.open_questions:
        out.write("\nQuestions that would decide the rest:\n")
        for open_question in state.open_questions:
            decides = ", ".join(open_question.decides)
            out.write(f"  - {open_question.question.prompt} (would help decide: {decides})\n")
    return EXIT_OK
