"""The README's citing section shows the real output of `tollbook cite` and the version scheme."""

import re

import factories
from click.testing import CliRunner
from conftest import build

from tollbook.cli import cli
from tollbook.release.datasheet import version_scheme


def citing_section() -> str:
    text = (factories.REPO / "README.md").read_text(encoding="utf-8")
    return re.search(r"<!-- section:citing -->\n(.*?)<!-- /section:citing -->", text, re.S).group(1)


def test_readme_shows_the_cite_output_of_a_fresh_build_of_the_dataset(seed_dataset, tmp_path):
    releases = tmp_path / "releases"
    build(seed_dataset, releases)
    runner = CliRunner()
    session = []
    for args in (["cite"], ["cite", "--release", "2.0.0", "--format", "bibtex"]):
        result = runner.invoke(cli, [*args, "--releases", str(releases)])
        assert result.exit_code == 0
        session.append(f"$ tollbook {' '.join(args)}\n{result.output}")
    assert "```console\n" + "".join(session) + "```\n" in citing_section()


def test_readme_states_the_version_scheme():
    section = citing_section()
    assert all(line in section.splitlines() for line in version_scheme())
    assert len(version_scheme()) == 3
