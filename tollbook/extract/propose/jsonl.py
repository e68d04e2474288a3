"""Candidates as JSON Lines: one figure per line, best first within each document."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable

from tollbook.extract.propose.candidates import Candidate

#: The fields every line carries, in this order (the rest follow).
LEADING_FIELDS = (
    "document", "kind", "outcome", "count_low", "count_best", "count_high", "qualifier",
    "party_text", "quote", "char_start", "char_end", "date_start", "date_end", "date_prec",
    "location_id", "claimant_text", "confidence",
)


def line(candidate: Candidate) -> str:
    data = dataclasses.asdict(candidate)
    ordered = {k: data.pop(k) for k in LEADING_FIELDS}
    ordered.update(data)
    return json.dumps(ordered, ensure_ascii=False)


def render(candidates: Iterable[Candidate]) -> str:
    return "".join(line(c) + "\n" for c in candidates)
