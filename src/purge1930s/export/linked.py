"""
Linked data: JSON-LD with the schema.org vocabulary, and Popolo JSON.

Every node has an ``@id``: ``urn:purge1930s:<type>:<id>`` (ids never change, so neither do
these). People are ``schema:Person``, events and trials ``schema:Event``, bodies
``schema:Organization``, procedures ``schema:Legislation``, sources ``schema:CreativeWork``;
what schema.org has no term for (sentences, outcomes, figures) uses the ``p30:`` vocabulary
of this package. Dates are EDTF text, which is ISO 8601 for exact dates.

Popolo has no way to say a date is uncertain, so its ``*_date`` fields carry the date
without the EDTF qualifier and the full EDTF text is kept beside it
(``purge1930s_birth_date``...).
"""

from __future__ import annotations

from typing import Any

from purge1930s._version import DATA_VERSION, __version__
from purge1930s.dataset import Dataset
from purge1930s.dates import HistoricalDate
from purge1930s.export.tabular import LICENCE, citation
from purge1930s.models import Citation

__all__ = ["to_jsonld", "to_popolo"]

BASE = "urn:purge1930s:"
CONTEXT = {
    "@vocab": "https://schema.org/",
    "p30": "urn:purge1930s:vocab:",
    "schema": "https://schema.org/",
}


def _iri(kind: str, record_id: str) -> str:
    return f"{BASE}{kind}:{record_id}"


def _ref(kind: str, record_id: str | None) -> dict[str, str] | None:
    return None if record_id is None else {"@id": _iri(kind, record_id)}


def _date(value: HistoricalDate | None) -> str | None:
    return None if value is None else str(value)


def _drop_empty(node: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in node.items() if v not in (None, "", [], {})}


def _cites(citations: tuple[Citation, ...]) -> list[dict[str, str]]:
    return [{"@id": _iri("source", c.source)} for c in citations]


def to_jsonld(ds: Dataset) -> dict[str, Any]:
    """The dataset as a JSON-LD document: ``@context`` and an ``@graph`` of nodes."""
    graph: list[dict[str, Any]] = [
        {
            "@id": f"{BASE}dataset",
            "@type": "Dataset",
            "name": "purge1930s",
            "version": DATA_VERSION,
            "softwareVersion": __version__,
            "license": LICENCE["path"],
            "citation": citation(),
        }
    ]
    for s in ds.sources:
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("source", s.id),
                    "@type": "CreativeWork",
                    "name": s.title,
                    "author": s.author,
                    "publisher": s.publisher,
                    "datePublished": s.year,
                    "url": s.url,
                    "p30:sourceKind": s.kind.value,
                }
            )
        )
    for b in ds.bodies:
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("body", b.id),
                    "@type": "Organization",
                    "name": b.name,
                    "alternateName": [x for x in (b.name_ru, *b.aliases) if x],
                    "foundingDate": _date(b.start),
                    "dissolutionDate": _date(b.end),
                    "description": b.summary,
                    "citation": _cites(b.citations),
                }
            )
        )
    for p in ds.people:
        roles = [
            _drop_empty(
                {
                    "@id": _iri("position", f"{p.id}:{i}"),
                    "@type": "OrganizationRole",
                    "roleName": pos.title,
                    "p30:role": pos.role.value,
                    "memberOf": _ref("body", pos.body),
                    "startDate": _date(pos.start),
                    "endDate": _date(pos.end),
                }
            )
            for i, pos in enumerate(p.positions)
        ]
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("person", p.id),
                    "@type": "Person",
                    "name": p.name,
                    "alternateName": [x for x in (p.name_ru, *p.aliases) if x],
                    "birthDate": _date(p.born),
                    "deathDate": _date(p.died),
                    "p30:deathCause": p.death_cause.value if p.death_cause else None,
                    "p30:rehabilitated": _date(p.rehabilitated.date) if p.rehabilitated else None,
                    "hasOccupation": roles,
                    "description": p.summary,
                    "citation": _cites(p.citations),
                }
            )
        )
    for pr in ds.procedures:
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("procedure", pr.id),
                    "@type": "Legislation",
                    "name": pr.name,
                    "alternateName": [x for x in (pr.name_ru, *pr.aliases) if x],
                    "legislationDate": _date(pr.enacted),
                    "p30:repealed": _date(pr.repealed),
                    "p30:provision": list(pr.provisions),
                    "description": pr.summary,
                    "citation": _cites(pr.citations),
                }
            )
        )
    for t in ds.trials:
        defendants = [
            _drop_empty(
                {
                    "@id": _iri("defendant", f"{t.id}:{i}"),
                    "@type": "p30:Defendant",
                    "p30:person": _ref("person", d.person),
                    "p30:sentence": d.sentence.kind.value,
                    "p30:years": d.sentence.years,
                    "p30:outcome": d.outcome.kind.value,
                    "p30:outcomeDate": _date(d.outcome.date),
                }
            )
            for i, d in enumerate(t.defendants)
        ]
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("trial", t.id),
                    "@type": "Event",
                    "additionalType": "p30:Trial",
                    "name": t.name,
                    "alternateName": [x for x in (t.name_ru, *t.aliases) if x],
                    "startDate": _date(t.start),
                    "endDate": _date(t.end or t.start),
                    "p30:verdictDate": _date(t.verdict),
                    "p30:court": t.court,
                    "p30:public": t.public,
                    "p30:presidingJudge": _ref("person", t.presiding_judge),
                    "p30:prosecutor": _ref("person", t.prosecutor),
                    "p30:allegedArticle": list(t.charges),
                    "p30:defendant": defendants,
                    "description": t.summary,
                    "citation": _cites(t.citations),
                }
            )
        )
    for e in ds.timeline():
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("event", e.id),
                    "@type": "Event",
                    "name": e.title,
                    "additionalType": f"p30:{e.kind.value}",
                    "startDate": _date(e.date),
                    "endDate": _date(e.end),
                    "location": e.place,
                    "about": [_ref("person", x) for x in e.people],
                    "superEvent": [_ref("trial", x) for x in e.trials],
                    "description": e.summary,
                    "citation": _cites(e.citations),
                }
            )
        )
    for st in ds.statistics:
        graph.append(
            _drop_empty(
                {
                    "@id": _iri("statistic", st.id),
                    "@type": "p30:Statistic",
                    "name": st.label,
                    "p30:count": st.count,
                    "p30:total": st.total,
                    "p30:percent": st.percent,
                    "p30:text": st.text,
                    "description": st.scope,
                    "citation": _cites(st.citations),
                }
            )
        )
    return {"@context": CONTEXT, "@graph": graph}


