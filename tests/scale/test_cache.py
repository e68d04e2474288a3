"""The per-file parse cache: never stale, never trusted when damaged, never changes a release;
``--jobs`` never changes one either."""

from __future__ import annotations

from pathlib import Path

import factories
import pandas as pd
import pyarrow as pa
from click.testing import CliRunner
from tollbook.extract import parallel_read
from tollbook.extract.record_cache import ParsedCache

from tollbook.access import load
from tollbook.cli import cli
from tollbook.pipeline import prepare


def build(ds: Path, releases: Path, *options: str) -> None:
    result = CliRunner().invoke(cli, ["build", "--dataset", str(ds), "--releases", str(releases), "--quiet",
                                      *options])
    assert result.exit_code == 0, result.output


def bump(ds: Path, version: str) -> None:
    factories.dump(ds / "release.yaml", factories.release(version))


def release_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def entries(cache: Path) -> list[Path]:
    return sorted(cache.rglob("*.arrow"))


def test_an_edited_count_is_never_served_stale(tiny_dataset, tmp_path):
    cache, releases = tmp_path / "cache", tmp_path / "releases"
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    assert len(entries(cache)) == 2  # the record file and the sidecar

    def change(data):
        data["claims"][0]["casualties"][0]["count"] = {"value": 11, "qualifier": "at_least"}
    factories.edit_records(tiny_dataset, change)
    bump(tiny_dataset, "1.0.1")
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    row = load("casualties", version="1.0.1", releases=releases).set_index("casualty_id").loc["cas_test_01a"]
    assert (row["count_low"], row["count_best"], row["qualifier"]) == (11, 11, "at_least")
    assert pd.isna(row["count_high"])
    assert len(entries(cache)) == 3  # the edited file is a new entry beside the old one


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
    cache, releases = tmp_path / "cache", tmp_path / "releases"
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    record, sidecar = entries(cache)[0], entries(cache)[1]
    good = record.read_bytes()
    flipped = good.replace(b'"value":12', b'"value":99')
    assert flipped != good  # the count is in the entry as JSON text
    record.write_bytes(flipped)
    sidecar.write_bytes(b"not an arrow file")
    bump(tiny_dataset, "1.0.1")
    build(tiny_dataset, releases, "--cache-dir", str(cache))
    casualties = load("casualties", version="1.0.1", releases=releases).set_index("casualty_id")
    assert casualties.loc["cas_test_01a", "count_best"] == 12
    assert record.read_bytes() == good  # rewritten by the build that missed it
    assert pa.ipc.open_stream(sidecar.read_bytes()).read_all().num_rows == 1


def test_an_entry_of_another_file_is_not_served(tiny_dataset, tmp_path):
    cache = tmp_path / "cache"
    prepare(tiny_dataset, cache=ParsedCache(cache))
    record, sidecar = entries(cache)
    record.write_bytes(sidecar.read_bytes())  # a valid entry under the wrong name
    found = ParsedCache(cache)
    prepared = prepare(tiny_dataset, cache=found)
    assert prepared.problems == []
    assert (found.hits, found.misses) == (1, 1)
    assert len(prepared.tables["casualties"]) == 3


def test_builds_with_and_without_the_cache_are_byte_identical(seed_dataset, tmp_path):
    cache = tmp_path / "cache"
    build(seed_dataset, tmp_path / "none", "--no-cache")
    build(seed_dataset, tmp_path / "cold", "--cache-dir", str(cache))
    build(seed_dataset, tmp_path / "warm", "--cache-dir", str(cache))
    none, cold, warm = (release_bytes(next((tmp_path / f).glob("[0-9]*"))) for f in ("none", "cold", "warm"))
    assert none == cold == warm
    assert len(entries(cache)) == 10  # five record files, five sidecars


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
