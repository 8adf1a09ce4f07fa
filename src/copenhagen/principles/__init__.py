"""The principles of citizen data: how they relate, and how far an initiative meets them.

- `principle_graph` gives the 13 principles (para 17) and their cited relations (paras 19-31) as
  a networkx `DiGraph`; networkx is imported only then, never with this package.
- `requirements`, `dependents`, `tensions` and `relations_of` answer typed questions about the
  graph straight from the relation data.
- `to_mermaid`, `to_dot`, `to_graphml`, `to_node_link` and `to_svg` export it; `to_svg` draws it
  itself, with statuses if given.
- `PrincipleAssessment` is how far an initiative meets every principle, each status explained;
  `copenhagen.assess_principles` (or an `copenhagen.Assessor`'s) makes it.
"""

from __future__ import annotations

from copenhagen.principles.assessment import (
    PRINCIPLE_RULES,
    PracticeEvidence,
    PrincipleAssessment,
    PrincipleFinding,
    PrincipleRules,
    practice_evidence,
)
from copenhagen.principles.export import (
    export_graph,
    to_dot,
    to_graphml,
    to_mermaid,
    to_node_link,
)
from copenhagen.principles.graph import principle_graph
from copenhagen.principles.queries import (
    dependents,
    direct_requirements,
    practices_of,
    relations_of,
    requirements,
    tensions,
)
from copenhagen.principles.relations import RELATIONS, Relation, RelationKind
from copenhagen.principles.svg import to_svg

__all__ = [
    "PRINCIPLE_RULES",
    "RELATIONS",
    "PracticeEvidence",
    "PrincipleAssessment",
    "PrincipleFinding",
    "PrincipleRules",
    "Relation",
    "RelationKind",
    "dependents",
    "direct_requirements",
    "export_graph",
    "practice_evidence",
    "practices_of",
    "principle_graph",
    "relations_of",
    "requirements",
    "tensions",
    "to_dot",
    "to_graphml",
    "to_mermaid",
    "to_node_link",
    "to_svg",
]
