"""Adding the rows of a table through a mapping file, with provenance and skip reasons."""

import csv

import pytest
import yaml
from click.testing import CliRunner

from tollbook.cli import cli

ROWS = [
    {"id": "1", "title": "Blast kills 16 in Hasaka", "site": "paper", "day": "4/5/17", "place": "hasaka", "n": "16",
     "body": "Wed 05 Apr 2017 Blast kills 16 in Hasaka. A bomb killed at least 16 people in Hasaka, a monitor said."},
    {"id": "2", "title": "Blast kills 16 in Hasaka", "site": "paper", "day": "4/5/17", "place": "idlib", "n": "0",
     "body": "Wed 05 Apr 2017 Blast kills 16 in Hasaka. A bomb killed at least 16 people in Hasaka, a monitor said."},
    {"id": "3", "title": "Strikes hit Idlib", "site": "unknown", "day": "4/5/17", "place": "hasaka", "n": "3",
     "body": "Wed 05 Apr 2017 Strikes hit Idlib. Three people died in strikes on Idlib, activists said."},
    {"id": "4", "title": "Shelling in Homs", "site": "paper", "day": "4/5/17", "place": "idlib", "n": "5",
     "body": "Shelling killed five people in Homs on Tuesday, residents said."},
    {"id": "5", "title": "Lone story", "site": "paper", "day": "1/1/17", "place": "homs", "n": "1",
     "body": "Mon 02 Jan 2017 Lone story. One person died."},
]

MAPPING = {
    "dataset": "TestCorpus", "citation": "Doe (2020). Test corpus.", "doi": "10.1/x", "licence": "CC-BY-4.0",
    "columns": {"text": "body", "title": "title", "outlet": "site", "row_id": "id", "date": "day"},
    "date_format": "%m/%d/%y", "coded": ["day", "place", "n"], "select": {"rows_sharing": ["day", "place"]},
    "outlets": {"paper": {"actor": "act_paper", "name": "The Test Paper"}},
}


@pytest.fixture
def table(tmp_path):
    path = tmp_path / "table.csv"
    with path.open("w", newline="", encoding="latin-1") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(ROWS[0]))
        writer.writeheader()
        writer.writerows(ROWS)
    mapping = tmp_path / "mapping.yaml"
    mapping.write_text(yaml.safe_dump({**MAPPING, "encoding": "latin-1"}), encoding="utf-8")
    return path, mapping


def test_rows_are_added_with_provenance_and_skips_are_explained(tiny_dataset, table):
    path, mapping = table
    result = CliRunner().invoke(cli, ["add", "--from-csv", str(path), "--mapping", str(mapping),
                                      "--dataset", str(tiny_dataset)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[-1] == ("2 document(s) added from 3 row(s); 1 row(s) skipped (1 outlet not mapped); "
                         "1 row(s) not selected")
    assert "skipped row(s) 3: outlet not mapped: 'unknown'" in lines
    sidecars = sorted((tiny_dataset / "sources").glob("00[12]_*.yaml"))
    first = yaml.safe_load(sidecars[0].read_text(encoding="utf-8"))
    assert first["provenance"] == {
        "dataset": "TestCorpus", "doi": "10.1/x", "licence": "CC-BY-4.0", "citation": "Doe (2020). Test corpus.",
        "rows": [{"row_id": "1", "coded": {"day": "2017-04-05", "place": "hasaka", "n": 16}},
                 {"row_id": "2", "coded": {"day": "2017-04-05", "place": "idlib", "n": 0}}],
        "repair": None}
    second = yaml.safe_load(sidecars[1].read_text(encoding="utf-8"))
    assert second["published_date_evidence"]["kind"] == "inferred"  # no dateline: the row's date stands in
    assert str(second["published_date"]) == "2017-04-05"


def test_the_added_documents_compile_with_their_row_ids(tiny_dataset, table):
    from tollbook.pipeline import prepare

    path, mapping = table
    CliRunner().invoke(cli, ["add", "--from-csv", str(path), "--mapping", str(mapping),
                             "--dataset", str(tiny_dataset)])
    prepared = prepare(tiny_dataset)
    assert prepared.problems == []
    docs = prepared.tables["documents"].set_index("document_id")
    assert sorted(map(list, docs["provenance_row_ids"].dropna())) == [[], ["1", "2"], ["4"]]
    assert set(docs["provenance_doi"].dropna()) == {"10.1/x"}


def test_a_bad_mapping_is_one_clear_error(tiny_dataset, table, tmp_path):
    path, _ = table
    bad = tmp_path / "bad.yaml"
    bad.write_text("dataset: X\ncolumns: {text: body}\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["add", "--from-csv", str(path), "--mapping", str(bad),
                                      "--dataset", str(tiny_dataset)])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == f"Error: {bad}: missing citation, licence, outlets"
