"""The README's Python usage example runs as written against the committed release."""

from __future__ import annotations

import contextlib
import io
import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def usage_block() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- section:usage -->", 1)[1].split("<!-- /section:usage -->", 1)[0]
    return re.search(r"```python\n(.*?)```", section, re.DOTALL).group(1)


def test_the_usage_example_runs_and_agrees_with_itself(monkeypatch):
    monkeypatch.chdir(ROOT)  # the example reads releases/2.0.0 by its relative path
    names: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(usage_block(), "README.md (usage)", "exec"), names)  # noqa: S102 - our own README
    deaths = names["deaths"]
    assert deaths.schema.field("deaths").type == "int64"  # integers, not decimals
    by_query = dict(zip(*deaths.sort_by("corroboration").to_pydict().values(), strict=True))
    events = names["events"]
    by_pandas = events.groupby("corroboration", observed=True, dropna=False)["best"].sum(min_count=1)
    assert by_query == {(None if pd_isna(k) else k): (None if pd_isna(v) else int(v)) for k, v in by_pandas.items()}
    assert events.set_index("event_id").loc["evt_2017_khan_sheikhun_chemical_attack", "best"] == 87
    assert len(names["claims"]) == 911
    assert os.path.basename(os.getcwd()) == ROOT.name


def pd_isna(value) -> bool:
    import pandas as pd

    return bool(pd.isna(value))
