"""``copenhagen serve``: the questionnaire as a web form on this computer (the ``web`` extra)."""

from __future__ import annotations

import argparse
import ipaddress
from typing import Any, TextIO

from copenhagen.cli._common import (
    EXIT_OK,
    EXIT_USAGE,
    assessor_from_args,
    common_options,
    rules_option,
)
from copenhagen.cli._console import Console

__all__ = ["register", "run"]

DESCRIPTION = """\
Serve the questionnaire as a web form: describe an initiative by answering questions (each with
"don't know"), see the decisions so far and the questions that would settle the rest, then the
report, with downloads of the document (YAML, JSON) and the report (HTML, Markdown).

The form listens on 127.0.0.1 (this computer only) unless --host says otherwise. Nothing you
enter is stored on the server. Needs the web extra: pip install 'copenhagen-citizen-data[web]'.

exit status: 0 after the server stops; 2 usage error (or the web extra is not installed).
"""


def register(subparsers: Any) -> None:
    """Add the ``serve`` subcommand."""
    parser = subparsers.add_parser(
        "serve",
        parents=[common_options(), rules_option()],
        help="the questionnaire as a local web form",
        description=DESCRIPTION,
        epilog="example:\n  copenhagen serve --port 8080",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: %(default)s, this computer only)",
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="the port to listen on (default: %(default)s)"
    )
    parser.set_defaults(command=run)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def run(args: argparse.Namespace, console: Console, stdin: TextIO | None) -> int:
    """Serve the form until interrupted; see the module's ``--help``."""
    try:
        import uvicorn

        from copenhagen.web import create_app
    except ImportError as error:
        console.problem(
            f"copenhagen serve: error: the web form needs the web extra ({error.name} is "
            "missing); install it with: pip install 'copenhagen-citizen-data[web]'"
        )
        return EXIT_USAGE
    if not 0 < args.port < 65536:
        console.problem(f"copenhagen serve: error: --port must be 1-65535, not {args.port}")
        return EXIT_USAGE
    assessor = assessor_from_args(args, console)
    if assessor is None:
        return EXIT_USAGE
    shown = f"[{args.host}]" if ":" in args.host else args.host
    where = "this computer only" if _loopback(args.host) else "other computers can reach it too"
    console.problem(
        f"Serving the questionnaire at http://{shown}:{args.port}/ ({where}); "
        "nothing entered is stored. Press Ctrl+C to stop."
    )
    if not _loopback(args.host):
        console.problem(
            "warning: the form is not bound to 127.0.0.1; anyone who can reach this address "
            "can use it (it has no login)."
        )
    hosts = [args.host, "localhost", "127.0.0.1", "[::1]"]
    app = create_app(assessor, allowed_hosts=hosts)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning")
    return EXIT_OK