# --- Popolo ------------------------------------------------------------------------------------


def _popolo_date(value: HistoricalDate | None) -> str | None:
    if value is None:
        return None
    return str(value).rstrip("?~%")


def to_popolo(ds: Dataset) -> dict[str, Any]:
    """Persons, organizations and memberships in the Popolo JSON format."""
    urls = {s.id: s.url for s in ds.sources}

    def sources(citations: tuple[Citation, ...]) -> list[dict[str, str]]:
        return [
            _drop_empty({"url": urls.get(c.source) or "", "note": c.locator}) for c in citations
        ]

    persons = [
        _drop_empty(
            {
                "id": p.id,
                "name": p.name,
                "other_names": [{"name": n} for n in (p.name_ru, *p.aliases) if n],
                "birth_date": _popolo_date(p.born),
                "death_date": _popolo_date(p.died),
                "purge1930s_birth_date": _date(p.born),
                "purge1930s_death_date": _date(p.died),
                "purge1930s_death_cause": p.death_cause.value if p.death_cause else None,
                "summary": p.summary,
                "sources": sources(p.citations),
            }
        )
        for p in ds.people
    ]
    organizations = [
        _drop_empty(
            {
                "id": b.id,
                "name": b.name,
                "classification": b.kind.value,
                "other_names": [{"name": n} for n in (b.name_ru, *b.aliases) if n],
                "founding_date": _popolo_date(b.start),
                "dissolution_date": _popolo_date(b.end),
                "sources": sources(b.citations),
            }
        )
        for b in ds.bodies
    ]
    memberships = []
    for p in ds.people:
        for i, pos in enumerate(p.positions):
            if pos.body is None:
                continue
            memberships.append(
                _drop_empty(
                    {
                        "id": f"{p.id}-{i}",
                        "person_id": p.id,
                        "organization_id": pos.body,
                        "role": pos.role.value,
                        "label": pos.title,
                        "start_date": _popolo_date(pos.start),
                        "end_date": _popolo_date(pos.end),
                        "purge1930s_start_date": _date(pos.start),
                        "purge1930s_end_date": _date(pos.end),
                    }
                )
            )
    return {
        "meta": {
            "package_version": __version__,
            "data_version": DATA_VERSION,
            "licence": LICENCE["path"],
            "citation": citation(),
        },
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
    }
