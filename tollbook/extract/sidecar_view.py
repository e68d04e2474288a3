"""What a build reads of a sidecar, as plain data: the parse cache keeps this, not the model.

A sidecar served from the cache is never validated into a :class:`Sidecar`: the documents
table, the records' ``story_id`` / ``outlet_id``, the checks of the body span and the quote
rules read these fields. The model is made only when something asks for it
(``Source.sidecar``: the source codings of a document with provenance, tests).
"""

from __future__ import annotations

from typing import Any, NamedTuple

import pyarrow as pa

from tollbook.extract.record_format import Sidecar

_S: pa.DataType = pa.string()
_I: pa.DataType = pa.int64()
_D: pa.DataType = pa.date32()

#: The fields kept per sidecar (a struct in the pack's ``sidecar`` column). The documents
#: table's columns that come from the sidecar are here as compiling writes them.
SIDECAR_VIEW: pa.StructType = pa.struct([
    ("document_id", _S), ("title", _S), ("outlet", _S), ("outlet_id", _S), ("authors", pa.list_(_S)),
    ("published_date", _D), ("published_date_kind", _S), ("published_date_evidence", _S),
    ("reference_date", _D), ("original_document_id", _S), ("original_outlet", _S),
    ("original_published_date", _D), ("story_id", _S), ("text_sha256", _S), ("body_start", _I),
    ("body_end", _I), ("body_first_words", _S), ("body_last_words", _S),
    ("excluded_spans", pa.list_(pa.struct([("char_start", _I), ("char_end", _I), ("kind", _S)]))),
    ("language", _S), ("provenance", _S), ("provenance_doi", _S), ("provenance_row_ids", pa.list_(_S)),
    ("text_repair", _S), ("has_provenance", pa.bool_())])


class Body(NamedTuple):
    """A sidecar's body span, as the checks and the quote rules read it."""

    char_start: int
    char_end: int
    first_words: str | None
    last_words: str | None


class Excluded(NamedTuple):
    char_start: int
    char_end: int
    kind: str


def sidecar_view(s: Sidecar) -> dict[str, Any]:
    """The fields of ``s`` a build reads, as plain values (one row of :data:`SIDECAR_VIEW`)."""
    evidence, original, prov = s.published_date_evidence, s.original, s.provenance
    return {
        "document_id": s.document_id, "title": s.title, "outlet": s.outlet, "outlet_id": s.outlet_id,
        "authors": list(s.authors), "published_date": s.published_date, "published_date_kind": evidence.kind,
        "published_date_evidence": evidence.text or evidence.reason,
        "reference_date": s.reference_date or s.published_date,
        "original_document_id": original.document_id if original else None,
        "original_outlet": original.outlet if original else None,
        "original_published_date": original.published_date if original else None,
        "story_id": s.story_id, "text_sha256": s.text_sha256, "body_start": s.body.char_start,
        "body_end": s.body.char_end, "body_first_words": s.body.first_words,
        "body_last_words": s.body.last_words,
        "excluded_spans": [{"char_start": e.char_start, "char_end": e.char_end, "kind": e.kind}
                           for e in s.excluded_spans],
        "language": s.language, "provenance": prov.citation if prov else None,
        "provenance_doi": prov.doi if prov else None,
        "provenance_row_ids": [r.row_id for r in prov.rows] if prov else [],
        "text_repair": prov.repair if prov else None, "has_provenance": prov is not None}


def body_of(view: dict[str, Any]) -> Body:
    return Body(view["body_start"], view["body_end"], view["body_first_words"], view["body_last_words"])


def excluded_of(view: dict[str, Any]) -> tuple[Excluded, ...]:
    return tuple(Excluded(e["char_start"], e["char_end"], e["kind"]) for e in view["excluded_spans"])
