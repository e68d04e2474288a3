"""Every ```console example in README.md prints what the README says it prints.

Refresh them all with `python scripts/refresh_readme.py` after a deliberate change."""

from __future__ import annotations

import sys
from pathlib import Path

import factories
import pytest

sys.path.insert(0, str(factories.REPO / "scripts"))
import readme_examples  # noqa: E402

sys.path.pop(0)

README = (factories.REPO / "README.md").read_text(encoding="utf-8")
EXAMPLES = readme_examples.examples(README)
#: Console examples of every documented page (README.md and docs/*.md), with the page's name.
ALL_EXAMPLES = [(path.name, e) for path in readme_examples.documented_files()
                for e in readme_examples.examples(path.read_text(encoding="utf-8"))]


@pytest.fixture(scope="module")
def root(repo_release_root) -> Path:
    """The repository's dataset and releases, the named release built fresh (tests/conftest.py)."""
    return repo_release_root


def test_readme_has_checked_examples_for_pandas_sql_and_citing():
    commands = [e.command for e in EXAMPLES]
    assert any(c.startswith("python -c") and "tollbook.load" in c for c in commands)
    assert any(c.startswith("tollbook sql ") for c in commands)
    assert any(c.startswith("tollbook cite") for c in commands)


def test_parser_reads_commands_and_their_output():
    text = "x\n```console\n$ tollbook a\none\ntwo\n$ ls\nskipped\n$ python -c 'print(1)'\n1\n```\n"
    found = readme_examples.examples(text)
    assert [(e.command, e.expected) for e in found] == [("tollbook a", "one\ntwo\n"), ("python -c 'print(1)'", "1\n")]
    assert text[found[0].start:found[0].end] == "one\ntwo\n"


@pytest.mark.parametrize(("page", "example"), ALL_EXAMPLES, ids=[f"{p}: {e.command[:60]}" for p, e in ALL_EXAMPLES])
def test_documented_example_output_is_current(page, example, root: Path):
    assert readme_examples.run(example.command, root) == example.expected, (
        f"{page} output is stale: run python scripts/refresh_readme.py")
