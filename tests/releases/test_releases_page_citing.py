"""docs/releases.md shows the real output of `tollbook cite` and states the version scheme."""

import re

import factories
from click.testing import CliRunner

from tollbook.cli import cli
from tollbook.release.datasheet import version_scheme


def releases_page() -> str:
    return (factories.REPO / "docs" / "releases.md").read_text(encoding="utf-8")


def citing_section() -> str:
    text = releases_page()
    return re.search(r"<!-- section:citing -->\n(.*?)<!-- /section:citing -->", text, re.S).group(1)


def test_releases_page_shows_the_cite_output_of_a_fresh_build_of_the_dataset(repo_release_root):
    releases = repo_release_root / "releases"
    runner = CliRunner()
    session = []
    for args in (["cite"], ["cite", "--release", "2.0.0", "--format", "bibtex"]):
        result = runner.invoke(cli, [*args, "--releases", str(releases)])
        assert result.exit_code == 0
        session.append(f"$ tollbook {' '.join(args)}\n{result.output}")
    assert "```console\n" + "".join(session) + "```\n" in citing_section()


def test_releases_page_states_the_version_scheme():
    section = releases_page()
    assert all(line in section.splitlines() for line in version_scheme())
    assert len(version_scheme()) == 3
