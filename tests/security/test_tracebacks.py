"""Failures that gave tracebacks now give one clear message naming the file, and exit 1."""

from __future__ import annotations

import os
import subprocess
import sys

import factories
from bad_input_kit import report, run


def test_a_dataset_folder_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere"
    for args in (("check",), ("build", "--releases", tmp_path / "releases")):
        result = run(*args, "--dataset", missing)
        assert (result.exit_code, result.stderr) == (
            1, f"Error: dataset folder {missing} does not exist (give --dataset, or set TOLLBOOK_ROOT)\n")


def test_a_huge_number_in_vague_quantities_is_a_problem(ds):
    path = ds / "reference" / "vague_quantities.csv"
    path.write_text(path.read_text().replace("several,3,9,,", "several,3,1e30,,"))
    assert ("dataset/reference/vague_quantities.csv", 2, "several", "high", "wrong-type") in report(ds)
    result = run("check", "--dataset", ds)
    assert result.exit_code == 1 and result.stderr.startswith("Error: ")


def test_a_folder_in_place_of_a_release_table(releases):
    path = releases / "1.0.0" / "claims.parquet"
    path.unlink()
    path.mkdir()
    for args in (("sql", "--releases", releases, "SELECT count(*) FROM claims"),
                 ("report", "--releases", releases, "--out", releases.parent / "report")):
        result = run(*args)
        assert result.exit_code == 1
        assert result.stderr == f"Error: {path} cannot be read: Is a directory\n"


def test_a_folder_in_place_of_sha256sums(releases):
    path = releases / "1.0.0" / "SHA256SUMS"
    path.unlink()
    path.mkdir()
    result = run("sql", "--releases", releases, "SELECT 1")
    assert (result.exit_code, result.stderr) == (1, f"Error: {path} cannot be read: Is a directory\n")


def test_a_catalogue_of_the_wrong_shape(releases):
    index = releases / "index.json"
    for text in ('[1, 2]', '{"releases": [{"name": "1.0.0"}]}', '{"releases": "1.0.0"}'):
        index.write_text(text)
        result = run("sql", "--releases", releases, "SELECT 1")
        assert (result.exit_code, result.stderr) == (
            1, f"Error: {index} is not a release catalogue: it must be "
               '{"releases": [{"version": ..., "manifest_sha256": ...}, ...]}\n')


def test_latin_1_standard_output_and_a_result_it_cannot_encode(releases):
    env = dict(os.environ, PYTHONIOENCODING="latin-1")
    result = subprocess.run([sys.executable, "-m", "tollbook.cli", "sql", "--releases", str(releases),
                             "SELECT 'Assad\u2019s forces' AS alias"], env=env, capture_output=True, timeout=120)
    assert result.returncode == 1
    assert result.stderr.decode("latin-1") == (
        "Error: standard output is latin-1, which cannot write '\\u2019': set PYTHONIOENCODING=utf-8, or write "
        "the result to a file with --output\n")


def test_a_record_file_that_is_not_utf8_or_readable_is_one_problem(ds):
    factories.record_path(ds).write_bytes(b"document_id: \xff\n")
    assert [r[4] for r in report(ds)] == ["file-encoding"]
