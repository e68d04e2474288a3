"""Saving a curator's decisions: always through ``review`` (the code path of ``tollbook
review``), which writes the record file atomically and refuses it when the file changed since
the page read it (``expected_sha``).

The draft ``review`` is given is the page's own view of the document: the draft merged over the
record file exactly as ``review`` merges them (:func:`.documents.merged_claims`), plus any claim
the curator added from a text selection. It is written to a private temporary folder, never
into ``drafts/`` or ``dataset/``, so ``review`` stays the only writer of the record file.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tollbook.contract.codes import Code
from tollbook.contract.problems import Problem
from tollbook.extract.propose import ids
from tollbook.extract.propose.review import DECIDED, Decision, MergeReport, ReviewError, status_of
from tollbook.extract.propose.review_files import EDITABLE, dump_record, review
from tollbook.workbench.documents import Folders, merged_claims, sha_of, view

#: Fields a new claim from a selection starts with (the rest are filled in the form).
NEW_CLAIM: dict[str, object] = {
    "claimant": None, "relayed_by": [], "hedge": "none", "date": None, "location": None,
    "where_prec": None, "event": None, "note": None, "casualties": [], "airstrikes": [],
    "control_changes": [], "force_sizes": []}


#: review()'s words for a record file changed since the page read it.
CHANGED = "changed since it was opened (another tab or a hand edit); reload it and decide again"


class SaveRefused(ReviewError):
    """A save the workbench refuses before writing anything; the message says why, and
    ``problems`` the fields at fault when there are any."""

    def __init__(self, message: str, problems: Iterable[Problem] = ()):
        super().__init__(message)
        self.problems = list(problems)


def format_problems(record: dict, claim_ids: set[str]) -> list[Problem]:
    """The record format's objections (``tollbook check``'s first rule) to the claims being
    decided: a decision the check would refuse is not written, since a decided claim can no
    longer be changed by a review."""
    from pydantic import ValidationError

    from tollbook.extract.record_format import Claim

    found = []
    for claim in record.get("claims") or []:
        if claim.get("claim_id") not in claim_ids:
            continue
        try:
            Claim.model_validate(claim)
        except ValidationError as exc:
            for err in exc.errors():
                where = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
                code = Code.MISSING_FIELD if err["type"] == "missing" else (
                    Code.UNKNOWN_FIELD if err["type"] == "extra_forbidden" else Code.VALUE_NOT_ALLOWED)
                message = err["msg"].removeprefix("Value error, ")
                found.append(Problem("", None, claim.get("claim_id"), where or None, code, message))
    return found


@dataclass
class Saved:
    report: MergeReport
    record_sha: str
    problems: list[Problem] = field(default_factory=list)


def selection_claim(folders: Folders, stem: str, start: int, end: int) -> dict:
    """A new claim for the text between ``start`` and ``end`` (code points), trimmed of blanks,
    with its quote taken from the stored text and its id from its span."""
    v = view(folders, stem)
    if not (0 <= start < end <= len(v.text)):
        raise SaveRefused(f"selection {start}-{end} is outside the text")
    while start < end and v.text[start].isspace():
        start += 1
    while end > start and v.text[end - 1].isspace():
        end -= 1
    if start == end:
        raise SaveRefused("the selection holds no text")
    if start < v.body[0] or end > v.body[1]:
        raise SaveRefused(f"the selection {start}-{end} is outside the article body "
                          f"{v.body[0]}-{v.body[1]}")
    cid = ids.claim_id(v.document_id, start, end)
    for claim in v.claims:
        if claim.get("claim_id") == cid:
            raise SaveRefused(f"{cid} already covers this selection")
        if status_of(claim) in DECIDED and _overlaps(claim, start, end):
            raise SaveRefused(f"the selection overlaps {claim.get('claim_id')}, already "
                              f"{status_of(claim)}: review keeps one decided claim per sentence, so "
                              "this claim would be left out; add the figure to that claim in the "
                              "record file")
    return {"claim_id": cid, "review": {"status": "proposed"}, "quote": v.text[start:end],
            "char_start": start, "char_end": end, **{k: (list(x) if isinstance(x, list) else x)
                                                      for k, x in NEW_CLAIM.items()}}


def save(folders: Folders, stem: str, decisions: list[dict], by: str, expected_sha: str,
         new_claims: Sequence[dict] = (), on: dt.date | None = None) -> Saved:
    """Apply ``decisions`` ({claim_id, status, reason, edits, note}) through ``review``."""
    if not by or not by.strip():
        raise SaveRefused("say who decides (the curator's name) before saving")
    merged, sha = merged_claims(folders, stem)
    if expected_sha is not None and sha != expected_sha:  # review() checks again as it writes
        raise ReviewError(f"{folders.record(stem)} {CHANGED}")
    claims = {c.get("claim_id"): c for c in merged["claims"]}
    draft_claims = list(merged["claims"])
    for claim in new_claims:
        fresh = selection_claim(folders, stem, int(claim["char_start"]), int(claim["char_end"]))
        draft_claims.append(fresh)
        claims[fresh["claim_id"]] = fresh
    out = []
    for d in decisions:
        cid = d.get("claim_id")
        current = claims.get(cid)
        if current is None:
            raise SaveRefused(f"no claim {cid} in {stem}")
        if status_of(current) in DECIDED:
            raise SaveRefused(f"{cid} is already {status_of(current)}; a decided claim is never "
                              "changed by a review (edit the record file to change it)")
        status = d.get("status")
        if status not in DECIDED:
            raise SaveRefused(f"{cid}: decide accepted, edited or rejected, not {status!r}")
        edits = _changed(current, d.get("edits") or {})
        if status == "accepted" and edits:
            status = "edited"
        reason = (d.get("reason") or "").strip() or None
        if status == "rejected" and not reason:
            raise SaveRefused(f"rejecting {cid} needs a reason")
        out.append(Decision(str(cid), status, reason, edits or None, (d.get("note") or "").strip() or None))
    draft = {"document_id": merged["document_id"], "claims": draft_claims}
    record = folders.record(stem)
    when = on or dt.date.today()
    decided = {d.claim_id for d in out}

    def accept(merged_after: dict) -> None:  # the check runs on the merge that is written
        refused = format_problems(merged_after, decided)
        if refused:
            raise SaveRefused("not saved: " + "; ".join(f"{p.record_id} {p.field}: {p.message}"
                                                         for p in refused), refused)

    with tempfile.TemporaryDirectory(prefix="tollbook-workbench-") as tmp:
        draft_path = Path(tmp) / f"{stem}.yaml"
        draft_path.write_text(dump_record(draft), encoding="utf-8")
        _, report, target = review(draft_path, record, out, by.strip(), when, folders.dataset,
                                   expected_sha=expected_sha, accept=accept)
    return Saved(report, sha_of(target))


def problems_for(dataset: Path, stem: str, prepare=None) -> list[Problem]:
    """``tollbook check``'s problems that concern this document's record file."""
    if prepare is None:
        from tollbook.pipeline import prepare
    prepared = prepare(dataset)
    rel = f"records/{stem}.yaml"
    mine = _ids_in(dataset / rel)
    return [p for p in prepared.problems
            if p.file.replace("\\", "/").endswith(rel) or (p.record_id is not None and p.record_id in mine)]


def _ids_in(path: Path) -> set[str]:
    from tollbook.extract.propose.review_files import load_yaml

    try:
        data, _ = load_yaml(path)
    except ReviewError:
        return set()
    found: set[str] = set()
    for claim in (data or {}).get("claims") or []:
        if isinstance(claim, dict):
            found.add(claim.get("claim_id"))  # type: ignore[arg-type]  # None is discarded below
            for kind in ("casualties", "airstrikes", "control_changes", "force_sizes"):
                for fig in claim.get(kind) or []:
                    if isinstance(fig, dict):
                        found.update(v for k, v in fig.items() if k.endswith("_id") and k != "part_of")
    found.discard(None)
    return found


def _changed(claim: dict, edits: dict) -> dict:
    unknown = sorted(set(edits) - set(EDITABLE))
    if unknown:
        raise SaveRefused(f"cannot edit {', '.join(unknown)} (editable: {', '.join(EDITABLE)})")
    return {k: v for k, v in edits.items() if claim.get(k) != v}


def _overlaps(claim: dict, start: int, end: int) -> bool:
    s, e = claim.get("char_start"), claim.get("char_end")
    return isinstance(s, int) and isinstance(e, int) and s < end and start < e
