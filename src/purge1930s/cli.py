"""
The command line: ``purge1930s`` or ``python -m purge1930s``.

Exit codes: 0 success; 1 not found, ambiguous or invalid data (the reason on stderr);
2 wrong usage.
"""

from __future__ import annotations

import argparse
import datetime
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from purge1930s._loading import load
from purge1930s._version import DATA_VERSION, __version__
from purge1930s.citing import format_source
from purge1930s.dataset import Dataset
from purge1930s.exceptions import AmbiguousError, DataError, NotFoundError
from purge1930s.export import FORMATS, export
from purge1930s.models import (
    Body,
    Citation,
    Defendant,
    Event,
    EventKind,
    FigureVariant,
    OutcomeKind,
    Person,
    Position,
    Role,
    Seats,
    SentenceKind,
    Statistic,
    Trial,
)

__all__ = ["main"]


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Run the command line with *argv* (default ``sys.argv[1:]``); return the exit code."""
    out = out or sys.stdout
    parser = _parser()
    args = parser.parse_args(argv)
    command: Callable[[argparse.Namespace, TextIO], int] = args.run
    try:
        return command(args, out)
    except (NotFoundError, AmbiguousError) as exc:
        print(f"purge1930s: {exc}", file=sys.stderr)
        return 1
    except DataError as exc:
        print(f"purge1930s: {exc}", file=sys.stderr)
        return 1
    except ValueError as exc:  # a malformed date given to --from/--to
        print(f"purge1930s: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # piped into head: not an error
        return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="purge1930s",
        description="The Soviet Great Purge of the 1930s as sourced records.",
    )
    parser.add_argument(
        "--version", action="version", version=f"purge1930s {__version__} (data {DATA_VERSION})"
    )
    parser.set_defaults(run=_overview)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = sub.add_parser("overview", help="what is inside, with the key dates (the default)")
    p.set_defaults(run=_overview)

    p = sub.add_parser("timeline", help="events in chronological order")
    p.add_argument("--from", dest="start", metavar="DATE", help="EDTF date, e.g. 1936-08")
    p.add_argument("--to", dest="end", metavar="DATE", help="EDTF date, e.g. 1938-03")
    p.set_defaults(run=_timeline)

    p = sub.add_parser("person", help="one person: life, posts, trials, fate, sources")
    p.add_argument("name", help="id, name or alias in any common spelling or in Cyrillic")
    p.set_defaults(run=_person)

    p = sub.add_parser("trial", help="one trial with its whole bench of defendants")
    p.add_argument("name", help="id, name or alias, e.g. 'Trial of the Twenty-One'")
    p.set_defaults(run=_trial)

    p = sub.add_parser("body", help="a body's members at a date, and what became of them")
    p.add_argument("name", nargs="?", help="id or name of the body; omit to list the bodies")
    p.add_argument("--at", metavar="DATE", help="only those who can have sat then (EDTF)")
    p.set_defaults(run=_body)

    p = sub.add_parser("stats", help="the published figures, with their variants")
    p.add_argument("--explain", metavar="ID", help="recompute one figure and list who is counted")
    p.set_defaults(run=_stats)

    p = sub.add_parser("export", help="write the data as CSV, JSON Lines, SQLite, JSON-LD...")
    p.add_argument(
        "--format",
        required=True,
        choices=FORMATS,
        dest="fmt",
        help="csv and jsonl write a folder; the others write one file",
    )
    p.add_argument("--out", required=True, metavar="PATH", help="folder or file to write")
    p.set_defaults(run=_export)

    p = sub.add_parser("validate", help="check JSON files against the bundled data")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.set_defaults(run=_validate)
    return parser


# --- commands -----------------------------------------------------------------------------


def _overview(_: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    w = out.write
    w(f"purge1930s {__version__}, data edition {DATA_VERSION}\n")
    w("The Soviet Great Purge of the 1930s as typed, sourced records.\n\n")
    for name in ("people", "trials", "events", "procedures", "statistics", "bodies", "sources"):
        w(f"  {len(getattr(ds, name)):>5}  {name}\n")
    w("\nTrials:\n")
    for t in sorted(ds.trials, key=lambda t: t.start):
        deaths = sum(d.sentence.kind is SentenceKind.DEATH for d in t.defendants)
        w(
            f"  {_span(t.start, t.end):<25} {t.name} "
            f"({_count(len(t.defendants), 'defendant')}, {deaths} sentenced to death)\n"
        )
    w("\nKey dates:\n")
    for e in ds.timeline():
        if _is_key(ds, e):
            w(f"  {_span(e.date, e.end):<25} {e.title}\n")
    w(
        "\nTry: purge1930s trial 'Trial of the Sixteen'   purge1930s person Yezhov\n"
        "     purge1930s timeline --from 1936-08 --to 1936-08   purge1930s stats\n"
    )
    return 0


def _by_start(pos: Position) -> tuple[bool, datetime.date]:
    """Sort key: posts by start, undated posts last."""
    if pos.start is None:
        return (True, datetime.date.max)
    return (False, pos.start.earliest)


def _count(n: int, noun: str) -> str:
    """``1 defendant``, ``2 defendants``: English plurals for the nouns the CLI counts."""
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _is_key(ds: Dataset, e: Event) -> bool:
    """Assassinations, the enactment of a procedure, and changes at the head of the NKVD."""
    if e.kind is EventKind.ASSASSINATION:
        return True
    if any(ds.procedures[p].enacted == e.date for p in e.procedures):
        return True
    if e.kind not in {EventKind.APPOINTMENT, EventKind.DISMISSAL}:
        return False
    for pid in e.people:
        for pos in ds.people[pid].positions:
            if pos.body == "nkvd" and pos.role is Role.HEAD and e.date in {pos.start, pos.end}:
                return True
    return False


def _timeline(args: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    for e in ds.timeline(args.start, args.end):
        out.write(f"{_span(e.date, e.end):<25} {e.title}\n")
    return 0


def _fate(p: Person) -> str:
    """How and when a person died, as far as the records say."""
    cause = p.death_cause.value if p.death_cause else None
    if p.died is None:
        return f"{cause}, date not recorded" if cause else "death not recorded"
    return f"{p.died} {cause}" if cause else f"{p.died}"


def _person(args: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    p = ds.people.lookup(args.name)
    w = out.write
    w(f"{p.name}" + (f"  ({p.name_ru})" if p.name_ru else "") + f"  [{p.id}]\n")
    if p.aliases:
        w(f"  also: {', '.join(p.aliases)}\n")
    w(
        # Nobody in the data can still be alive: a missing date is unknown, not "living".
        f"  born: {p.born or 'unknown'}   died: "
        + (f"{p.died}" if p.died else "date unknown" if p.death_cause else "unknown")
        + (f" ({p.death_cause.value})" if p.death_cause else "")
        + "\n"
    )
    if p.positions:
        w("  posts:\n")
        # Stored order is the order of research; a reader wants a career in order.
        for pos in sorted(p.positions, key=_by_start):
            w(f"    {_span(pos.start, pos.end):<25} {pos.title}\n")
    for t in ds.trials_of(p.id):
        d = next(d for d in t.defendants if d.person == p.id)
        w(f"  tried: {t.name} ({t.start}): {_sentence(d)}; {_outcome(d)}\n")
    if p.rehabilitated is not None:
        r = p.rehabilitated
        w(f"  rehabilitated: {r.date or 'date unknown'}" + (f" by {r.by}" if r.by else "") + "\n")
    if p.summary:
        w(f"\n  {p.summary}\n")
    events = ds.events_of(p.id)
    if events:
        w("\n  events:\n")
        for e in events:
            w(f"    {_span(e.date, e.end):<25} {e.title}\n")
    _sources(ds, p.citations, out)
    return 0


def _trial(args: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    t = ds.trials.lookup(args.name)
    _print_trial(ds, t, out)
    return 0


def _print_trial(ds: Dataset, t: Trial, out: TextIO) -> None:
    w = out.write
    w(f"{t.name}  [{t.id}]\n")
    if t.name_ru:
        w(f"  {t.name_ru}\n")
    if t.aliases:
        w(f"  also: {'; '.join(t.aliases)}\n")
    w(
        f"  {t.court}, {'public' if t.public else 'closed'}; sessions {_span(t.start, t.end)}; "
        f"verdict {t.verdict or 'date unknown'}\n"
    )
    if t.presiding_judge:
        w(f"  presiding judge: {ds.people[t.presiding_judge].name}\n")
    if t.prosecutor:
        w(f"  prosecutor: {ds.people[t.prosecutor].name}\n")
    if t.charges:
        w(f"  alleged (criminal code articles): {', '.join(t.charges)}\n")
    w(f"\n  Defendants ({len(t.defendants)}):\n")
    width = max((len(ds.people[d.person].name) for d in t.defendants), default=0)
    for i, d in enumerate(t.defendants, 1):
        name = ds.people[d.person].name
        w(f"  {i:>3}. {name:<{width}}  {_sentence(d):<22} {_outcome(d)}\n")
    deaths = sum(d.sentence.kind is SentenceKind.DEATH for d in t.defendants)
    w(f"\n  {deaths} of {len(t.defendants)} sentenced to death.\n")
    if t.summary:
        w(f"\n  {t.summary}\n")
    _sources(ds, t.citations, out)


def _body(args: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    w = out.write
    if args.name is None:
        for b in ds.bodies:
            w(f"{b.name}  [{b.id}]\n  {_term(b)}; {_count(len(ds.members(b.id)), 'membership')}\n")
        return 0
    b = ds.bodies.lookup(args.name)
    w(f"{b.name}" + (f"  ({b.name_ru})" if b.name_ru else "") + f"  [{b.id}]\n  {_term(b)}\n")
    if b.seats:
        w(f"  {_elected(ds, b)}\n")
    memberships = ds.members(b.id, at=args.at)
    if args.at is not None:
        w(f"  on {args.at}: {len(memberships)} who can have sat (not ruled out by the records)\n")
    # One line per place held; a person promoted within the body appears under both roles.
    for role in dict.fromkeys(m.role for m in memberships):
        held = sorted(
            (m for m in memberships if m.role is role),
            key=lambda m: (ds.people[m.person].name, m.person),
        )
        w(f"\n  {_plural(role.value)} ({len(held)}):\n")
        for m in held:
            p = ds.people[m.person]
            w(f"    {p.name:<30} {_held(m.start, m.end):<26} {_fate(p)}\n")
    return 0


def _term(b: Body) -> str:
    seats = ", ".join(f"{s.count} {_plural(s.role.value)}" for s in b.seats)
    return f"term: {_held(b.start, b.end) if b.start else 'dates not recorded'}" + (
        f"; seats: {seats}" if seats else ""
    )


def _filled(ds: Dataset, b: Body) -> list[tuple[Seats, int]]:
    """For each kind of place a body was elected with, how many the records fill."""
    elected = [m for m in ds.members(b.id) if m.start == b.start]
    return [(s, sum(m.role is s.role for m in elected)) for s in b.seats]


def _elected(ds: Dataset, b: Body) -> str:
    """How many of the places a body was elected with the records fill, role by role."""
    filled = _filled(ds, b)
    counts = ", ".join(f"{n} of {s.count} {_plural(s.role.value)}" for s, n in filled)
    missing = sum(s.count - n for s, n in filled)
    return f"elected on {b.start}, in the records: {counts}" + (
        f" ({missing} not yet in the data)" if missing > 0 else ""
    )


def _held(start: object, end: object) -> str:
    """A period held: an open end means until death or the body's end, not one day."""
    if end is None:
        return "?" if start is None else f"from {start}"
    return f"{start or '?'} to {end}"


