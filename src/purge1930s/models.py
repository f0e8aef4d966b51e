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
    "Sentence",
    "SentenceKind",
    "Source",
    "SourceKind",
    "Statistic",
    "Trial",
    "Variant",
]


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

    source: str
    locator: str = ""


@attrs.frozen(kw_only=True)
class Variant:
    """
    A value that some source gives for a field where the data keeps another.

    ``field`` names the field (``"died"``, ``"count"``, ``"defendants[3].outcome.date"``),
    ``value`` is the value as published (EDTF text for dates), ``note`` says why it is not
    the preferred value, and ``citations`` say who published it.
    """

    field: str
    value: str | int
    note: str = ""
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class FigureVariant:
    """
    Another published value of a :class:`Statistic`, with its own count, total and percentage
    as that source gives them (any may be missing). ``text`` keeps the figure as published
    when it is not one number ("437,000-445,000", "over 680,500"); ``note`` says how it
    differs from the preferred value.
    """

    count: int | None = None
    total: int | None = None
    percent: float | None = None
    text: str = ""
    note: str = ""
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Period:
    """A span of time; either end may be unknown (``None``)."""

    start: HistoricalDate | None = None
    end: HistoricalDate | None = None


@attrs.frozen(kw_only=True)
class Position:
    """
    A post or membership a person held: a membership of a :class:`Body` when ``body`` is set.

    ``start`` and ``end`` are when it began and ended; ``None`` means the sources give no
    date (for ``end``: held until death, or not recorded).
    """

    title: str
    body: str | None = None
    role: Role = Role.HOLDER
    start: HistoricalDate | None = None
    end: HistoricalDate | None = None
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Rehabilitation:
    """A later finding that cleared a person: when, by whom, with sources."""

    date: HistoricalDate | None = None
    by: str | None = None
    note: str = ""
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Sentence:
    """
    What the court decreed. ``years`` is the term for imprisonment or exile and is ``None``
    for a death sentence.
    """

    kind: SentenceKind
    years: int | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class Outcome:
    """What then happened to the defendant, and when (``date``)."""

    kind: OutcomeKind
    date: HistoricalDate | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class Defendant:
    """
    One person on a trial's bench: the person's id, the sentence, and what became of them.
    """

    person: str
    sentence: Sentence
    outcome: Outcome
    notes: str = ""
    citations: tuple[Citation, ...] = ()

    @property
    def executed(self) -> HistoricalDate | None:
        """The date of shooting, or ``None`` if the defendant was not shot after this trial."""
        if self.outcome.kind is OutcomeKind.SHOT:
            return self.outcome.date
        return None


@attrs.frozen(kw_only=True)
class Derivation:
    """
    How a :class:`Statistic` is recomputed from person records.

    The cohort is everyone who held a position in ``body`` with one of ``roles`` whose
    position started within ``started`` (any time, if ``None``). The count is those of the
    cohort whose ``death_cause`` is one of ``fates`` and who died within ``died``.
    """

    body: str
    roles: tuple[Role, ...] = (Role.MEMBER, Role.CANDIDATE)
    started: Period | None = None
    fates: tuple[DeathCause, ...] = (DeathCause.EXECUTED,)
    died: Period | None = None
    note: str = ""


# --- records ------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Source:
    """
    A document the data cites. ``kind`` says what sort of document it is; ``year`` is its
    publication year when the document states one; ``accessed`` when it was read.
    """

    id: str
    kind: SourceKind
    title: str
    author: str | None = None
    publisher: str | None = None
    year: int | None = None
    url: str | None = None
    accessed: HistoricalDate | None = None
    note: str = ""


