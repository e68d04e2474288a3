"""Rebuild a committed release with the tool that built it, and compare it byte for byte.

A release records its inputs (path → sha256) and the versions that built it, but not the code:
later versions of Tollbook may change a column or a document, so today's code cannot be asked
to give an old release's bytes. The code that did is in git: the commit that last wrote
``releases/VERSION/SHA256SUMS`` holds the tool and the inputs as they were when the release was
built (committing a release rebuilds it, so its files and its builder arrive together).

:func:`rebuild` exports that commit into a temporary folder (``git archive``, so the repository
is only read), checks that the tool's version there is the manifest's ``built_with`` and that
every input the manifest lists has its recorded sha256, builds the release there with that
code and the installed libraries, and compares every file with the committed release.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tollbook.contract.problems import TollbookError
from tollbook.contract.versions import parse_version
from tollbook.release.checksums import read_sums, sha256_file
from tollbook.release.tools import tool_differences

#: The longest a rebuild may take (an old build of a few thousand documents takes a minute).
BUILD_TIMEOUT_S = 1800


@dataclass(frozen=True)
class Rebuilt:
    version: str
    commit: str
    tool_version: str
    files: int


def _git(repo: Path, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise TollbookError("rebuilding an old release needs git, which is not installed") from None
    if done.returncode != 0:
        raise TollbookError(f"git {' '.join(args)} failed in {repo}: {done.stderr.strip()}")
    return done.stdout.strip()


def builder_commit(repo: Path, version: str) -> str:
    """The commit that last wrote ``releases/VERSION/SHA256SUMS``: its code built those bytes."""
    parse_version(version)
    commit = _git(repo, "log", "-1", "--format=%H", "--", f"releases/{version}/SHA256SUMS")
    if not commit:
        shallow = _git(repo, "rev-parse", "--is-shallow-repository") == "true"
        hint = " (this clone is shallow: git fetch --unshallow)" if shallow else ""
        raise TollbookError(f"no commit of {repo} wrote releases/{version}/SHA256SUMS{hint}")
    return commit


def _export(repo: Path, commit: str, dest: Path) -> None:
    try:
        archive = subprocess.run(["git", "-C", str(repo), "archive", "--format=tar", commit],
                                 capture_output=True, check=True).stdout
    except subprocess.CalledProcessError as exc:
        raise TollbookError(f"git archive {commit} failed: {exc.stderr.decode(errors='replace').strip()}") from None
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        tar.extractall(dest, filter="data")


def _project(tree: Path) -> dict:
    try:
        return tomllib.loads((tree / "pyproject.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise TollbookError(f"the builder's pyproject.toml cannot be read: {exc}") from None


def _check_inputs(tree: Path, manifest: dict, commit: str) -> None:
    """Every input the manifest lists, with the sha256 it records, at the builder commit."""
    wrong = []
    for name, digest in sorted(manifest.get("inputs", {}).items()):
        path = tree / name
        if not path.is_file() or sha256_file(path) != digest:
            wrong.append(name)
    if wrong:
        raise TollbookError(f"commit {commit[:7]} does not hold the inputs the manifest lists: "
                            f"{', '.join(wrong[:5])}{' …' if len(wrong) > 5 else ''} differ")


def _link_packages(tree: Path, project: dict) -> None:
    """Lay out a ``package-dir`` remap (``tollbook.extract`` = ``extract``) as links, so the
    exported tree imports as it did when installed."""
    remap = project.get("tool", {}).get("setuptools", {}).get("package-dir", {})
    for package, folder in remap.items():
        target = tree / Path(*package.split("."))
        if package.count(".") and not target.exists():
            target.symlink_to(os.path.relpath(tree / folder, target.parent), target_is_directory=True)


def _metadata(site: Path, version: str) -> None:
    """A dist-info naming the builder's version, found before the installed one, so the old
    code's ``importlib.metadata.version("tollbook")`` gives the version it had."""
    info = site / f"tollbook-{version}.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: tollbook\nVersion: {version}\n",
                                   encoding="utf-8")


