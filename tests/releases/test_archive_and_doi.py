"""`tollbook archive`: one release as one archive with deterministic bytes, its sha256 and its
DOI deposit metadata; and a DOI or URL set in release.yaml carried into every citation."""

from __future__ import annotations

import hashlib
import json
import tarfile

import factories
import pytest
from click.testing import CliRunner
from conftest import folder_bytes

from tollbook.cli import cli
from tollbook.contract.problems import TollbookError
from tollbook.extract.record_format import ReleaseSpec
from tollbook.release.archive import write_archive
from tollbook.release.citation import apa, bibtex, citation

DOI = "10.5281/zenodo.1234567"


def test_the_archive_is_the_same_bytes_every_time_and_leaves_the_release_alone(built, tmp_path):
    _, releases = built
    before = folder_bytes(releases / "1.0.0")
    first = write_archive(releases / "1.0.0", tmp_path / "a")
    second = write_archive(releases / "1.0.0", tmp_path / "b")
    assert first.path.name == "tollbook-data-1.0.0.tar.gz"
    assert first.path.read_bytes() == second.path.read_bytes()
    assert first.sha256 == hashlib.sha256(first.path.read_bytes()).hexdigest()
    assert first.checksum_file.read_text(encoding="utf-8") == f"{first.sha256}  tollbook-data-1.0.0.tar.gz\n"
    assert folder_bytes(releases / "1.0.0") == before
    with tarfile.open(first.path) as tar:
        members = tar.getmembers()
        assert [m.name for m in members] == ["tollbook-data-1.0.0", *(f"tollbook-data-1.0.0/{n}" for n in before)]
        assert {(m.uid, m.gid, m.mtime) for m in members} == {(0, 0, 1430438400)}  # 2015-05-01T00:00Z
        assert tar.extractfile("tollbook-data-1.0.0/manifest.json").read() == before["manifest.json"]


def test_the_archive_refuses_a_changed_file(built, tmp_path):
    _, releases = built
    (releases / "1.0.0" / "claims.parquet").write_bytes(b"changed")
    with pytest.raises(TollbookError, match=r"claims\.parquet"):
        write_archive(releases / "1.0.0", tmp_path / "out")
    assert not (tmp_path / "out" / "tollbook-data-1.0.0.tar.gz").exists()


def test_the_deposit_metadata_describe_the_release(built, tmp_path):
    _, releases = built
    result = CliRunner().invoke(cli, ["archive", "1.0.0", "--releases", str(releases), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == f"wrote {tmp_path / 'tollbook-data-1.0.0.tar.gz'}"
    assert json.loads((tmp_path / "tollbook-data-1.0.0.zenodo.json").read_text(encoding="utf-8")) == {
        "upload_type": "dataset", "title": "Test release", "version": "1.0.0", "publication_date": "2015-05-01",
        "creators": [{"name": "Test Author"}], "description": "Test release", "license": "cc-by-4.0",
        "access_right": "open"}


def _spec(**extra) -> ReleaseSpec:
    return ReleaseSpec.model_validate({**factories.release(), **extra})


def test_a_doi_in_release_yaml_is_in_the_cff_apa_and_bibtex():
    data = citation(_spec(doi=DOI, url="https://example.org/releases/1.0.0/"))
    assert (data["doi"], data["preferred-citation"]["doi"]) == (DOI, DOI)
    assert data["url"] == data["preferred-citation"]["url"] == "https://example.org/releases/1.0.0/"
    assert apa(data) == f"Test Author. (2015). Test release (Version 1.0.0) [Data set]. https://doi.org/{DOI}"
    assert bibtex(data).endswith(f"  doi = {{{DOI}}},\n  url = {{https://example.org/releases/1.0.0/}}\n}}")


def test_a_url_alone_is_the_link_and_nothing_set_adds_nothing():
    data = citation(_spec(url="https://example.org/r/"))
    assert apa(data).endswith("[Data set]. https://example.org/r/")
    plain = citation(_spec())
    assert "doi" not in plain and "url" not in plain and apa(plain).endswith("[Data set].")
