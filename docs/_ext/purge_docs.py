"""
Sphinx extension: pages and charts generated from the bundled data at build time.

Nothing here is hand-copied: the data dictionary comes from the record classes and their
field metadata, the trial pages, people index, figures and chronology from ``load()``, the
CLI reference from the argument parser, and the charts are drawn with matplotlib.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import attrs

import purge1930s
from purge1930s import Dataset, OutcomeKind, Role, SentenceKind, Statistic, Trial
from purge1930s.citing import format_source
from purge1930s.cli import _filled, _parser

OUT = Path(__file__).resolve().parent.parent / "_generated"


def cell(value: object) -> str:
    """Text safe inside a Markdown table cell."""
    text = "" if value is None else str(value)
    return text.replace("|", "\\|").replace("\n", " ")


def table(header: list[str], rows: Iterable[list[object]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def write(name: str, text: str) -> None:
    path = OUT / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.write_text(text, encoding="utf-8")


def sources_list(ds: Dataset, citations: Iterable[purge1930s.Citation]) -> str:
    lines = []
    for c in citations:
        source = ds.sources.get(c.source)
        lines.append(f"- {format_source(source, c.locator) if source else c.source}")
    return "\n".join(lines) + "\n"


# --- data dictionary ---------------------------------------------------------------------------

RECORDS = [
    purge1930s.Person,
    purge1930s.Position,
    purge1930s.Rehabilitation,
    purge1930s.Trial,
    purge1930s.Defendant,
    purge1930s.Sentence,
    purge1930s.Outcome,
    purge1930s.Event,
    purge1930s.Procedure,
    purge1930s.Statistic,
    purge1930s.FigureVariant,
    purge1930s.Derivation,
    purge1930s.Period,
    purge1930s.Body,
    purge1930s.Seats,
    purge1930s.Source,
    purge1930s.Citation,
    purge1930s.Variant,
]
VOCABULARIES = [
    purge1930s.DeathCause,
    purge1930s.Role,
    purge1930s.EventKind,
    purge1930s.SentenceKind,
    purge1930s.OutcomeKind,
    purge1930s.ProcedureKind,
    purge1930s.BodyKind,
    purge1930s.SourceKind,
]


def dictionary() -> str:
    parts = [
        "# Data dictionary\n",
        "Generated from the record classes at build time: every field, its type, whether it "
        "is required, and what it means. Dates are EDTF text in the JSON files and "
        "{class}`~purge1930s.HistoricalDate` values in Python.\n",
    ]
    for cls in RECORDS:
        doc = (cls.__doc__ or "").strip().split("\n\n")[0].replace("\n", " ")
        parts.append(f"## {cls.__name__}\n\n{doc}\n")
        rows = []
        for f in attrs.fields(cls):
            required = "yes" if f.default is attrs.NOTHING else "no"
            rows.append([f"`{f.name}`", f"`{f.type}`", required, f.metadata.get("doc", "")])
        parts.append(table(["field", "type", "required", "meaning"], rows))
    parts.append("## Vocabularies\n")
    for vocab in VOCABULARIES:
        values = ", ".join(f"`{m.value}`" for m in vocab)
        parts.append(f"**{vocab.__name__}**: {values}\n")
    return "\n".join(parts)


# --- trials ------------------------------------------------------------------------------------


def sentence_text(d: purge1930s.Defendant) -> str:
    s = d.sentence
    if s.kind is SentenceKind.DEATH:
        return "death"
    return f"{s.kind.value}, {s.years} years" if s.years is not None else s.kind.value


def outcome_text(d: purge1930s.Defendant) -> str:
    o = d.outcome
    text = o.kind.value.replace("-", " ")
    return f"{text} {o.date}" if o.date is not None else text


def trial_page(ds: Dataset, t: Trial) -> str:
    people = ds.people
    head = [f"# {t.name}\n"]
    if t.name_ru:
        head.append(f"*{t.name_ru}*\n")
    if t.aliases:
        head.append("Also known as: " + "; ".join(t.aliases) + "\n")
    facts = [
        ["court", t.court],
        ["public", "yes" if t.public else "no (closed)"],
        ["sessions", f"{t.start} to {t.end}" if t.end and t.end != t.start else str(t.start)],
        ["verdict", t.verdict or "not recorded"],
        ["presiding judge", people[t.presiding_judge].name if t.presiding_judge else ""],
        ["other judges", ", ".join(people[j].name for j in t.judges)],
        ["prosecutor", people[t.prosecutor].name if t.prosecutor else ""],
        ["alleged (articles of the criminal code)", ", ".join(t.charges) or "not recorded"],
        ["id", f"`{t.id}`"],
    ]
    head.append(table(["", ""], facts))
    head.append(f"{t.summary}\n")
    deaths = sum(d.sentence.kind is SentenceKind.DEATH for d in t.defendants)
    n = len(t.defendants)
    head.append(
        f"## The bench ({n} defendant{'' if n == 1 else 's'}, {deaths} sentenced to death)\n"
    )
    rows = []
    for i, d in enumerate(t.defendants, 1):
        p = people[d.person]
        rehab = p.rehabilitated
        rows.append(
            [
                i,
                p.name,
                p.name_ru,
                sentence_text(d),
                outcome_text(d),
                (f"{rehab.date or 'yes'}" if rehab else ""),
            ]
        )
    head.append(
        table(["#", "defendant", "in Russian", "sentence", "what happened", "rehabilitated"], rows)
    )
    notes = [(people[d.person].name, d.notes) for d in t.defendants if d.notes]
    if notes:
        head.append("### Notes on the defendants\n")
        head.extend(f"- **{name}**: {text}" for name, text in notes)
        head.append("")
    if t.variants:
        head.append("## Where sources differ\n")
        head.extend(f"- `{v.field}`: {v.value} — {v.note}" for v in t.variants)
        head.append("")
    head.append("## Sources\n")
    head.append(sources_list(ds, t.citations))
    return "\n".join(head)


def trials_index(ds: Dataset) -> str:
    rows = []
    ordered = sorted(ds.trials, key=lambda t: t.start)
    for t in ordered:
        deaths = sum(d.sentence.kind is SentenceKind.DEATH for d in t.defendants)
        rows.append(
            [
                f"[{t.name}](trials/{t.id}.md)",
                t.start,
                len(t.defendants),
                deaths,
                "public" if t.public else "closed",
            ]
        )
    toctree = "\n".join(f"trials/{t.id}" for t in ordered)
    return (
        "# The trials\n\nOne page per trial, generated from the data, with the whole bench: "
        "what each defendant was sentenced to and what then happened.\n\n"
        + table(["trial", "opened", "defendants", "death sentences", ""], rows)
        + "\n![Sentences and fates per trial](charts/outcomes.png)\n\n"
        + f"```{{toctree}}\n:hidden:\n\n{toctree}\n```\n"
    )


# --- people, figures, chronology ----------------------------------------------------------------


def people_page(ds: Dataset) -> str:
    rows = []
    for p in sorted(ds.people, key=lambda p: (p.name.split()[-1], p.name)):
        tried = ", ".join(t.name for t in ds.trials_of(p.id))
        fate = p.death_cause.value if p.death_cause else ""
        rows.append([p.name, p.name_ru, p.born or "", p.died or "", fate, tried, f"`{p.id}`"])
    return (
        "# People\n\nEvery person in the data, by surname, with the name in Russian. "
        "Dates are at the precision the sources give (`1937-05` is a month, `~` approximate, "
        "`?` uncertain).\n\n"
        + table(["name", "in Russian", "born", "died", "death", "tried in", "id"], rows)
    )


def figure_text(s: Statistic | purge1930s.FigureVariant) -> str:
    parts = []
    if s.count is not None:
        parts.append(f"{s.count:,}" + (f" of {s.total:,}" if s.total is not None else ""))
    elif s.total is not None:
        parts.append(f"(of {s.total:,})")
    if s.percent is not None:
        parts.append(f"{s.percent:g}%")
    if s.text:
        parts.append(s.text)
    return " · ".join(parts)


_STATUS = {
    "matches": "matches",
    "explained": "differs; the variant recording the recomputed value says why",
    "differs": "differs",
    "incomplete": "not comparable yet: part of the cohort is not in the data",
}


def recomputed_table(ds: Dataset) -> str:
    """Published next to recomputed values, for every figure that can be derived."""
    rows = []
    for s in sorted(ds.statistics, key=lambda s: s.label):
        if s.derived_from is None:
            continue
        r = ds.recompute(s.id)
        cohort = f"{r.total}" + (f" of {s.total}" if s.total is not None else "")
        low, high = r.bounds
        status = _STATUS[r.status]
        if r.published is not None and not low <= r.published <= high:
            status += "; the published value lies outside what the records allow"
        rows.append(
            [
                f"{s.label} (`{s.id}`)",
                figure_text(s),
                r.value,
                len(r.undetermined),
                f"{low}-{high}" if high > low else f"{low}",
                cohort,
                status,
            ]
        )
    return (
        "## Published and recomputed\n\n"
        "Figures that can be recomputed person by person from the records "
        "(`ds.recompute(id)`; `purge1930s stats --explain ID` names everyone counted). "
        "*Undetermined* are people of the cohort whose records do not say how, or when, they "
        "died; *possible* is the range the count can take given the records: from the "
        "recomputed value to that value plus the undetermined and the people of the cohort "
        "not yet in the data (`Recomputation.bounds`).\n\n"
        + table(
            [
                "figure",
                "published",
                "recomputed",
                "undetermined",
                "possible",
                "cohort in the data",
                "status",
            ],
            rows,
        )
    )


def figures_page(ds: Dataset) -> str:
    parts = [
        "# Figures\n",
        "Every published figure in the data, with exactly what it counts, its sources, and the "
        "other values published for it. Counts from different sources often measure different "
        "things (arrested, convicted, shot; one operation or all), so compare scopes before "
        "comparing numbers.\n",
        "![Yearly figures of the NKVD cases](charts/yearly.png)\n",
        recomputed_table(ds),
    ]
    for s in sorted(ds.statistics, key=lambda s: s.label):
        parts.append(f"## {s.label}\n")
        period = ""
        if s.period is not None:
            period = f" ({s.period.start or '…'} to {s.period.end or '…'})"
        parts.append(f"**{figure_text(s)}**{period} · id `{s.id}`\n")
        if s.scope:
            parts.append(f"{s.scope}\n")
        if s.derived_from is not None:
            r = ds.recompute(s.id)
            parts.append(
                f"Recomputed from the person records: **{r.value} of {r.total}** ({r.status}; "
                f"`purge1930s stats --explain {s.id}` lists who is counted). "
                f"{s.derived_from.note}\n"
            )
        if s.variants:
            parts.append("Other published values:\n")
            parts.extend(f"- {figure_text(v)}: {v.note}" for v in s.variants)
            parts.append("")
        parts.append("Sources:\n")
        parts.append(sources_list(ds, s.citations))
    return "\n".join(parts)


def open_page(ds: Dataset) -> str:
    """What the records leave open, drawn from the data so that it never goes stale."""
    seat_rows = []
    for b in sorted(ds.bodies, key=lambda b: b.name):
        for s, have in _filled(ds, b):
            if have < s.count:
                seat_rows.append([f"{b.name} (`{b.id}`)", s.role.value, s.count, have])
    open_cases: dict[str, list[str]] = {}
    for s in sorted(ds.statistics, key=lambda s: s.id):
        if s.derived_from is not None:
            for pid in ds.recompute(s.id).undetermined:
                open_cases.setdefault(pid, []).append(f"`{s.id}`")
    people = sorted((ds.people[pid] for pid in open_cases), key=lambda p: (p.name, p.id))
    case_rows = [
        [
            f"{p.name} (`{p.id}`)",
            p.died or "not recorded",
            p.death_cause.value if p.death_cause else "not recorded",
            ", ".join(open_cases[p.id]),
        ]
        for p in people
    ]
    return (
        "# What the records do not know yet\n\n"
        "The data leaves out what no source read confirms. These are the gaps that keep "
        "figures from being recomputed exactly, listed from the data itself at each build. "
        "If you can cite a source that fills one, see [contributing](../contributing.md).\n\n"
        "## Places not yet filled\n\n"
        "Bodies elected as a whole whose recorded members, at the date of the election, fall "
        "short of the places the sources give. Why each gap is hard to fill, and what is "
        "known of it, is on [where accounts differ](../discrepancies.md).\n\n"
        + (
            table(["body", "role", "places", "in the records"], seat_rows)
            if seat_rows
            else "None: every place is in the records.\n"
        )
        + "\n## Fates the records cannot settle\n\n"
        "People of a recomputed figure's cohort whose records cannot say whether they belong "
        "in the count: the cause of death is not recorded, or the death itself is not, and "
        "it could fall in the counted period (`Recomputation.undetermined`).\n\n"
        + (
            table(["person", "died", "cause of death", "figures left open"], case_rows)
            if case_rows
            else "None.\n"
        )
    )


def chronology_page(ds: Dataset) -> str:
    rows = [
        [f"{e.date}" + (f" to {e.end}" if e.end else ""), e.title, e.kind.value]
        for e in ds.timeline()
    ]
    return (
        "# Chronology\n\nEvery event in the data in the order of `ds.timeline()`.\n\n"
        "![The trials and the heads of the NKVD](charts/timeline.png)\n\n"
        + table(["date", "event", "kind"], rows)
    )


def cli_page() -> str:
    parser = _parser()
    parts = [
        "# Command line\n",
        "`purge1930s` and `python -m purge1930s` run the same program. Exit codes: 0 success; "
        "1 not found, ambiguous or invalid data (the reason on standard error); 2 wrong usage.\n",
        "```text\n" + parser.format_help() + "```\n",
    ]
    subparsers = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    for name, sub in subparsers.choices.items():  # type: ignore[attr-defined]
        parts.append(f"## `purge1930s {name}`\n\n```text\n{sub.format_help()}```\n")
    return "\n".join(parts)


# --- charts ------------------------------------------------------------------------------------


def charts(ds: Dataset) -> None:
    import matplotlib as mpl

    mpl.use("Agg")
    import matplotlib.pyplot as plt

    (OUT / "charts").mkdir(parents=True, exist_ok=True)
    plt.rcParams.update({"font.size": 9, "figure.dpi": 110})
    for draw in (timeline_chart, yearly_chart, outcomes_chart):
        fig = draw(ds, plt, mpl)
        fig.tight_layout()
        fig.savefig(OUT / "charts" / f"{draw.__name__.removesuffix('_chart')}.png")
        plt.close(fig)


def timeline_chart(ds: Dataset, plt: Any, mpl: Any) -> Any:
    """The trials and the heads of the NKVD on one time axis."""
    fig, ax = plt.subplots(figsize=(9, 4))
    rows: list[tuple[str, Any, Any, str]] = []
    for m in ds.members("nkvd"):
        if m.role is Role.HEAD and m.start is not None:
            end = m.end.latest if m.end else m.start.latest
            rows.append((f"NKVD: {ds.people[m.person].name}", m.start.earliest, end, "#8c2d04"))
    for t in sorted(ds.trials, key=lambda t: t.start):
        end = (t.verdict or t.end or t.start).latest
        rows.append((t.name, t.start.earliest, end, "#2b5d8a"))
    for i, (label, start, end, colour) in enumerate(reversed(rows)):
        width = max((end - start).days, 6)
        ax.barh(i, width, left=mpl.dates.date2num(start), color=colour, height=0.6)
        ax.text(mpl.dates.date2num(start), i + 0.38, label, fontsize=7)
    ax.xaxis_date()
    ax.set_yticks([])
    ax.set_title("The trials and the heads of the NKVD")
    return fig


def yearly_chart(ds: Dataset, plt: Any, _mpl: Any) -> Any:
    """Yearly figures of the mass repression."""
    series = [
        ("Arrested", "nkvd-arrests-{}"),
        ("Convicted", "nkvd-convictions-{}"),
        ("Sentenced to death", "nkvd-death-sentences-{}"),
    ]
    years = [1937, 1938]
    fig, ax = plt.subplots(figsize=(7, 3.6))
    for k, (label, pattern) in enumerate(series):
        values = [ds.statistics[pattern.format(y)].count or 0 for y in years]
        positions = [y + (k - 1) * 0.27 for y in years]
        bars = ax.bar(positions, values, width=0.25, label=label)
        ax.bar_label(bars, labels=[f"{v:,}" for v in values], fontsize=7)
    ax.set_xticks(years)
    ax.set_ylabel("people")
    ax.set_title("NKVD cases by year (from the data's statistics)")
    ax.legend(fontsize=7)
    return fig


def outcomes_chart(ds: Dataset, plt: Any, _mpl: Any) -> Any:
    """Sentences and fates per trial."""
    kinds = [OutcomeKind.SHOT, OutcomeKind.KILLED, OutcomeKind.DIED_IN_CUSTODY]
    ordered = sorted(ds.trials, key=lambda t: t.start)
    fig, ax = plt.subplots(figsize=(9, 3.8))
    bottom = [0] * len(ordered)
    for kind in [*kinds, None]:
        counts = [
            sum(
                (d.outcome.kind is kind) if kind else (d.outcome.kind not in kinds)
                for d in t.defendants
            )
            for t in ordered
        ]
        label = kind.value if kind else "other or unknown"
        colour = {
            OutcomeKind.SHOT: "#7f1d1d",
            OutcomeKind.KILLED: "#c2410c",
            OutcomeKind.DIED_IN_CUSTODY: "#a16207",
            None: "#9ca3af",
        }[kind]
        ax.bar(range(len(ordered)), counts, bottom=bottom, label=label, color=colour)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    ax.set_xticks(
        range(len(ordered)),
        [t.name.replace(" trial", "") for t in ordered],
        rotation=20,
        ha="right",
        fontsize=7,
    )
    ax.set_ylabel("defendants")
    ax.set_title("What became of the defendants")
    ax.legend(fontsize=7)
    return fig


# --- Sphinx hook -------------------------------------------------------------------------------


def generate(_app: object) -> None:
    ds = purge1930s.load()
    write("dictionary.md", dictionary())
    write("people.md", people_page(ds))
    write("figures.md", figures_page(ds))
    write("chronology.md", chronology_page(ds))
    write("open.md", open_page(ds))
    write("cli.md", cli_page())
    write("trials.md", trials_index(ds))
    for t in ds.trials:
        write(f"trials/{t.id}.md", trial_page(ds, t))
    charts(ds)


def field_docs(
    _app: object, what: str, _name: str, obj: object, _options: object, lines: list[str]
) -> None:
    """Append each attrs field, with its type and meaning, to the class's API entry."""
    if what != "class" or not isinstance(obj, type) or not attrs.has(obj):
        return
    lines.extend(["", "**Fields**", ""])
    for f in attrs.fields(obj):
        default = "" if f.default is attrs.NOTHING else " (optional)"
        lines.append(f"- ``{f.name}`` (``{f.type}``){default}: {f.metadata.get('doc', '')}")
    lines.append("")


def setup(app: Any) -> dict[str, Any]:
    app.connect("builder-inited", generate)
    app.connect("autodoc-process-docstring", field_docs)
    return {"version": purge1930s.__version__, "parallel_read_safe": True}


__all__ = ["setup"]
