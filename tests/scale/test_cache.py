"""The parse cache (one pack per dataset): never stale, never trusted when damaged, never changes a release;
``--jobs`` never changes one either."""

from __future__ import annotations

import hashlib
from pathlib import Path

import factories
import pandas as pd
import pyarrow as pa
import pytest
from click.testing import CliRunner

from tollbook.access import load
from tollbook.cli import cli
from tollbook.extract import parallel_read
from tollbook.extract.record_cache import ParsedCache
from tollbook.pipeline import prepare


def build(ds: Path, releases: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["build", "--dataset", str(ds), "--releases", str(releases), "--quiet",
                                      *options])
    assert result.exit_code == 0, result.output


def bump(ds: Path, version: str) -> None:
    factories.dump(ds / "release.yaml", factories.release(version))


def release_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def pack(cache: Path) -> pa.Table:
    """The one pack in the cache folder (the tests build one dataset per folder)."""
    packs = sorted(cache.glob("pack-*.arrow")) or sorted(cache.glob("pack.arrow"))
    assert len(packs) == 1, packs
    return pa.ipc.open_file(pa.memory_map(str(packs[0]))).read_all()


def rows(cache: Path) -> list[dict]:
    return sorted(pack(cache).to_pylist(), key=lambda r: r["key"])


def keys(cache: Path) -> set[str]:
    return set(pack(cache).column("key").to_pylist())


def test_an_edited_count_is_never_served_stale(tiny_dataset, tmp_path):
    cache, releases = tmp_path / "cache", tmp_path / "releases"
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    before = keys(cache)
    assert len(before) == 2  # the record file and the sidecar

    def change(data):
        data["claims"][0]["casualties"][0]["count"] = {"value": 11, "qualifier": "at_least"}
    factories.edit_records(tiny_dataset, change)
    bump(tiny_dataset, "1.0.1")
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    row = load("casualties", version="1.0.1", releases=releases).set_index("casualty_id").loc["cas_test_01a"]
    assert (row["count_low"], row["count_best"], row["qualifier"]) == (11, 11, "at_least")
    assert pd.isna(row["count_high"])
    after = keys(cache)
    assert len(after) == 2 and len(after & before) == 1  # the edited file's entry replaced the old one


