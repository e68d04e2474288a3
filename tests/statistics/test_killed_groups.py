"""Children and women killed (events.children_* and women_*), by the reconciliation rule."""

from __future__ import annotations

from scenario import add_report, claim, dataset, event, killed, tallies
from scenario import tables as prepare_tables

GROUPS = ("children_low", "children_best", "children_high", "women_low", "women_best", "women_high")


def _groups(t) -> list:
    got = event(t)
    return [got[k] for k in ("low", "best", "high", *GROUPS)]


def test_nested_children_and_women_count_and_are_never_added_to_the_whole(tmp_path):
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-25", [
        claim(1, "20 civilians were killed, including 5 children and 3 women.", "act_outlet_a", "2015-04-21",
              "2015-04-21", casualties=[
                  killed("k1", 20, "act_civilians", civilian=True),
                  killed("k2", 5, "act_civilians", part_of="cas_k1", age_group="child"),
                  killed("k3", 3, "act_civilians", part_of="cas_k1", sex="female", age_group="adult")])])
    t = prepare_tables(ds)
    assert _groups(t) == [20, 20, 20, 5, 5, 5, 3, 3, 3]
    assert tallies(t) == [["children", "civilians", 5, 5, 5], ["deaths", "civilians", 20, 20, 20],
                          ["women", "civilians", 3, 3, 3]]


def test_girls_are_children_inside_a_figure_of_children_and_not_women(tmp_path):
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-25", [
        claim(1, "Four children were killed, two of them girls.", "act_outlet_a", "2015-04-21", "2015-04-21",
              casualties=[killed("g1", 4, "act_civilians", age_group="child"),
                          killed("g2", 2, "act_civilians", part_of="cas_g1", age_group="child", sex="female")])])
    assert _groups(prepare_tables(ds)) == [4, 4, 4, 4, 4, 4, None, None, None]


def test_children_across_claimants_and_running_totals(tmp_path):
    """The Monitor's running total (6 since Monday) supersedes its Monday figure (3); Outlet A says 9."""
    ds = dataset(tmp_path)
    add_report(ds, 1, "act_outlet_a", "2015-04-20", [
        claim(1, "On Monday, 3 children were killed, the Monitor said.", "act_monitor", "2015-04-20", "2015-04-20",
              casualties=[killed("m1", 3, None, age_group="child")])])
    add_report(ds, 2, "act_outlet_a", "2015-04-22", [
        claim(1, "Since Monday 6 children have been killed, the Monitor said.", "act_monitor", "2015-04-20",
              "2015-04-22", casualties=[killed("m2", 6, None, age_group="child")])])
    add_report(ds, 3, "act_outlet_b", "2015-04-23", [
        claim(1, "Nine children were killed.", "act_outlet_a", "2015-04-20", "2015-04-22",
              casualties=[killed("m3", 9, None, age_group="child")])])
    assert _groups(prepare_tables(ds)) == [6, 6, 9, 6, 6, 9, None, None, None]
