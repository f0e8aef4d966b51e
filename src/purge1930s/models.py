"""
The records: typed, frozen, sourced.

Every record class is an attrs class that is frozen, slotted and keyword-only. Sequences are
tuples, so a record loaded from the bundled data can be shared and hashed but never changed.
Field values that historians dispute keep their alternatives in ``variants``.

Two distinctions run through the model:

* **Sentence is not outcome.** :class:`Sentence` is what a court or extrajudicial body
  decreed; :class:`Outcome` is what then happened (shot on a date, killed in prison years
  later, released). A later :class:`Rehabilitation` is a third, separate fact.
* **Charges are allegations.** The charges of the purge trials were fabricated and the
  confessions coerced. :attr:`Trial.charges` lists the articles of the criminal code that
  were *alleged*; nothing in the data states them as fact.
"""

from __future__ import annotations

import enum

import attrs

from purge1930s.dates import HistoricalDate

__all__ = [
    "Body",
    "BodyKind",
    "Citation",
    "DeathCause",
    "Defendant",
    "Derivation",
    "Event",
    "EventKind",
    "FigureVariant",
    "Outcome",
    "OutcomeKind",
    "Period",
    "Person",
    "Position",
    "Procedure",
    "ProcedureKind",
    "Record",
    "Rehabilitation",
    "Role",
    "Seats",
    "Sentence",
    "SentenceKind",
    "Source",
    "SourceKind",
    "Statistic",
    "Trial",
    "Variant",
]


def _doc(text: str) -> dict[str, str]:
    """Field metadata: what the field means (used by the docs and the exports)."""
    return {"doc": text}


# --- vocabularies -------------------------------------------------------------------------


class SourceKind(enum.StrEnum):
    """What kind of document a :class:`Source` is; it says how far to trust it."""

    REFERENCE_WORK = "reference-work"
    """An encyclopedia article or a mirror of one."""
    SCHOLARLY_WORK = "scholarly-work"
    """A book or article by historians."""
    ACCUSING_RECORD = "accusing-record"
    """Indictment, verdict or trial report published by the accusing side: evidence of what
    was alleged and decreed, never of what the accused did."""
    OFFICIAL_ACT = "official-act"
    """The text of a law, decree, order or resolution."""
    OFFICIAL_REPORT = "official-report"
    """A report by a state or party body, such as Khrushchev's speech of 25 February 1956."""
    MEMOIR = "memoir"
    """Recollections of a participant or witness."""
    REHABILITATION_FINDING = "rehabilitation-finding"
    """A later finding that reviewed a case and cleared the accused."""
    STATISTICAL_REPORT = "statistical-report"
    """A compilation of figures, such as the NKVD's own statistics."""
    DOCUMENT_COLLECTION = "document-collection"
    """A published collection of archival documents."""
    JOURNALISM = "journalism"
    """Newspaper or magazine reporting."""


class DeathCause(enum.StrEnum):
    """How a person died."""

    EXECUTED = "executed"
    """Shot after a sentence of death by a court or extrajudicial body."""
    SUICIDE = "suicide"
    DIED_IN_CUSTODY = "died-in-custody"
    """Died in prison, under interrogation or in a camp, without a death sentence carried out."""
    KILLED = "killed"
    """Killed outside any sentence (murdered in prison, assassinated)."""
    NATURAL = "natural"
    UNKNOWN = "unknown"
    """The sources give a death but not its cause."""


class Role(enum.StrEnum):
    """The kind of place a person held in a body (see :class:`Position`)."""

    MEMBER = "member"
    """A full (voting) member."""
    CANDIDATE = "candidate"
    """A candidate (non-voting) member, as in the Central Committee and the Politburo."""
    HEAD = "head"
    """The head of a body, e.g. the People's Commissar at the head of the NKVD."""
    DEPUTY = "deputy"
    SECRETARY = "secretary"
    HOLDER = "holder"
    """The holder of a post that is not a membership of a body."""


