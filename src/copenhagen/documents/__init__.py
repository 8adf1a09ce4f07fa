"""Initiative documents: loading (with every problem at once), dumping, streams and the schema.

A document is a mapping, or a JSON, YAML or TOML file, with the keys of contract section 2.
`structure_initiative` checks parsed data without coercing anything and builds an `Initiative`
(the one way documents become initiatives); `load_initiative` does the same for a mapping or
reads a file first;
`InvalidInitiativeError` lists every problem with its path; `load_initiatives` reads many records
from one file or stream; `dump_initiative` gives the plain document back; `initiative_schema`
is the JSON Schema of the document.
"""

from __future__ import annotations

from copenhagen.documents._converter import document_errors, structure_initiative
from copenhagen.documents.dumping import dump_initiative
from copenhagen.documents.errors import DocumentParseError, InvalidInitiativeError
from copenhagen.documents.loading import load_initiative, read_document
from copenhagen.documents.schema import initiative_schema
from copenhagen.documents.streams import LoadResult, load_initiatives

__all__ = [
    "DocumentParseError",
    "InvalidInitiativeError",
    "LoadResult",
    "document_errors",
    "dump_initiative",
    "initiative_schema",
    "load_initiative",
    "load_initiatives",
    "read_document",
    "structure_initiative",
]
