"""docs/performance.md is generated from benchmarks/results/*.json by benchmarks/performance.yaml:
stale text fails here, and a results file no section shows (nor lists as not shown) is refused."""

from __future__ import annotations

import json
from pathlib import Path

import factories
import pytest

from tollbook.contract.problems import TollbookError
from tollbook.docs.performance import evaluate, render_performance

SPEC = """
title: Speed
define:
  first: files.speed.runs[0]
sections:
  - title: Proposing
    shows: [speed.json]
    text: "{{ first.mb_s | .2f }} MB/s on {{ files.speed.cores }} cores"
    table:
      rows: files.speed.runs
      columns:
        - {header: documents, cell: "{{ documents | , }}"}
        - {header: MB/s, cell: "{{ mb_s | .1f }}"}
        - {header: vs scan, cell: "1/{{ scan_mb_s / mb_s | .0f }}"}
"""
RESULTS = {"cores": 2, "runs": [{"documents": 552, "mb_s": 0.59, "scan_mb_s": 25.5},
                                {"documents": 5520, "mb_s": 0.61, "scan_mb_s": 25.1}]}


def _write(tmp_path: Path, spec: str = SPEC, results: dict | None = None, name: str = "speed.json") -> tuple:
    (tmp_path / "results").mkdir(exist_ok=True)
    (tmp_path / "results" / name).write_text(json.dumps(results or RESULTS), encoding="utf-8")
    (tmp_path / "spec.yaml").write_text(spec, encoding="utf-8")
    return tmp_path / "spec.yaml", tmp_path / "results"


def test_the_committed_page_is_what_the_results_give():
    page = (factories.REPO / "docs" / "performance.md").read_text(encoding="utf-8")
    assert render_performance() == page, "docs/performance.md is stale: run `tollbook docs`"


def test_a_new_results_file_needs_only_an_entry(tmp_path):
    assert render_performance(*_write(tmp_path)).splitlines()[4:] == [
        "## Proposing", "", "0.59 MB/s on 2 cores", "",
        "| documents | MB/s | vs scan |", "| --- | --- | --- |",
        "| 552 | 0.6 | 1/43 |", "| 5,520 | 0.6 | 1/41 |"]


def test_a_results_file_that_no_section_shows_is_refused(tmp_path):
    spec, results = _write(tmp_path)
    (results / "import-time.json").write_text("{}", encoding="utf-8")
    with pytest.raises(TollbookError, match=r"benchmarks/results/import-time.json is not on the performance page"):
        render_performance(spec, results)
    spec.write_text(SPEC + "not_shown:\n  import-time.json: an experiment\n", encoding="utf-8")
    assert "## Proposing" in render_performance(spec, results)


def test_a_field_the_results_lack_is_one_clear_error(tmp_path):
    spec, results = _write(tmp_path, SPEC.replace("{{ mb_s | .1f }}", "{{ mbs | .1f }}"))
    with pytest.raises(TollbookError, match=r"section 1 \(Proposing\), column 'MB/s': \{\{mbs \| .1f\}\}: "
                                            r"'mbs' is not defined"):
        render_performance(spec, results)


@pytest.mark.parametrize("expression", ["__import__('os')", "files.__class__", "open('x')", "(lambda: 1)()"])
def test_expressions_cannot_reach_outside_the_results(expression):
    with pytest.raises(ValueError):
        evaluate(expression, {"files": {}})


def test_the_readme_states_the_drafts_quality_the_gold_benchmark_measured():
    """The README's figures for `tollbook propose` are those of benchmarks/results/: the gold
    set now (propose-gold-v2.json) and with the first proposer (propose-gold.json), FA-KES
    (propose-quality-v2.json) and speed (propose-speed.json)."""
    import re

    import yaml

    REPO = factories.REPO

    def results(name: str) -> dict:
        return json.loads((REPO / "benchmarks/results" / name).read_text(encoding="utf-8"))

    readme = " ".join((REPO / "README.md").read_text(encoding="utf-8").split())
    stated = re.search(
        r"on the curated claims of (\S+) its drafts find ([\d.]+) of the killed figures "
        r"\(precision ([\d.]+)\), name the right claimant for ([\d.]+) of them, the right place for "
        r"([\d.]+) and the right date window for ([\d.]+) \(the first proposer: ([\d.]+), ([\d.]+), "
        r"([\d.]+), ([\d.]+) and ([\d.]+); the targets: 0.95, 0.85, 0.8, 0.8 and 0.8\), and ([\d.]+) "
        r"of the FA-KES coded totals written in the text, at about ([\d.]+) MB/s of text, (1/[\d.]+) "
        r"of a plain regex scan \(the targets: 5 MB/s and 1/8\)", readme)
    assert stated is not None
    expected: list[object] = []
    for measured in (results("propose-gold-v2.json")["figures"], results("propose-gold.json")["figures"]):
        expected += [round(measured[name][field], 2) for name, field in (
            ("killed figures", "recall"), ("killed figures", "precision"),
            ("claimant of a found killed figure", "recall"),
            ("place of a found killed figure", "recall"),
            ("date window of a found killed figure", "recall"))]
    speed = results("propose-speed.json")
    expected += [round(results("propose-quality-v2.json")["targets"]["total"]["recall_in_text"], 2),
                 round(speed["mb_per_s"]["propose"], 1), speed["propose_share_of_regex_scan"]]
    groups = stated.groups()
    assert [float(v) for v in groups[1:13]] + [groups[13]] == expected
    release = yaml.safe_load((REPO / "dataset/release.yaml").read_text(encoding="utf-8"))["version"]
    assert stated.group(1) == str(release)
