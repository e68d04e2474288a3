"""Every command in tollbook/cli.py COMMANDS has help, an example and a row in docs/commands.md
(the same idea as sqlite-utils's docs test): adding a command without docs fails here."""

from __future__ import annotations

import re

import click
import factories
import pytest
from click.testing import CliRunner

from tollbook.cli import COMMANDS, cli

NAMES = [name.replace("_", "-") for name in COMMANDS]
COMMANDS_PAGE = (factories.REPO / "docs" / "commands.md").read_text(encoding="utf-8")


def command(name: str) -> click.Command:
    found = cli.get_command(click.Context(cli), name)
    assert found is not None, f"tollbook {name} is in COMMANDS but has no command"
    return found


def test_tollbook_help_lists_every_command():
    result = CliRunner().invoke(cli, ["--help"])
    assert result.exit_code == 0
    listed = re.findall(r"^  ([a-z][a-z-]*)\s", result.output.split("Commands:", 1)[1], flags=re.M)
    assert listed == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_command_has_help_with_an_example(name):
    cmd = command(name)
    assert cmd.help and cmd.help.strip(), f"tollbook {name} has no help text"
    parts = re.split(r"\bExamples?:", cmd.help, maxsplit=1)
    assert len(parts) == 2, f"tollbook {name}: add an 'Example:' block to its docstring"
    example = parts[1]
    assert f"tollbook {name}" in example, f"tollbook {name}: its example must show `tollbook {name} ...`"


@pytest.mark.parametrize("name", NAMES)
def test_every_option_and_argument_has_help(name):
    cmd = command(name)
    for param in cmd.params:
        if isinstance(param, click.Option):
            assert param.help and param.help.strip(), f"tollbook {name} {param.opts[0]} has no help text"
        else:  # arguments have no help in click: the docstring or usage must name them
            assert param.name.upper() in cmd.get_usage(click.Context(cmd)), param.name


@pytest.mark.parametrize("name", NAMES)
def test_command_has_its_row_in_the_commands_page(name):
    assert f"| `tollbook {name}` |" in COMMANDS_PAGE, f"docs/commands.md has no row for `tollbook {name}`"


@pytest.mark.parametrize("name", NAMES)
def test_command_help_renders(name):
    result = CliRunner().invoke(cli, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: cli {name}") or result.output.startswith(f"Usage: tollbook {name}")
