"""The views of who claims what about whom (tollbook/views/07-10) on one small release."""

from __future__ import annotations

import pytest
from scenario import EVENT, add_report, cid, claim, dataset, killed

import tollbook
from tollbook.pipeline import prepare_or_raise
from tollbook.release.write import build_release


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    """The Monitor: 40 civilians killed by the army on Monday, then 30 since Monday (its running
    total falls). Outlet B: the group killed 12 soldiers, the army 20 civilians. Outlet A: a claim
    about the test battle whose figure (8 civilians killed by the army) is about the stats battle."""
    root = tmp_path_factory.mktemp("views")
    ds = dataset(root)
    add_report(ds, 1, "act_outlet_a", "2015-04-21", [
        claim(1, "On Monday the army killed 40 civilians, the Monitor said.", "act_monitor", "2015-04-20",
              "2015-04-20", casualties=[killed("v1", 40, "act_civilians", perpetrator="act_army")])])
    add_report(ds, 2, "act_outlet_a", "2015-04-23", [
        claim(1, "Since Monday the army has killed 30 civilians, the Monitor said.", "act_monitor", "2015-04-20",
              "2015-04-22", casualties=[killed("v2", 30, "act_civilians", perpetrator="act_army")])])
    add_report(ds, 3, "act_outlet_b", "2015-04-25", [
        claim(1, "The group killed 12 soldiers and the army 20 civilians.", "act_outlet_b", "2015-04-20",
              "2015-04-24", casualties=[killed("v3", 12, "act_army", perpetrator="act_group"),
                                        killed("v4", 20, "act_civilians", perpetrator="act_army")])])
    figure = killed("v5", 8, "act_civilians", perpetrator="act_army", event=EVENT)
    add_report(ds, 4, "act_outlet_a", "2015-04-26", [
        claim(1, "Eight civilians were killed by the army near the front.", "act_outlet_a", "2015-04-21",
              "2015-04-21", casualties=[figure], event="evt_test_battle")])
    folder = root / "releases"
    build_release(prepare_or_raise(ds), folder)
    return tollbook.connect(releases=str(folder))


def _rows(con, sql):
    return [list(r) for r in con.sql(sql).fetchall()]


def test_claimed_deaths_per_event_claimant_side_and_perpetrator(con):
    assert _rows(con, f"""SELECT claimant_id, side, perpetrator_id, best, claimant_side_best, event_side_best,
                                from_best FROM claimed_deaths WHERE event_id = '{EVENT}'""") == [
        ["act_outlet_b", "a", "act_group", 12, 12, 12, 0],
        ["act_monitor", "civilians", "act_army", 30, 30, 20, 10],
        ["act_outlet_a", "civilians", "act_army", 8, 8, 20, -12],
        ["act_outlet_b", "civilians", "act_army", 20, 20, 20, 0],
    ]


def test_claimed_deaths_overall(con):
    assert _rows(con, """SELECT claimant_id, dead_of, perpetrator_id, events, best, claimant_best,
                                reconciled_best, from_best FROM claimed_deaths_overall""") == [
        ["act_monitor", "civilians", "act_army", 1, 30, 30, 20, 10],
        ["act_outlet_a", "civilians", "act_army", 1, 8, 8, 20, -12],
        ["act_outlet_b", "act_army", "act_group", 1, 12, 12, 12, 0],
        ["act_outlet_b", "civilians", "act_army", 1, 20, 20, 20, 0],
    ]


def test_falling_running_total_listed_with_both_quotes(con):
    assert _rows(con, "SELECT * FROM falling_totals") == [[
        EVENT, "deaths", "civilians", "act_monitor",
        cid(1, 1), "On Monday the army killed 40 civilians, the Monitor said.", 40,
        cid(2, 1), "Since Monday the army has killed 30 civilians, the Monitor said.", 30]]
    assert _rows(con, f"SELECT deaths_civilians FROM events WHERE event_id = '{EVENT}'") == [[20]]


def test_event_claims_include_claims_whose_figures_name_the_event(con):
    assert _rows(con, f"""SELECT claim_id, claim_event_id, own_event, figures FROM event_claims
                          WHERE event_id = '{EVENT}'""") == [
        [cid(1, 1), EVENT, True, 1],
        [cid(2, 1), EVENT, True, 1],
        [cid(3, 1), EVENT, True, 2],
        [cid(4, 1), "evt_test_battle", False, 1],
    ]
