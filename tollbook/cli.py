"""The ``tollbook`` command group. Each subcommand lives in ``tollbook/commands/<name>.py``
and exposes ``command``; this module only assembles them and turns errors into one clear
message with a non-zero exit."""

from __future__ import annotations

import importlib
import sys

import click

from tollbook import __version__, collections_policy, pandera_types
from tollbook.problems import InvalidInput, TollbookError

#: Command modules, in the order ``tollbook --help`` lists them.
COMMANDS = (
    "build",
    "check",
    "sql",
    "cite",
    "diff",
    "releases",
    "docs",
    "report",
    "add",
    "propose",
    "review",
    "workbench",
)


class _Group(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return [name.replace("_", "-") for name in COMMANDS]

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        module = cmd_name.replace("-", "_")
        if module not in COMMANDS:
            return None
        return importlib.import_module(f"tollbook.commands.{module}").command

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except InvalidInput as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except TollbookError as exc:
            click.echo(f"Error: {exc}", err=True)
            ctx.exit(1)
        except UnicodeEncodeError as exc:  # e.g. PYTHONIOENCODING=latin-1 and a name in Arabic
            bad = exc.object[exc.start:exc.end]
            click.echo(f"Error: standard output is {exc.encoding}, which cannot write {ascii(bad)}: set "
                       "PYTHONIOENCODING=utf-8, or write the result to a file with --output", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tollbook")
def cli() -> None:
    """Tollbook: casualty and claims statistics from conflict reporting.

    \b
    Build the release from dataset/, then query it:
      tollbook check
      tollbook build
      tollbook sql "SELECT outcome, sum(count_best) FROM casualties GROUP BY 1"
    """


def main() -> None:
    collections_policy.for_this_process()
    pandera_types.without_dask_types()
    cli(prog_name="tollbook")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
