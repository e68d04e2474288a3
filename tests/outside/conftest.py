"""The package as a researcher installs it: a wheel built from this tree, installed into a fresh
virtual environment, run in a folder outside any project against releases served over HTTP.

Building and installing take seconds and never reach the network: the wheel and sdist are built
once per session with the build backend itself (setuptools, in the test extra), and the new
environment is made without pip and sees the test environment's packages through a ``.pth``
line, so ``pip install --no-deps --no-index`` only unpacks the wheel. The test environment's own
(editable) tollbook is not visible there: a ``.pth`` path line does not run the editable finder.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import sysconfig
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from factories import REPO

#: What a build of the package reads: the rest of the repository stays out of the wheel and sdist.
BUILD_INPUTS = ("pyproject.toml", "README.md", "tollbook")


@dataclass(frozen=True)
class Built:
    wheel: Path
    sdist: Path


@pytest.fixture(scope="session")
def built_package(tmp_path_factory) -> Built:
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(REPO / name, source / name)
    dist = tmp_path_factory.mktemp("dist")
    for hook in ("build_sdist", "build_wheel"):
        code = f"import sys\nfrom setuptools import build_meta\nbuild_meta.{hook}(sys.argv[1])\n"
        done = subprocess.run([sys.executable, "-c", code, str(dist)], cwd=source, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
    (wheel,), (sdist,) = dist.glob("*.whl"), dist.glob("*.tar.gz")
    return Built(wheel, sdist)


@dataclass(frozen=True)
class Installed:
    python: Path
    tollbook: Path

    def env(self, home: Path, **extra: str) -> dict[str, str]:
        """An environment for a researcher's shell: no project, a cache of its own, no progress bars."""
        keep = {k: v for k, v in os.environ.items() if k in ("PATH", "LANG", "LC_ALL", "SYSTEMROOT", "TMPDIR")}
        return {**keep, "HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache"), "CI": "1", **extra}

    def run(self, argv: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
        return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="session")
def installed(built_package, tmp_path_factory) -> Installed:
    venv = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=60)
    python = venv / "bin" / "python"
    purelib = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                  capture_output=True, text=True, check=True).stdout.strip())
    (purelib / "test-environment.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
                           "--no-index", str(built_package.wheel)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    return Installed(python, venv / "bin" / "tollbook")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


class Server:
    """Static files of ``folder`` on 127.0.0.1, as a web server or mirror publishes releases."""

    def __init__(self, folder: Path):
        self.folder = folder
        handler = functools.partial(_Quiet, directory=str(folder))
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        if self.thread.is_alive():
            self.httpd.shutdown()
            self.httpd.server_close()


@pytest.fixture
def serve():
    """``serve(folder)`` starts a server of that folder; every one is stopped after the test."""
    servers = []

    def start(folder: Path) -> Server:
        servers.append(Server(folder))
        return servers[-1]

    yield start
    for server in servers:
        server.stop()


@pytest.fixture
def published(tmp_path) -> Path:
    """A copy of the repository's releases, as published (the shipped registry lists them)."""
    folder = tmp_path / "www" / "releases"
    shutil.copytree(REPO / "releases", folder)
    return folder
