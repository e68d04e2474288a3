"""A record file's rows made on their own (no model kept), and the cache entry that holds them:
keyed by what they read, served only whole and unchanged, never to another file."""

from __future__ import annotations

import copy
import datetime as dt
import json

import factories
import pyarrow as pa
import pytest

from tollbook.extract.record_cache import ParsedCache, _digest
from tollbook.extract.record_format import RecordFile
from tollbook.extract.record_rows import RowContext, file_rows, record_ids, relay_problems, tables_of
from tollbook.extract.row_parts import PARTS

CTX = RowContext(conventions={"several": (3, None, 9)}, where_prec={"loc_testville": 1, "loc_smallton": "2"})


def record(change=None) -> RecordFile:
    data = copy.deepcopy(factories.records())
    if change:
        change(data)
    return RecordFile.model_validate(data)


def test_rows_of_a_file_are_the_release_rows_of_its_accepted_claims():
    def edit(data):
        data["claims"][1]["review"] = {"status": "proposed"}
        data["claims"][0]["casualties"][1]["count"] = {"word": "several", "qualifier": "vague"}
    rows, pending = file_rows(record(edit), "sto_test", "act_paper", CTX)
    assert pending == []
    assert [r["claim_id"] for r in rows["statuses"]] == ["clm_test_01", "clm_test_02", "clm_test_03"]
    assert [r["review_status"] for r in rows["statuses"]] == ["accepted", "proposed", "accepted"]
    assert [r["claim_id"] for r in rows["claims"]] == ["clm_test_01", "clm_test_03"]  # proposed: not released
    assert rows["airstrikes"] == []
    first = rows["claims"][0]
    assert (first["story_id"], first["outlet_id"], first["relayed_by"], first["where_prec"]) == (
        "sto_test", "act_paper", ["act_paper"], 1)
    assert (first["date_start"], first["date_prec"]) == (dt.date(2015, 4, 20), 2)
    assert rows["claims"][1]["where_prec"] == 2  # from the locations table
    several = rows["casualties"][1]
    assert (several["count_low"], several["count_best"], several["count_high"], several["vague_word"]) == (
        3, None, 9, "several")
    assert rows["control_changes"][0]["site_count"] is None


def test_an_unknown_vague_word_and_a_bad_relay_are_pending_problems():
    def edit(data):
        data["claims"][0]["casualties"][0]["count"] = {"word": "scores", "qualifier": "vague"}
        data["claims"][1]["relayed_by"] = ["act_monitor", "act_paper", "act_paper"]
    content = record(edit)
    _, pending = file_rows(content, "sto_test", None, CTX)
    assert pending == [("cas_test_01a", "count.word", "foreign-key",
                        "vague word 'scores' has no row in reference/vague_quantities.csv")]
    assert [(p[0], p[1], p[3]) for p in relay_problems(content)] == [
        ("clm_test_02", "relayed_by", "act_monitor is the claimant; relayed_by lists only who passed the claim on"),
        ("clm_test_02", "relayed_by", "act_paper is listed twice")]


def test_ids_come_in_file_order_from_the_model_and_from_the_yaml_alike():
    from_model = record_ids(record())
    assert from_model == record_ids(factories.records())
    assert [i for i, _, _ in from_model] == ["clm_test_01", "cas_test_01a", "cas_test_01b", "cas_test_01c",
                                            "clm_test_02", "air_test_02a", "clm_test_03", "chg_test_03a"]
    assert from_model[1][1:] == (("claims", 0, "casualties", 0), "casualty_id")


def test_the_reference_stamp_follows_what_the_rows_read():
    base = CTX.stamp()
    assert RowContext({"several": (3, None, 9)}, {"loc_testville": 1, "loc_smallton": 2}).stamp() == base
    assert RowContext({"several": (3, 5, 9)}, CTX.where_prec).stamp() != base
    assert RowContext(CTX.conventions, {"loc_testville": 3, "loc_smallton": "2"}).stamp() != base


def test_tables_have_the_parts_schemas_even_without_rows():
    rows, _ = file_rows(record(), "sto_test", None, CTX)
    tables = tables_of([rows, {part: [] for part in PARTS}])
    assert {part: t.schema for part, t in tables.items()} == PARTS
    assert tables["casualties"].num_rows == 3 and tables["force_sizes"].num_rows == 0


@pytest.fixture
def stored(tmp_path):
    """A pack holding the rows of one record file."""
    rows, _ = file_rows(record(), "sto_test", None, CTX)
    cache = ParsedCache(tmp_path)
    key = cache.rows_key("0" * 64, "deps")
    ids = [i for i, _, _ in record_ids(record())]
    cache.put_rows(key, {"document_id": factories.DOC, "ids": ids}, rows)
    assert cache.save()
    return tmp_path, key, rows, ids


def test_rows_come_back_as_they_went_in(stored):
    folder, key, rows, ids = stored
    cache = ParsedCache(folder)
    assert cache.lookup_rows(key, factories.DOC)["ids"] == ids
    served, tables, lengths = cache.take_rows([key])
    assert served == [key] and (cache.hits, cache.misses) == (1, 0)
    assert tables["claims"].to_pylist() == rows["claims"]
    assert tables["casualties"].to_pylist() == rows["casualties"]
    assert {part: list(n) for part, n in lengths.items()} == {
        "claims": [3], "casualties": [3], "airstrikes": [1], "control_changes": [1], "force_sizes": [0],
        "statuses": [3]}


