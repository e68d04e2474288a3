"""Merge a draft into a document's record file without losing a curator's decision.

Claims are matched by ``claim_id``. Rules, in order:

1. A claim already decided in the record file (accepted, edited or rejected) is kept as it
   is, whatever the draft says; a draft that decides it differently is reported as a
   conflict (edit the record file to change a decision).
2. A claim still ``proposed`` in the record file is replaced by the draft's version.
3. A new claim whose quote overlaps a decided claim is left out: the curator has already
   dealt with that sentence (under a curated id such as ``clm_b62e91b4_05``).
4. Any other new claim is appended. Claims only in the record file are kept.

Decisions given on the command line (accept, reject with a reason) apply to the draft's
claims before merging. A decision needs who made it and when; a rejection needs a reason.
A rejected claim stays in the record file, so proposing again never brings it back.
Comments in the record file are not preserved: reasons belong in ``review.reason`` and
``note``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

DECIDED = ("accepted", "edited", "rejected")


class ReviewError(ValueError):
    """A draft or decision that cannot be merged; the message says why in one line."""


@dataclass(frozen=True)
class Decision:
    claim_id: str
    status: str  # accepted | edited | rejected
    reason: str | None = None
    edits: dict | None = None  # for "edited": the fields that replace the draft's
    note: str | None = None


@dataclass
class MergeReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    covered: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.added)} added, {len(self.updated)} updated, {len(self.kept)} kept "
                f"as decided, {len(self.covered)} left out (sentence already decided), "
                f"{len(self.conflicts)} conflicting decision(s)")


def status_of(claim: dict) -> str:
    review = claim.get("review") or {}
    return str(review.get("status", "proposed"))


def decide(claims: list[dict], decisions: list[Decision], by: str | None, on: dt.date) -> None:
    """Apply command-line decisions to draft claims, in place."""
    by_id = {c.get("claim_id"): c for c in claims}
    for d in decisions:
        claim = by_id.get(d.claim_id)
        if claim is None:
            raise ReviewError(f"no claim {d.claim_id} in the draft")
        if d.status == "rejected" and not d.reason:
            raise ReviewError(f"rejecting {d.claim_id} needs a reason")
        if d.edits:
            claim.update(d.edits)
        review = {"status": d.status, "by": by, "on": on, "note": d.note}
        if d.reason:
            review["reason"] = d.reason
        claim["review"] = review


def complete_reviews(claims: list[dict], by: str | None, on: dt.date) -> None:
    """Every decided claim says who decided and when; rejections say why."""
    for claim in claims:
        status = status_of(claim)
        if status not in (*DECIDED, "proposed"):
            raise ReviewError(f"{claim.get('claim_id')}: review status {status!r} is not one of "
                              f"proposed, {', '.join(DECIDED)}")
        if status == "proposed":
            continue
        review = claim.setdefault("review", {})
        if not review.get("by"):
            if not by:
                raise ReviewError(f"{claim.get('claim_id')} is {status} but does not say by whom; "
                                  "pass --by NAME")
            review["by"] = by
        if not review.get("on"):
            review["on"] = on
        if status == "rejected" and not review.get("reason"):
            raise ReviewError(f"{claim.get('claim_id')} is rejected without a reason "
                              "(review.reason)")


def merge(draft: dict, record: dict | None) -> tuple[dict, MergeReport]:
    """The record file after merging ``draft`` into ``record`` (which is not modified)."""
    report = MergeReport()
    doc_id = draft.get("document_id")
    if record is not None and record.get("document_id") != doc_id:
        raise ReviewError(f"the draft is for {doc_id} but the record file for "
                          f"{record.get('document_id')}")
    existing = [dict(c) for c in (record or {}).get("claims") or []]
    index = {c.get("claim_id"): i for i, c in enumerate(existing)}
    decided_spans = [(c.get("char_start"), c.get("char_end")) for c in existing
                     if status_of(c) in DECIDED]
    appended = []
    for claim in draft.get("claims") or []:
        cid = claim.get("claim_id")
        if cid in index:
            current = existing[index[cid]]
            if status_of(current) in DECIDED:
                report.kept.append(cid)
                if status_of(claim) in DECIDED and status_of(claim) != status_of(current):
                    report.conflicts.append(cid)
            else:
                existing[index[cid]] = claim
                report.updated.append(cid)
        elif any(_overlap(claim, span) for span in decided_spans):
            report.covered.append(cid)
        else:
            appended.append(claim)
            report.added.append(cid)
    appended.sort(key=lambda c: (c.get("char_start") or 0, c.get("claim_id")))
    return {"document_id": doc_id, "claims": existing + appended}, report


def decided_ids(record: dict | None) -> set[str]:
    """Claim ids a curator has decided, which propose leaves out of a new draft."""
    return {c.get("claim_id") for c in (record or {}).get("claims") or []
            if status_of(c) in DECIDED}


def decided_spans(record: dict | None) -> list[tuple[int, int]]:
    return [(c.get("char_start"), c.get("char_end")) for c in (record or {}).get("claims") or []
            if status_of(c) in DECIDED]


def _overlap(claim: dict, span: tuple[object, object]) -> bool:
    start, end = claim.get("char_start"), claim.get("char_end")
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(span[0], int)
            and isinstance(span[1], int)):
        return False
    return start < span[1] and span[0] < end
