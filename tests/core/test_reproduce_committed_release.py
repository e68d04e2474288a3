"""Building the repository's dataset reproduces the committed release it names
(dataset/release.yaml) byte for byte, beside the releases before it: with the parse cache and
without it."""

from __future__ import annotations

import json
import shutil

import pyarrow
import pytest
import yaml
from click.testing import CliRunner
from factories import REPO

from tollbook.cli import cli
from tollbook.release.catalogue import index_text, read_index

VERSION = str(yaml.safe_load((REPO / "dataset" / "release.yaml").read_text(encoding="utf-8"))["version"])
COMMITTED = REPO / "releases" / VERSION


def _earlier_releases(dest):
    """The committed catalogue without the release under test, as it stood before that build."""
    earlier = [r for r in read_index(REPO / "releases") if r["version"] != VERSION]
    for entry in earlier:
        shutil.copytree(REPO / "releases" / entry["version"], dest / entry["version"])
    (dest / "index.json").write_text(index_text(earlier), encoding="utf-8")


@pytest.mark.parametrize("options", [[], ["--no-cache"]], ids=["cache", "no-cache"])
def test_the_repository_dataset_reproduces_its_committed_release(tmp_path, options):
    assert COMMITTED.is_dir(), f"dataset/release.yaml names {VERSION}, which is not committed under releases/"
    built_with = json.loads((COMMITTED / "manifest.json").read_text(encoding="utf-8"))["built_with"]
    if built_with["pyarrow"] != pyarrow.__version__:
        pytest.skip(f"releases/{VERSION} was written by pyarrow {built_with['pyarrow']}, this is {pyarrow.__version__}")
    _earlier_releases(tmp_path)
    result = CliRunner().invoke(cli, ["build", "--dataset", str(REPO / "dataset"), "--releases", str(tmp_path),
                                      "--quiet", *options])
    assert result.exit_code == 0, result.output
    built = (tmp_path / VERSION / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    committed = (COMMITTED / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    assert built == committed