@attrs.frozen(kw_only=True)
class Person:
    """
    A person: victim, perpetrator, or both (many were both).

    ``name`` is the preferred English form, ``name_ru`` the Russian (given name, patronymic,
    surname), ``aliases`` other transliterations, birth names and pseudonyms. ``born`` and
    ``died`` are at the precision the sources give; ``death_cause`` says how the person died.
    """

    id: str
    name: str
    name_ru: str | None = None
    aliases: tuple[str, ...] = ()
    born: HistoricalDate | None = None
    died: HistoricalDate | None = None
    death_cause: DeathCause | None = None
    positions: tuple[Position, ...] = ()
    rehabilitated: Rehabilitation | None = None
    summary: str = ""
    citations: tuple[Citation, ...] = ()
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True)
class Body:
    """
    An organisation people belonged to: the Politburo, the Central Committee, the NKVD,
    the marshals of the Soviet Union. ``start``/``end`` bound the body (or term) itself.
    """

    id: str
    name: str
    name_ru: str | None = None
    aliases: tuple[str, ...] = ()
    kind: BodyKind
    start: HistoricalDate | None = None
    end: HistoricalDate | None = None
    summary: str = ""
    citations: tuple[Citation, ...] = ()


@attrs.frozen(kw_only=True)
class Event:
    """
    Something that happened on a date (and, for spans such as a trial's sessions, until
    ``end``): who took part, which trials and procedures it belongs to.

    ``posthumous`` marks an event about people who were already dead (a review of their
    case, a rehabilitation, a report on how they were killed); only such an event may name
    a person after the recorded death.
    """

    id: str
    title: str
    date: HistoricalDate
    end: HistoricalDate | None = None
    kind: EventKind
    people: tuple[str, ...] = ()
    trials: tuple[str, ...] = ()
    procedures: tuple[str, ...] = ()
    place: str | None = None
    posthumous: bool = False
    summary: str = ""
    citations: tuple[Citation, ...] = ()
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True)
class Trial:
    """
    A trial: the court, the bench, the prosecution, and every defendant.

    ``start`` is the first session and ``end`` the last; ``verdict`` is the day the
    sentence was pronounced, which can be the day after the last session (verdicts were
    often read in the small hours). ``public`` is ``False`` for closed trials. ``charges``
    lists the articles of the criminal code *alleged*: the charges were fabricated.
    """

    id: str
    name: str
    name_ru: str | None = None
    aliases: tuple[str, ...] = ()
    court: str
    public: bool
    start: HistoricalDate
    end: HistoricalDate | None = None
    verdict: HistoricalDate | None = None
    presiding_judge: str | None = None
    judges: tuple[str, ...] = ()
    prosecutor: str | None = None
    procedure: str | None = None
    charges: tuple[str, ...] = ()
    defendants: tuple[Defendant, ...] = ()
    summary: str = ""
    citations: tuple[Citation, ...] = ()
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True)
class Procedure:
    """
    A legal or extrajudicial instrument of the repression: a law, an order, a resolution,
    or a sentencing body, with its provisions and when it was enacted and repealed.
    """

    id: str
    name: str
    name_ru: str | None = None
    aliases: tuple[str, ...] = ()
    kind: ProcedureKind
    enacted: HistoricalDate | None = None
    enacted_by: str | None = None
    provisions: tuple[str, ...] = ()
    repealed: HistoricalDate | None = None
    repealed_by: str | None = None
    summary: str = ""
    citations: tuple[Citation, ...] = ()
    variants: tuple[Variant, ...] = ()


@attrs.frozen(kw_only=True)
class Statistic:
    """
    A published figure: ``count`` out of ``total`` (if any), the ``percent`` as the source
    states it, and exactly what is counted (``scope``). A figure published only as a share
    or in words has ``count`` ``None`` and says so in ``text``. Other published values are
    in ``variants``; ``derived_from`` says how to recompute it from person records, where
    that is possible (see :meth:`purge1930s.Dataset.recompute`).
    """

    id: str
    label: str
    count: int | None = None
    total: int | None = None
    percent: float | None = None
    text: str = ""
    unit: str = "persons"
    period: Period | None = None
    scope: str = ""
    derived_from: Derivation | None = None
    citations: tuple[Citation, ...] = ()
    variants: tuple[FigureVariant, ...] = ()


#: Any record that has an ``id`` and lives in a collection of the dataset.
Record = Source | Person | Body | Event | Trial | Procedure | Statistic
