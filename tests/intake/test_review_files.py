"""The one path that writes reviews: decisions files, quote placement, guarded targets, races."""

import datetime as dt

import factories
import pytest
import yaml
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.extract.propose.locate import LocateError, locate
from tollbook.extract.propose.review import ReviewError
from tollbook.extract.propose.review_files import read_decisions, review

DAY = dt.date(2026, 12, 1)
Q2 = "The army has conducted 7 airstrikes on Tuesday, the Monitor said."


def draft(ds, tmp_path, claims):
    path = tmp_path / "drafts" / f"{factories.STEM}.yaml"
    factories.dump(path, {"document_id": factories.DOC, "claims": claims})
    return path


def proposed(cid, quote, **fields):
    return {"claim_id": cid, "review": {"status": "proposed"}, "quote": quote, **fields}


def test_locate_places_a_quote_found_once_and_refuses_guesses():
    text = "abc. The army said 3. The army said 3. Done."
    claim = {"claim_id": "clm_x", "quote": "abc."}
    assert locate(claim, text) and (claim["char_start"], claim["char_end"]) == (0, 4)
    assert not locate(claim, text)  # already right: unchanged
    with pytest.raises(LocateError, match=r"occurs 2 times \(at 5, 22\)"):
        locate({"claim_id": "clm_y", "quote": "The army said 3."}, text)
    twice = {"claim_id": "clm_y", "quote": "The army said 3.", "char_start": 22}
    assert locate(twice, text) and twice["char_end"] == 38
    with pytest.raises(LocateError, match="outside the article body"):
        locate({"claim_id": "clm_z", "quote": "Done."}, text, body=(0, 40))
    with pytest.raises(LocateError, match="nowhere in the document"):
        locate({"claim_id": "clm_z", "quote": "Gone."}, text)


def test_a_decisions_file_accepts_rejects_and_edits(tiny_dataset, tmp_path):
    factories.record_path(tiny_dataset).unlink()
    path = draft(tiny_dataset, tmp_path, [
        proposed("clm_test_01", "Fighting broke out on Monday near Testville.", claimant="act_monitor"),
        proposed("clm_test_02", Q2, claimant="act_paper"),
        proposed("clm_test_03", "Rebels captured the village of Smallton, the Monitor said."),
    ])
    decisions = tmp_path / "decisions.yaml"
    decisions.write_text("clm_test_01: {reject: not a count}\n"
                         "clm_test_02: {edit: {claimant: act_monitor}, note: the Monitor says it}\n"
                         "clm_test_03: accept\n", encoding="utf-8")
    merged, report, target = review(path, factories.record_path(tiny_dataset), read_decisions(decisions), "ana",
                                    DAY, tiny_dataset)
    statuses = [(c["claim_id"], c["review"]["status"], c.get("claimant")) for c in merged["claims"]]
    assert statuses == [("clm_test_01", "rejected", "act_monitor"), ("clm_test_02", "edited", "act_monitor"),
                        ("clm_test_03", "accepted", None)]
    assert merged["claims"][1]["review"] == {"status": "edited", "by": "ana", "on": DAY, "note": "the Monitor says it"}
    start = factories.TEXT.index(Q2)
    assert (merged["claims"][1]["char_start"], merged["claims"][1]["char_end"]) == (start, start + len(Q2))
    assert yaml.safe_load(target.read_text(encoding="utf-8")) == merged
    assert report.added == ["clm_test_01", "clm_test_02", "clm_test_03"]


def test_bad_decisions_are_refused(tmp_path):
    path = tmp_path / "d.yaml"
    path.write_text("clm_a: {edit: {claimant_id: act_x}}\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="cannot edit claimant_id"):
        read_decisions(path)
    path.write_text("clm_a: maybe\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="write accept"):
        read_decisions(path)


def test_review_never_writes_a_sidecar_or_a_second_record_file(tiny_dataset, tmp_path):
    path = draft(tiny_dataset, tmp_path, [])
    sidecar = tiny_dataset / "sources" / f"{factories.STEM}.yaml"
    before = sidecar.read_bytes()
    with pytest.raises(ReviewError, match="never sidecars"):
        review(path, sidecar, [], "ana", DAY, tiny_dataset)
    assert sidecar.read_bytes() == before
    with pytest.raises(ReviewError, match="not this document's record file"):
        review(path, tiny_dataset / "records" / "007_aaaabbbbccccdddd.yaml", [], "ana", DAY, tiny_dataset)
    assert not (tiny_dataset / "records" / "007_aaaabbbbccccdddd.yaml").exists()


def test_a_record_changed_since_it_was_read_is_not_overwritten(tiny_dataset, tmp_path):
    import hashlib

    target = factories.record_path(tiny_dataset)
    seen = hashlib.sha256(target.read_bytes()).hexdigest()
    target.write_text(target.read_text(encoding="utf-8") + "# edited by hand\n", encoding="utf-8")
    changed = target.read_bytes()
    path = draft(tiny_dataset, tmp_path, [proposed("clm_new_01", "Fighting broke out on Monday near Testville.")])
    with pytest.raises(ReviewError, match="changed since it was opened"):
        review(path, target, [], "ana", DAY, tiny_dataset, expected_sha=seen)
    assert target.read_bytes() == changed


def test_records_are_written_plainly_and_on_stays_a_key(tiny_dataset, tmp_path):
    target = factories.record_path(tiny_dataset)
    text = target.read_text(encoding="utf-8")
    assert "'on': '2015-05-01'" in text
    target.write_text(text.replace("'on': '2015-05-01'", "on: 2015-05-01"), encoding="utf-8")
    path = draft(tiny_dataset, tmp_path, [proposed("clm_new_01", "Fighting broke out on Monday near Testville.")])
    review(path, target, [], "ana", DAY, tiny_dataset)
    written = target.read_text(encoding="utf-8")
    assert "&id" not in written and "*id" not in written and "true:" not in written
    assert yaml.safe_load(written)["claims"][0]["review"]["on"] == dt.date(2015, 5, 1)


def test_the_command_reports_the_merge(tiny_dataset, tmp_path):
    path = draft(tiny_dataset, tmp_path, [proposed("clm_new_01", "Fighting broke out on Monday near Testville.")])
    result = CliRunner().invoke(cli, ["review", str(path), "--into", str(factories.record_path(tiny_dataset)),
                                      "--reject", "clm_new_01=background, no figure", "--by", "ana",
                                      "--on", "2026-12-01", "--dataset", str(tiny_dataset)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1] == (
        f"merged {path} into {factories.record_path(tiny_dataset)}: 1 added, 0 updated, 0 kept as decided, "
        "0 left out (sentence already decided), 0 conflicting decision(s)")


def test_propose_refuses_to_write_into_curated_folders(tiny_dataset):
    result = CliRunner().invoke(cli, ["propose", str(tiny_dataset / "sources" / f"{factories.STEM}.txt"),
                                      "--out", str(tiny_dataset / "records"), "--dataset", str(tiny_dataset)])
    assert result.exit_code == 1
    assert "inside dataset/records/, which holds curated files" in result.output


def test_malformed_drafts_are_one_clear_message(tiny_dataset, tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(f"document_id: {factories.DOC}\nclaims: str\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="'claims' must be a list of claims"):
        review(path, None, [], "ana", DAY, tiny_dataset)
    path.write_text(f"document_id: {factories.DOC}\nclaims:\n- claim_id: clm_x\n  char_start: x\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="clm_x: no quote to place"):
        review(path, None, [], "ana", DAY, tiny_dataset)
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(ReviewError, match="is not a record file"):
        review(path, None, [], "ana", DAY, tiny_dataset)
