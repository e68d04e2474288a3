"""``tollbook review``: merge a reviewed draft into a record file, keeping every decision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tollbook.commands.options import dataset_option, dataset_or_default


@click.command("review")
@click.argument("draft", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--into", "into", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The record file to merge into (created if absent; default: DRAFT itself, "
                   "to record decisions in place). Only dataset/records/<the document's name>.yaml "
                   "is accepted inside the dataset.")
@click.option("--accept", "accept", multiple=True, metavar="CLAIM_ID",
              help="Accept this claim as drafted (repeatable).")
@click.option("--reject", "reject", multiple=True, metavar="CLAIM_ID=REASON",
              help="Reject this claim, saying why (repeatable).")
@click.option("--decisions", "decisions_file", type=click.Path(path_type=Path, dir_okay=False),
              default=None, help="A YAML file of decisions to apply: CLAIM_ID: accept, "
                                 "CLAIM_ID: {reject: REASON} or CLAIM_ID: {edit: {FIELD: VALUE}}.")
@click.option("--by", "by", default=None, help="Who decides (required for decisions that do "
                                               "not already say).")
@click.option("--on", "on", default=None, metavar="YYYY-MM-DD",
              help="When (default: today).")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@dataset_option
def command(draft, into, accept, reject, decisions_file, by, on, dry_run, dataset) -> None:
    """Merge the reviewed DRAFT into a document's record file.

    Claims are matched by claim_id, clm_<doc8>_<span8> as propose writes it
    (docs/curation-format.md#identifiers). A claim already accepted, edited or rejected in the
    record file is never changed; a claim still proposed there takes the draft's version;
    new claims are added unless a decided claim covers the same sentence. Rejected claims
    stay in the record file, so running propose again never brings them back. A claim
    whose offsets are missing or wrong is placed by its quote (found once in the body).

    \b
    Examples:
      tollbook review drafts/003_b62e91b403ca12d2.yaml \\
          --into dataset/records/003_b62e91b403ca12d2.yaml --by jdoe
      tollbook review drafts/003_b62e91b403ca12d2.yaml --by jdoe \\
          --accept clm_b62e91b4_1b0be25f --reject "clm_b62e91b4_e6f5d1a7=not a claim"
      tollbook review drafts/003_b62e91b403ca12d2.yaml --decisions decisions.yaml \\
          --into dataset/records/003_b62e91b403ca12d2.yaml --by jdoe
    """
    from tollbook.extract.propose.review import Decision, ReviewError
    from tollbook.extract.propose.review_files import read_decisions, review

    when = _date(on)
    decisions = [Decision(cid, "accepted") for cid in accept]
    for item in reject:
        cid, sep, reason = item.partition("=")
        if not sep or not reason.strip():
            raise click.ClickException(f"--reject {item!r}: write CLAIM_ID=REASON")
        decisions.append(Decision(cid.strip(), "rejected", reason.strip()))
    try:
        if decisions_file is not None:
            decisions += read_decisions(decisions_file)
        _, report, target = review(draft, into, decisions, by, when, dataset_or_default(dataset),
                                   dry_run=dry_run)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    for cid in report.conflicts:
        click.echo(f"warning: {cid} is decided differently in {target}; kept the record "
                   "file's decision", err=True)
    click.echo(f"{'would merge' if dry_run else 'merged'} {draft} into {target}: "
               f"{report.summary()}")


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.ClickException(f"--on {value!r} is not a date like 2026-11-21") from None
