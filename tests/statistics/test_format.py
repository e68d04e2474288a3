"""The curated fields the statistics read: event sides and the partisan override."""

from __future__ import annotations

from scenario import accusation, dataset

from tollbook.pipeline import prepare


def _codes(ds):
    return [(p.record_id, p.code, p.message) for p in prepare(ds).problems]


def test_partisan_override_needs_a_note(tmp_path):
    ds = dataset(tmp_path)
    accusation(ds, partisan=True)
    assert _codes(ds) == [("clm_00000001_01", "value-not-allowed",
                           "Value error, 'partisan' may only be set on an original claim, with the reason in 'note'")]


def test_event_sides_must_differ(tmp_path):
    ds = dataset(tmp_path, side_a="act_army", side_b="act_army")
    assert _codes(ds) == [("evt_stats_battle", "value-not-allowed",
                           "Value error, side_a and side_b must be different actors")]


def test_unknown_side_is_a_foreign_key_problem(tmp_path):
    ds = dataset(tmp_path, side_b="act_nobody")
    assert _codes(ds) == [("evt_stats_battle", "foreign-key", "side_b_id 'act_nobody' is not a known actors.actor_id")]