def test_rows_are_never_served_to_another_file_or_key(stored):
    folder, key, _, _ = stored
    cache = ParsedCache(folder)
    assert cache.lookup_rows(key, "doc_eeeeffff00001111") is None
    assert cache.lookup_rows(cache.rows_key("0" * 64, "other deps"), factories.DOC) is None
    assert ParsedCache(None).lookup_rows(key, factories.DOC) is None


def rewrite(folder, change) -> None:
    path = folder / "pack.arrow"
    table = pa.ipc.open_file(pa.memory_map(str(path))).read_all()
    entries = table.to_pylist()
    change(entries[0])
    with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_file(sink, table.schema) as writer:
        writer.write_table(pa.Table.from_pylist(entries, schema=table.schema))


def test_a_changed_value_in_the_rows_is_a_miss(stored):
    folder, key, _, _ = stored

    def damage(entry):
        entry["casualties"][0]["count_best"] = 99  # checksum left as it was
    rewrite(folder, damage)
    cache = ParsedCache(folder)
    assert cache.lookup_rows(key, factories.DOC) is not None  # the header is intact
    served, tables, _ = cache.take_rows([key])
    assert served == [] and (cache.hits, cache.misses) == (0, 1)
    assert tables["casualties"].num_rows == 0


def test_a_header_for_another_file_with_a_matching_checksum_is_refused(stored):
    folder, key, _, _ = stored

    def forge(entry):
        entry["json"] = entry["json"].replace(factories.DOC, "doc_eeeeffff00001111")
        entry["sha256"] = _digest(entry["key"], entry["json"])
    rewrite(folder, forge)
    cache = ParsedCache(folder)
    assert cache.lookup_rows(key, factories.DOC) is None
    head = cache.lookup_rows(key, "doc_eeeeffff00001111")
    assert head is not None  # looks like that file's entry, but the checksum does not cover its rows
    served, _, _ = cache.take_rows([key])
    assert served == [] and cache.misses == 1


def test_a_sidecar_entry_is_never_rows(tmp_path):
    cache = ParsedCache(tmp_path)
    key = cache.rows_key("1" * 64, "deps")
    text = json.dumps({"document_id": factories.DOC})  # what a sidecar's entry holds, checksum and all
    cache._fresh[key] = (text, _digest(key, text))
    assert cache.save()
    assert ParsedCache(tmp_path).lookup_rows(key, factories.DOC) is None


def test_a_served_record_file_is_never_parsed(tiny_dataset, tmp_path):
    from tollbook.extract.dataset import read_dataset

    read_dataset(tiny_dataset, ParsedCache(tmp_path / "cache"))
    warm = ParsedCache(tmp_path / "cache")
    ds = read_dataset(tiny_dataset, warm)
    served = ds.records[factories.DOC]
    assert warm.hits == 2 and not served.parsed
    assert ds.records.rows["casualties"].column("casualty_id").to_pylist() == [
        "cas_test_01a", "cas_test_01b", "cas_test_01c"]
    assert ds.records.claim_statuses() == [(served.path, c, "accepted", None)
                                           for c in ("clm_test_01", "clm_test_02", "clm_test_03")]
    assert served.content == RecordFile.model_validate(factories.records())  # made when asked


def test_an_edited_sidecar_reaches_the_cached_rows(tiny_dataset, tmp_path):
    from tollbook.pipeline import prepare

    assert prepare(tiny_dataset, cache=ParsedCache(tmp_path / "cache")).problems == []
    edited = dict(factories.sidecar(), story_id="sty_eeeeffff00001111")
    factories.dump(tiny_dataset / "sources" / f"{factories.STEM}.yaml", edited)
    warm = ParsedCache(tmp_path / "cache")
    prepared = prepare(tiny_dataset, cache=warm)
    assert prepared.problems == []
    assert (warm.hits, warm.misses) == (0, 2)  # the record file's bytes did not change; its key did
    assert set(prepared.tables["claims"]["story_id"]) == {"sty_eeeeffff00001111"}



def test_a_document_without_its_sidecar_is_not_compiled(tiny_dataset):
    from tollbook.extract.compile_claims import compile_claims
    from tollbook.extract.dataset import read_dataset

    def scores(data):
        data["claims"][0]["casualties"][0]["count"] = {"word": "scores", "qualifier": "vague"}
    factories.edit_records(tiny_dataset, scores)
    tables, problems = compile_claims(read_dataset(tiny_dataset, ParsedCache(None)))
    assert [(p.record_id, p.field, p.code) for p in problems] == [("cas_test_01a", "count.word", "foreign-key")]
    assert len(tables["casualties"]) == 3
    (tiny_dataset / "sources" / f"{factories.STEM}.yaml").unlink()
    tables, problems = compile_claims(read_dataset(tiny_dataset, ParsedCache(None)))
    assert problems == [] and tables["casualties"] == []  # read_dataset reports the missing sidecar