class EventKind(enum.StrEnum):
    """What kind of thing happened at an :class:`Event`."""

    ASSASSINATION = "assassination"
    DECREE = "decree"
    ARREST = "arrest"
    TRIAL = "trial"
    """A trial's sessions; ``end`` is the last day."""
    VERDICT = "verdict"
    EXECUTION = "execution"
    DEATH = "death"
    SUICIDE = "suicide"
    PLENUM = "plenum"
    CONGRESS = "congress"
    APPOINTMENT = "appointment"
    DISMISSAL = "dismissal"
    ORDER = "order"
    REPORT = "report"
    ANNOUNCEMENT = "announcement"
    LETTER = "letter"
    RELEASE = "release"
    REHABILITATION = "rehabilitation"
    """A later review that cleared someone; usually long after their death."""
    OTHER = "other"


class SentenceKind(enum.StrEnum):
    """What a court or extrajudicial body decreed."""

    DEATH = "death"
    """The "supreme measure of punishment": shooting."""
    IMPRISONMENT = "imprisonment"
    EXILE = "exile"
    ACQUITTAL = "acquittal"
    OTHER = "other"


class OutcomeKind(enum.StrEnum):
    """What became of a defendant after the sentence."""

    SHOT = "shot"
    """Executed; :attr:`Outcome.date` is the day of the shooting."""
    DIED_IN_CUSTODY = "died-in-custody"
    KILLED = "killed"
    """Killed in prison without a new sentence being carried out, or murdered."""
    RELEASED = "released"
    COMMUTED = "commuted"
    """The sentence was changed (e.g. death commuted to prison)."""
    SURVIVED = "survived"
    UNKNOWN = "unknown"


class ProcedureKind(enum.StrEnum):
    """What sort of instrument a :class:`Procedure` is."""

    LAW = "law"
    ORDER = "order"
    RESOLUTION = "resolution"
    EXTRAJUDICIAL_BODY = "extrajudicial-body"
    """A body that sentenced people outside the courts (the Special Council, the troikas)."""
    LETTER = "letter"
    """A party directive sent as a (closed) letter."""


class BodyKind(enum.StrEnum):
    """What sort of organisation a :class:`Body` is."""

    PARTY = "party"
    STATE = "state"
    MILITARY = "military"
    SECURITY = "security"
    JUDICIAL = "judicial"


# --- small value records ------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Citation:
    """
    A pointer into a :class:`Source`: the source's id and where in it to look.

    ``locator`` is a section, paragraph, table row or page (e.g. ``"section 'Trial'"``).
    """

    source: str = attrs.field(metadata=_doc("Id of the cited Source."))
    locator: str = attrs.field(
        default="", metadata=_doc("Where in the source: section, paragraph, table row or page.")
    )


@attrs.frozen(kw_only=True)
class Variant:
    """
    A value that some source gives for a field where the data keeps another.

    ``field`` names the field (``"died"``, ``"count"``, ``"defendants[3].outcome.date"``),
    ``value`` is the value as published (EDTF text for dates), ``note`` says why it is not
    the preferred value, and ``citations`` say who published it.
    """

    field: str = attrs.field(
        metadata=_doc(
            "The field the variant concerns, as a path: died, positions[0].end, "
            "defendants[3].outcome.date."
        )
    )
    value: str | int = attrs.field(
        metadata=_doc("The value as that source publishes it (EDTF text for dates).")
    )
    note: str = attrs.field(
        default="", metadata=_doc("How and why it differs from the preferred value.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Who published this value.")
    )


@attrs.frozen(kw_only=True)
class FigureVariant:
    """
    Another published value of a :class:`Statistic`, with its own count, total and percentage
    as that source gives them (any may be missing). ``text`` keeps the figure as published
    when it is not one number ("437,000-445,000", "over 680,500"); ``note`` says how it
    differs from the preferred value.
    """

    count: int | None = attrs.field(default=None, metadata=_doc("The count that source gives."))
    total: int | None = attrs.field(
        default=None,
        metadata=_doc("The total that source gives, if it differs from the preferred one."),
    )
    percent: float | None = attrs.field(
        default=None, metadata=_doc("The percentage as that source states it.")
    )
    text: str = attrs.field(
        default="",
        metadata=_doc(
            "The figure as published when it is not one number (a range, 'over 680,500')."
        ),
    )
    note: str = attrs.field(
        default="", metadata=_doc("How and why it differs from the preferred value.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Who published this value.")
    )


@attrs.frozen(kw_only=True)
class Period:
    """A span of time; either end may be unknown (``None``)."""

    start: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("First day the period can include (None: open).")
    )
    end: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("Last day the period can include (None: open).")
    )


