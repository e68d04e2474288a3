"""Ids are stable: a removed id leaves a tombstone, carried forward forever, and is never reused."""

import factories
import pytest
from click.testing import CliRunner
from conftest import build, drop_claim_03, set_version, write_removals

import tollbook
from tollbook.cli import cli
from tollbook.contract.problems import InvalidInput

REMOVED_CLAIM = "clm_test_03,claims,1.1.0,Withdrawn in review: the capture is not in the article body,"
REMOVED_CHANGE = "chg_test_03a,control_changes,1.1.0,Its claim clm_test_03 was removed,"


def problems(exc: pytest.ExceptionInfo) -> list[tuple]:
    return [(p.file, p.line, p.record_id, p.field, p.code) for p in exc.value.problems]


def remove_claim_03(dataset, version="1.1.0", *rows):
    factories.edit_records(dataset, drop_claim_03)
    set_version(dataset, version)
    write_removals(dataset, *(rows or (REMOVED_CLAIM, REMOVED_CHANGE)))


def test_a_release_after_removing_a_claim_carries_its_tombstones(built):
    dataset, releases = built
    remove_claim_03(dataset)
    result = build(dataset, releases)
    stones = tollbook.load("tombstones", version="1.1.0", releases=releases)
    assert stones.astype(object).where(stones.notna(), None).to_dict("records") == [
        {"id": "chg_test_03a", "table": "control_changes", "removed_in": "1.1.0",
         "reason": "Its claim clm_test_03 was removed", "replaced_by": None},
        {"id": "clm_test_03", "table": "claims", "removed_in": "1.1.0",
         "reason": "Withdrawn in review: the capture is not in the article body", "replaced_by": None},
    ]
    changes = (result.folder / "CHANGES.md").read_text(encoding="utf-8")
    assert "- clm_test_03: Withdrawn in review: the capture is not in the article body (removed in 1.1.0)\n" in changes
    assert "- chg_test_03a: Its claim clm_test_03 was removed (removed in 1.1.0)\n" in changes


def test_tombstones_are_carried_forward(built):
    dataset, releases = built
    remove_claim_03(dataset)
    build(dataset, releases)
    set_version(dataset, "1.2.0")
    build(dataset, releases)
    stones = tollbook.load("tombstones", version="1.2.0", releases=releases)
    assert list(zip(stones["id"], stones["removed_in"], strict=True)) == [
        ("chg_test_03a", "1.1.0"), ("clm_test_03", "1.1.0")]


def test_removing_an_id_without_a_tombstone_row_is_refused(built):
    dataset, releases = built
    remove_claim_03(dataset, "1.1.0", REMOVED_CHANGE)
    with pytest.raises(InvalidInput) as exc:
        build(dataset, releases)
    assert problems(exc) == [("dataset/removals.csv", None, "clm_test_03", None, "id-removed-without-tombstone")]
    assert exc.value.problems[0].message == (
        "claims clm_test_03 is in release 1.0.0 but not in 1.1.0; record its removal in dataset/removals.csv "
        "(id,table,removed_in,reason,replaced_by) with removed_in 1.1.0")
    assert sorted(p.name for p in releases.iterdir()) == ["1.0.0", "index.json"]


def test_the_build_command_refuses_with_one_message(built):
    dataset, releases = built
    remove_claim_03(dataset, "1.1.0", REMOVED_CHANGE)
    result = CliRunner().invoke(cli, ["build", "--dataset", str(dataset), "--releases", str(releases)])
    assert result.exit_code == 1
    assert result.output.endswith(
        "Error: 1 problem in the input; nothing was written\n"
        "  dataset/removals.csv [clm_test_03]: id-removed-without-tombstone: claims clm_test_03 is in release "
        "1.0.0 but not in 1.1.0; record its removal in dataset/removals.csv (id,table,removed_in,reason,"
        "replaced_by) with removed_in 1.1.0\n")


def test_reusing_a_tombstoned_id_is_refused(built):
    dataset, releases = built
    set_version(dataset, "1.1.0")
    write_removals(dataset, REMOVED_CLAIM)  # the ledger says removed, but the records still hold it
    with pytest.raises(InvalidInput) as exc:
        build(dataset, releases)
    assert problems(exc) == [("dataset/removals.csv", 2, "clm_test_03", "id", "tombstoned-id")]
    assert exc.value.problems[0].message == (
        "claims clm_test_03 is removed in 1.1.0 but the claims table holds it again; give the row a new id")


def test_dropping_an_earlier_tombstone_is_refused(built):
    dataset, releases = built
    remove_claim_03(dataset)
    build(dataset, releases)
    set_version(dataset, "1.2.0")
    write_removals(dataset, REMOVED_CHANGE)
    with pytest.raises(InvalidInput) as exc:
        build(dataset, releases)
    assert problems(exc) == [("dataset/removals.csv", None, "clm_test_03", None, "tombstone-changed")]
    assert exc.value.problems[0].message == (
        "release 1.1.0 has the tombstone claims clm_test_03 (removed in 1.1.0: Withdrawn in review: the capture "
        "is not in the article body); keep its row in dataset/removals.csv unchanged")


def test_removal_rows_must_name_the_version_that_removes_the_id(built):
    dataset, releases = built
    remove_claim_03(dataset, "1.1.0", REMOVED_CLAIM.replace("1.1.0", "1.0.5"),
                    REMOVED_CHANGE.replace("1.1.0", "2.0.0"))
    with pytest.raises(InvalidInput) as exc:
        build(dataset, releases)
    assert [(p.line, p.record_id, p.code, p.message) for p in exc.value.problems] == [
        (2, "clm_test_03", "value-not-allowed",
         "claims clm_test_03 is still in release 1.0.0, so it is removed in 1.1.0, not 1.0.5"),
        (3, "chg_test_03a", "value-not-allowed", "removed_in 2.0.0 is later than the release being built, 1.1.0"),
    ]


def test_a_replacement_must_exist_and_a_table_must_have_stable_ids(tiny_dataset):
    write_removals(tiny_dataset, "clm_gone,claims,1.0.0,Merged,clm_nowhere", "x,tombstones,1.0.0,test,")
    from tollbook.pipeline import prepare

    found = [(p.file, p.line, p.record_id, p.field, p.code) for p in prepare(tiny_dataset).problems]
    assert found == [("dataset/removals.csv", 2, "clm_gone", "replaced_by", "foreign-key"),
                     ("dataset/removals.csv", 3, "x", "table", "value-not-allowed")]


def test_the_repository_ledger_tombstones_the_figures_of_the_copies_linked_in_2_0_2():
    """Release 2.0.2 linked three republished wire stories: each removed figure names the figure
    kept on the original claim, which is released, while the removed id is not."""
    import pandas as pd

    ledger = pd.read_csv(factories.REPO / "dataset/removals.csv", dtype=str)
    released = pd.read_parquet(factories.REPO / "releases/2.0.2/casualties.parquet", columns=["casualty_id"])
    assert (len(ledger), set(ledger["table"]), set(ledger["removed_in"])) == (13, {"casualties"}, {"2.0.2"})
    assert sorted(ledger["id"].str[:12].unique()) == ["cas_0bf5a08c", "cas_12197986", "cas_6cbc4a9c"]
    assert set(ledger["replaced_by"]) <= set(released["casualty_id"])
    assert not set(ledger["id"]) & set(released["casualty_id"])
    tombstones = pd.read_parquet(factories.REPO / "releases/2.0.2/tombstones.parquet")
    assert sorted(tombstones["id"]) == sorted(ledger["id"])
