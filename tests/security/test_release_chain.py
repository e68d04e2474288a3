"""A release is tamper-evident: file → SHA256SUMS → manifest.json → index.json's manifest_sha256,
checked by every reader; a build refuses a catalogue that disagrees with the release folders."""

from __future__ import annotations

import hashlib
import json
import shutil

import factories
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from bad_input_kit import run, snapshot

from tollbook import connect, load, query
from tollbook.contract.problems import TollbookError


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _relist(folder, name) -> None:
    """Update ``name``'s SHA256SUMS line, as a careful forger would."""
    sums = folder / "SHA256SUMS"
    lines = [f"{_sha(folder / name)}  {name}" if line.endswith(f"  {name}") else line
             for line in sums.read_text().splitlines()]
    sums.write_text("\n".join(lines) + "\n")


def _tenfold(releases):
    folder = releases / "1.0.0"
    path = folder / "casualties.parquet"
    table = pq.read_table(path)
    for column in ("count_low", "count_best", "count_high"):
        i = table.schema.get_field_index(column)
        tenfold = pc.multiply(table.column(column), pa.scalar(10, table.schema.field(column).type))
        table = table.set_column(i, column, tenfold)
    pq.write_table(table, path)  # a valid Parquet file with ten-fold counts
    _relist(folder, "casualties.parquet")
    return folder, path


def _readers(releases):
    return (lambda: load("casualties", version="1.0.0", releases=releases),
            lambda: connect("1.0.0", releases),
            lambda: query("SELECT sum(count_best) FROM casualties", releases=releases))


def test_a_forged_table_with_its_sums_line_updated_is_refused(releases):
    folder, path = _tenfold(releases)
    listed = _sha(path)
    manifest = json.loads((folder / "manifest.json").read_text())["tables"]["casualties"]["sha256"]
    for read in _readers(releases):
        with pytest.raises(TollbookError) as err:
            read()
        assert str(err.value) == (f"{path} is listed in SHA256SUMS with sha256 {listed} but manifest.json says "
                                  f"{manifest}: the release was changed after it was built")
    result = run("sql", "--releases", releases, "SELECT sum(count_best) FROM casualties")
    assert result.exit_code == 1 and result.stderr.startswith(f"Error: {path} is listed in SHA256SUMS")


def test_a_forged_manifest_with_its_sums_line_updated_is_refused(releases):
    folder, path = _tenfold(releases)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["tables"]["casualties"]["sha256"] = _sha(path)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n")
    _relist(folder, "manifest.json")
    catalogued = json.loads((releases / "index.json").read_text())["releases"][0]["manifest_sha256"]
    for read in _readers(releases):
        with pytest.raises(TollbookError) as err:
            read()
        assert str(err.value) == (
            f"{folder / 'manifest.json'} has sha256 {_sha(folder / 'manifest.json')} but "
            f"{releases / 'index.json'} lists {catalogued} for release 1.0.0: the release was changed after "
            "it was catalogued")


def test_an_untouched_release_passes_the_chain(releases):
    assert load("casualties", version="1.0.0", releases=releases)["count_best"].tolist() == [12, 20, 5]


def test_build_refuses_a_release_folder_missing_from_the_catalogue(ds, releases):
    (releases / "index.json").unlink()
    factories.edit_records(ds, lambda d: d["claims"].pop())  # a removed claim, no tombstone
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert (result.exit_code, result.stderr) == (
        1, f"Error: release folder {releases / '1.0.0'} is not in {releases / 'index.json'}: the catalogue "
           "disagrees with the release folders (restore index.json from version control); nothing was written\n")
    assert snapshot(releases) == before


def test_build_refuses_a_catalogue_entry_pointing_at_another_versions_folder(ds, releases):
    shutil.copytree(releases / "1.0.0", releases / "1.0.1")
    index = json.loads((releases / "index.json").read_text())
    index["releases"].append(dict(index["releases"][0], version="1.0.1"))
    (releases / "index.json").write_text(json.dumps(index))
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert (result.exit_code, result.stderr) == (
        1, f"Error: {releases / '1.0.1' / 'manifest.json'} is the manifest of release 1.0.0, not of 1.0.1: "
           f"{releases / 'index.json'} points at another version's folder\n")
    assert snapshot(releases) == before


def test_build_with_a_consistent_catalogue_succeeds(ds, releases):
    assert run("build", "--dataset", ds, "--releases", releases, "--quiet").exit_code == 0
