"""``tollbook review``: merge a reviewed draft into a record file, keeping every decision."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click
import yaml


@click.command("review")
@click.argument("draft", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--into", "into", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The record file to merge into (created if absent; default: DRAFT itself, "
                   "to record decisions in place).")
@click.option("--accept", "accept", multiple=True, metavar="CLAIM_ID",
              help="Accept this claim as drafted (repeatable).")
@click.option("--reject", "reject", multiple=True, metavar="CLAIM_ID=REASON",
              help="Reject this claim, saying why (repeatable).")
@click.option("--by", "by", default=None, help="Who decides (required for decisions that do "
                                               "not already say).")
@click.option("--on", "on", default=None, metavar="YYYY-MM-DD",
              help="When (default: today).")
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
def command(draft, into, accept, reject, by, on, dry_run) -> None:
    """Merge the reviewed DRAFT into a document's record file.

    Claims are matched by claim_id. A claim already accepted, edited or rejected in the
    record file is never changed; a claim still proposed there takes the draft's version;
    new claims are added unless a decided claim covers the same sentence. Rejected claims
    stay in the record file, so running propose again never brings them back.

    \b
    Examples:
      tollbook review drafts/003_b62e91b403ca12d2.yaml \\
          --into dataset/records/003_b62e91b403ca12d2.yaml --by jdoe
      tollbook review dataset/records/003_b62e91b403ca12d2.yaml --by jdoe \\
          --accept clm_b62e91b4_1b0be25f --reject "clm_b62e91b4_e6f5d1a7=not a claim"
    """
    from tollbook.extract.propose.review import (
        Decision,
        ReviewError,
        complete_reviews,
        decide,
        merge,
    )

    when = _date(on)
    target = into or draft
    draft_data = _read(draft, required=True)
    record = _read(target, required=False) if into is not None else None
    decisions = [Decision(cid, "accepted") for cid in accept]
    for item in reject:
        cid, sep, reason = item.partition("=")
        if not sep or not reason.strip():
            raise click.ClickException(f"--reject {item!r}: write CLAIM_ID=REASON")
        decisions.append(Decision(cid.strip(), "rejected", reason.strip()))
    try:
        claims = draft_data.setdefault("claims", []) or []
        draft_data["claims"] = claims
        decide(claims, decisions, by, when)
        complete_reviews(claims, by, when)
        merged, report = merge(draft_data, record)
    except ReviewError as exc:
        raise click.ClickException(str(exc)) from None
    for cid in report.conflicts:
        click.echo(f"warning: {cid} is decided differently in {target}; kept the record "
                   "file's decision", err=True)
    if not dry_run:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(yaml.safe_dump(merged, sort_keys=False, allow_unicode=True, width=100),
                          encoding="utf-8")
    click.echo(f"{'would merge' if dry_run else 'merged'} {draft} into {target}: "
               f"{report.summary()}")


def _read(path: Path, required: bool) -> dict | None:
    if not path.exists():
        if required:
            raise click.ClickException(f"no such file: {path}")
        return None
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise click.ClickException(f"{path} is not readable YAML: "
                                   f"{str(exc).splitlines()[0]}") from None
    if not isinstance(data, dict) or "document_id" not in data:
        raise click.ClickException(f"{path} is not a record file (no document_id)")
    return data


def _date(value: str | None) -> dt.date:
    if value is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.ClickException(f"--on {value!r} is not a date like 2026-11-21") from None
