"""CHANGES.md in each release and `tollbook diff A B` print the same per-table report."""

import factories
from click.testing import CliRunner
from conftest import build, drop_claim_03, set_version, write_removals

from tollbook.cli import cli
from tollbook.contract.schemas import TABLES

HEAD = """# Changes from release 1.0.0 to release 1.1.0

| table | rows before | rows after | added | removed | changed |
| --- | ---: | ---: | ---: | ---: | ---: |
"""
SUMMARY = ["| documents | 1 | 1 | 0 | 0 | 0 |", "| claims | 3 | 3 | 1 | 1 | 1 |", "| casualties | 3 | 3 | 0 | 0 | 1 |",
           "| control_changes | 1 | 0 | 0 | 1 | 0 |", "| force_sizes | 0 | 0 | 0 | 0 | 0 |"]
SECTIONS = {
    "claims": """## claims

Added (1):
- clm_test_04

Removed (1):
- clm_test_03: Withdrawn in review (removed in 1.1.0; replaced by clm_test_04)

Changed (1):
- clm_test_01: hedge "none" → "reportedly"; note null → "Hedged in the second paragraph"
""",
    "casualties": """## casualties

Changed (1):
- cas_test_01a: count_low 12 → 13; count_best 12 → 13; count_high 12 → 13
""",
    "control_changes": """## control_changes

Removed (1):
- chg_test_03a: Its claim was removed (removed in 1.1.0)
""",
}


def sections(text: str) -> dict[str, str]:
    """Each '## table' section of a report, up to the next one."""
    parts = text.split("\n## ")[1:]
    return {part.split("\n", 1)[0]: "## " + part.rstrip("\n") + "\n" for part in parts}


def summary_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ") and not line.startswith(("| table", "| ---"))]


def revise(data):
    drop_claim_03(data)
    first = data["claims"][0]
    first["hedge"] = "reportedly"
    first["note"] = "Hedged in the second paragraph"
    first["casualties"][0]["count"]["value"] = 13
    second = dict(data["claims"][1])
    second.pop("airstrikes")
    second["claim_id"] = "clm_test_04"
    data["claims"].append(second)


def test_changes_md_and_diff_name_added_removed_and_changed_rows(built):
    dataset, releases = built
    factories.edit_records(dataset, revise)
    set_version(dataset, "1.1.0")
    write_removals(dataset, "clm_test_03,claims,1.1.0,Withdrawn in review,clm_test_04",
                   "chg_test_03a,control_changes,1.1.0,Its claim was removed,")
    result = build(dataset, releases)
    changes = (result.folder / "CHANGES.md").read_text(encoding="utf-8")
    assert changes.startswith(HEAD)
    rows = summary_rows(changes)
    assert len(rows) == len(TABLES) - 1  # every table but tombstones, whose rows the removals show
    assert set(SUMMARY) <= set(rows)
    found = sections(changes)
    assert {name: found[name] for name in SECTIONS} == SECTIONS
    diff = CliRunner().invoke(cli, ["diff", "1.0.0", "1.1.0", "--releases", str(releases)])
    assert (diff.exit_code, diff.output) == (0, changes)


def test_diff_of_a_release_with_itself_and_the_first_release(built):
    _, releases = built
    same = CliRunner().invoke(cli, ["diff", "1.0.0", "latest", "--releases", str(releases)])
    assert same.exit_code == 0
    assert same.output.startswith(HEAD.replace("1.1.0", "1.0.0"))
    assert same.output.endswith(" | 0 | 0 | 0 |\n\nNo rows were added, removed or changed.\n")
    assert "| claims | 3 | 3 | 0 | 0 | 0 |" in summary_rows(same.output)
    first = (releases / "1.0.0/CHANGES.md").read_text(encoding="utf-8")
    assert first.startswith("# Changes in release 1.0.0\n\nFirst release: there is no earlier release to "
                            "compare with.\n\n| table | rows |\n| --- | ---: |\n| documents | 1 |\n")
    assert summary_rows(first)[9:14] == ["| claims | 3 |", "| casualties | 3 |", "| airstrikes | 1 |",
                                         "| control_changes | 1 |", "| force_sizes | 0 |"]
    assert len(summary_rows(first)) == len(TABLES)


def test_diff_rejects_bad_versions(built):
    _, releases = built
    result = CliRunner().invoke(cli, ["diff", "1.0.0", "../x", "--releases", str(releases)])
    assert (result.exit_code, result.output) == (
        1, "Error: '../x' is not a release version: use MAJOR.MINOR.PATCH such as 1.0.0\n")


def test_releases_lists_the_catalogue(built):
    dataset, releases = built
    set_version(dataset, "1.0.1")
    build(dataset, releases)
    result = CliRunner().invoke(cli, ["releases", "--releases", str(releases)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "version  released    schema  claims  casualties  manifest sha256"
    assert [line[:49] for line in lines[2:4]] == ["1.0.0    2015-05-01  2.0.0   3       3           ",
                                                  "1.0.1    2015-05-02  2.0.0   3       3           "]
    assert [len(line.split()[-1]) for line in lines[2:4]] == [64, 64]
    assert lines[4:] == ["latest: 1.0.1"]
    empty = CliRunner().invoke(cli, ["releases", "--releases", str(releases / "none")])
    assert empty.output == "no releases yet: run `tollbook build`\n"


def _slow_compare(old, new, key):
    """What compare_table reports, the plain way: every row as Python, every cell compared."""
    def rows(t):
        return {" / ".join(str(r[k]) for k in key): r for r in t.to_pylist()}
    before, after = rows(old), rows(new)
    return [(label, [(c, before[label][c], after[label][c]) for c in new.column_names
                     if before[label][c] != after[label][c]])
            for label in sorted(set(before) & set(after))
            if any(before[label][c] != after[label][c] for c in new.column_names)]


def test_only_rows_that_differ_are_reported_whatever_the_column_type():
    import pyarrow as pa

    from tollbook.release.changes import compare_table

    old = pa.table({
        "claim_id": [f"clm_{i:03d}" for i in range(200)],
        "relayed_by": [["act_a", "act_b"] if i % 3 else None for i in range(200)],
        "hedge": pa.array(["none", "reportedly"] * 100).dictionary_encode(),
        "where_prec": [i % 4 if i % 5 else None for i in range(200)],
        "share": [0.5 if i != 7 else float("nan") for i in range(200)],
    })
    new = old.set_column(1, "relayed_by", pa.array(
        [["act_a"] if i == 10 else (["act_a", "act_b"] if i % 3 else (["act_c"] if i == 30 else None))
         for i in range(200)]))
    new = new.set_column(2, "hedge", pa.array(
        ["claimed" if i == 11 else ("none", "reportedly")[i % 2] for i in range(200)]).dictionary_encode())
    new = new.set_column(3, "where_prec", pa.array([2 if i == 15 else (i % 4 if i % 5 else None) for i in range(200)]))
    changes = compare_table("claims", old, new)
    assert [label for label, _ in changes.changed] == ["clm_007", "clm_010", "clm_011", "clm_015", "clm_030"]
    assert changes.changed[1] == ("clm_010", [("relayed_by", ["act_a", "act_b"], ["act_a"])])
    assert changes.changed[2] == ("clm_011", [("hedge", "reportedly", "claimed")])
    assert changes.changed[3] == ("clm_015", [("where_prec", None, 2)])
    assert changes.changed[4] == ("clm_030", [("relayed_by", None, ["act_c"])])
    slow = _slow_compare(old, new, ["claim_id"])
    assert [label for label, _ in slow] == [label for label, _ in changes.changed]  # NaN != NaN, as in Python
