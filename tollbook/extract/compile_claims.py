"""Reviewed record files → claims and their figure tables.

Only claims a curator accepted or edited are compiled. A republished copy's claims inherit
everything but their quote and offsets from the original claim and carry no figures, so
each figure is counted once. Figures inherit date, place and event from their claim unless
they set their own.
"""

from __future__ import annotations

from typing import Any

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.contract.vocabulary import RELEASED_STATUSES
from tollbook.extract.counts import bounds, conventions_by_word
from tollbook.extract.dataset import Dataset
from tollbook.extract.record_format import Claim, DateRange

FIGURE_TABLES = ("casualties", "airstrikes", "control_changes", "force_sizes")


def _dates(d: DateRange | None) -> dict[str, Any]:
    if d is None:
        return {"date_start": None, "date_end": None, "date_prec": None}
    return {"date_start": d.start, "date_end": d.end, "date_prec": d.prec}


class _Context:
    def __init__(self, ds: Dataset):
        self.ds = ds
        self.problems: list[Problem] = []
        self.conventions = conventions_by_word(ds.reference.vague_quantities)
        locations = ds.reference.locations
        self.where_prec = dict(zip(locations["location_id"], locations["where_prec"], strict=True))
        self.claims: dict[str, tuple[str, Claim]] = {
            c.claim_id: (doc_id, c) for doc_id, rec in ds.records.items() for c in rec.content.claims
        }

    def problem(self, record_id: str, field: str, code: str, message: str) -> None:
        file, line = self.ds.origins.locate(record_id, field)
        self.problems.append(Problem(file, line, record_id, field, code, message))

    def where(self, location: str | None, given: int | None) -> int | None:
        if given is not None or location is None:
            return given
        value = self.where_prec.get(location)
        return int(value) if value is not None and str(value).isdigit() else None


def _claim_row(ctx: _Context, doc_id: str, claim: Claim, source: Claim, relay_tail: list[str]) -> dict:
    sidecar = ctx.ds.sources[doc_id].sidecar
    relayed = list(source.relayed_by) + [a for a in relay_tail if a not in source.relayed_by]
    return {
        "claim_id": claim.claim_id,
        "document_id": doc_id,
        "story_id": sidecar.story_id,
        "quote": claim.quote,
        "char_start": claim.char_start,
        "char_end": claim.char_end,
        "claimant_id": source.claimant,
        "relayed_by": relayed,
        "hedge": source.hedge,
        **_dates(source.date),
        "date_text": source.date.text if source.date else None,
        "location_id": source.location,
        "where_prec": ctx.where(source.location, source.where_prec),
        "event_id": source.event,
        "duplicate_of": claim.duplicate_of,
        "partisan": source.partisan,  # None: derived after compiling (derive/sides.py)
        "partisan_basis": None if source.partisan is None else "curator",
        "review_status": claim.review.status,
        "reviewed_by": claim.review.by,
        "reviewed_on": claim.review.on,
        "note": claim.note,
    }


def _figure_common(ctx: _Context, claim: Claim, fig) -> dict:
    location = fig.location or claim.location
    where_given = fig.where_prec if fig.location else (fig.where_prec or claim.where_prec)
    return {
        "claim_id": claim.claim_id,
        "event_id": fig.event or claim.event,
        **_dates(fig.date or claim.date),
        "location_id": location,
        "where_prec": ctx.where(location, where_given),
        "note": fig.note,
    }


def _count_columns(ctx: _Context, record_id: str, spec) -> dict:
    b, error = bounds(spec, ctx.conventions)
    if error:
        ctx.problem(record_id, "count.word", Code.FOREIGN_KEY, error)
    return {"count_low": b.low, "count_best": b.best, "count_high": b.high,
            "qualifier": b.qualifier, "vague_word": b.vague_word}


def _figures(ctx: _Context, claim: Claim, tables: dict[str, list[dict]]) -> None:
    for f in claim.casualties:
        tables["casualties"].append({
            "casualty_id": f.casualty_id, **_figure_common(ctx, claim, f),
            "outcome": f.outcome, "party_id": f.party, "party_text": f.party_text,
            "perpetrator_id": f.perpetrator, "part_of": f.part_of,
            "civilian": f.civilian, "age_group": f.age_group, "sex": f.sex,
            **_count_columns(ctx, f.casualty_id, f.count),
        })
    for f in claim.airstrikes:
        tables["airstrikes"].append({
            "airstrike_id": f.airstrike_id, **_figure_common(ctx, claim, f),
            "perpetrator_id": f.perpetrator, "weapon": f.weapon,
            **_count_columns(ctx, f.airstrike_id, f.count),
        })
    for f in claim.control_changes:
        site_count = None
        if f.count is not None:
            site_count = _count_columns(ctx, f.change_id, f.count)["count_best"]
        tables["control_changes"].append({
            "change_id": f.change_id, **_figure_common(ctx, claim, f),
            "gained_by_id": f.gained_by, "lost_by_id": f.lost_by, "status": f.status,
            "site_text": f.site_text, "site_count": site_count,
        })
    for f in claim.force_sizes:
        tables["force_sizes"].append({
            "force_id": f.force_id, **_figure_common(ctx, claim, f),
            "actor_id": f.actor, "description": f.description,
            **_count_columns(ctx, f.force_id, f.count),
        })


@raises(Code.DUPLICATE_TARGET, Code.FOREIGN_KEY)
def compile_claims(ds: Dataset) -> tuple[dict[str, list[dict]], list[Problem]]:
    """Rows for claims and the figure tables, and the problems found on the way."""
    ctx = _Context(ds)
    tables: dict[str, list[dict]] = {"claims": [], **{t: [] for t in FIGURE_TABLES}}
    for doc_id in sorted(ds.records):
        if doc_id not in ds.sources:
            continue  # reported when reading the dataset
        outlet = ds.sources[doc_id].sidecar.outlet_id
        for claim in ds.records[doc_id].content.claims:
            if claim.review.status not in RELEASED_STATUSES:
                continue
            source = claim
            if claim.duplicate_of is not None:
                original = ctx.claims.get(claim.duplicate_of)
                if original is None or original[1].review.status not in RELEASED_STATUSES:
                    state = "does not exist" if original is None else "is not accepted"
                    ctx.problem(claim.claim_id, "duplicate_of", Code.FOREIGN_KEY,
                                f"duplicate_of {claim.duplicate_of} {state}")
                    continue
                if original[1].duplicate_of is not None or original[0] == doc_id:
                    ctx.problem(claim.claim_id, "duplicate_of", Code.DUPLICATE_TARGET,
                                f"duplicate_of {claim.duplicate_of} must be an original claim "
                                "in another document")
                    continue
                source = original[1]
            tail = [outlet] if outlet and claim.duplicate_of is not None else []
            tables["claims"].append(_claim_row(ctx, doc_id, claim, source, tail))
            _figures(ctx, claim, tables)
    return {name: _first_of_each_id(rows) for name, rows in tables.items()}, ctx.problems


def _first_of_each_id(rows: list[dict]) -> list[dict]:
    """Keep the first row per id: an id written twice is reported (duplicate-id) where the
    record files are read, not a second time by the table's uniqueness check."""
    if not rows:
        return rows
    key = next(iter(rows[0]))  # every row starts with its id
    seen: set = set()
    return [r for r in rows if not (r[key] in seen or seen.add(r[key]))]
