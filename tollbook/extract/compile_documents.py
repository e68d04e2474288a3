"""Source sidecars → the documents and events tables."""

from __future__ import annotations

from tollbook.extract.dataset import Dataset


def compile_documents(ds: Dataset) -> list[dict]:
    rows = []
    for doc_id in sorted(ds.sources):
        src = ds.sources[doc_id]
        v = src.view  # the sidecar's fields (extract/sidecar_view.py): no model is made
        rows.append({
            "document_id": doc_id,
            "title": v["title"],
            "outlet": v["outlet"],
            "outlet_id": v["outlet_id"],
            "authors": list(v["authors"]),
            "published_date": v["published_date"],
            "published_date_kind": v["published_date_kind"],
            "published_date_evidence": v["published_date_evidence"],
            "reference_date": v["reference_date"],
            "original_document_id": v["original_document_id"],
            "original_outlet": v["original_outlet"],
            "original_published_date": v["original_published_date"],
            "story_id": v["story_id"],
            "text_sha256": v["text_sha256"],
            "source_path": src.text_path,
            "body_start": v["body_start"],
            "body_end": v["body_end"],
            "n_chars": len(src.text),
            "language": v["language"],
            "provenance": v["provenance"],
            "provenance_doi": v["provenance_doi"],
            "provenance_row_ids": list(v["provenance_row_ids"]),
            "text_repair": v["text_repair"],
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
