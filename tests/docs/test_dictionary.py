"""docs/data-dictionary.md cannot drift from the pandera models."""

from __future__ import annotations

import re
from pathlib import Path

import factories
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas import TABLES
from tollbook.docs import render_dictionary
from tollbook.docs.data_files import crosswalk, meanings
from tollbook.docs.dictionary import coded_columns

DICTIONARY = factories.REPO / "docs" / "data-dictionary.md"


def test_data_dictionary_is_up_to_date():
    assert DICTIONARY.read_text(encoding="utf-8") == render_dictionary(), (
        "docs/data-dictionary.md is out of date with the models: run `tollbook docs`")


def test_every_table_and_column_is_in_the_dictionary():
    text = render_dictionary()
    for name, model in TABLES.items():
        section = text.split(f"\n## {name}\n", 1)[1].split("\n## ", 1)[0]
        for column, spec in model.to_schema().columns.items():
            assert f"| `{column}`" in section, f"{name}.{column} missing"
            assert spec.description, f"{name}.{column} has no description"


def test_every_vocabulary_value_has_a_meaning():
    words = meanings()
    for column, entry in coded_columns().items():
        if "vocabulary" in entry["meta"]:
            assert list(words.get(column, {})) == list(entry["meta"]["vocabulary"]), (
                f"tollbook/docs/meanings.yaml: {column} must list exactly {entry['meta']['vocabulary']}")
    vocab_columns = {c for c, e in coded_columns().items() if "vocabulary" in e["meta"]}
    assert set(words) - vocab_columns == set(), "meanings.yaml documents columns the models no longer have"


def test_precision_codes_are_explained():
    text = render_dictionary()
    for code, meaning in {**voc.DATE_PRECISION, **voc.WHERE_PRECISION}.items():
        assert f"| {code} | {meaning} |" in text
    scales = crosswalk()["precision"]
    assert [r["code"] for r in scales["date_prec"]] == sorted(voc.DATE_PRECISION)
    assert [r["code"] for r in scales["where_prec"]] == sorted(voc.WHERE_PRECISION)


def test_crosswalk_names_only_columns_that_exist():
    columns = {name: set(model.to_schema().columns) for name, model in TABLES.items()}
    for row in crosswalk()["columns"]:
        for table, column in re.findall(r"\b([a-z_]+)\.([a-z_]+)\b", row["tollbook"]):
            assert table in columns, f"crosswalk names unknown table {table!r}"
            assert column in columns[table], f"crosswalk names unknown column {table}.{column}"


def test_crosswalk_covers_the_main_ucdp_and_acled_columns():
    ucdp = " ".join(r["ucdp"] for r in crosswalk()["columns"])
    acled = " ".join(r["acled"] for r in crosswalk()["columns"])
    for name in ("date_start", "date_end", "date_prec", "where_prec", "side_a", "side_b", "deaths_a", "deaths_b",
                 "deaths_civilians", "deaths_unknown", "low", "best", "high", "latitude", "longitude", "adm_1",
                 "source_article"):
        assert re.search(rf"\b{name}\b", ucdp), name
    for name in ("event_date", "time_precision", "geo_precision", "actor1", "actor2", "fatalities", "admin1",
                 "latitude", "longitude", "source", "notes"):
        assert re.search(rf"\b{name}\b", acled), name


def test_docs_check_fails_on_a_stale_file_and_passes_after_writing(tmp_path: Path):
    target = tmp_path / "dd.md"
    target.write_text("# stale\n", encoding="utf-8")
    runner = CliRunner()
    stale = runner.invoke(cli, ["docs", "--check", "--output", str(target)])
    assert stale.exit_code == 1
    assert stale.output == (f"Error: {target} is out of date with the models; "
                            "run `tollbook docs` to regenerate it\n")
    written = runner.invoke(cli, ["docs", "--output", str(target)])
    assert (written.exit_code, written.output) == (0, f"wrote {target}\n")
    fresh = runner.invoke(cli, ["docs", "--check", "--output", str(target)])
    assert (fresh.exit_code, fresh.output) == (0, f"{target} is up to date\n")