def _plural(word: str) -> str:
    return word if word.endswith("s") else word + "s"


def _stats(args: argparse.Namespace, out: TextIO) -> int:
    ds = load()
    if args.explain:
        r = ds.recompute(args.explain)
        s = r.statistic
        out.write(
            f"{s.label}  [{s.id}]\n  published: {_figure(s)}\n"
            f"  recomputed from the records: {r.value} of {r.total} ({r.status})\n"
        )
        if r.explanation is not None:
            out.write(f"  why it differs: {r.explanation.note}\n")
        if not r.complete:
            out.write(
                f"  incomplete: the records hold {r.total} of the {s.total} people the figure "
                f"counts among; {r.missing} not yet in the data\n"
            )
        if s.derived_from and s.derived_from.note:
            out.write(f"  how: {s.derived_from.note}\n")
        low, high = r.bounds
        if high > low:
            also = ", and so could those not yet in the data" if r.missing else ""
            out.write(
                f"  possible: between {low} and {high} "
                f"(the undetermined below could go either way{also})\n"
            )
        if r.published is not None and not low <= r.published <= high:
            out.write(
                f"  the published {r.published} lies outside what the records allow under this "
                "definition\n"
            )
        out.write(f"\n  Counted ({len(r.people)}):\n")
        later = s.derived_from.absent_from if s.derived_from else None
        for pid in r.people:
            p = ds.people[pid]
            if later is not None:
                out.write(f"    {p.name:<30} no seat in {later}; {_fate(p)}\n")
                continue
            cause = p.death_cause.value if p.death_cause else ""
            out.write(f"    {p.name:<30} {p.died or '':<12} {cause}\n")
        if r.undetermined:
            out.write(
                f"\n  Undetermined ({len(r.undetermined)}), the records not saying how, or "
                "whether in the period, they died:\n"
            )
        for pid in r.undetermined:
            out.write(f"    {ds.people[pid].name:<30} {_fate(ds.people[pid])}\n")
        decided = set(r.people) | set(r.undetermined)
        rest = [pid for pid in r.cohort if pid not in decided]
        out.write(f"\n  Not counted ({len(rest)}):\n")
        for pid in rest:
            seat = f"seat in {later}; " if later is not None else ""
            out.write(f"    {ds.people[pid].name:<30} {seat}{_fate(ds.people[pid])}\n")
        return 0
    for s in ds.statistics:
        out.write(f"{_figure(s):<22} {s.label}  [{s.id}]\n")
        for v in s.variants:
            out.write(
                f"{'':<22}   also published: {_figure(v)}"
                + (f" ({v.note})" if v.note else "")
                + "\n"
            )
    derivable = [s.id for s in ds.statistics if s.derived_from]
    if derivable:
        out.write(
            f"\nRecomputable from the records: {', '.join(derivable)}\n"
            "  purge1930s stats --explain ID\n"
        )
    return 0