@attrs.frozen(kw_only=True)
class Position:
    """
    A post or membership a person held: a membership of a :class:`Body` when ``body`` is set.

    ``start`` and ``end`` are when it began and ended; ``None`` means the sources give no
    date (for ``end``: held until death, or not recorded).
    """

    title: str = attrs.field(metadata=_doc("The post as the sources name it, in English."))
    body: str | None = attrs.field(
        default=None,
        metadata=_doc(
            "Id of the Body this is a membership of, or None for a post outside the bodies."
        ),
    )
    role: Role = attrs.field(
        default=Role.HOLDER,
        metadata=_doc("Member, candidate, head, deputy, secretary, or holder of a post."),
    )
    start: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When the person took up the post (None: not recorded).")
    )
    end: HistoricalDate | None = attrs.field(
        default=None,
        metadata=_doc("When the person left it (None: held until death, or not recorded)."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for this post, where they differ from the person's.")
    )


@attrs.frozen(kw_only=True)
class Rehabilitation:
    """A later finding that cleared a person: when, by whom, with sources."""

    date: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When the finding was made (at the precision given).")
    )
    by: str | None = attrs.field(
        default=None, metadata=_doc("The body that made it, e.g. the Supreme Court of the USSR.")
    )
    note: str = attrs.field(
        default="", metadata=_doc("What was annulled, and any doubt about the date.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the rehabilitation.")
    )


@attrs.frozen(kw_only=True)
class Sentence:
    """
    What the court decreed. ``years`` is the term for imprisonment or exile and is ``None``
    for a death sentence.
    """

    kind: SentenceKind = attrs.field(
        metadata=_doc("Death, imprisonment, exile, acquittal or other: what was decreed.")
    )
    years: int | None = attrs.field(
        default=None,
        metadata=_doc("Term of imprisonment or exile in years; None for a death sentence."),
    )
    note: str = attrs.field(
        default="",
        metadata=_doc("Anything else in the sentence (confiscation of property, a later change)."),
    )


@attrs.frozen(kw_only=True)
class Outcome:
    """What then happened to the defendant, and when (``date``)."""

    kind: OutcomeKind = attrs.field(
        metadata=_doc(
            "What happened after the sentence: shot, killed, died in custody, released..."
        )
    )
    date: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When it happened; for a shooting, the date of execution.")
    )
    note: str = attrs.field(default="", metadata=_doc("Where and how, and any doubt."))


@attrs.frozen(kw_only=True)
class Defendant:
    """
    One person on a trial's bench: the person's id, the sentence, and what became of them.
    """

    person: str = attrs.field(metadata=_doc("Id of the Person on the bench."))
    sentence: Sentence = attrs.field(metadata=_doc("What the court decreed."))
    outcome: Outcome = attrs.field(metadata=_doc("What then happened to the defendant."))
    notes: str = attrs.field(
        default="",
        metadata=_doc(
            "What was alleged against this defendant and how the defendant pleaded; "
            "the charges were fabricated."
        ),
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for this defendant's sentence and fate.")
    )

    @property
    def executed(self) -> HistoricalDate | None:
        """The date of shooting, or ``None`` if the defendant was not shot after this trial."""
        if self.outcome.kind is OutcomeKind.SHOT:
            return self.outcome.date
        return None


@attrs.frozen(kw_only=True)
class Seats:
    """
    How many places of one role a body had when it was constituted: the 71 full members
    and 68 candidates the 17th Congress elected to the Central Committee are two of these.
    """

    role: Role = attrs.field(metadata=_doc("Member, candidate...: the kind of place."))
    count: int = attrs.field(
        validator=attrs.validators.ge(0),
        metadata=_doc("How many people were elected or appointed to it at the start."),
    )


