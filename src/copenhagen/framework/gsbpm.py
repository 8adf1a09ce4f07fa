"""The Generic Statistical Business Process Model (GSBPM) v5.1: its 8 phases and 44 sub-processes.

The framework maps its value-chain stages to GSBPM phases (para 12) and points to the standard in
footnote 4. The phase and sub-process names and codes below are facts of the standard itself:
UNECE, *Generic Statistical Business Process Model* v5.1, January 2019, published among UNECE's
statistical standards (footnote 4 gives its address). The summaries are ours.
"""

from __future__ import annotations

from enum import IntEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry
from copenhagen.framework.stages import Stage

__all__ = ["GSBPM_SOURCE", "GSBPM_SUBPROCESSES", "GSBPMPhase", "GSBPMSubProcess"]

#: Where the phase and sub-process names come from (footnote 4 points to it).
GSBPM_SOURCE = (
    "UNECE, Generic Statistical Business Process Model (GSBPM) v5.1, January 2019, "
    "among UNECE's statistical standards (its address is in the framework's footnote 4)"
)

_CITES = ("footnote 4", "para 12")


class GSBPMPhase(CatalogueMember, IntEnum):
    """A phase of GSBPM v5.1, numbered as in footnote 4."""

    SPECIFY_NEEDS = 1
    DESIGN = 2
    BUILD = 3
    COLLECT = 4
    PROCESS = 5
    ANALYSE = 6
    DISSEMINATE = 7
    EVALUATE = 8

    @property
    def entry(self) -> Entry:
        """The phase's catalogue entry."""
        return _PHASES[self]

    @property
    def subprocesses(self) -> tuple[GSBPMSubProcess, ...]:
        """The phase's sub-processes, in code order."""
        return tuple(s for s in GSBPM_SUBPROCESSES if s.phase is self)

    @property
    def stages(self) -> tuple[Stage, ...]:
        """The value-chain stages the framework maps to this phase (para 12)."""
        return tuple(s for s in Stage if self.value in s.gsbpm_phases)


@attrs.frozen(slots=True)
class GSBPMSubProcess:
    """One GSBPM v5.1 sub-process, e.g. ``4.3 Run collection``.

    Attributes:
        code: The standard's code, ``"1.1"`` to ``"8.3"``.
        phase: The phase it belongs to.
        name: The standard's name for it.
    """

    code: str
    phase: GSBPMPhase
    name: str

    @property
    def key(self) -> str:
        """The code, which the standard keeps stable across revisions."""
        return self.code

    @property
    def number(self) -> int:
        """The sub-process's position within its phase (the part of the code after the dot)."""
        return int(self.code.split(".")[1])

    @property
    def title(self) -> str:
        """The code and the standard's name, e.g. ``"4.3 Run collection"``."""
        return f"{self.code} {self.name}"

    @property
    def summary(self) -> str:
        """Where the sub-process sits in the model."""
        return f"Sub-process {self.code} of the {self.phase.title} phase of GSBPM v5.1."

    @property
    def citations(self) -> tuple[str, ...]:
        """The framework's pointer to the standard."""
        return ("footnote 4",)

    @classmethod
    def from_code(cls, code: str) -> GSBPMSubProcess:
        """The sub-process with this code, e.g. ``"5.3"``.

        Raises:
            KeyError: If the standard has no such code; the message lists the codes.
        """
        for sub in GSBPM_SUBPROCESSES:
            if sub.code == code:
                return sub
        allowed = ", ".join(s.code for s in GSBPM_SUBPROCESSES)
        raise KeyError(f"GSBPM v5.1 has no sub-process {code!r}; allowed: {allowed}")


def _phase(key: str, number: int, title: str, summary: str) -> Entry:
    return Entry(key=key, number=number, title=title, summary=summary, citations=_CITES)


_PHASES: dict[GSBPMPhase, Entry] = {
    GSBPMPhase.SPECIFY_NEEDS: _phase(
        "specify_needs",
        1,
        "Specify needs",
        "Finding out what users want, checking what data already exist and making the case.",
    ),
    GSBPMPhase.DESIGN: _phase(
        "design",
        2,
        "Design",
        "Working out outputs, variables, collection, sampling, processing and the workflow.",
    ),
    GSBPMPhase.BUILD: _phase(
        "build",
        3,
        "Build",
        "Making or reusing instruments and systems, and testing them before production.",
    ),
    GSBPMPhase.COLLECT: _phase(
        "collect",
        4,
        "Collect",
        "Drawing the sample, setting up and running data gathering, and closing it off.",
    ),
    GSBPMPhase.PROCESS: _phase(
        "process",
        5,
        "Process",
        "Integrating, coding, validating, editing and weighting the data into clean files.",
    ),
    GSBPMPhase.ANALYSE: _phase(
        "analyse",
        6,
        "Analyse",
        "Drafting, checking and interpreting outputs and protecting confidential cells.",
    ),
    GSBPMPhase.DISSEMINATE: _phase(
        "disseminate",
        7,
        "Disseminate",
        "Publishing and promoting the products and supporting their users.",
    ),
    GSBPMPhase.EVALUATE: _phase(
        "evaluate",
        8,
        "Evaluate",
        "Gathering evidence on how the process went and agreeing what to improve.",
    ),
}

_NAMES: dict[GSBPMPhase, tuple[str, ...]] = {
    GSBPMPhase.SPECIFY_NEEDS: (
        "Identify needs",
        "Consult and confirm needs",
        "Establish output objectives",
        "Identify concepts",
        "Check data availability",
        "Prepare and submit business case",
    ),
    GSBPMPhase.DESIGN: (
        "Design outputs",
        "Design variable descriptions",
        "Design collection",
        "Design frame and sample",
        "Design processing and analysis",
        "Design production systems and workflow",
    ),
    GSBPMPhase.BUILD: (
        "Reuse or build collection instruments",
        "Reuse or build processing and analysis components",
        "Reuse or build dissemination components",
        "Configure workflows",
        "Test production systems",
        "Test statistical business process",
        "Finalise production systems",
    ),
    GSBPMPhase.COLLECT: (
        "Create frame and select sample",
        "Set up collection",
        "Run collection",
        "Finalise collection",
    ),
    GSBPMPhase.PROCESS: (
        "Integrate data",
        "Classify and code",
        "Review and validate",
        "Edit and impute",
        "Derive new variables and units",
        "Calculate weights",
        "Calculate aggregates",
        "Finalise data files",
    ),
    GSBPMPhase.ANALYSE: (
        "Prepare draft outputs",
        "Validate outputs",
        "Interpret and explain outputs",
        "Apply disclosure control",
        "Finalise outputs",
    ),
    GSBPMPhase.DISSEMINATE: (
        "Update output systems",
        "Produce dissemination products",
        "Manage release of dissemination products",
        "Promote dissemination products",
        "Manage user support",
    ),
    GSBPMPhase.EVALUATE: (
        "Gather evaluation inputs",
        "Conduct evaluation",
        "Agree an action plan",
    ),
}

#: All 44 sub-processes of GSBPM v5.1, in code order (1.1 ... 8.3).
GSBPM_SUBPROCESSES: tuple[GSBPMSubProcess, ...] = tuple(
    GSBPMSubProcess(code=f"{phase.value}.{i}", phase=phase, name=name)
    for phase, names in _NAMES.items()
    for i, name in enumerate(names, start=1)
)
