"""Source sidecars → the documents and events tables."""

from __future__ import annotations

from tollbook.extract.dataset import Dataset


def compile_documents(ds: Dataset) -> list[dict]:
    rows = []
    for doc_id in sorted(ds.sources):
        src = ds.sources[doc_id]
        s = src.sidecar
        original = s.original
        rows.append({
            "document_id": doc_id,
            "title": s.title,
            "outlet": s.outlet,
            "outlet_id": s.outlet_id,
            "authors": list(s.authors),
            "published_date": s.published_date,
            "published_date_kind": s.published_date_evidence.kind,
            "published_date_evidence": s.published_date_evidence.text or s.published_date_evidence.reason,
            "reference_date": s.reference_date or s.published_date,
            "original_document_id": original.document_id if original else None,
            "original_outlet": original.outlet if original else None,
            "original_published_date": original.published_date if original else None,
            "story_id": s.story_id,
            "text_sha256": s.text_sha256,
            "source_path": src.text_path,
            "body_start": s.body.char_start,
            "body_end": s.body.char_end,
            "n_chars": len(src.text),
            "language": s.language,
            "provenance": s.provenance.citation if s.provenance else None,
            "provenance_doi": s.provenance.doi if s.provenance else None,
            "provenance_row_ids": [r.row_id for r in s.provenance.rows] if s.provenance else [],
            "text_repair": s.provenance.repair if s.provenance else None,
        })
    return rows


def compile_events(ds: Dataset) -> list[dict]:
    if ds.events is None:
        return []
    where = dict(zip(ds.reference.locations["location_id"], ds.reference.locations["where_prec"],
                     strict=True))
    return [
        {
            "event_id": e.event_id,
            "event_type": e.event_type,
            "title": e.title,
            "date_start": e.date_start,
            "date_end": e.date_end,
            "date_prec": e.date_prec,
            "location_id": e.location,
            "where_prec": e.where_prec if e.where_prec is not None else where.get(e.location),
            "side_a_id": e.side_a,
            "side_b_id": e.side_b,
            "note": e.note,
        }
        for e in ds.events.events
    ]
