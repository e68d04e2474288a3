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
    monkeypatch.chdir(ROOT)  # the example reads releases/1.0.0 by its relative path
    names: dict = {}
    with contextlib.redirect_stdout(io.StringIO()):
        exec(compile(usage_block(), "README.md (usage)", "exec"), names)  # noqa: S102 - our own README
    people = dict(zip(*names["people"].sort_by("outcome").to_pydict().values(), strict=True))
    casualties = names["casualties"]
    by_pandas = casualties.groupby("outcome", observed=True)["count_best"].sum().to_dict()
    assert people == {k: int(v) for k, v in by_pandas.items()}
    assert people == {"executed": 15, "killed": 88}
    assert os.path.basename(os.getcwd()) == ROOT.name
