"""Builds that die, collide, or hit a full or read-only disk leave every earlier release and
the catalogue byte-identical, and the next build succeeds."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bad_input_kit import NEW_VERSION, run, snapshot

from tollbook import load
from tollbook.release import lock as lock_module
from tollbook.release import write as write_module
from tollbook.release.catalogue import known_versions
from tollbook.release.lock import build_lock
from tollbook.release.write import FAULT_ENV, FAULT_POINTS


def _build_process(ds: Path, releases: Path, fault: str, **kwargs) -> subprocess.Popen:
    env = {**os.environ, FAULT_ENV: fault}
    return subprocess.Popen([sys.executable, "-m", "tollbook.cli", "build", "--dataset", str(ds),
                             "--releases", str(releases)], env=env, text=True, **kwargs)


def _without_leftovers(snap: dict) -> dict:
    return {k: v for k, v in snap.items() if not k.startswith((".tmp-", ".lock", f"{NEW_VERSION}"))}


def _assert_clean_second_build(ds: Path, releases: Path, before: dict) -> None:
    again = run("build", "--dataset", ds, "--releases", releases, "--quiet")
    assert again.exit_code == 0, again.output
    after = snapshot(releases)
    assert sorted(k for k in after if k.startswith(".")) == []  # no lock, no temporary folder
    assert {k: v for k, v in after.items() if k.startswith("1.0.0")} == \
        {k: v for k, v in before.items() if k.startswith("1.0.0")}
    assert known_versions(releases) == ["1.0.0", NEW_VERSION]
    assert load("airstrikes", version=NEW_VERSION, releases=releases)["count_best"].tolist() == [7]


@pytest.mark.parametrize("point", FAULT_POINTS)
def test_build_killed_midway_changes_nothing_and_next_build_succeeds(point, ds, releases):
    before = snapshot(releases)
    killed = _build_process(ds, releases, point, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert killed.wait() == 70  # os._exit(70) in the fault hook: no cleanup ran
    after = snapshot(releases)
    assert _without_leftovers(after) == before  # earlier releases and index.json, byte for byte
    assert known_versions(releases) == ["1.0.0"]
    new_folder = (releases / NEW_VERSION).exists()
    assert new_folder == (point == "after-rename")  # only a complete folder is ever renamed in
    _assert_clean_second_build(ds, releases, before)


def test_two_builds_at_once_one_wins_the_other_is_refused(ds, releases):
    first = _build_process(ds, releases, "pause:before-rename", stdin=subprocess.PIPE,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        lines = []
        while (line := first.stderr.readline()) and "paused at" not in line:
            lines.append(line)
        assert line == "tollbook fault hook: paused at before-rename\n", lines
        during = snapshot(releases)
        second = run("build", "--dataset", ds, "--releases", releases)
        assert second.exit_code == 1
        assert second.stderr.splitlines()[-1] == (
            f"Error: another build (pid {first.pid}) is running in {releases}; wait for it to finish")
        assert snapshot(releases) == during
        out, _ = first.communicate("\n", timeout=300)
    finally:
        if first.poll() is None:
            first.kill()
    assert first.returncode == 0
    assert out.splitlines()[0] == f"release {NEW_VERSION} written to {releases / NEW_VERSION}"
    assert sorted(k for k in snapshot(releases) if k.startswith(".")) == []
    assert known_versions(releases) == ["1.0.0", NEW_VERSION]


def test_a_held_lock_refuses_the_build(ds, releases):
    before = snapshot(releases)
    with build_lock(releases):
        result = run("build", "--dataset", ds, "--releases", releases)
        assert snapshot(releases) == {**before, ".lock": str(os.getpid()).encode()}
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: another build (pid {os.getpid()}) is running in {releases}; wait for it to finish")
    assert snapshot(releases) == before


def test_a_lock_file_left_by_a_dead_build_does_not_block(ds, releases):
    (releases / ".lock").write_text("999999999")
    (releases / ".tmp-1.1.0-999999999").mkdir()
    (releases / ".tmp-1.1.0-999999999" / "casualties.parquet").write_bytes(b"PAR1 half")
    before = snapshot(releases)
    _assert_clean_second_build(ds, releases, before)


def _enospc(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")


def test_full_disk_while_writing_parquet_leaves_no_partial_output(ds, releases, monkeypatch):
    real_write = write_module.write_table
    written = []

    def fill_disk(table, arrow, path):
        if written:
            path.write_bytes(b"PAR1 truncated")
            _enospc()
        written.append(table)
        real_write(table, arrow, path)

    monkeypatch.setattr(write_module, "write_table", fill_disk)
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: could not write release {NEW_VERSION} in {releases}: No space left on device; "
        "nothing was changed")
    assert snapshot(releases) == before


def test_full_disk_while_cataloguing_rolls_the_new_release_back(ds, releases, monkeypatch):
    monkeypatch.setattr(write_module, "index_text", _enospc)
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1].endswith("No space left on device; nothing was changed")
    assert snapshot(releases) == before


class _ReadOnlyOs:
    """``os`` as seen by the lock on a read-only file system (root ignores chmod, so simulate)."""

    def __getattr__(self, name):
        return getattr(os, name)

    @staticmethod
    def open(path, flags, mode=0o777):
        raise OSError(errno.EROFS, "Read-only file system", str(path))


def test_read_only_releases_folder_is_refused_clearly(ds, releases, monkeypatch):
    monkeypatch.setattr(lock_module, "os", _ReadOnlyOs())
    before = snapshot(releases)
    result = run("build", "--dataset", ds, "--releases", releases)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write to {releases}: Read-only file system; nothing was changed")
    assert snapshot(releases) == before


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through chmod; the simulated test covers it")
def test_read_only_releases_folder_by_permissions(ds, releases):
    before = snapshot(releases)
    releases.chmod(0o555)
    try:
        result = run("build", "--dataset", ds, "--releases", releases)
    finally:
        releases.chmod(0o755)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == (
        f"Error: cannot write to {releases}: Permission denied; nothing was changed")
    assert snapshot(releases) == before
