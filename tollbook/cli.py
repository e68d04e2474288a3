"""The ``tollbook`` command group. Each subcommand lives in ``tollbook/commands/<name>.py``
and exposes ``command``; this module only assembles them and turns errors into one clear
message with a non-zero exit."""

from __future__ import annotations

import importlib

import click

from tollbook import collections_policy
from tollbook.contract import pandera_types
from tollbook.contract.problems import InvalidInput, TollbookError

#: Command modules, in the order ``tollbook --help`` lists them.
COMMANDS = (
    "build",
    "check",
    "sql",
    "cite",
    "diff",
    "releases",
    "download",
    "docs",
    "report",
    "add",
    "propose",
    "review",
    "workbench",
    "init",
    "archive",
)


#: Modules of the optional extras (pyproject.toml) → the extra that installs them.
EXTRA_OF = {
    "rapidfuzz": "curate", "ftfy": "curate", "datasketch": "curate", "starlette": "curate",
    "jinja2": "curate", "uvicorn": "curate", "matplotlib": "report", "dask": "scale", "distributed": "scale",
}


def missing_extra(exc: ModuleNotFoundError) -> str | None:
    """One line naming the extra that installs the missing module, or None if it is no extra's."""
    top = (exc.name or "").split(".")[0]
    extra = EXTRA_OF.get(top)
    if extra is None:
        return None
    return f"this command needs the {extra!r} extra ({top} is not installed): pip install 'tollbook[{extra}]'"


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
        except ModuleNotFoundError as exc:
            message = missing_extra(exc)
            if message is None:
                raise
            click.echo(f"Error: {message}", err=True)
            ctx.exit(1)
        except UnicodeEncodeError as exc:  # e.g. PYTHONIOENCODING=latin-1 and a name in Arabic
            bad = exc.object[exc.start:exc.end]
            click.echo(f"Error: standard output is {exc.encoding}, which cannot write {ascii(bad)}: set "
                       "PYTHONIOENCODING=utf-8, or write the result to a file with --output", err=True)
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="tollbook", prog_name="tollbook")
def cli() -> None:
    """Tollbook: casualty and claims statistics from conflict reporting.

    \b
    Read the published releases (fetched once, cached, verified):
      tollbook sql "SELECT corroboration, count(*) AS events, sum(best) AS deaths FROM events GROUP BY 1"
      tollbook cite
    \b
    Curate a dataset: inside a project (a folder with dataset/release.yaml, found
    from the working directory upward; `tollbook init DIR` makes one):
      tollbook check
      tollbook build
    """


def main() -> None:
    collections_policy.for_this_process()
    pandera_types.for_commands()
    cli(prog_name="tollbook")


if __name__ == "__main__":  # pragma: no cover
    main()
