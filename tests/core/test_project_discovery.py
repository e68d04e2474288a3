"""A curator's project is found from the working directory upward (dataset/release.yaml marks
it) or named by TOLLBOOK_ROOT, never from where the package is installed; releases are read
from --releases, TOLLBOOK_RELEASES_URL, the project, or else the published location."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tollbook import paths, registry
from tollbook.cli import cli
from tollbook.contract.problems import TollbookError
from tollbook.project import new_project


@pytest.fixture
def outside(tmp_path, monkeypatch) -> Path:
    """A working directory in no project, with neither variable set."""
    monkeypatch.delenv(paths.ROOT_VARIABLE, raising=False)
    monkeypatch.delenv(paths.RELEASES_VARIABLE, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_project_is_found_from_any_folder_inside_it(outside, monkeypatch):
    new_project(outside / "war", "A war")
    monkeypatch.chdir(outside / "war" / "dataset" / "records")
    assert paths.project_root() == outside / "war"
    assert paths.release_source() == outside / "war" / "releases"
    monkeypatch.setenv(paths.ROOT_VARIABLE, str(outside / "elsewhere"))
    assert paths.project_root() == outside / "elsewhere"


def test_outside_any_project_curating_is_refused_and_reading_uses_the_published_releases(outside):
    assert paths.find_project() is None
    with pytest.raises(TollbookError, match=r"^no Tollbook project in .* \(a project holds dataset/release.yaml\)"):
        paths.project_root()
    assert paths.release_source() == registry.published_url()
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: no Tollbook project in {outside} or any folder above it")


def test_releases_come_from_the_option_then_the_variable(outside, monkeypatch):
    monkeypatch.setenv(paths.RELEASES_VARIABLE, "https://mirror.example.org/tollbook")
    assert paths.release_source() == "https://mirror.example.org/tollbook/"
    assert paths.release_source(str(outside / "mine")) == outside / "mine"
    assert paths.release_source("http://127.0.0.1:8000/r") == "http://127.0.0.1:8000/r/"
    monkeypatch.setenv(paths.RELEASES_VARIABLE, str(outside / "copy"))
    assert paths.release_source() == outside / "copy"


def test_commands_name_the_project_on_their_first_line(outside, monkeypatch):
    new_project(outside / "war", "A war")
    monkeypatch.chdir(outside / "war" / "dataset")
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.stderr == f"project: {outside / 'war'}\n"
    assert result.stdout.startswith("dataset OK: 0 documents, 0 claims")


def test_init_writes_a_project_only_into_a_new_or_empty_folder(outside):
    written = new_project(outside / "war", 'The "war": a test', today=__import__("datetime").date(2026, 1, 2))
    assert sorted(p.relative_to(outside / "war").as_posix() for p in written) == [
        ".gitignore", "README.md", "dataset/events.yaml", "dataset/reference/actor_aliases.csv",
        "dataset/reference/actor_memberships.csv", "dataset/reference/actors.csv", "dataset/reference/countries.csv",
        "dataset/reference/location_variants.csv", "dataset/reference/locations.csv",
        "dataset/reference/vague_quantities.csv", "dataset/release.yaml", "dataset/removals.csv"]
    text = (outside / "war/dataset/release.yaml").read_text(encoding="utf-8")
    assert text.startswith('version: 0.1.0\ndate_released: 2026-01-02\ntitle: "The \\"war\\": a test"\n')
    assert (outside / "war/dataset/reference/actors.csv").read_text() == "actor_id,name,actor_type,description\n"
    assert {p.name for p in (outside / "war/dataset").iterdir() if p.is_dir()} == {"records", "reference", "sources"}
    result = CliRunner().invoke(cli, ["init", str(outside / "war")])
    assert result.exit_code == 1
    assert result.stderr == (f"Error: {outside / 'war'} is not empty: `tollbook init` writes a new project into a "
                             "new or empty folder\n")
