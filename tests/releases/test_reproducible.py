"""A release is a pure function of dataset/: same inputs, same bytes; an existing version is never rewritten."""

import re

import factories
import pytest
from conftest import build, folder_bytes

from tollbook.contract.problems import TollbookError
from tollbook.contract.schemas import TABLES

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
