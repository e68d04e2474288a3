"""tollbook sql --format table|csv|json|parquet [--output FILE]."""

from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from tollbook.cli import cli

QUERY = "SELECT outcome, count_best, date_start FROM casualties ORDER BY casualty_id"


def run(releases: Path, *args: str):
    return CliRunner().invoke(cli, ["sql", QUERY, "--releases", str(releases), *args])


def test_table_is_the_default(tiny_release: Path):
    result = run(tiny_release)
    assert result.exit_code == 0
    assert result.output == (
        "outcome  count_best  date_start\n"
        "-------  ----------  ----------\n"
        "killed   12          2015-04-20\n"
        "killed   20          2015-04-20\n"
        "killed   5           2015-04-20\n"
        "(3 rows)\n")


def test_csv(tiny_release: Path):
    result = run(tiny_release, "--format", "csv")
    assert (result.exit_code, result.output) == (0, (
        '"outcome","count_best","date_start"\n'
        '"killed",12,2015-04-20\n'
        '"killed",20,2015-04-20\n'
        '"killed",5,2015-04-20\n'))


def test_json(tiny_release: Path):
    result = run(tiny_release, "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.output) == [
        {"outcome": "killed", "count_best": 12, "date_start": "2015-04-20"},
        {"outcome": "killed", "count_best": 20, "date_start": "2015-04-20"},
        {"outcome": "killed", "count_best": 5, "date_start": "2015-04-20"},
    ]


def test_parquet_to_a_file(tiny_release: Path, tmp_path: Path):
    target = tmp_path / "out.parquet"
    result = run(tiny_release, "--format", "parquet", "--output", str(target))
    assert result.exit_code == 0
    assert result.output == f"wrote 3 rows to {target}\n"
    table = pq.read_table(target)
    assert table.column_names == ["outcome", "count_best", "date_start"]
    assert table.column("count_best").to_pylist() == [12, 20, 5]


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_output_file_holds_what_stdout_would(tiny_release: Path, tmp_path: Path, fmt: str):
    target = tmp_path / f"out.{fmt}"
    assert run(tiny_release, "--format", fmt, "--output", str(target)).exit_code == 0
    assert target.read_text(encoding="utf-8") == run(tiny_release, "--format", fmt).output


def test_unknown_format_is_refused(tiny_release: Path):
    result = run(tiny_release, "--format", "xlsx")
    assert result.exit_code == 2
    assert "'xlsx' is not one of 'table', 'csv', 'json', 'parquet'" in result.output


def test_duckdb_hints_reach_the_user(tiny_release: Path):
    def error(sql):
        result = CliRunner().invoke(cli, ["sql", sql, "--releases", str(tiny_release)])
        assert result.exit_code == 1
        return result.output

    assert error("SELECT * FROM casualty") == (
        'Error: query failed: Catalog Error: Table with name casualty does not exist!\nDid you mean "casualties"?\n')
    assert error("SELECT outcom FROM casualties").splitlines()[1].startswith('Candidate bindings: "outcome"')
