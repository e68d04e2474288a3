"""Reading releases: bad version strings, unknown versions, tampered, truncated or incomplete
release folders are refused with one clear message naming what is wrong."""

from __future__ import annotations

from pathlib import Path

import pytest
from bad_input_kit import run, snapshot

from tollbook import connect, load
from tollbook.contract.problems import TollbookError


@pytest.mark.parametrize("version", ["../1.0.0", "1.0.0/../../etc", "/etc/passwd", "1.0", "1.0.0 ", "1.0.0\x00",
                                     "01.0.0", "1.0.0-beta", "v1.0.0", ""])
def test_version_with_path_tricks_or_illegal_characters_is_refused(version, releases):
    with pytest.raises(TollbookError) as err:
        load("casualties", version=version, releases=releases)
    assert str(err.value) == f"{version!r} is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0"


def test_sql_command_refuses_a_path_trick_version(releases):
    result = run("sql", "--releases", releases, "--version", "../../tmp", "SELECT 1")
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: '../../tmp' is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0"]


def test_release_yaml_with_a_path_trick_version_is_refused_and_writes_nothing(ds, releases):
    (ds / "release.yaml").write_text((ds / "release.yaml").read_text().replace("1.1.0", "../../1.1.0"))
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 1 problem in the input; nothing was written",
        "  dataset/release.yaml:1 version: value-not-allowed: String should match pattern "
        "'^[0-9]+\\.[0-9]+\\.[0-9]+$' (got '../../1.1.0')"]
    assert snapshot(releases) == before


def test_unknown_version_lists_the_known_ones(releases):
    with pytest.raises(TollbookError, match=r"^unknown release 9\.9\.9; known releases: 1\.0\.0$"):
        load("claims", version="9.9.9", releases=releases)
    result = run("sql", "--releases", releases, "--version", "9.9.9", "SELECT 1")
    assert (result.exit_code, result.stderr) == (1, "Error: unknown release 9.9.9; known releases: 1.0.0\n")


def test_valid_release_loads(releases):
    assert load("casualties", version="1.0.0", releases=releases)["count_best"].tolist() == [12, 20, 5]
    assert connect("1.0.0", releases).sql("SELECT count(*) FROM claims").fetchall() == [(3,)]


def _flip_byte(path: Path, at: int) -> None:
    data = bytearray(path.read_bytes())
    data[at] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", ["flipped-byte", "truncated", "emptied"])
def test_tampered_or_truncated_parquet_is_refused(damage, releases):
    path = releases / "1.0.0" / "casualties.parquet"
    if damage == "flipped-byte":
        _flip_byte(path, path.stat().st_size // 2)
    elif damage == "truncated":
        path.write_bytes(path.read_bytes()[:-100])
    else:
        path.write_bytes(b"")
    for read in (lambda: load("casualties", version="1.0.0", releases=releases),
                 lambda: connect("1.0.0", releases)):
        with pytest.raises(TollbookError, match=rf"^{path} is corrupt or was modified: sha256 [0-9a-f]{{64}} "
                                                rf"does not match [0-9a-f]{{64}} in SHA256SUMS$"):
            read()
    result = run("sql", "--releases", releases, "SELECT count(*) FROM casualties")
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {path} is corrupt or was modified")


def test_missing_manifest_is_refused(releases):
    (releases / "1.0.0" / "manifest.json").unlink()
    with pytest.raises(TollbookError) as err:
        load("claims", version="1.0.0", releases=releases)
    assert str(err.value) == f"{releases / '1.0.0' / 'manifest.json'} is missing from release 1.0.0"


def test_edited_manifest_is_refused(releases):
    path = releases / "1.0.0" / "manifest.json"
    path.write_text(path.read_text().replace('"rows": 3', '"rows": 4', 1))
    with pytest.raises(TollbookError, match="manifest.json is corrupt or was modified"):
        connect("1.0.0", releases)


def test_missing_sha256sums_is_refused(releases):
    (releases / "1.0.0" / "SHA256SUMS").unlink()
    with pytest.raises(TollbookError) as err:
        load("claims", releases=releases)
    assert str(err.value) == "release 1.0.0 has no SHA256SUMS: it is incomplete"


def test_catalogued_release_whose_folder_is_gone_is_refused(releases):
    import shutil

    shutil.rmtree(releases / "1.0.0")
    with pytest.raises(TollbookError) as err:
        load("claims", releases=releases)
    assert str(err.value) == f"release 1.0.0 is catalogued but its folder {releases / '1.0.0'} is missing"


def test_broken_catalogue_is_refused(releases):
    (releases / "index.json").write_text('{"releases": [')
    with pytest.raises(TollbookError) as err:
        load("claims", releases=releases)
    assert str(err.value) == f"{releases / 'index.json'} is not valid JSON (line 1): Expecting value"


def test_catalogue_entry_with_a_path_trick_is_refused(releases):
    (releases / "index.json").write_text('{"releases": [{"version": "../../etc"}]}')
    with pytest.raises(TollbookError, match=r"^'\.\./\.\./etc' is not a release version"):
        load("claims", releases=releases)
