"""check counts undecided claims (and --strict fails on them); events and reference tables may
be split over several files."""

import factories
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.pipeline import prepare


def test_check_counts_undecided_claims_and_strict_fails(tiny_dataset):
    factories.edit_records(tiny_dataset, lambda d: d["claims"][2].update(review={"status": "proposed"}))
    result = CliRunner().invoke(cli, ["check", "--dataset", str(tiny_dataset)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1:] == ["1 claim(s) still undecided in 1 record file(s):",
                                              f"  dataset/records/{factories.STEM}.yaml: 1"]
    strict = CliRunner().invoke(cli, ["check", "--strict", "--dataset", str(tiny_dataset)])
    assert strict.exit_code == 1
    assert strict.output.splitlines()[-1] == "Error: 1 undecided claim(s) (--strict): decide them with tollbook review"


def test_events_split_over_files_are_read_together_and_ids_stay_unique(tiny_dataset):
    factories.dump(tiny_dataset / "events" / "team_b.yaml", {"events": [
        {"event_id": "evt_test_other", "event_type": "shelling", "title": "Shelling of Smallton",
         "date_start": "2015-04-21", "date_end": "2015-04-21", "date_prec": 1, "location": "loc_smallton"}]})
    factories.edit_records(tiny_dataset, lambda d: d["claims"][2].update(event="evt_test_other"))
    prepared = prepare(tiny_dataset)
    assert prepared.problems == []
    assert sorted(prepared.tables["events"]["event_id"]) == ["evt_test_battle", "evt_test_other"]
    factories.dump(tiny_dataset / "events" / "team_c.yaml", {"events": [
        {"event_id": "evt_test_other", "event_type": "shelling", "title": "Again", "date_start": "2015-04-21",
         "date_end": "2015-04-21", "date_prec": 1}]})
    assert [(p.file, p.line, p.record_id, p.code) for p in prepare(tiny_dataset).problems] == [
        ("dataset/events/team_c.yaml", 2, "evt_test_other", "duplicate-id")]


def test_reference_rows_split_over_files_are_read_together(tiny_dataset):
    part = tiny_dataset / "reference" / "actors" / "team_b.csv"
    part.parent.mkdir()
    part.write_text("actor_id,name,actor_type,description\nact_medics,Test medics,humanitarian,\n", encoding="utf-8")
    factories.edit_records(tiny_dataset, lambda d: d["claims"][2].update(claimant="act_medics"))
    prepared = prepare(tiny_dataset)
    assert prepared.problems == []
    assert "act_medics" in set(prepared.tables["actors"]["actor_id"])
    part.write_text(part.read_text(encoding="utf-8") + "act_army,Army again,state_forces,\n", encoding="utf-8")
    assert [(p.file, p.line, p.record_id, p.code) for p in prepare(tiny_dataset).problems] == [
        ("dataset/reference/actors/team_b.csv", 3, "act_army", "duplicate-id")]