def _export(args: argparse.Namespace, out: TextIO) -> int:
    paths = export(load(), args.fmt, args.out)
    out.write(
        f"wrote {_count(len(paths), 'file')}: {paths[0]}"
        + (f" ... {paths[-1]}" if len(paths) > 1 else "")
        + "\n"
    )
    return 0


def _validate(args: argparse.Namespace, out: TextIO) -> int:
    ds = load(extra=args.paths)
    out.write(f"ok: {', '.join(args.paths)} valid together with the bundled data ({ds})\n")
    return 0


# --- formatting ---------------------------------------------------------------------------


def _span(start: object, end: object) -> str:
    if start is None:
        return "?"
    if end is None or end == start:
        return str(start)
    return f"{start} to {end}"


def _figure(s: Statistic | FigureVariant) -> str:
    if s.count is None:
        text = f"{s.percent:g}%" if s.percent is not None else ""
    else:
        text = f"{s.count:,}"
        if s.total is not None:
            text += f" of {s.total:,}"
        if s.percent is not None:
            text += f" ({s.percent:g}%)"
    if s.text:
        text = f"{text} [{s.text}]" if text else s.text
    return text


def _sentence(d: Defendant) -> str:
    s = d.sentence
    if s.kind is SentenceKind.DEATH:
        return "death"
    if s.years is not None:
        return f"{s.kind.value}, {s.years} years"
    return s.kind.value


def _outcome(d: Defendant) -> str:
    o = d.outcome
    if o.kind is OutcomeKind.SHOT:
        return f"shot {o.date or '(date unknown)'}"
    text = o.kind.value.replace("-", " ")
    if o.date is not None:
        text += f" {o.date}"
    if o.note:
        text += f" ({o.note})"
    return text


def _sources(ds: Dataset, citations: Sequence[Citation], out: TextIO) -> None:
    out.write("\n  sources:\n")
    for c in citations:
        source = ds.sources.get(c.source)
        out.write(f"    - {format_source(source, c.locator) if source else c.source}\n")
