import json
import shutil

import pytest
import yaml
from click.testing import CliRunner
from propose_support import SOURCES

from tollbook import paths
from tollbook.cli import cli


def announced() -> str:
    """The first line (stderr) of a command using the project found from the working directory."""
    return f"project: {paths.project_root().absolute()}\n"

SEED = "003_b62e91b403ca12d2"


def run(*args):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def reports(tmp_path):
    folder = tmp_path / "reports"
    folder.mkdir()
    for stem in ("003_b62e91b403ca12d2", "004_9717be3379037acb"):
        shutil.copy(SOURCES / f"{stem}.txt", folder)
    (folder / "latin1.txt").write_bytes("Caf\u00e9 owner: six people were killed.".encode(
        "latin-1"))
    return folder


def test_propose_yaml_to_stdout(tmp_path):
    folder = reports(tmp_path)
    result = run("propose", str(folder / f"{SEED}.txt"), "--reference-date", "2015-04-24",
                 "--dataset", str(tmp_path / "none"))
    assert result.exit_code == 0, result.output
    data = yaml.safe_load(result.stdout)
    assert data["document_id"] == "doc_b62e91b403ca12d2"
    assert {c["review"]["status"] for c in data["claims"]} == {"proposed"}


def test_propose_jsonl_many_files_and_jobs_give_the_same_output(tmp_path):
    folder = reports(tmp_path)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    one = run("propose", *files, "--format", "jsonl", "--out", str(tmp_path / "one"),
              "--dataset", str(tmp_path / "none"))
    two = run("propose", *files, "--format", "jsonl", "--out", str(tmp_path / "two"),
              "--jobs", "2", "--dataset", str(tmp_path / "none"))
    assert one.exit_code == two.exit_code == 0
    for name in ("003_b62e91b403ca12d2.jsonl", "004_9717be3379037acb.jsonl", "latin1.jsonl",
                 "latin1.txt"):
        assert (tmp_path / "one" / name).read_text() == (tmp_path / "two" / name).read_text()
    assert not (tmp_path / "one" / f"{SEED}.txt").exists()  # clean UTF-8: no stored copy
    (row,) = [json.loads(x) for x in (tmp_path / "one" / "latin1.jsonl").read_text().splitlines()]
    stored = (tmp_path / "one" / "latin1.txt").read_text(encoding="utf-8")
    assert stored[row["char_start"]:row["char_end"]] == row["quote"]
    assert (row["count_best"], row["outcome"]) == (6, "killed")


def test_propose_errors_are_one_line(tmp_path):
    result = run("propose", str(tmp_path / "missing.txt"))
    assert (result.exit_code, result.output) == (
        1, f"{announced()}Error: no such file: {tmp_path}/missing.txt\n")
    bad = run("propose", str(SOURCES / f"{SEED}.txt"), "--reference-date", "2015-13-01")
    assert (bad.exit_code, bad.output) == (
        1, "Error: --reference-date '2015-13-01' is not a date like 2015-04-24\n")  # refused before the project


def test_review_round_trip_keeps_decisions(tmp_path):
    folder = reports(tmp_path)
    drafts = tmp_path / "drafts"
    run("propose", str(folder / f"{SEED}.txt"), "--reference-date", "2015-04-24", "--out",
        str(drafts), "--dataset", str(tmp_path / "none"))
    draft = drafts / f"{SEED}.yaml"
    claims = yaml.safe_load(draft.read_text())["claims"]
    keep, drop = claims[0]["claim_id"], claims[1]["claim_id"]
    target = tmp_path / "records" / f"{SEED}.yaml"
    result = run("review", str(draft), "--into", str(target), "--by", "ana", "--on", "2026-11-21",
                 "--accept", keep, "--reject", f"{drop}=hypothetical, not a claim")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(f"merged {draft} into {target}: {len(claims)} added")
    merged = {c["claim_id"]: c for c in yaml.safe_load(target.read_text())["claims"]}
    assert merged[keep]["review"]["status"] == "accepted"
    assert merged[drop]["review"]["reason"] == "hypothetical, not a claim"
    again = run("review", str(draft), "--into", str(target))
    assert "0 added" in again.output and "2 kept as decided" in again.output
    assert yaml.safe_load(target.read_text())["claims"] == list(merged.values())


def test_propose_leaves_out_claims_already_decided(tmp_path):
    dataset = tmp_path / "dataset"
    (dataset / "records").mkdir(parents=True)
    folder = reports(tmp_path)
    first = yaml.safe_load(run("propose", str(folder / f"{SEED}.txt"), "--reference-date",
                               "2015-04-24", "--dataset", str(dataset)).stdout)
    rejected = dict(first["claims"][0], review={"status": "rejected", "by": "ana",
                                               "on": "2026-11-21", "reason": "no"})
    (dataset / "records" / f"{SEED}.yaml").write_text(yaml.safe_dump(
        {"document_id": first["document_id"], "claims": [rejected]}))
    second = run("propose", str(folder / f"{SEED}.txt"), "--reference-date", "2015-04-24",
                 "--dataset", str(dataset))
    ids = [c["claim_id"] for c in yaml.safe_load(second.stdout)["claims"]]
    assert rejected["claim_id"] not in ids and len(ids) == len(first["claims"]) - 1
    assert "1 candidate claim(s) left out" in second.stdout


def test_review_errors_are_one_line(tmp_path):
    result = run("review", str(tmp_path / "nope.yaml"))
    assert (result.exit_code, result.output) == (1, f"{announced()}Error: no such file: {tmp_path}/nope.yaml\n")


@pytest.mark.parametrize(("name", "content", "expected"), [
    ("propose-lexicon.yaml", "outcomes: [\n", "propose-lexicon.yaml:2: not valid YAML"),
    ("propose-rules.yaml",
     "exclusions:\n  - {name: x, reason: y, anchor: digit, pattern: '\\d(', evidence: e}\n",
     "propose-rules.yaml:2: rule x: field pattern: not a valid regular expression"),
    ("propose-rules.yaml",
     "held_areas:\n  - {name: x, area: loc_a, within: loc_b, held_by: [rebel], evidence: e}\n",
     "propose-rules.yaml:2: rule x: field area: loc_a is not a place of "
     "reference/locations.csv"),
])
def test_propose_bad_dataset_lexicon_or_rules_file_is_one_line(tmp_path, name, content, expected):
    dataset = tmp_path / "dataset"
    (dataset / "reference").mkdir(parents=True)
    (dataset / "reference" / name).write_text(content, encoding="utf-8")
    report = tmp_path / "r.txt"
    report.write_text("Three people were killed.", encoding="utf-8")
    result = run("propose", str(report), "--dataset", str(dataset))
    assert result.exit_code == 1
    [line] = result.output.strip().splitlines()
    assert line.startswith("Error: ") and expected in line