def _earlier_releases(tree: Path, version: str, dest: Path) -> None:
    """The builder commit's catalogue without the release being rebuilt, as before its build."""
    dest.mkdir()
    index_path = tree / "releases" / "index.json"
    if not index_path.exists():
        return
    index = json.loads(index_path.read_text(encoding="utf-8"))
    index["releases"] = [e for e in index.get("releases", []) if e.get("version") != version]
    for entry in index["releases"]:
        shutil.copytree(tree / "releases" / entry["version"], dest / entry["version"])
    (dest / "index.json").write_text(json.dumps(index, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def _build(tree: Path, site: Path, out: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TOLLBOOK_", "PYTHON"))}
    env.update(PYTHONPATH=os.pathsep.join([str(tree), str(site)]), PYTHONDONTWRITEBYTECODE="1",
               PYTHONHASHSEED="0", TOLLBOOK_ROOT=str(tree))
    code = "import sys; from tollbook.cli import main; sys.argv[0] = 'tollbook'; main()"
    args = [sys.executable, "-c", code, "build", "--dataset", str(tree / "dataset"), "--releases", str(out)]
    try:
        done = subprocess.run(args, cwd=tree, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
                              stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise TollbookError(f"the old build did not finish within {BUILD_TIMEOUT_S} s") from None
    if done.returncode != 0:
        tail = "\n".join((done.stderr or done.stdout).strip().splitlines()[-8:])
        raise TollbookError(f"the builder's own build failed:\n{tail}")


def _compare(version: str, built: Path, committed: Path, manifest: dict, commit: str) -> int:
    new, old = read_sums(built), read_sums(committed)
    differing = sorted(n for n in set(new) | set(old) if new.get(n) != old.get(n))
    if not differing:
        differing = sorted(p.name for p in committed.iterdir()
                           if p.is_file() and (built / p.name).read_bytes() != p.read_bytes())
    if differing:
        tools = tool_differences(manifest.get("built_with", {}), skip=("tollbook",))
        cause = (f"; {'; '.join(tools)}, so the libraries differ" if tools
                 else "; the libraries are the versions the manifest records")
        raise TollbookError(f"release {version} rebuilt with the code of commit {commit[:7]} gives different "
                            f"bytes ({', '.join(differing)}){cause}")
    return len(old)


def rebuild(version: str, repo: Path, say: Callable[[str], None] = lambda _: None) -> Rebuilt:
    """Build ``releases/VERSION`` again with the commit that built it, and check every byte."""
    parse_version(version)
    committed = repo / "releases" / version
    if not (committed / "manifest.json").is_file():
        raise TollbookError(f"{committed} holds no manifest.json: release {version} is not committed")
    manifest = json.loads((committed / "manifest.json").read_text(encoding="utf-8"))
    commit = builder_commit(repo, version)
    with tempfile.TemporaryDirectory(prefix=f"tollbook-rebuild-{version}-") as tmp:
        tree, site, out = Path(tmp) / "tree", Path(tmp) / "site", Path(tmp) / "releases"
        say(f"exporting commit {commit[:7]}, which built release {version} ...")
        tree.mkdir()
        _export(repo, commit, tree)
        project = _project(tree)
        tool_version = str(project.get("project", {}).get("version", ""))
        recorded = manifest.get("built_with", {}).get("tollbook")
        if tool_version != recorded:
            raise TollbookError(f"commit {commit[:7]} holds tollbook {tool_version or '(no version)'}, but "
                                f"release {version} was built by tollbook {recorded}")
        _check_inputs(tree, manifest, commit)
        _link_packages(tree, project)
        _metadata(site, tool_version)
        _earlier_releases(tree, version, out)
        say(f"building release {version} with tollbook {tool_version} ...")
        _build(tree, site, out)
        files = _compare(version, out / version, committed, manifest, commit)
    return Rebuilt(version, commit, tool_version, files)
