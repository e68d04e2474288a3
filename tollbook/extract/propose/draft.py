"""Draft record files: proposals in the curation format, every claim ``review: proposed``.

A draft is a valid record file (``docs/curation-format.md``) that a curator edits: accept,
edit or reject each claim, then merge it with ``tollbook review``. What the proposer knows
but the format has no field for — its confidence, the claimant's and place's own words,
names missing from the reference tables — is written as YAML comments, which a curator
reads and the merge drops.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import yaml

from tollbook.extract.propose.candidates import Candidate
from tollbook.extract.propose.pipeline import Proposal

_FIGURE_LIST = {"casualty": "casualties", "airstrike": "airstrikes",
                "control_change": "control_changes"}


def count_of(c: Candidate) -> dict | None:
    if c.qualifier is None:
        return None
    if c.qualifier == "vague":
        return {"qualifier": "vague", "word": c.count_word}
    count = {"value": c.count_value, "qualifier": c.qualifier}
    if c.count_note:  # a range: "eight to 12" is at least 8, at most 12
        count.update(low=c.count_low, high=c.count_high, note=c.count_note)
    return count


def figure(c: Candidate) -> dict:
    if c.kind == "casualty":
        out = {"casualty_id": c.candidate_id, "outcome": c.outcome, "party": c.party,
               "party_text": c.party_text, "perpetrator": c.perpetrator, "count": count_of(c)}
        if c.part_of:
            out["part_of"] = c.part_of
        return out
    if c.kind == "airstrike":
        return {"airstrike_id": c.candidate_id, "perpetrator": c.perpetrator, "weapon": c.outcome,
                "count": count_of(c)}
    out = {"change_id": c.candidate_id, "location": c.location_id, "gained_by": c.gained_by,
           "lost_by": c.lost_by, "status": c.outcome, "site_text": c.site_text}
    if c.qualifier is not None:
        out["count"] = count_of(c)
    return out


def _placed(out: dict, c: Candidate, head: Candidate) -> dict:
    """A casualty or airstrike figure placed apart from its claim's place carries its own
    ("15 in a district of Manbij and another six in Al-Tukhar")."""
    if c.kind != "control_change" and c.location_id and c.location_id != head.location_id:
        out["location"] = c.location_id
    return out


def claims(candidates: Iterable[Candidate]) -> list[tuple[dict, list[Candidate]]]:
    """Candidates grouped into claims (one per quote), best first, figures in text order."""
    grouped: dict[str, list[Candidate]] = {}
    for c in candidates:
        grouped.setdefault(c.claim_id, []).append(c)
    out = []
    for members in sorted(grouped.values(), key=lambda m: (-max(c.confidence for c in m),
                                                            m[0].char_start)):
        members.sort(key=lambda c: (c.number_start if c.number_start is not None else 0,
                                    c.candidate_id))
        head = max(members, key=lambda c: c.confidence)
        dated = next((c for c in members if c.date_start), None)
        claim = {
            "claim_id": head.claim_id,
            "review": {"status": "proposed"},
            "quote": head.quote,
            "char_start": head.char_start,
            "char_end": head.char_end,
            "claimant": head.claimant,
            "relayed_by": list(head.relayed_by),
            "hedge": head.hedge,
            "date": {
                "start": dt.date.fromisoformat(str(dated.date_start)),
                "end": dt.date.fromisoformat(str(dated.date_end)),
                "prec": dated.date_prec,
                "text": dated.date_text,
            } if dated else None,
            "location": head.location_id,
            "where_prec": head.where_prec if head.location_id else None,
            "event": None,
            "note": None,
        }
        for kind, key in _FIGURE_LIST.items():
            claim[key] = [_placed(figure(c), c, head) for c in members if c.kind == kind]
        claim["force_sizes"] = []
        out.append((claim, members))
    return out


def _comment(members: list[Candidate]) -> list[str]:
    head = max(members, key=lambda c: c.confidence)
    lines = [f"confidence {head.confidence:.2f}"]
    if head.claimant_text:
        lines.append(f"claimant in the text: {head.claimant_text!r}")
    if head.location_text:
        at = f" (characters {head.location_start}-{head.location_end})" \
            if head.location_start is not None else ""
        lines.append(f"place in the text: {head.location_text!r}{at}")
        if head.place_source == "geonames":
            lines.append(f"place not in reference/locations.csv; offline gazetteer: "
                         f"{head.place_geonames}, where_prec {head.where_prec}")
        elif head.place_source == "unresolved":
            lines.append("place not in reference/locations.csv nor the offline gazetteer: "
                         "check it and add it")
    if head.count_note:
        lines.append(f"count is a {head.count_note}")
    if head.date_text and not head.date_start:
        lines.append(f"date phrase without a reference date: {head.date_text!r}")
    for c in members:
        lines.append(f"{c.candidate_id}: {c.evidence}")
    return [f"  # {line}" for line in lines]


def render(proposal: Proposal, skipped: int = 0, source: str | None = None) -> str:
    """The draft record file for one document, as YAML text with explanatory comments."""
    doc = proposal.document
    header = [
        f"# Draft records proposed by `tollbook propose` from {source or doc.name}.",
        "# Every claim is `proposed`: accept, edit or reject each one (a rejection needs a",
        "# reason), then merge with `tollbook review DRAFT --into RECORD_FILE`.",
        f"# Offsets refer to the stored text (sha256 {_sha(doc.text)}); "
        + ("it differs from the input file (" + doc.stored.encoding
           + (", mojibake repaired" if doc.stored.repaired else "")
           + "): store the repaired text." if doc.stored.differs_from_input
           else "it is the input file's text unchanged."),
        f"# Reference date: {doc.reference_date or 'unknown'}"
        + (f" ({doc.reference_date_source})" if doc.reference_date_source else ""),
    ]
    if skipped:
        header.append(f"# {skipped} candidate claim(s) left out: already decided in the record "
                      "file.")
    if proposal.unknown_names:
        names = ", ".join(
            f"{u.text!r}" + (f" (near {u.hint})" if u.hint else "")
            for u in proposal.unknown_names[:25]
        )
        header.append(f"# Names not in dataset/reference: {names}")
    body = [yaml.safe_dump({"document_id": doc.document_id}, sort_keys=False).rstrip()]
    grouped = claims(proposal.candidates)
    if not grouped:
        body.append("claims: []")
    else:
        body.append("claims:")
        for claim, members in grouped:
            body.extend(_comment(members))
            text = yaml.safe_dump([claim], sort_keys=False, allow_unicode=True, width=100)
            body.append("\n".join("  " + line for line in text.rstrip("\n").split("\n")))
    return "\n".join(_wrap(header) + body) + "\n"


def _wrap(lines: list[str], width: int = 100) -> list[str]:
    out = []
    for line in lines:
        while len(line) > width:
            cut = line.rfind(" ", 0, width)
            if cut <= 2:
                break
            out.append(line[:cut])
            line = "# " + line[cut + 1:]
        out.append(line)
    return out


def _sha(text: str) -> str:
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