def test_an_unchanged_dataset_does_not_rewrite_the_pack(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    written = (cache / "pack.arrow").stat()
    warm = ParsedCache(cache)
    assert prepare(tiny_dataset, cache=warm).problems == []
    assert (warm.hits, warm.misses) == (2, 0)
    again = (cache / "pack.arrow").stat()
    assert (again.st_ino, again.st_mtime_ns) == (written.st_ino, written.st_mtime_ns)


def test_a_deleted_document_leaves_the_pack(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    assert len(keys(cache)) == 2
    (tiny_dataset / "records" / "000_aaaabbbbccccdddd.yaml").unlink()
    assert prepare(tiny_dataset, cache=ParsedCache(cache)).problems == []
    assert len(keys(cache)) == 1  # only the sidecar is left


def test_an_edited_reference_row_reaches_the_cached_record(tiny_dataset, tmp_path):
    cache, releases = tmp_path / "cache", tmp_path / "releases"
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    locations = tiny_dataset / "reference" / "locations.csv"
    locations.write_text(locations.read_text(encoding="utf-8").replace(
        "loc_testville,Testville,town,Idleb,SY07,SYR,35.9,36.6,1,",
        "loc_testville,Testville,town,Idleb,SY07,SYR,35.9,36.6,3,"), encoding="utf-8")
    bump(tiny_dataset, "1.0.1")
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    claims = load("claims", version="1.0.1", releases=releases).set_index("claim_id")
    assert claims["where_prec"].to_dict() == {"clm_test_01": 3, "clm_test_02": 3, "clm_test_03": 2}


def test_a_damaged_entry_is_ignored_and_rewritten(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    path = cache / "pack.arrow"
    good, entries = path.read_bytes(), rows(cache)
    flipped = good.replace(b"12 soldiers", b"99 soldiers")
    assert flipped != good  # the quote is in the pack as text, in the record file's rows
    path.write_bytes(flipped)
    damaged = ParsedCache(cache)
    prepared = prepare(tiny_dataset, cache=damaged)
    assert (damaged.hits, damaged.misses) == (1, 1)
    assert prepared.tables["casualties"].set_index("casualty_id").loc["cas_test_01a", "count_best"] == 12
    assert prepared.tables["claims"].set_index("claim_id").loc["clm_test_01", "quote"].startswith(
        "Since Monday, 12 soldiers")
    assert rows(cache) == entries  # rewritten by the build that missed it


def test_an_unreadable_pack_is_empty_and_rewritten(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    path = cache / "pack.arrow"
    good, entries = path.read_bytes(), rows(cache)
    for junk in (b"not an arrow file", good[: len(good) // 2]):
        path.write_bytes(junk)
        cold = ParsedCache(cache)
        assert prepare(tiny_dataset, cache=cold).problems == []
        assert (cold.hits, cold.misses) == (0, 2)
        assert rows(cache) == entries


def test_an_entry_of_another_file_is_not_served(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    table = pack(cache).to_pylist()
    sidecar = next(r for r in table if r["claims"] is None)  # a record file's entry holds its rows
    for row in table:  # the record file's key now holds the sidecar, with a checksum that matches
        if row["claims"] is not None:
            row.update({part: sidecar[part] for part in row if part not in ("key", "sha256")})
            row["sha256"] = hashlib.sha256(f"{row['key']}\n{row['json']}".encode()).hexdigest()
    forged = pa.Table.from_pylist(table, schema=pack(cache).schema)
    with pa.OSFile(str(cache / "pack.arrow"), "wb") as sink, pa.ipc.new_file(sink, forged.schema) as writer:
        writer.write_table(forged)
    found = ParsedCache(cache)
    prepared = prepare(tiny_dataset, cache=found)
    assert prepared.problems == []
    assert (found.hits, found.misses) == (1, 1)
    assert len(prepared.tables["casualties"]) == 3


@pytest.fixture
def seed_reports(tmp_path):
    return factories.copy_seed_reports(factories.REPO, tmp_path)


def test_builds_with_and_without_the_cache_are_byte_identical(seed_reports, tmp_path):
    seed_dataset = seed_reports
    cache = tmp_path / "cache"
    build(seed_dataset, tmp_path / "none", "--no-cache")
    build(seed_dataset, tmp_path / "cold", "--cache-dir", str(cache))
    build(seed_dataset, tmp_path / "warm", "--cache-dir", str(cache))
    none, cold, warm = (release_bytes(next((tmp_path / f).glob("[0-9]*"))) for f in ("none", "cold", "warm"))
    assert none == cold == warm
    assert len(keys(cache)) == 10  # five record files, five sidecars


def test_problems_keep_their_lines_when_files_come_from_the_cache(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    assert prepare(tiny_dataset, cache=ParsedCache(cache)).problems == []
    actors = tiny_dataset / "reference" / "actors.csv"
    actors.write_text(actors.read_text(encoding="utf-8").replace("act_rebels,Test rebels,armed_group,\n", ""),
                      encoding="utf-8")
    warm = ParsedCache(cache)
    cached = prepare(tiny_dataset, cache=warm).problems
    assert warm.hits == 2
    uncached = prepare(tiny_dataset, cache=ParsedCache(None)).problems
    assert cached == uncached
    record = "dataset/records/000_aaaabbbbccccdddd.yaml"
    assert [(p.file, p.line, p.record_id, p.field) for p in cached if p.file == record][:2] == [
        (record, 32, "cas_test_01b", "party"), (record, 39, "cas_test_01c", "party")]


def test_jobs_give_the_same_release_as_one_process(seed_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_read, "CHUNK", 1)  # five record files: use the pool even so
    build(seed_dataset, tmp_path / "one", "--no-cache")
    build(seed_dataset, tmp_path / "two", "--no-cache", "--jobs", "2")
    one, two = (release_bytes(next((tmp_path / f).glob("[0-9]*"))) for f in ("one", "two"))
    assert one == two


def test_jobs_and_cache_report_the_same_problems(tiny_dataset, tmp_path, monkeypatch):
    monkeypatch.setattr(parallel_read, "CHUNK", 1)
    second = tiny_dataset / "records" / "001_eeeeffff00001111.yaml"
    second.write_text("document_id: doc_eeeeffff00001111\nclaims: [\n", encoding="utf-8")
    expected = prepare(tiny_dataset, cache=ParsedCache(None)).problems
    assert [(p.file, p.line, p.code) for p in expected][:1] == [
        ("dataset/records/001_eeeeffff00001111.yaml", 3, "yaml-syntax")]
    assert prepare(tiny_dataset, jobs=2, cache=ParsedCache(tmp_path / "cache")).problems == expected


def test_jobs_fill_and_use_the_same_pack(seed_reports, tmp_path, monkeypatch):
    seed_dataset = seed_reports
    monkeypatch.setattr(parallel_read, "CHUNK", 1)
    one, two = tmp_path / "one", tmp_path / "two"
    single = prepare(seed_dataset, cache=ParsedCache(one))
    cold = ParsedCache(two)
    prepare(seed_dataset, jobs=2, cache=cold)
    assert (cold.hits, cold.misses) == (0, 10)
    assert keys(one) == keys(two) and len(keys(two)) == 10
    warm = ParsedCache(two)
    served = prepare(seed_dataset, jobs=2, cache=warm)
    assert (warm.hits, warm.misses) == (10, 0)
    for name, table in single.tables.items():  # record files served as rows, in two processes: same tables
        pd.testing.assert_frame_equal(served.tables[name], table)
