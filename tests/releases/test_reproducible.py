"""A release is a pure function of dataset/: same inputs, same bytes; an existing version is never rewritten."""

import json
import re

import factories
import pyarrow
import pytest
from conftest import build, folder_bytes

import tollbook
from tollbook.contract.problems import TollbookError
from tollbook.contract.schemas import TABLES
from tollbook.release.catalogue import index_text, read_index
from tollbook.release.checksums import read_sums, sha256_file, write_sums

DOCUMENTS = ["CHANGES.md", "CITATION.cff", "DATASHEET.md", "LICENCE.md", "SHA256SUMS", "datapackage.json",
             "manifest.json"]
RELEASE_FILES = sorted(DOCUMENTS + [f"{table}.parquet" for table in TABLES])


def test_two_builds_into_different_folders_give_identical_bytes(tmp_path):
    dataset = factories.make_dataset(tmp_path)
    first = build(dataset, tmp_path / "releases_a")
    second = build(dataset, tmp_path / "releases_b")
    assert (first.status, second.status) == ("written", "written")
    a, b = folder_bytes(first.folder), folder_bytes(second.folder)
    assert sorted(a) == RELEASE_FILES
    assert a == b
    assert (tmp_path / "releases_a/index.json").read_bytes() == (tmp_path / "releases_b/index.json").read_bytes()


def test_sha256sums_lists_every_file_of_the_release(built):
    _, releases = built
    sums = (releases / "1.0.0/SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert [line.split("  ")[1] for line in sums] == [n for n in RELEASE_FILES if n != "SHA256SUMS"]


def test_rebuilding_the_same_inputs_reports_reproduction(built):
    dataset, releases = built
    before = folder_bytes(releases / "1.0.0")
    result = build(dataset, releases)
    assert result.status == "reproduced"
    assert folder_bytes(releases / "1.0.0") == before


def test_rebuilding_an_existing_version_with_changed_inputs_is_refused_and_leaves_it_intact(built):
    dataset, releases = built
    before = folder_bytes(releases / "1.0.0")
    index = (releases / "index.json").read_bytes()

    def recount(data):
        data["claims"][0]["casualties"][0]["count"]["value"] = 13

    factories.edit_records(dataset, recount)
    message = ("release 1.0.0 already exists and is never overwritten; the inputs now give different bytes "
               "(casualties.parquet, datapackage.json, manifest.json). Set a new "
               "version in dataset/release.yaml to publish the change")
    with pytest.raises(TollbookError, match=re.escape(message)):
        build(dataset, releases)
    assert folder_bytes(releases / "1.0.0") == before
    assert (releases / "index.json").read_bytes() == index
    assert sorted(p.name for p in releases.iterdir()) == ["1.0.0", "index.json"]


def _resum(folder):
    """SHA256SUMS and the catalogue's manifest sha256 in step with files a test rewrote."""
    write_sums(folder, sorted(read_sums(folder)))
    entries = read_index(folder.parent)
    for entry in entries:
        entry["manifest_sha256"] = sha256_file(folder / "manifest.json")
    (folder.parent / "index.json").write_text(index_text(entries), encoding="utf-8")


def _record_built_with(folder, **versions):
    """Rewrite the release's manifest as if other tool versions had built it."""
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    manifest["built_with"].update(versions)
    (folder / "manifest.json").write_text(json.dumps(manifest, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _resum(folder)


def test_a_rebuild_under_other_tool_versions_names_them_instead_of_the_inputs(built):
    dataset, releases = built
    _record_built_with(releases / "1.0.0", pyarrow="25.0.0")
    message = ("release 1.0.0 already exists and is never overwritten; its inputs are the ones it was built "
               f"from, yet this build gives different bytes (manifest.json): pyarrow 25.0.0 built "
               f"this release, {pyarrow.__version__} is installed. Install the locked tools (pip install -r "
               "requirements.lock) or rebuild it with the code that built it: "
               "python scripts/rebuild_release.py 1.0.0")
    with pytest.raises(TollbookError, match=re.escape(message)):
        build(dataset, releases)


def test_a_rebuild_under_the_same_versions_with_changed_code_says_the_code_changed(built):
    dataset, releases = built
    (releases / "1.0.0" / "LICENCE.md").write_text("an older wording\n", encoding="utf-8")
    _resum(releases / "1.0.0")
    message = (f"yet this build gives different bytes (LICENCE.md): tollbook {tollbook.__version__} "
               "built it and is installed, but its code has changed since.")
    with pytest.raises(TollbookError, match=re.escape(message)):
        build(dataset, releases)


def test_changed_inputs_are_named_when_they_cause_the_difference(built):
    dataset, releases = built
    _record_built_with(releases / "1.0.0", pyarrow="25.0.0")  # the inputs, not the tools, are blamed

    def recount(data):
        data["claims"][0]["casualties"][0]["count"]["value"] = 13

    factories.edit_records(dataset, recount)
    changed = "dataset/" + factories.record_path(dataset).relative_to(dataset).as_posix()
    with pytest.raises(TollbookError, match=re.escape(f"to publish the change (changed: {changed})")):
        build(dataset, releases)
