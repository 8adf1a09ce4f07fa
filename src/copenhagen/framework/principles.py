"""The 13 principles of citizen data (para 17) and notes on implementing them (paras 18-31).

Para 17 says the principles draw on existing data and statistical principles, naming the
Fundamental Principles of Official Statistics and the human rights-based approach to data; para 23
adds the UN National Quality Assurance Framework for principle 5. Para 18 says the principles need
an enabling environment to work.
"""

from __future__ import annotations

from enum import IntEnum, StrEnum

import attrs

from copenhagen.framework._catalogue import CatalogueMember, Entry

__all__ = [
    "PRINCIPLES_IMPLEMENTATION",
    "PRINCIPLE_KEYS",
    "ExternalStandard",
    "Principle",
    "PrincipleEntry",
]


class ExternalStandard(CatalogueMember, StrEnum):  # type: ignore[misc]  # .title shadows str.title
    """An outside standard the principles draw on (paras 17, 23)."""

    FPOS = "fpos"
    NQAF = "nqaf"
    HRBA = "hrba"

    @property
    def entry(self) -> Entry:
        """The standard's catalogue entry."""
        return _STANDARDS[self]


@attrs.frozen(slots=True)
class PrincipleEntry(Entry):
    """A principle's catalogue entry.

    Attributes:
        statement: What the principle asks for (para 17), in our own words.
        implementation: The text's note on putting it into practice (paras 19-31), in our words.
        implementation_citations: The paragraphs of that note.
        standards: The outside standards the principle refers to.
    """

    statement: str
    implementation: str
    implementation_citations: tuple[str, ...]
    standards: tuple[ExternalStandard, ...]


class Principle(CatalogueMember, IntEnum):
    """One of the 13 principles of citizen data (para 17)."""

    INDEPENDENCE = 1
    RELEVANCE = 2
    PARTICIPATION_AND_INCLUSION = 3
    INFORMED_CONSENT = 4
    PROFESSIONAL_STANDARDS = 5
    DATA_SECURITY = 6
    SELF_IDENTIFICATION = 7
    DATA_SOVEREIGNTY = 8
    TRANSPARENCY = 9
    ETHICAL_AND_SAFE_USE = 10
    ACCOUNTABILITY = 11
    CONFIDENTIALITY = 12
    OPENNESS = 13

    @property
    def entry(self) -> PrincipleEntry:
        """The principle's catalogue entry."""
        return _CATALOGUE[self]

    @property
    def statement(self) -> str:
        """What the principle asks for (para 17), in our own words."""
        return self.entry.statement

    @property
    def implementation(self) -> str:
        """How the text says to put it into practice (paras 19-31), in our own words."""
        return self.entry.implementation

    @property
    def implementation_citations(self) -> tuple[str, ...]:
        """The paragraphs of the implementation note (paras 19-31)."""
        return self.entry.implementation_citations

    @property
    def standards(self) -> tuple[ExternalStandard, ...]:
        """The outside standards the principle refers to (paras 17, 23)."""
        return self.entry.standards


#: Para 18's note on the principles as a whole. Para 18 sends the reader to "chapter IV" for the
#: enabling environment, which is chapter V (paras 36-44); the entry cites chapter V (CAT-11).
PRINCIPLES_IMPLEMENTATION = Entry(
    key="implementation_of_the_principles",
    number=None,
    title="Implementing the principles",
    summary=(
        "The principles work only where there is an enabling environment, which chapter V sets "
        "out (paras 36-44; para 18 refers to chapter IV, a slip). Notes on upholding each "
        "principle follow (paras 19-31)."
    ),
    citations=("para 18", "paras 36-44"),
)

#: Each principle's key in documents and results (its lower-case member name, contract
#: section 1), in `Principle` order.
PRINCIPLE_KEYS: tuple[str, ...] = tuple(p.name.lower() for p in Principle)