@attrs.frozen(kw_only=True)
class Derivation:
    """
    How a :class:`Statistic` is recomputed from person records.

    The cohort is everyone who held a position in ``body`` with one of ``roles`` whose
    position started within ``started`` and was held at some time within ``held`` (either
    test is skipped when ``None``). The count is those of the cohort whose ``death_cause``
    is one of ``fates`` and who died within ``died``; or, when ``absent_from`` names a
    later body, those of the cohort who held no position in it (who were not re-elected),
    whatever their fate.
    """

    body: str = attrs.field(metadata=_doc("Id of the Body whose members form the cohort."))
    roles: tuple[Role, ...] = attrs.field(
        default=(Role.MEMBER, Role.CANDIDATE),
        metadata=_doc("Which roles in the body count (e.g. member and candidate)."),
    )
    started: Period | None = attrs.field(
        default=None,
        metadata=_doc("Only memberships that started within this period count (None: any)."),
    )
    held: Period | None = attrs.field(
        default=None,
        metadata=_doc("Only memberships held at some time in this period count (None: any)."),
    )
    fates: tuple[DeathCause, ...] = attrs.field(
        default=(DeathCause.EXECUTED,), metadata=_doc("Death causes that are counted.")
    )
    died: Period | None = attrs.field(
        default=None, metadata=_doc("Only deaths within this period are counted (None: any).")
    )
    absent_from: str | None = attrs.field(
        default=None,
        metadata=_doc(
            "Id of a later Body: count those of the cohort with no position in it, instead "
            "of counting deaths (``fates`` and ``died`` are then not used)."
        ),
    )
    note: str = attrs.field(
        default="", metadata=_doc("How the published figure's definition maps onto these rules.")
    )


