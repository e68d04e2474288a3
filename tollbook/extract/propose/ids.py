"""Deterministic identifiers for proposed claims and figures.

An id is a hash of the document and the character span it stands for, so proposing the
same text twice gives the same ids, and a curator's decision on an id survives re-runs.
``clm_<doc8>_<hex8>`` for a claim (its quote span), ``cas_``/``air_``/``chg_`` for figures
(the number's span). Curated ids (``clm_<doc8>_05``) never collide: they carry no hex run.
"""

from __future__ import annotations

import hashlib

FIGURE_PREFIX = {"casualty": "cas", "airstrike": "air", "control_change": "chg"}


def doc8(document_id: str) -> str:
    return document_id.removeprefix("doc_")[:8]


def span_hash(document_id: str, start: int, end: int) -> str:
    return hashlib.sha256(f"{document_id}:{start}:{end}".encode()).hexdigest()[:8]


def claim_id(document_id: str, start: int, end: int) -> str:
    return f"clm_{doc8(document_id)}_{span_hash(document_id, start, end)}"


def figure_id(kind: str, document_id: str, start: int, end: int) -> str:
    return f"{FIGURE_PREFIX[kind]}_{doc8(document_id)}_{span_hash(document_id, start, end)}"
