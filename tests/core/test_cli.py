"""The command line: exact output of build, check and sql on the tiny dataset."""

from __future__ import annotations

from click.testing import CliRunner
from factories import edit_records

from tollbook.cli import cli


def run(*args):
    return CliRunner().invoke(cli, list(args))


def test_check_ok(tiny_dataset):
    result = run("check", "--dataset", str(tiny_dataset))
    assert result.exit_code == 0
    assert result.output == (
        "dataset OK: 1 documents, 3 claims, 3 casualty figures, 1 airstrike figures, "
        "1 control changes; no problems\n"
    )


def test_check_lists_every_problem_and_exits_1(tiny_dataset):
    def break_two_things(data):
        data["claims"][0]["casualties"][0]["count"]["value"] = "thirty"
        data["claims"][1]["claimant"] = "act_nobody"

    edit_records(tiny_dataset, break_two_things)
    result = run("check", "--dataset", str(tiny_dataset))
    assert result.exit_code == 1
    assert result.output.splitlines() == [
        "Error: 2 problems in the input; nothing was written",
        "  dataset/records/000_aaaabbbbccccdddd.yaml:28 [cas_test_01a] count.value: wrong-type: Input should "
        "be a valid integer (got 'thirty')",
        "  dataset/records/000_aaaabbbbccccdddd.yaml:46 [clm_test_02] claimant: foreign-key: claimant_id "
        "'act_nobody' is not a known actors.actor_id",
    ]


def test_build_then_rebuild_reproduces(tiny_dataset, tmp_path):
    releases = tmp_path / "releases"
    first = run("build", "--dataset", str(tiny_dataset), "--releases", str(releases), "--quiet")
    assert first.exit_code == 0, first.output
    assert first.stdout == f"{releases / '1.0.0'}\n"
    again = run("build", "--dataset", str(tiny_dataset), "--releases", str(releases))
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith(f"release 1.0.0 reproduced byte for byte at {releases / '1.0.0'}\n")


def test_sql_prints_a_table(tiny_dataset, tmp_path):
    releases = tmp_path / "releases"
    run("build", "--dataset", str(tiny_dataset), "--releases", str(releases), "--quiet")
    result = run("sql", "SELECT party_text, count_best FROM casualties ORDER BY count_best",
                 "--releases", str(releases))
    assert result.exit_code == 0, result.output
    assert result.output == (
        "party_text        count_best\n"
        "----------------  ----------\n"
        "foreign fighters  5\n"
        "soldiers          12\n"
        "rebels            20\n"
        "(3 rows)\n"
    )


def test_sql_error_is_one_message_with_duckdbs_hint(tiny_dataset, tmp_path):
    releases = tmp_path / "releases"
    run("build", "--dataset", str(tiny_dataset), "--releases", str(releases), "--quiet")
    result = run("sql", "SELECT nope FROM casualties", "--releases", str(releases))
    assert result.exit_code == 1
    lines = result.output.strip().splitlines()
    assert lines[0] == 'Error: query failed: Binder Error: Referenced column "nope" not found in FROM clause!'
    assert lines[1].startswith("Candidate bindings: ") and len(lines) == 2  # the hint, no query echo