_STANDARDS: dict[ExternalStandard, Entry] = {
    ExternalStandard.FPOS: Entry(
        key="fpos",
        number=None,
        title="Fundamental Principles of Official Statistics",
        summary=(
            "The UN's principles for official statistics; one source the 13 principles are "
            "drawn from, and a guide to NSOs as custodians of official statistics."
        ),
        citations=("para 17", "para 23", "para 33"),
    ),
    ExternalStandard.NQAF: Entry(
        key="nqaf",
        number=None,
        title="UN National Quality Assurance Framework",
        summary=(
            "The UN framework for assuring the quality of official statistics, named as a "
            "reference for professional standards."
        ),
        citations=("para 23",),
    ),
    ExternalStandard.HRBA: Entry(
        key="hrba",
        number=None,
        title="Human rights-based approach to data",
        summary=(
            "An approach that puts human rights at the centre of data work; the other named "
            "source of the 13 principles."
        ),
        citations=("para 17",),
    ),
}

_ALL = (ExternalStandard.FPOS, ExternalStandard.HRBA)


def _p(
    key: str,
    number: int,
    title: str,
    summary: str,
    statement: str,
    implementation: str,
    where: tuple[str, ...],
    standards: tuple[ExternalStandard, ...] = _ALL,
) -> PrincipleEntry:
    return PrincipleEntry(
        key=key,
        number=number,
        title=title,
        summary=summary,
        citations=("para 17", *where),
        statement=statement,
        implementation=implementation,
        implementation_citations=where,
        standards=standards,
    )


