"""An old release is rebuilt byte for byte by the code that built it (tollbook/release/rebuild.py):
1.0.0, whose tables and documents today's code writes differently, from the commit that wrote it."""

from __future__ import annotations

import importlib.util
import json
import subprocess
from pathlib import Path

import pyarrow
import pytest
from click.testing import CliRunner
from factories import REPO

from tollbook.contract.problems import TollbookError
from tollbook.release.rebuild import builder_commit, rebuild

#: The commits that wrote each committed release (git log -1 -- releases/VERSION/SHA256SUMS).
BUILDERS = {"1.0.0": "a29d1c4f2572af5dc050877dd474c1b4df723f2f", "2.0.0": "cde6330", "2.0.1": "29344dc",
            "2.0.2": "d34c1b6", "2.0.3": "e393d5e"}


def _full_history() -> bool:
    done = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--is-shallow-repository"],
                          capture_output=True, text=True, check=False)
    return done.returncode == 0 and done.stdout.strip() == "false"


needs_history = pytest.mark.skipif(not _full_history(), reason="needs the repository's full git history")


@needs_history
@pytest.mark.parametrize("version", sorted(BUILDERS))
def test_the_builder_of_a_release_is_the_commit_that_wrote_its_checksums(version):
    assert builder_commit(REPO, version).startswith(BUILDERS[version])


@needs_history
def test_release_1_0_0_rebuilds_byte_for_byte_with_the_tool_that_built_it():
    """As docs/reproducibility.md shows it: `python scripts/rebuild_release.py 1.0.0`."""
    built_with = json.loads((REPO / "releases/1.0.0/manifest.json").read_text(encoding="utf-8"))["built_with"]
    if built_with["pyarrow"] != pyarrow.__version__:
        pytest.skip(f"1.0.0 was written by pyarrow {built_with['pyarrow']}, this is {pyarrow.__version__}")
    spec = importlib.util.spec_from_file_location("rebuild_release", REPO / "scripts" / "rebuild_release.py")
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)
    result = CliRunner().invoke(script.main, ["1.0.0"])
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == ["exporting commit a29d1c4, which built release 1.0.0 ...",
                                          "building release 1.0.0 with tollbook 1.0.0 ..."]
    assert result.stdout == ("release 1.0.0 reproduced byte for byte (23 files) by tollbook 1.0.0 at commit "
                             f"{BUILDERS['1.0.0'][:7]}\n")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def _tiny_repo(tmp_path: Path, tool_version: str, input_text: str) -> Path:
    """A repository whose only commit holds release 9.0.0 built by tollbook 9.0.0 from dataset/a.txt
    (``a`` when it was built)."""
    repo = tmp_path / "repo"
    (repo / "releases/9.0.0").mkdir(parents=True)
    (repo / "dataset").mkdir()
    (repo / "dataset/a.txt").write_text(input_text, encoding="utf-8")
    (repo / "pyproject.toml").write_text(f'[project]\nname = "tollbook"\nversion = "{tool_version}"\n',
                                         encoding="utf-8")
    manifest = {"built_with": {"tollbook": "9.0.0", "pyarrow": pyarrow.__version__},
                "inputs": {"dataset/a.txt": "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"}}
    (repo / "releases/9.0.0/manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    (repo / "releases/9.0.0/SHA256SUMS").write_text("", encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "release 9.0.0")
    return repo


def test_a_builder_commit_of_another_tool_version_is_refused(tmp_path):
    repo = _tiny_repo(tmp_path, "8.1.0", "a")
    with pytest.raises(TollbookError, match=r"commit [0-9a-f]{7} holds tollbook 8\.1\.0, but release 9\.0\.0 "
                                            r"was built by tollbook 9\.0\.0$"):
        rebuild("9.0.0", repo)


def test_a_builder_commit_without_the_listed_inputs_is_refused(tmp_path):
    repo = _tiny_repo(tmp_path, "9.0.0", "b")
    with pytest.raises(TollbookError, match=r"does not hold the inputs the manifest lists: dataset/a\.txt differ$"):
        rebuild("9.0.0", repo)


def test_a_release_no_commit_wrote_is_refused(tmp_path):
    repo = _tiny_repo(tmp_path, "9.0.0", "a")
    (repo / "releases/9.1.0").mkdir()
    (repo / "releases/9.1.0/manifest.json").write_text("{}", encoding="utf-8")
    with pytest.raises(TollbookError, match=r"no commit of .* wrote releases/9\.1\.0/SHA256SUMS$"):
        rebuild("9.1.0", repo)
