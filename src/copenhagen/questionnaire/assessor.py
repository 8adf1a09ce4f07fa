"""What the questionnaire needs of an assessor: one method, ``assess``.

The questionnaire adds no rule of its own: every decision it shows is what the assessor it is
given concludes. `AssessorLike` is all it asks for, so that any object with an ``assess(initiative)
-> Assessment`` method serves (the library's rule sets, or a national reading of them);
`LibraryAssessor` is the library's own `copenhagen.assess`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

import attrs

if TYPE_CHECKING:
    from copenhagen.assessment import Assessment
    from copenhagen.model import Initiative

__all__ = ["AssessorLike", "LibraryAssessor"]


class AssessorLike(Protocol):
    """Anything that assesses an initiative as `copenhagen.assess` does."""

    def assess(self, initiative: Initiative) -> Assessment:
        """The full assessment of ``initiative``."""
        ...


@attrs.frozen(slots=True)
class LibraryAssessor:
    """The library's module-level `copenhagen.assess`, as an assessor object."""

    def assess(self, initiative: Initiative) -> Assessment:
        """``copenhagen.assess(initiative)``."""
        from copenhagen.assessment import assess

        return assess(initiative)