_CATALOGUE: dict[Principle, PrincipleEntry] = {
    Principle.INDEPENDENCE: _p(
        "independence",
        1,
        "Independence",
        "No political, donor or other outside pressure shapes the data work.",
        "Starting and running the collection is kept clear of unwanted pressure from "
        "politicians, donors or other organisations.",
        "The collection must not be bent to serve an agenda that would damage the quality or "
        "usefulness of its results. Read with principle 2, the choice of issues rests with "
        "citizens or the organisations speaking for them, not with political interests.",
        ("para 19", "para 20"),
    ),
    Principle.RELEVANCE: _p(
        "relevance",
        2,
        "Relevance",
        "The data answer the questions citizens and communities care about.",
        "What is collected responds directly to the issues that citizens, communities or "
        "their representative organisations have named or value.",
        "Together with principle 1: citizens pick the issues and decide for themselves how to "
        "look at them, and gather data that meet their own needs.",
        ("para 20",),
    ),
    Principle.PARTICIPATION_AND_INCLUSION: _p(
        "participation_and_inclusion",
        3,
        "Participation and inclusion",
        "Every group concerned, vulnerable and marginalised ones included, can take part on "
        "fair terms.",
        "All groups with a stake are involved, vulnerable and marginalised people included, "
        "and taking part is free, open, fair, accessible and transparent.",
        "Paying participants, as some citizen science projects do, does not breach it; "
        "participation should be meaningful, share decisions and recognise participants' agency.",
        ("para 21",),
    ),
    Principle.INFORMED_CONSENT: _p(
        "informed_consent",
        4,
        "Informed consent",
        "People agree freely and knowingly before their data are gathered.",
        "People give voluntary consent, based on full information, before any data about them "
        "are collected; they keep control of their data and know why and how they are used.",
        "Participants receive what they need to decide whether to join: the aim, the procedures, "
        "the risks and benefits, and how the data will be used and kept. With principle 9 it "
        "builds trust between producers and participants.",
        ("para 22", "para 27"),
    ),
    Principle.PROFESSIONAL_STANDARDS: _p(
        "professional_standards",
        5,
        "Professional standards",
        "Sound, scientific methods make the data fit for their use.",
        "Collection, processing and dissemination follow professional, methodological and "
        "scientific practice so the data are of good quality, relevant and fit for use, and so "
        "have the most effect on society or policy.",
        "Expectations should reflect what each party can and cannot do, and draw on "
        "international standards such as the FPOS and the NQAF.",
        ("para 23",),
        (ExternalStandard.FPOS, ExternalStandard.NQAF, ExternalStandard.HRBA),
    ),
    Principle.DATA_SECURITY: _p(
        "data_security",
        6,
        "Data security",
        "Rights in the data and their safe keeping are settled and enforced.",
        "Copyright, intellectual property, agreements for sharing data, and the measures for "
        "storing and managing data safely are spelt out and put in place.",
        "Copyright and intellectual property in the data and research are defined and "
        "protected; where data are to be shared widely (not always the case), sharing "
        "agreements are set out and honoured.",
        ("para 24",),
    ),
    Principle.SELF_IDENTIFICATION: _p(
        "self_identification",
        7,
        "Self-definition and self-identification",
        "People define their own group and their own identity.",
        "The population concerned defines itself, and individuals state their own identity and "
        "characteristics, as they choose.",
        "It covers a group's right to self-determination over data about its collective "
        "identity, as for Indigenous groups. Links to social protection can make it hard; "
        "transparency and co-design help, and it should be agreed with the NSO and other "
        "government partners at the start.",
        ("para 25",),
    ),
    Principle.DATA_SOVEREIGNTY: _p(
        "data_sovereignty",
        8,
        "Data sovereignty",
        "Individuals and communities control their data throughout.",
        "People and communities hold the right and the power to control their data at every "
        "stage, from gathering to use, so that the data are handled safely and ethically.",
        "It matters especially to Indigenous Peoples: data must be accurate and fitting for the "
        "community, which may refuse or block particular uses.",
        ("para 26",),
    ),
    Principle.TRANSPARENCY: _p(
        "transparency",
        9,
        "Transparency",
        "Methods, metadata and intended uses are published openly.",
        "Those who collect data publish clear, open metadata and paradata on how they work: the "
        "research design, the collection method and how the data will be used and shared.",
        "With principle 4 it builds trust between producers and participants and keeps "
        "collection and use ethical; every data practice along the value chain should be open "
        "to view.",
        ("para 27",),
    ),
    Principle.ETHICAL_AND_SAFE_USE: _p(
        "ethical_and_safe_use",
        10,
        "Ethical and safe production and use",
        "Human rights, safety and wellbeing come first, and no one is harmed by the data.",
        "Protecting human rights, safety and wellbeing is a main concern along the whole value "
        "chain, and data are used so as not to harm, discriminate against or stigmatise anyone.",
        "Keeping it means keeping all the other principles, from consent, privacy and security "
        "to participation and inclusion, at every stage of producing and using data.",
        ("para 28",),
    ),
    Principle.ACCOUNTABILITY: _p(
        "accountability",
        11,
        "Accountability",
        "Producers answer for human rights and for the effects of their work.",
        "Data producers answer for respecting human rights in how they work and for what their "
        "collection leads to.",
        "It protects people and communities whose safety could be touched, directly or not, by "
        "the data, and applies whether or not national protection rules are in place.",
        ("para 29",),
    ),
    Principle.CONFIDENTIALITY: _p(
        "confidentiality",
        12,
        "Confidentiality, privacy and data attribution",
        "Personal data stay confidential and are used only in aggregate; contributors are "
        "credited safely.",
        "Data about individual people or organisations are kept strictly confidential and used "
        "only for the agreed collective purpose; nothing that could identify someone is ever "
        "disclosed, and contributors get credit without losing that protection.",
        "Clear security measures keep out unauthorised access; individual records serve only "
        "the agreed, aggregate purpose. It is tied to principle 6. Credit is given in ways that "
        "protect privacy, such as collective or anonymous attribution or pseudonyms.",
        ("para 30",),
    ),
    Principle.OPENNESS: _p(
        "openness",
        13,
        "Openness and accessibility",
        "Results are open and reachable by all, with confidentiality kept.",
        "Data are publicly available and accessible to everyone, people with disabilities and "
        "those with little access to technology included, and results are published openly for "
        "use and reuse, without giving up confidentiality and privacy.",
        "It maximises the value of the data through formats and tools for people with specific "
        "needs. Openness is weighed together with confidentiality rather than against it, using "
        "anonymisation and security measures.",
        ("para 31",),
    ),
}
