"""Run the README's console examples and compare (or refresh) their printed output.

A console example is a fenced block tagged ``console`` whose command lines start with
``$ tollbook `` or ``$ python -c ``; the lines after a command, up to the next command or
the end of the block, are its expected standard output. Commands run one after another in
a scratch project root (``TOLLBOOK_ROOT``, also the working directory) that holds a copy of
``dataset/`` and a release built fresh from it, with progress bars off (``CI=1``).

Used by tests/docs/test_readme_console_examples.py (compare) and scripts/refresh_readme.py (rewrite).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BLOCK = re.compile(r"^( *)```console\n(.*?)^\1```\n", re.S | re.M)
COMMAND = re.compile(r"^\$ ((?:tollbook|python -c|python benchmarks/\w+\.py)(?: .*)?)$")


@dataclass
class Example:
    command: str
    expected: str
    start: int  # offsets of the expected output in the README text
    end: int
    indent: str = ""  # of the block, for examples inside list items


def examples(text: str) -> list[Example]:
    """Every checked command in the README, with its expected output and where that sits."""
    found = []
    for block in BLOCK.finditer(text):
        indent = block.group(1)
        lines = block.group(2).splitlines(keepends=True)
        offset = block.start(2)
        current = None
        for line in lines:
            match = COMMAND.match(line.removeprefix(indent).rstrip("\n"))
            if match or line.removeprefix(indent).startswith("$ "):
                if current:
                    found.append(current)
                current = (Example(match.group(1), "", offset + len(line), offset + len(line), indent)
                           if match else None)
            elif current:
                current.expected += line.removeprefix(indent)
                current.end = offset + len(line)
            offset += len(line)
        if current:
            found.append(current)
    return found


def documented_files() -> list[Path]:
    """The files whose console examples are checked: the README and every page of docs/."""
    return [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]


def prepare_root(root: Path) -> Path:
    """A scratch project root with the repository's dataset, the committed releases before the
    one it names, and that release built fresh from it."""
    import json

    shutil.copytree(REPO / "dataset", root / "dataset")
    version = re.search(r"(?m)^version: (\S+)$", (REPO / "dataset" / "release.yaml").read_text(encoding="utf-8"))
    index = json.loads((REPO / "releases" / "index.json").read_text(encoding="utf-8"))
    earlier = [e for e in index["releases"] if e["version"] != version.group(1)]
    (root / "releases").mkdir()
    for entry in earlier:
        shutil.copytree(REPO / "releases" / entry["version"], root / "releases" / entry["version"])
    (root / "releases" / "index.json").write_text(json.dumps({**index, "releases": earlier}, indent=2,
                                                             sort_keys=True) + "\n", encoding="utf-8")
    run("tollbook build --quiet", root)
    return root


def _tollbook(argv: list[str], root: Path, env: dict[str, str]) -> str:
    """``tollbook ...`` in this process (as the installed script would run it, without the
    start-up cost of a new interpreter per example)."""
    from click.testing import CliRunner

    from tollbook.cli import cli

    here = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner(env=env).invoke(cli, argv, prog_name="tollbook")
    finally:
        os.chdir(here)
    if result.exit_code != 0:
        raise RuntimeError(f"`tollbook {shlex.join(argv)}` exited {result.exit_code}:\n{result.stderr}")
    return result.stdout


def run(command: str, root: Path) -> str:
    """Standard output of one README command; raises with its stderr if it fails."""
    env = {"TOLLBOOK_ROOT": str(root), "CI": "1", "COLUMNS": "100"}
    argv = shlex.split(command)
    if argv[0] == "tollbook":
        return _tollbook(argv[1:], root, env)
    if argv[1].startswith("benchmarks/"):  # the repository's own benchmark scripts, on their dataset
        argv[1] = str(REPO / argv[1])
    done = subprocess.run([sys.executable, *argv[1:]], cwd=root, env={**os.environ, **env},
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        raise RuntimeError(f"`{command}` exited {done.returncode}:\n{done.stderr}")
    return done.stdout


def refresh(text: str, root: Path) -> str:
    """The README text with every example's output replaced by what it prints now."""
    out, last = [], 0
    for example in examples(text):
        printed = run(example.command, root)
        out += [text[last:example.start], "".join(example.indent + line for line in printed.splitlines(keepends=True))]
        last = example.end
    return "".join(out) + text[last:]
