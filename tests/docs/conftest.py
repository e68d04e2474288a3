"""Fixtures for the documentation tests: releases built fresh into temporary folders."""

from __future__ import annotations

from pathlib import Path

import factories
import pytest
from click.testing import CliRunner

from tollbook.cli import cli


def build(dataset: Path, releases: Path) -> Path:
    result = CliRunner().invoke(cli, ["build", "--dataset", str(dataset), "--releases", str(releases), "--quiet"])
    assert result.exit_code == 0, result.output
    return releases


@pytest.fixture(scope="module")
def tiny_release(tmp_path_factory) -> Path:
    """A releases folder holding the tiny factory dataset's release."""
    root = tmp_path_factory.mktemp("tiny")
    return build(factories.make_dataset(root), root / "releases")


@pytest.fixture(scope="session")
def seed_root(tmp_path_factory) -> Path:
    """A scratch project root (dataset/ + releases/) with the repository's dataset built fresh."""
    root = tmp_path_factory.mktemp("seed")
    dataset = factories.copy_seed_dataset(factories.REPO, root)
    build(dataset, root / "releases")
    return root
