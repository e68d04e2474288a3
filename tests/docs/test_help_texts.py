"""What the help texts promise (issue 19): `--version` is the tool's version on `tollbook`, and a
command that reads a release takes `--release VERSION` (the old `--version VERSION` there still
works, hidden from help, with a warning); the first sum a reader copies does not double-count
(`tollbook --help` and `tollbook sql --help` sum over events, and no page sums casualty figures
with nested ones). One module, so the tiny release is built once for both."""

from __future__ import annotations

import re
import shlex

import factories
import pytest
from click.testing import CliRunner

from tollbook import __version__
from tollbook.cli import cli

READERS = ("sql", "cite", "report")


def test_tollbook_version_prints_the_tools_version():
    result = CliRunner().invoke(cli, ["--version"])
    assert (result.exit_code, result.output) == (0, f"tollbook, version {__version__}\n")


@pytest.mark.parametrize("name", READERS)
def test_release_readers_offer_release_and_hide_version(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0
    assert re.search(r"^  --release VERSION\s+Release to read", result.output, re.M)
    assert "--version" not in result.output
    assert "--release " in result.output.split("Example", 1)[1] or name == "sql"


def test_cite_reads_the_release_given(tiny_release):
    result = CliRunner().invoke(cli, ["cite", "--release", "latest", "--releases", str(tiny_release)])
    assert result.exit_code == 0 and result.stderr == ""
    again = CliRunner().invoke(cli, ["cite", "--release", "1.0.0", "--releases", str(tiny_release)])
    assert again.output == result.output and "(Version 1.0.0)" in result.output


def test_the_old_spelling_still_reads_a_release_and_warns(tiny_release):
    result = CliRunner().invoke(cli, ["cite", "--version", "1.0.0", "--releases", str(tiny_release)])
    assert result.exit_code == 0
    assert "(Version 1.0.0)" in result.stdout
    assert result.stderr == ("Warning: --version 1.0.0 is deprecated here; use --release 1.0.0 "
                             "(tollbook --version prints the tool's version)\n")


def test_release_and_old_spelling_that_disagree_are_refused(tiny_release):
    result = CliRunner().invoke(cli, ["cite", "--release", "1.0.0", "--version", "1.1.0",
                                      "--releases", str(tiny_release)])
    assert result.exit_code == 2
    assert "--release 1.0.0 and --version 1.1.0 disagree; give --release only" in result.stderr


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


def test_cite_offers_exactly_the_formats_the_citation_writer_knows():
    """`tollbook cite --format` keeps its own copy (its help imports no release code)."""
    from tollbook.commands import cite as cite_command
    from tollbook.release import citation

    assert cite_command.FORMATS == citation.FORMATS
