"""Building the repository's dataset into a fresh folder reproduces the committed release
byte for byte: with the parse cache and without it."""

from __future__ import annotations

import json

import pyarrow
import pytest
from click.testing import CliRunner
from factories import REPO

from tollbook.cli import cli

COMMITTED = REPO / "releases" / "1.0.0"


@pytest.mark.parametrize("options", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_the_repository_dataset_reproduces_release_1_0_0(tmp_path, options):
    built_with = json.loads((COMMITTED / "manifest.json").read_text(encoding="utf-8"))["built_with"]
    if built_with["pyarrow"] != pyarrow.__version__:
        pytest.skip(f"releases/1.0.0 was written by pyarrow {built_with['pyarrow']}, this is {pyarrow.__version__}")
    result = CliRunner().invoke(cli, ["build", "--dataset", str(REPO / "dataset"), "--releases", str(tmp_path),
                                      "--quiet", *options])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "1.0.0" / "SHA256SUMS").read_bytes() == (COMMITTED / "SHA256SUMS").read_bytes()