# --- records ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """
    A document the data cites. ``kind`` says what sort of document it is; ``year`` is its
    publication year when the document states one; ``accessed`` when it was read.
    """

    id: str = attrs.field(metadata=_doc("Stable id of the source."))
    kind: SourceKind = attrs.field(
        metadata=_doc("What sort of document: reference work, scholarly work, accusing record...")
    )
    title: str = attrs.field(metadata=_doc("Title of the page, article, book or document."))
    author: str | None = attrs.field(default=None, metadata=_doc("Author(s), where named."))
    publisher: str | None = attrs.field(default=None, metadata=_doc("Site, publisher or journal."))
    year: int | None = attrs.field(
        default=None, metadata=_doc("Year of publication, where the document states it.")
    )
    url: str | None = attrs.field(default=None, metadata=_doc("Where the document was read."))
    accessed: HistoricalDate | None = attrs.field(default=None, metadata=_doc("When it was read."))
    note: str = attrs.field(
        default="",
        metadata=_doc(
            "Caveats: a mirror of another page, a machine translation, a partisan author."
        ),
    )


@attrs.frozen(kw_only=True)
class Person:
    """
    A person: victim, perpetrator, or both (many were both).

    ``name`` is the preferred English form, ``name_ru`` the Russian (given name, patronymic,
    surname), ``aliases`` other transliterations, birth names and pseudonyms. ``born`` and
    ``died`` are at the precision the sources give; ``death_cause`` says how the person died.
    """

    id: str = attrs.field(metadata=_doc("Stable id: given name and surname as a lowercase slug."))
    name: str = attrs.field(metadata=_doc("Preferred English form of the name."))
    name_ru: str | None = attrs.field(
        default=None, metadata=_doc("The name in Russian: given name, patronymic, surname.")
    )
    aliases: tuple[str, ...] = attrs.field(
        default=(),
        metadata=_doc("Other transliterations, birth names, pseudonyms and short forms."),
    )
    born: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("Date of birth at the precision the sources give (new style).")
    )
    died: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("Date of death at the precision the sources give.")
    )
    death_cause: DeathCause | None = attrs.field(
        default=None,
        metadata=_doc(
            "How the person died: executed, suicide, died in custody, killed, natural, unknown."
            " Required with a date of death; may be given without one (shot, date unknown)."
        ),
    )
    positions: tuple[Position, ...] = attrs.field(
        default=(),
        metadata=_doc(
            "Posts and memberships that made the person prominent or that matter to the purge."
        ),
    )
    rehabilitated: Rehabilitation | None = attrs.field(
        default=None, metadata=_doc("The later finding that cleared the person, if any.")
    )
    summary: str = attrs.field(
        default="",
        metadata=_doc("Who the person was and what happened to them, in the project's own words."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the record.")
    )
    variants: tuple[Variant, ...] = attrs.field(
        default=(), metadata=_doc("Values of fields that other sources give differently.")
    )


@attrs.frozen(kw_only=True)
class Body:
    """
    An organisation people belonged to: the Politburo, the Central Committee, the NKVD,
    the marshals of the Soviet Union. ``start``/``end`` bound the body (or term) itself;
    ``seats`` gives its size where it was elected as a whole.
    """

    id: str = attrs.field(metadata=_doc("Stable id of the body."))
    name: str = attrs.field(metadata=_doc("Name in English."))
    name_ru: str | None = attrs.field(default=None, metadata=_doc("Name in Russian."))
    aliases: tuple[str, ...] = attrs.field(
        default=(), metadata=_doc("Other names and abbreviations.")
    )
    kind: BodyKind = attrs.field(metadata=_doc("Party, state, military, security or judicial."))
    start: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When the body (or rank) was created.")
    )
    end: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When it was abolished or renamed.")
    )
    seats: tuple[Seats, ...] = attrs.field(
        default=(),
        metadata=_doc(
            "For a body elected as a whole (a Central Committee), how many places of each role "
            "it had at its start; empty where the size changed freely."
        ),
    )
    summary: str = attrs.field(
        default="", metadata=_doc("What the body was and what it did in the purge.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the record.")
    )


@attrs.frozen(kw_only=True)
class Event:
    """
    Something that happened on a date (and, for spans such as a trial's sessions, until
    ``end``): who took part, which trials and procedures it belongs to.

    ``posthumous`` marks an event about people who were already dead (a review of their
    case, a rehabilitation, a report on how they were killed); only such an event may name
    a person after the recorded death.
    """

    id: str = attrs.field(metadata=_doc("Stable id of the event."))
    title: str = attrs.field(metadata=_doc("A short title in the project's own words."))
    date: HistoricalDate = attrs.field(
        metadata=_doc("When it happened (or began), at the precision the sources give.")
    )
    end: HistoricalDate | None = attrs.field(
        default=None,
        metadata=_doc("Last day, for events that span days (a trial's sessions); else None."),
    )
    kind: EventKind = attrs.field(
        metadata=_doc("Assassination, decree, arrest, trial, verdict, execution, appointment...")
    )
    people: tuple[str, ...] = attrs.field(default=(), metadata=_doc("Ids of the people involved."))
    trials: tuple[str, ...] = attrs.field(
        default=(), metadata=_doc("Ids of the trials it belongs to.")
    )
    procedures: tuple[str, ...] = attrs.field(
        default=(), metadata=_doc("Ids of the procedures it enacted, applied or ended.")
    )
    place: str | None = attrs.field(default=None, metadata=_doc("Where it happened."))
    posthumous: bool = attrs.field(
        default=False,
        metadata=_doc("True when the event concerns people already dead (a review, a report)."),
    )
    summary: str = attrs.field(
        default="", metadata=_doc("What happened, in the project's own words.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the record.")
    )
    variants: tuple[Variant, ...] = attrs.field(
        default=(), metadata=_doc("Values of fields that other sources give differently.")
    )


@attrs.frozen(kw_only=True)
class Trial:
    """
    A trial: the court, the bench, the prosecution, and every defendant.

    ``start`` is the first session and ``end`` the last; ``verdict`` is the day the
    sentence was pronounced, which can be the day after the last session (verdicts were
    often read in the small hours). ``public`` is ``False`` for closed trials. ``charges``
    lists the articles of the criminal code *alleged*: the charges were fabricated.
    """

    id: str = attrs.field(metadata=_doc("Stable id of the trial."))
    name: str = attrs.field(metadata=_doc("Preferred English name."))
    name_ru: str | None = attrs.field(default=None, metadata=_doc("Name in Russian."))
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_doc("Official and common names."))
    court: str = attrs.field(metadata=_doc("The court or body that tried the case."))
    public: bool = attrs.field(metadata=_doc("False for a closed trial."))
    start: HistoricalDate = attrs.field(metadata=_doc("First day of the sessions."))
    end: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("Last day of the sessions.")
    )
    verdict: HistoricalDate | None = attrs.field(
        default=None,
        metadata=_doc("Day the sentence was pronounced (often after midnight, so later than end)."),
    )
    presiding_judge: str | None = attrs.field(
        default=None, metadata=_doc("Id of the presiding judge.")
    )
    judges: tuple[str, ...] = attrs.field(
        default=(), metadata=_doc("Ids of the other members of the bench.")
    )
    prosecutor: str | None = attrs.field(default=None, metadata=_doc("Id of the prosecutor."))
    procedure: str | None = attrs.field(
        default=None, metadata=_doc("Id of the special procedure the trial was held under, if any.")
    )
    charges: tuple[str, ...] = attrs.field(
        default=(),
        metadata=_doc("Articles of the criminal code alleged (the charges were fabricated)."),
    )
    defendants: tuple[Defendant, ...] = attrs.field(
        default=(), metadata=_doc("Every defendant, with sentence and fate.")
    )
    summary: str = attrs.field(
        default="", metadata=_doc("What the trial was, in the project's own words.")
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the record.")
    )
    variants: tuple[Variant, ...] = attrs.field(
        default=(), metadata=_doc("Values of fields that other sources give differently.")
    )


@attrs.frozen(kw_only=True)
class Procedure:
    """
    A legal or extrajudicial instrument of the repression: a law, an order, a resolution,
    or a sentencing body, with its provisions and when it was enacted and repealed.
    """

    id: str = attrs.field(metadata=_doc("Stable id of the procedure."))
    name: str = attrs.field(metadata=_doc("Name in English."))
    name_ru: str | None = attrs.field(default=None, metadata=_doc("Name in Russian."))
    aliases: tuple[str, ...] = attrs.field(default=(), metadata=_doc("Other names."))
    kind: ProcedureKind = attrs.field(
        metadata=_doc("Law, order, resolution, extrajudicial body or letter.")
    )
    enacted: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When it was adopted or signed.")
    )
    enacted_by: str | None = attrs.field(default=None, metadata=_doc("Who adopted or signed it."))
    provisions: tuple[str, ...] = attrs.field(
        default=(),
        metadata=_doc("What it laid down, one provision per item, in the project's own words."),
    )
    repealed: HistoricalDate | None = attrs.field(
        default=None, metadata=_doc("When it was repealed or abolished, if known.")
    )
    repealed_by: str | None = attrs.field(default=None, metadata=_doc("By what act."))
    summary: str = attrs.field(default="", metadata=_doc("What it was and how it was used."))
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the record.")
    )
    variants: tuple[Variant, ...] = attrs.field(
        default=(), metadata=_doc("Values of fields that other sources give differently.")
    )


@attrs.frozen(kw_only=True)
class Statistic:
    """
    A published figure: ``count`` out of ``total`` (if any), the ``percent`` as the source
    states it, and exactly what is counted (``scope``). A figure published only as a share
    or in words has ``count`` ``None`` and says so in ``text``. Other published values are
    in ``variants``; ``derived_from`` says how to recompute it from person records, where
    that is possible (see :meth:`purge1930s.Dataset.recompute`).
    """

    id: str = attrs.field(metadata=_doc("Stable id of the figure."))
    label: str = attrs.field(metadata=_doc("What the figure is, in a line."))
    count: int | None = attrs.field(
        default=None,
        metadata=_doc(
            "The number counted (None when the figure is published only as a share or in words)."
        ),
    )
    total: int | None = attrs.field(
        default=None, metadata=_doc("The whole it is counted out of, if any.")
    )
    percent: float | None = attrs.field(
        default=None, metadata=_doc("The percentage exactly as the source states it.")
    )
    text: str = attrs.field(
        default="", metadata=_doc("The figure in words, when it is not one number.")
    )
    unit: str = attrs.field(
        default="persons", metadata=_doc("What is counted: persons, by default.")
    )
    period: Period | None = attrs.field(default=None, metadata=_doc("The time the figure covers."))
    scope: str = attrs.field(default="", metadata=_doc("Exactly what is counted and by whom."))
    derived_from: Derivation | None = attrs.field(
        default=None,
        metadata=_doc("How to recompute the figure from person records, where possible."),
    )
    citations: tuple[Citation, ...] = attrs.field(
        default=(), metadata=_doc("Sources for the preferred value.")
    )
    variants: tuple[FigureVariant, ...] = attrs.field(
        default=(), metadata=_doc("Other published values, each with its source.")
    )


#: Any record that has an ``id`` and lives in a collection of the dataset.
Record = Source | Person | Body | Event | Trial | Procedure | Statistic
