"""The README's two set-up lines (issue 19, problems 2 and 4): each is one line a newcomer pastes;
it creates the environment, activates it in the reader's own shell (so `tollbook` and
`import tollbook` work afterwards), installs, and ends in a command that builds or tests; the
README says how long the tests take and that they show progress."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import tomllib

import factories
import pytest

README = (factories.REPO / "README.md").read_text(encoding="utf-8")
SET_UP = README.split("## Set-up", 1)[1].split("\n## ", 1)[0].split("<!-- section:", 1)[0]
LINES = re.findall(r"```bash\n(.*?)```", SET_UP, re.S)
PYPROJECT = tomllib.loads((factories.REPO / "pyproject.toml").read_text(encoding="utf-8"))


def test_each_set_up_is_one_line_that_installs_activates_and_runs():
    assert len(LINES) == 2 and all(line.count("\n") == 1 and line.endswith("\n") for line in LINES)
    tails = []
    for line in LINES:
        assert subprocess.run(["bash", "-n", "-c", line], capture_output=True).returncode == 0, line
        parts = [p.strip() for p in line.strip().split("&&")]
        assert parts[:2] == ["python3.11 -m venv .venv", ". .venv/bin/activate"]  # sourced: stays active
        assert not re.search(r"[()]|bash -c|sh -c|exec ", line)  # no subshell that would drop the activation
        locked = shlex.split(parts[2])  # the locked tools first, with their hashes
        assert locked[:4] == ["pip", "install", "-q", "-r"] and len(locked) == 5
        assert (factories.REPO / locked[4]).is_file() and "--hash=sha256:" in (factories.REPO / locked[4]).read_text()
        assert shlex.split(parts[3]) == ["pip", "install", "-q", "--no-deps", "-e", "."]  # then the project itself
        tails.append(shlex.split(" && ".join(parts[4:])))
    assert tails == [["tollbook", "build"], ["pytest", "-q", "-n", "2"]]
    assert PYPROJECT["project"]["scripts"]["tollbook"] == "tollbook.cli:main"
    assert any(d.startswith("pytest-xdist") for d in PYPROJECT["project"]["optional-dependencies"]["test"])
    assert LINES[1] in (factories.REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert LINES[1] in (factories.REPO / ".ci" / "run").read_text(encoding="utf-8")  # CI runs it as written
    assert [shlex.split(line.split("&&")[2])[4] for line in LINES] == ["requirements.lock", "requirements-test.lock"]


def test_the_readme_says_how_long_the_tests_take_and_that_they_show_progress():
    words = " ".join(SET_UP.split())
    assert "about four minutes on two cores" in words and "one dot per test as it runs" in words
    assert "environment active in your shell" in words
    assert "-p no:terminal" not in PYPROJECT["tool"]["pytest"]["ini_options"]["addopts"]  # the dots stay


@pytest.mark.skipif(shutil.which("python3.11") is None, reason="no python3.11 on PATH")
def test_the_activation_holds_in_the_shell_that_ran_the_line(tmp_path):
    """The line's first two steps, run as pasted (pip left out: installing is tested by CI itself),
    leave python and the venv's scripts first on PATH in that same shell."""
    first_two = LINES[0].split("&&")[:2]
    script = " && ".join(p.strip() for p in first_two).replace("-m venv .venv", "-m venv --without-pip .venv")
    done = subprocess.run(["bash", "-c", f"{script}\necho \"$VIRTUAL_ENV\"; command -v python"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [str(tmp_path / ".venv"), str(tmp_path / ".venv" / "bin" / "python")]
