"""Every shell command in the README, CONTRIBUTING.md and docs/ is run by a test (issue 19):
console examples by test_readme_console_examples.py, the others by the test named for each in
tests/docs/shell_commands.yaml. A new command that no test runs fails here."""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

import factories
import pytest
import yaml

sys.path.insert(0, str(factories.REPO / "scripts"))
import readme_examples  # noqa: E402

sys.path.pop(0)

REGISTRY = Path(__file__).with_name("shell_commands.yaml")
BLOCK = re.compile(r"^( *)```(bash|sh|shell|console)\n(.*?)^\1```", re.S | re.M)


def pages() -> list[Path]:
    return [factories.REPO / "README.md", factories.REPO / "CONTRIBUTING.md",
            *sorted((factories.REPO / "docs").glob("*.md"))]


def shell_commands(text: str) -> list[str]:
    """The commands of every shell block: console lines after `$ `; bash lines without their
    comments, continuation lines joined."""
    found = []
    for block in BLOCK.finditer(text):
        body = re.sub(r"\\\n\s*", "", block.group(3))
        for line in body.splitlines():
            line = line.strip()
            if block.group(2) == "console":
                if line.startswith("$ "):
                    found.append(line[2:])
            elif line and not line.startswith("#"):
                found.append(" ".join(re.sub(r"\s+#.*$", "", line).split()))
    return found


def console_commands() -> set[str]:
    return {e.command for page in pages() for e in readme_examples.examples(page.read_text(encoding="utf-8"))}


def registry() -> dict[str, str]:
    return {entry["command"]: entry["tested_by"] for entry in yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))}


def function_source(reference: str) -> str:
    path, name = reference.split("::")
    source = (factories.REPO / path).read_text(encoding="utf-8")
    match = re.search(rf"^(\s*)(?:def|class) {name}\b.*?(?=^\1(?:def|class|@) |\Z)", source, re.S | re.M)
    assert match, f"{reference} does not exist"
    return match.group(0)


ALL = [(page.name, command) for page in pages() for command in shell_commands(page.read_text(encoding="utf-8"))]


def test_the_parser_reads_bash_and_console_blocks():
    text = ("```bash\ntollbook add a.txt \\\n    --outlet x   # store\n# a comment\n\ntollbook check\n```\n"
            "```console\n$ tollbook cite\nTollbook (2026).\n```\n```python\nimport tollbook\n```\n")
    assert shell_commands(text) == ["tollbook add a.txt --outlet x", "tollbook check", "tollbook cite"]


def test_pages_show_shell_commands():
    assert len(ALL) >= 20
    assert {"README.md", "CONTRIBUTING.md", "curation-guide.md"} <= {page for page, _ in ALL}


@pytest.mark.parametrize(("page", "command"), ALL, ids=[f"{p}: {c[:50]}" for p, c in ALL])
def test_every_shell_command_is_run_by_a_test(page, command):
    if command in console_commands():
        return  # run and its output compared by test_readme_console_examples.py
    known = registry()
    assert command in known, (f"{page}: `{command}` is run by no test: make it a console example with its output, "
                              "or list it in tests/docs/shell_commands.yaml with the test that runs it")
    source = function_source(known[command])
    argv = shlex.split(command.split("&&")[-1])
    if argv[0] == "tollbook":
        assert f'"{argv[1]}"' in source, f"{known[command]} never runs `tollbook {argv[1]}`"
        for option in (a.split("=")[0] for a in argv if a.startswith("--")):
            assert f'"{option}"' in source, f"{known[command]} never passes {option} to `tollbook {argv[1]}`"
    elif argv[0] == "python":
        assert Path(argv[1]).stem in source, f"{known[command]} never runs {argv[1]}"


def test_every_listed_command_is_still_shown():
    shown = {command for _, command in ALL}
    assert sorted(set(registry()) - shown) == [], "tests/docs/shell_commands.yaml lists commands no page shows"


def test_propose_speed_runs_on_a_small_corpus(tmp_path, capsys):
    import importlib.util

    spec = importlib.util.spec_from_file_location("propose_speed", factories.REPO / "benchmarks" / "propose_speed.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dataset = factories.make_dataset(tmp_path)
    assert module.main(["--csv", str(tmp_path / "none.csv"), "--dataset", str(dataset), "--repeat", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("1 documents, ")
    assert lines[0].endswith("best of 1 runs after a warm-up (processor time), one core")
    assert [line.split()[0] for line in lines[1:4]] == ["read", "regex", "propose"]
