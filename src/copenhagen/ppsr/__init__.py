"""Reading PPSR-Core project registries as initiative documents (contract section 8).

PPSR-Core is the Citizen Science Association's metadata standard for citizen science projects.
`read_registry` turns a registry (a JSON list of projects, or an object whose ``Project`` key
holds it) into one `Conversion` per project, by the documented table `FIELDS`: what cannot be
mapped stays unknown and is listed, and a party's name becomes an actor only through the user's
`Parties` table. `registry_documents` yields ``(position, document, problems)`` for
``copenhagen batch --input-format ppsr-core``.

Examples:
    >>> from copenhagen.ppsr import Parties, convert_project
    >>> record = {"projectName": "Kelp watch", "projectResponsiblePartyName": "Reef Friends",
    ...           "scientificProcessInvolved": ["Observation", "Learning"]}
    >>> result = convert_project(1, record, Parties.from_mapping({"Reef Friends": "cso"}))
    >>> result.document
    {'name': 'Kelp watch', 'initiated_by': ['cso'], 'engaged_stages': ['collection']}
    >>> result.unused
    ('scientificProcessInvolved[1]',)
"""

from __future__ import annotations

from copenhagen.ppsr.converting import Conversion, batch_problems, convert_project
from copenhagen.ppsr.fields import (
    FIELDS,
    PARTY_ROLES,
    PPSR_CORE_SOURCE,
    PROCESS_TERMS,
    FieldKind,
    FieldMapping,
    PartyRole,
    ProcessTerm,
)
from copenhagen.ppsr.parties import InvalidPartiesError, Parties, load_parties
from copenhagen.ppsr.reading import MAX_DEPTH, RegistryError, parse_registry
from copenhagen.ppsr.registry import read_registry, registry_documents

__all__ = [
    "FIELDS",
    "MAX_DEPTH",
    "PARTY_ROLES",
    "PPSR_CORE_SOURCE",
    "PROCESS_TERMS",
    "Conversion",
    "FieldKind",
    "FieldMapping",
    "InvalidPartiesError",
    "Parties",
    "PartyRole",
    "ProcessTerm",
    "RegistryError",
    "batch_problems",
    "convert_project",
    "load_parties",
    "parse_registry",
    "read_registry",
    "registry_documents",
]
