"""A sidecar served from the cache as its fields (no model made), keyed by its bytes, checked
before it is served, never cached with a problem of its document."""

from __future__ import annotations

import datetime as dt

import factories
import pyarrow as pa

from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import Sidecar
from tollbook.extract.sidecar_view import SIDECAR_VIEW, sidecar_view
from tollbook.extract.sources import Source, read_sources


def model(**change) -> Sidecar:
    return Sidecar.model_validate({**factories.sidecar(), **change})


def test_the_fields_of_a_sidecar_are_what_compiling_reads():
    view = sidecar_view(model(excluded_spans=[{"char_start": 3, "char_end": 9, "kind": "caption"}]))
    body = factories.sidecar()["body"]
    assert view["document_id"] == factories.DOC
    assert (view["published_date"], view["reference_date"], view["published_date_evidence"]) == (
        dt.date(2015, 4, 22), dt.date(2015, 4, 22), "test")
    assert (view["body_start"], view["body_end"], view["body_first_words"]) == (
        body["char_start"], body["char_end"], None)
    assert view["excluded_spans"] == [{"char_start": 3, "char_end": 9, "kind": "caption"}]
    assert (view["provenance_row_ids"], view["has_provenance"], view["original_outlet"]) == ([], False, None)
    assert pa.array([view], SIDECAR_VIEW).to_pylist() == [view]  # plain Arrow data, round trip exact


def test_a_source_made_from_fields_makes_its_model_only_when_asked():
    side = model()
    source = Source("s", "t.txt", "s.yaml", "text", "0" * 64, view=sidecar_view(side),
                    sidecar_json=side.model_dump_json())
    assert (source.document_id, source.story_id, source.outlet_id) == (
        factories.DOC, "sty_aaaabbbbccccdddd", "act_paper")
    assert (source.body.char_start, source.excluded_spans) == (side.body.char_start, ())
    assert source._sidecar is None  # nothing above needed the model
    assert source.sidecar == side


def _read(dataset, cache: ParsedCache) -> dict[str, Source]:
    sources, problems = read_sources(dataset, Origins(), cache)
    assert problems == []
    return sources


def _fill(dataset, folder) -> dict[str, Source]:
    cache = ParsedCache(folder)
    sources = _read(dataset, cache)
    assert (cache.hits, cache.misses, cache.save()) == (0, 1, True)
    return sources


def test_a_warm_read_serves_fields_and_equals_the_cold_one(tiny_dataset, tmp_path):
    cold = _fill(tiny_dataset, tmp_path)
    first = ParsedCache(tmp_path)
    warm = _read(tiny_dataset, first)
    assert (first.hits, first.misses) == (1, 0)
    [(doc_id, served)] = warm.items()
    assert served._sidecar is None  # served: no model made
    assert served.view == cold[doc_id].view
    assert served.sidecar == cold[doc_id].sidecar
    assert served.sidecar_sha256 == cold[doc_id].sidecar_sha256 is not None
    assert first.save() is False  # the same entry: the pack is not rewritten


def test_a_damaged_entry_is_a_miss(tiny_dataset, tmp_path):
    _fill(tiny_dataset, tmp_path)
    cache = ParsedCache(tmp_path)
    cache._index()
    table = cache._stored
    assert table is not None
    rows = table.to_pylist()
    rows[0]["sidecar"]["story_id"] = "sty_ffffffffffffffff"  # checksum left as it was
    cache._stored = pa.Table.from_pylist(rows, schema=table.schema)
    sources = _read(tiny_dataset, cache)
    assert (cache.hits, cache.misses) == (0, 1)
    assert next(iter(sources.values())).story_id == "sty_aaaabbbbccccdddd"  # read from the file


def test_a_sidecar_whose_text_changed_is_not_cached(tiny_dataset, tmp_path):
    _fill(tiny_dataset, tmp_path)
    text = next((tiny_dataset / "sources").glob("*.txt"))
    text.write_text(text.read_text() + " more")
    cache = ParsedCache(tmp_path)
    _, problems = read_sources(tiny_dataset, Origins(), cache)
    assert [p.code for p in problems] == ["document-hash-mismatch"]
    assert cache.hits == 1 and cache._served == {}  # served, then dropped: the document has a problem
    assert cache.save() is True
    assert ParsedCache(tmp_path)._index() == {}


def test_an_entry_naming_another_document_is_not_served_and_is_replaced(tiny_dataset, tmp_path):
    _fill(tiny_dataset, tmp_path)
    cache = ParsedCache(tmp_path)
    [key] = list(cache._index())
    model_json, view = cache.take_sidecars([key])[key]
    other = ParsedCache(tmp_path)  # the entry rewritten whole, its checksum matching, for another document
    other.put_sidecar(key, model_json, {**view, "document_id": "doc_ffffffffffffffff"})
    assert other.save() is True
    cache = ParsedCache(tmp_path)
    sources = _read(tiny_dataset, cache)
    assert list(sources) == [factories.DOC]
    assert next(iter(sources.values()))._sidecar is not None  # read from the file
    assert cache.save() is True
    again = ParsedCache(tmp_path)
    assert again.take_sidecars([key])[key][1]["document_id"] == factories.DOC
