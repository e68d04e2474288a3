"""The floors of docs/architecture.md hold: import-linter's contracts in pyproject.toml are kept,
and they fail on a new upward import or a new cycle (checked on a copy of the package)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINT = ("import sys; from importlinter.cli import lint_imports; "
        "sys.exit(lint_imports(config_filename='pyproject.toml', no_cache=True, no_logo=True))")


def lint(project: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(project)}
    return subprocess.run([sys.executable, "-c", LINT], cwd=project, env=env, capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """The package's Python files and pyproject.toml, to be broken on purpose."""
    for path in (REPO / "tollbook").rglob("*.py"):
        target = tmp_path / path.relative_to(REPO)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    shutil.copyfile(REPO / "pyproject.toml", tmp_path / "pyproject.toml")
    return tmp_path


def append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_the_import_contracts_are_kept():
    result = lint(REPO)
    assert result.returncode == 0, result.stdout
    assert "Contracts: 3 kept, 0 broken." in result.stdout


def test_an_upward_import_or_a_cycle_breaks_a_contract(copy: Path):
    """One run over a copy broken three ways (each lint run costs about a second)."""
    append(copy / "tollbook/extract/listing.py", "from tollbook.validate import run  # noqa")
    append(copy / "tollbook/contract/codes.py", "from tollbook import paths  # noqa")
    append(copy / "tollbook/release/checksums.py", "from tollbook.release import history  # noqa")
    result = lint(copy)
    assert result.returncode == 1
    assert "Contracts: 0 kept, 3 broken." in result.stdout
    assert "tollbook.extract.listing -> tollbook.validate.run" in result.stdout
    assert "tollbook.contract.codes -> tollbook.paths" in result.stdout
    assert "No cycles are allowed in tollbook.release." in result.stdout
