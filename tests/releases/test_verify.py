"""Reading a release verifies its bytes; version strings are checked before they touch a path."""

import re

import pytest
from click.testing import CliRunner

import tollbook
from tollbook.cli import cli
from tollbook.contract.problems import TollbookError


def flip_byte(path, offset=100):
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_flipped_byte_is_refused_on_load_naming_the_file(built):
    _, releases = built
    path = releases / "1.0.0/casualties.parquet"
    flip_byte(path)
    with pytest.raises(TollbookError, match=re.escape(f"{path} is corrupt or was modified: sha256 ")):
        tollbook.load("casualties", version="1.0.0", releases=releases)


def test_a_truncated_parquet_file_is_refused_on_connect_naming_the_file(built):
    _, releases = built
    path = releases / "1.0.0/claims.parquet"
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(TollbookError, match=re.escape(f"{path} is corrupt or was modified: sha256 ")):
        tollbook.connect(version="1.0.0", releases=releases)


def test_a_modified_citation_is_refused(built):
    _, releases = built
    path = releases / "1.0.0/CITATION.cff"
    path.write_text(path.read_text(encoding="utf-8").replace("Test release", "Another title"), encoding="utf-8")
    with pytest.raises(TollbookError, match=re.escape(f"{path} is corrupt or was modified")):
        tollbook.cite(version="1.0.0", releases=releases)


def test_the_cli_names_the_tampered_file_without_a_traceback(built):
    _, releases = built
    path = releases / "1.0.0/casualties.parquet"
    flip_byte(path)
    result = CliRunner().invoke(cli, ["sql", "SELECT 1", "--releases", str(releases)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {path} is corrupt or was modified: sha256 ")
    assert "Traceback" not in result.output


@pytest.mark.parametrize("version", ["../1.0.0", "1.0.0/..", "1.0", "v1.0.0", "1.0.0 ", "01.0.0", "1.0.0\x00", ""])
def test_version_strings_with_path_tricks_or_illegal_characters_are_rejected(built, version):
    _, releases = built
    message = f"{version!r} is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0"
    for call in (lambda: tollbook.load("claims", version=version, releases=releases),
                 lambda: tollbook.connect(version=version, releases=releases),
                 lambda: tollbook.cite(version=version, releases=releases)):
        with pytest.raises(TollbookError, match=re.escape(message)):
            call()


def test_an_unknown_version_lists_the_known_ones(built):
    _, releases = built
    with pytest.raises(TollbookError, match=re.escape("unknown release 2.0.0; known releases: 1.0.0")):
        tollbook.load("claims", version="2.0.0", releases=releases)
    result = CliRunner().invoke(cli, ["cite", "--version", "2.0.0", "--releases", str(releases)])
    assert (result.exit_code, result.output) == (1, "Error: unknown release 2.0.0; known releases: 1.0.0\n")
