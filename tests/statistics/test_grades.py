"""The corroboration rule (derive/grades.py) on datasets written for it."""

from __future__ import annotations

from scenario import MEMBERSHIPS, add_report, claim, dataset, grades, killed
from scenario import tables as prepare_tables

STATE_MEDIA = [*MEMBERSHIPS, "act_state_agency,act_army,,,speaks for the army (test)",
               "act_state_tv,act_army,,,speaks for the army (test)"]


def _report(ds, number, outlet, claimant, quote, *figures, relayed=None):
    extra = {"relayed_by": relayed} if relayed else {}
    add_report(ds, number, outlet, "2015-04-25", [
        claim(1, quote, claimant, "2015-04-21", "2015-04-21", casualties=list(figures), **extra)])


def test_one_claimant_is_weak_and_no_death_figure_no_grade(tmp_path):
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_outlet_a", "Ten civilians were killed.", killed("w1", 10, "act_civilians"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "weak"], ["event", "all", "weak"]]


def test_two_independent_claimants_are_fair(tmp_path):
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_outlet_a", "Ten civilians were killed.", killed("f1", 10, "act_civilians"))
    _report(ds, 2, "act_outlet_b", "act_monitor", "Twelve civilians were killed, the Monitor said.",
            killed("f2", 12, "act_civilians"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "fair"], ["event", "all", "fair"]]


def test_a_relay_is_not_a_second_voice(tmp_path):
    """The wire relaying the Monitor, and the Monitor quoted directly: one claimant, one voice."""
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_monitor", "Twelve civilians were killed, the wire quoted the Monitor.",
            killed("r1", 12, "act_civilians"), relayed=["act_wire", "act_outlet_a"])
    _report(ds, 2, "act_outlet_b", "act_monitor", "The Monitor said 12 civilians were killed.",
            killed("r2", 12, "act_civilians"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "weak"], ["event", "all", "weak"]]


def test_two_outlets_of_one_side_are_one_voice(tmp_path):
    ds = dataset(tmp_path, memberships=STATE_MEDIA)
    _report(ds, 1, "act_state_agency", "act_state_agency", "Eight terrorists were killed.",
            killed("s1", 8, "act_group"))
    _report(ds, 2, "act_state_tv", "act_state_tv", "Eight terrorists died.", killed("s2", 8, "act_group"))
    assert grades(prepare_tables(ds)) == [["deaths", "b", "weak"], ["event", "all", "weak"]]


def test_the_perpetrators_side_claiming_the_deaths_is_confirmed(tmp_path):
    """State TV (a member of the army's side) says the army killed them; an outlet blames no one."""
    ds = dataset(tmp_path, memberships=STATE_MEDIA)
    _report(ds, 1, "act_state_tv", "act_state_tv", "The army killed eight terrorists.",
            killed("c1", 8, "act_group", perpetrator="act_army"))
    _report(ds, 2, "act_outlet_a", "act_outlet_a", "Eight fighters were killed.", killed("c2", 8, "act_group"))
    assert grades(prepare_tables(ds)) == [["deaths", "b", "confirmed"], ["event", "all", "confirmed"]]


def test_accusing_the_enemy_is_not_confirmation(tmp_path):
    """The group (side B) blames the army (side A): the claimant is not the perpetrator's side."""
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_group", "The group accused the army of killing 15 civilians.",
            killed("n1", 15, "act_civilians", perpetrator="act_army"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "weak"], ["event", "all", "weak"]]


def test_different_perpetrators_blamed_for_the_same_dead_are_contested(tmp_path):
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_outlet_a", "The army killed 12 civilians.",
            killed("x1", 12, "act_civilians", perpetrator="act_army"))
    _report(ds, 2, "act_outlet_b", "act_outlet_b", "The group killed 12 civilians.",
            killed("x2", 12, "act_civilians", perpetrator="act_group"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "contested"], ["event", "all", "contested"]]


def test_blaming_each_side_for_the_others_dead_is_no_contest(tmp_path):
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_outlet_a", "The group killed five soldiers.",
            killed("y1", 5, "act_army", perpetrator="act_group"))
    _report(ds, 2, "act_outlet_b", "act_outlet_b", "The army killed seven fighters.",
            killed("y2", 7, "act_group", perpetrator="act_army"))
    assert grades(prepare_tables(ds)) == [["deaths", "a", "weak"], ["deaths", "b", "weak"], ["event", "all", "fair"]]


def test_reporting_deaths_blamed_on_another_is_not_confirmation(tmp_path):
    """State TV (the army's side) reports the dead but blames the group: no one confirms."""
    ds = dataset(tmp_path, memberships=STATE_MEDIA)
    _report(ds, 1, "act_state_tv", "act_state_tv", "The group killed nine civilians.",
            killed("d1", 9, "act_civilians", perpetrator="act_group"))
    _report(ds, 2, "act_outlet_a", "act_outlet_a", "The army killed nine civilians.",
            killed("d2", 9, "act_civilians", perpetrator="act_army"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "contested"], ["event", "all", "contested"]]


def test_blaming_a_coalition_and_its_member_is_no_contest(tmp_path):
    ds = dataset(tmp_path)
    _report(ds, 1, "act_outlet_a", "act_outlet_a", "The coalition killed six civilians.",
            killed("m1", 6, "act_civilians", perpetrator="act_coalition"))
    _report(ds, 2, "act_outlet_b", "act_outlet_b", "The group killed six civilians.",
            killed("m2", 6, "act_civilians", perpetrator="act_group"))
    assert grades(prepare_tables(ds)) == [["deaths", "civilians", "fair"], ["event", "all", "fair"]]
