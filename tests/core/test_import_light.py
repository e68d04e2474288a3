"""`import tollbook` and `tollbook --help` load none of the heavy libraries (pandas, pyarrow,
DuckDB, pandera, matplotlib...): they load inside the functions that need them. Asserted on the
modules loaded, not on timing; benchmarks/import_time.py prints the times."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from tollbook.cli import cli, missing_extra

HEAVY = ("pandas", "pyarrow", "duckdb", "pandera", "numpy", "pydantic", "matplotlib", "yaml", "pooch", "requests")

SHOW = f"""
import json, sys
{{}}
print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))
"""


def loaded(code: str) -> list[str]:
    done = subprocess.run([sys.executable, "-c", SHOW.format(code)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.splitlines()[-1])


def test_import_tollbook_loads_no_heavy_library():
    assert loaded("import tollbook") == []


def test_help_loads_no_heavy_library_and_lists_every_command():
    code = ("import sys\nfrom tollbook.cli import main\nsys.argv = ['tollbook', '--help']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")  # as the console script runs it
    assert loaded(code) == []


def test_the_public_functions_load_on_first_use():
    assert {"pandas", "pyarrow", "duckdb"} <= set(loaded("import tollbook\ntollbook.load"))


@pytest.mark.parametrize(("module", "extra"), [("matplotlib", "report"), ("rapidfuzz", "curate"),
                                               ("dask", "scale")])
def test_a_missing_extra_is_named_in_one_line(module, extra):
    message = missing_extra(ModuleNotFoundError(f"No module named '{module}'", name=module))
    assert message == f"this command needs the {extra!r} extra ({module} is not installed): " \
                      f"pip install 'tollbook[{extra}]'"
    assert missing_extra(ModuleNotFoundError("No module named 'pandas'", name="pandas")) is None


def test_a_command_whose_extra_is_missing_says_which(monkeypatch):
    for name in [m for m in sys.modules if m == "tollbook.report" or m.startswith("tollbook.report.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed
    result = CliRunner().invoke(cli, ["report", "--releases", "nowhere"])
    assert (result.exit_code, result.stderr) == (1, "Error: this command needs the 'report' extra (matplotlib is "
                                                    "not installed): pip install 'tollbook[report]'\n")


def test_propose_loads_no_table_library(tmp_path):
    """`tollbook propose` on one small file reads the reference tables as rows: no pandas,
    pyarrow, DuckDB or pandera (their import alone took most of its wall time)."""
    from factories import REPO

    report = tmp_path / "report.txt"
    report.write_text("Three people were killed in Idlib on Monday, activists said.", encoding="utf-8")
    argv = ["tollbook", "propose", str(report), "--out", str(tmp_path / "drafts"), "--dataset", str(REPO / "dataset")]
    code = (f"import sys\nfrom tollbook.cli import main\nsys.argv = {argv!r}\n"
            "try:\n    main()\nexcept SystemExit:\n    pass")
    assert set(loaded(code)) & {"pandas", "pyarrow", "duckdb", "pandera"} == set()
    assert len(list((tmp_path / "drafts").iterdir())) == 1
