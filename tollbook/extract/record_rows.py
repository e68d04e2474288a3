"""One record file → the rows it contributes to the release, as plain data (no model kept).

A record file's rows depend on the file's bytes, on two reference tables (the vague-quantity
conventions and the locations' ``where_prec``) and on its document's sidecar (``story_id``,
``outlet_id``); :func:`dependency_stamp` and :func:`sidecar_stamp` hash those, so a cache entry
of the rows is keyed by everything they were made from. A republished copy's rows are written
with the copy's own fields: the fields it inherits from its original are filled in after every
file is concatenated (:mod:`tollbook.extract.compile_claims`), a join on ``duplicate_of``, so
no entry depends on another file.

The parts and their Arrow schemas are :data:`tollbook.extract.row_parts.PARTS`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from tollbook.contract.codes import Code
from tollbook.contract.vocabulary import RELEASED_STATUSES
from tollbook.extract.counts import bounds, conventions_by_word
from tollbook.extract.record_format import Claim, DateRange, RecordFile
from tollbook.extract.row_parts import FIGURE_TABLES, PARTS

__all__ = ["FIGURE_TABLES", "PARTS", "RowContext", "file_rows", "record_ids", "relay_problems", "tables_of"]

#: A problem found while compiling a file, before it has a line: (id, field, code, message).
Pending = tuple[str, str, str, str]


@dataclass(frozen=True)
class RowContext:
    """What a record file's rows read besides the file: vague-word conventions, locations' where_prec."""

    conventions: dict[str, tuple[int | None, ...]]
    where_prec: dict[str, Any]

    @classmethod
    def of(cls, reference) -> RowContext:
        locations = reference.locations
        return cls(conventions_by_word(reference.vague_quantities),
                   dict(zip(locations["location_id"], locations["where_prec"], strict=True)))

    def where(self, location: str | None, given: int | None) -> int | None:
        if given is not None or location is None:
            return given
        value = self.where_prec.get(location)
        return int(value) if value is not None and str(value).isdigit() else None

    def stamp(self) -> str:
        """SHA-256 of what the rows read from the reference tables (as the rows read it)."""
        where = sorted((str(k), self.where(str(k), None)) for k in self.where_prec)
        text = repr((sorted(self.conventions.items()), where))
        return hashlib.sha256(text.encode()).hexdigest()


def sidecar_stamp(story_id: str | None, outlet_id: str | None) -> str:
    return f"{story_id!r}/{outlet_id!r}"


def _dates(d: DateRange | None) -> dict[str, Any]:
    if d is None:
        return {"date_start": None, "date_end": None, "date_prec": None}
    return {"date_start": d.start, "date_end": d.end, "date_prec": d.prec}


def _claim_row(ctx: RowContext, doc_id: str, claim: Claim, story_id: str | None, outlet_id: str | None) -> dict:
    return {
        "claim_id": claim.claim_id, "document_id": doc_id, "story_id": story_id, "quote": claim.quote,
        "char_start": claim.char_start, "char_end": claim.char_end, "claimant_id": claim.claimant,
        "relayed_by": list(claim.relayed_by), "hedge": claim.hedge, **_dates(claim.date),
        "date_text": claim.date.text if claim.date else None, "location_id": claim.location,
        "where_prec": ctx.where(claim.location, claim.where_prec), "event_id": claim.event,
        "duplicate_of": claim.duplicate_of,
        "partisan": claim.partisan,  # None: derived after compiling (derive/sides.py)
        "partisan_basis": None if claim.partisan is None else "curator",
        "review_status": claim.review.status, "reviewed_by": claim.review.by, "reviewed_on": claim.review.on,
        "note": claim.note, "outlet_id": outlet_id,
    }


def _figure_common(ctx: RowContext, claim: Claim, fig) -> dict:
    location = fig.location or claim.location
    where_given = fig.where_prec if fig.location else (fig.where_prec or claim.where_prec)
    return {"claim_id": claim.claim_id, "event_id": fig.event or claim.event, **_dates(fig.date or claim.date),
            "location_id": location, "where_prec": ctx.where(location, where_given), "note": fig.note}


def _count_columns(ctx: RowContext, record_id: str, spec, pending: list[Pending]) -> dict:
    b, error = bounds(spec, ctx.conventions)
    if error:
        pending.append((record_id, "count.word", Code.FOREIGN_KEY, error))
    return {"count_low": b.low, "count_best": b.best, "count_high": b.high,
            "qualifier": b.qualifier, "vague_word": b.vague_word}


def _figures(ctx: RowContext, claim: Claim, rows: dict[str, list[dict]], pending: list[Pending]) -> None:
    for f in claim.casualties:
        rows["casualties"].append({
            "casualty_id": f.casualty_id, **_figure_common(ctx, claim, f),
            "outcome": f.outcome, "party_id": f.party, "party_text": f.party_text,
            "perpetrator_id": f.perpetrator, "part_of": f.part_of,
            "civilian": f.civilian, "age_group": f.age_group, "sex": f.sex,
            **_count_columns(ctx, f.casualty_id, f.count, pending),
        })
    for strike in claim.airstrikes:
        rows["airstrikes"].append({
            "airstrike_id": strike.airstrike_id, **_figure_common(ctx, claim, strike),
            "perpetrator_id": strike.perpetrator, "weapon": strike.weapon,
            **_count_columns(ctx, strike.airstrike_id, strike.count, pending),
        })
    for change in claim.control_changes:
        site_count = None
        if change.count is not None:
            site_count = _count_columns(ctx, change.change_id, change.count, pending)["count_best"]
        rows["control_changes"].append({
            "change_id": change.change_id, **_figure_common(ctx, claim, change),
            "gained_by_id": change.gained_by, "lost_by_id": change.lost_by, "status": change.status,
            "site_text": change.site_text, "site_count": site_count,
        })
    for force in claim.force_sizes:
        rows["force_sizes"].append({
            "force_id": force.force_id, **_figure_common(ctx, claim, force),
            "actor_id": force.actor, "description": force.description,
            **_count_columns(ctx, force.force_id, force.count, pending),
        })


def file_rows(content: RecordFile, story_id: str | None, outlet_id: str | None,
              ctx: RowContext) -> tuple[dict[str, list[dict]], list[Pending]]:
    """The rows of every part for one record file, and the problems found making them."""
    rows: dict[str, list[dict]] = {part: [] for part in PARTS}
    pending: list[Pending] = []
    for claim in content.claims:
        rows["statuses"].append({"claim_id": claim.claim_id, "review_status": claim.review.status,
                                 "duplicate_of": claim.duplicate_of})
        if claim.review.status not in RELEASED_STATUSES:
            continue
        rows["claims"].append(_claim_row(ctx, content.document_id, claim, story_id, outlet_id))
        _figures(ctx, claim, rows, pending)
    return rows, pending


def relay_problems(content: RecordFile) -> list[Pending]:
    """``relayed_by`` lists who passed the claim on: never the claimant itself, nobody twice."""
    out: list[Pending] = []
    for claim in content.claims:
        seen: set[str] = set()
        for actor in claim.relayed_by:
            why = ("is the claimant; relayed_by lists only who passed the claim on" if actor == claim.claimant
                   else "is listed twice" if actor in seen else None)
            seen.add(actor)
            if why:
                out.append((claim.claim_id, "relayed_by", Code.VALUE_NOT_ALLOWED, f"{actor} {why}"))
    return out


def record_ids(data: Any) -> list[tuple[Any, tuple, str]]:
    """(id, path in the file, id field) of every claim and figure of a valid record file's
    parsed YAML (or its model), in file order."""
    out: list[tuple[Any, tuple, str]] = []
    claims = data.claims if isinstance(data, RecordFile) else (data.get("claims") or [])
    for i, claim in enumerate(claims):
        get = (lambda obj, name: getattr(obj, name)) if isinstance(claim, Claim) else (
            lambda obj, name: obj.get(name) if isinstance(obj, dict) else None)
        out.append((get(claim, "claim_id"), ("claims", i), "claim_id"))
        for list_name, id_field in ID_FIELDS.items():
            for j, fig in enumerate(get(claim, list_name) or []):
                out.append((get(fig, id_field), ("claims", i, list_name, j), id_field))
    return out


ID_FIELDS = {"casualties": "casualty_id", "airstrikes": "airstrike_id", "control_changes": "change_id",
             "force_sizes": "force_id"}


def tables_of(rows: list[dict[str, list[dict]]]) -> dict[str, pa.Table]:
    """The rows of several files, part by part, as one table each (in the order given)."""
    return {part: pa.Table.from_pylist([r for file in rows for r in file[part]], schema=schema)
            for part, schema in PARTS.items()}
