"""The first sum a reader copies must not double-count (issue 19, problem 1): `tollbook --help`
and `tollbook sql --help` sum over events, and no page sums casualty figures with nested ones."""

from __future__ import annotations

import re
import shlex

import factories
from click.testing import CliRunner

from tollbook.cli import cli

SUM_OF_FIGURES = re.compile(r"sum\(\s*(?:\w+\.)?count_(?:best|low|high)\s*\)", re.I)


def _sql_examples(help_text: str) -> list[str]:
    return [shlex.split(line.strip())[2] for line in help_text.splitlines()
            if line.strip().startswith("tollbook sql ")]


def test_help_examples_sum_over_events_and_run(tiny_release):
    texts = [CliRunner().invoke(cli, args).output for args in (["--help"], ["sql", "--help"])]
    examples = [q for text in texts for q in _sql_examples(text)]
    assert "SELECT corroboration, count(*) AS events, sum(best) AS deaths FROM events GROUP BY 1" in examples
    for query in examples:
        assert not SUM_OF_FIGURES.search(query), query
        if "--output" not in query:
            result = CliRunner().invoke(cli, ["sql", query, "--releases", str(tiny_release)])
            assert result.exit_code == 0, result.output


def test_no_page_sums_casualty_figures_without_leaving_nested_ones_out():
    pages = [factories.REPO / "README.md", *sorted((factories.REPO / "docs").glob("*.md"))]
    for page in pages:
        for line in page.read_text(encoding="utf-8").splitlines():
            if SUM_OF_FIGURES.search(line) and "casualties" in line:
                assert "part_of IS NULL" in line or "part_of is null" in line.lower(), f"{page.name}: {line}"
