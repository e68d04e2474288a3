"""Property tests: any well-formed set of casualty figures builds; any one corruption of it
is caught with its own check code (hypothesis generates both)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import factories
from bad_input_kit import new_dataset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tollbook.contract.vocabulary import OUTCOMES
from tollbook.pipeline import prepare
from tollbook.release.write import build_release

#: Each example runs the whole read → compile → validate pipeline (about 1 s on the 2-core CI
#: machine, mostly pandera's per-table validation), so few examples: 6 keep the suite under its
#: five minutes; `TOLLBOOK_PROPERTY_EXAMPLES=200 pytest tests/bad_input/test_properties.py`
#: runs a thorough search.
SETTINGS = settings(max_examples=int(os.environ.get("TOLLBOOK_PROPERTY_EXAMPLES", "6")),
                    deadline=None, suppress_health_check=[HealthCheck.too_slow])
PARTIES = ["act_army", "act_rebels", None]


@st.composite
def counts(draw) -> dict:
    qualifier = draw(st.sampled_from(["exact", "at_least", "at_most", "approximately", "vague"]))
    if qualifier == "vague":
        return draw(st.sampled_from([{"qualifier": "vague", "word": "several"},
                                     {"qualifier": "vague", "word": "several", "value": 5}]))
    value = draw(st.integers(min_value=0, max_value=10_000))
    spec = {"value": value, "qualifier": qualifier}
    if qualifier == "approximately" and draw(st.booleans()):
        spec.update(low=draw(st.integers(0, value)), high=draw(st.integers(value, value + 1000)), note="range")
    return spec


@st.composite
def casualty_lists(draw) -> list[dict]:
    """1-5 figures; some nested in an earlier exact figure of the same outcome, never larger."""
    figures = []
    for i in range(draw(st.integers(1, 5))):
        fig = {"casualty_id": f"cas_test_01{chr(97 + i)}", "outcome": draw(st.sampled_from(OUTCOMES)),
               "party": draw(st.sampled_from(PARTIES)), "count": draw(counts())}
        wholes = [f for f in figures if f["count"]["qualifier"] == "exact" and "part_of" not in f]
        if wholes and draw(st.booleans()):
            whole = draw(st.sampled_from(wholes))
            fig["outcome"] = whole["outcome"]
            fig["count"] = {"value": draw(st.integers(0, whole["count"]["value"])), "qualifier": "exact"}
            fig["part_of"] = whole["casualty_id"]
        figures.append(fig)
    return figures


def _dataset(root: Path, figures: list[dict]) -> Path:
    ds = new_dataset(root)
    factories.edit_records(ds, lambda d: d["claims"][0].update(casualties=figures))
    return ds


@SETTINGS
@given(casualty_lists())
def test_valid_figures_always_build(figures):
    with tempfile.TemporaryDirectory() as tmp:
        prepared = prepare(_dataset(Path(tmp), figures))
        assert prepared.problems == []
        result = build_release(prepared, Path(tmp) / "releases")
        assert result.manifest["tables"]["casualties"]["rows"] == len(figures)


def _negative(d, draw):
    fig = draw(st.sampled_from(d["claims"][0]["casualties"]))
    fig["count"] = {"value": -draw(st.integers(1, 10_000)), "qualifier": "exact"}
    return "negative-count"


def _swapped(d, draw):
    # Swap bounds on a figure outside any part_of link, so count-order is the only rule broken
    # (bounds swapped on a nested figure or its whole also break part-exceeds-whole).
    figures = d["claims"][0]["casualties"]
    linked = {f["part_of"] for f in figures if "part_of" in f} | {f["casualty_id"] for f in figures if "part_of" in f}
    free = [f for f in figures if f["casualty_id"] not in linked]
    if not free:
        for f in figures:
            f.pop("part_of", None)
        free = figures
    fig = draw(st.sampled_from(free))
    low = draw(st.integers(0, 1000))
    fig["count"] = {"value": low, "qualifier": "approximately", "low": low + draw(st.integers(1, 500)),
                    "high": low, "note": "swapped"}
    return "count-order"


def _dangling(d, draw):
    target = draw(st.sampled_from(["claimant", "party", "location", "event"]))
    bad = {"claimant": "act_", "party": "act_", "location": "loc_", "event": "evt_"}[target] + "zz_unknown"
    (d["claims"][0] if target in ("claimant", "location", "event") else d["claims"][0]["casualties"][0])[target] = bad
    return "foreign-key"


def _shifted(d, draw):
    claim = draw(st.sampled_from(d["claims"]))
    by = draw(st.integers(-40, 40).filter(lambda n: n != 0))
    claim["char_start"] = max(0, claim["char_start"] + by)
    claim["char_end"] = claim["char_start"] + len(claim["quote"])
    return "quote-mismatch"


def _impossible_date(d, draw):
    month, day = draw(st.sampled_from([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (13, 1), (1, 0)]))
    d["claims"][0]["date"]["start"] = f"2015-{month:02d}-{day:02d}"
    return "wrong-type"


CORRUPTIONS = {"negative": _negative, "swapped": _swapped, "dangling": _dangling, "shifted": _shifted,
               "impossible-date": _impossible_date}


@SETTINGS
@given(casualty_lists(), st.sampled_from(sorted(CORRUPTIONS)), st.data())
def test_every_corruption_is_caught_with_its_code(figures, corruption, data):
    expected = []

    def corrupt(d):
        d["claims"][0]["casualties"] = figures
        expected.append(CORRUPTIONS[corruption](d, data.draw))

    with tempfile.TemporaryDirectory() as tmp:
        ds = new_dataset(Path(tmp))
        factories.edit_records(ds, corrupt)
        codes = {p.code for p in prepare(ds).problems}
    assert codes == set(expected)
