"""``tollbook add``: store a report text with its sidecar, or many from a table."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from tollbook.commands.options import dataset_option, dataset_or_default


@click.command("add")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False), required=False)
@click.option("--outlet", "outlet", metavar="ACTOR_ID", default=None,
              help="The outlet that published this copy, as an actor id (act_...).")
@click.option("--outlet-name", "outlet_name", default=None,
              help="The outlet's name as published (default: the actor's name).")
@click.option("--title", "title", default=None,
              help="The headline; found at the top of the text and left out of the body.")
@click.option("--published", "published", metavar="YYYY-MM-DD", default=None,
              help="Publication date, when the text has no dateline at its top (or to correct one).")
@click.option("--dateline", "dateline", default=None,
              help="The words that show --published (e.g. 'Published April 25th, 2015').")
@click.option("--date-reason", "date_reason", default=None,
              help="Why --published is the date, when no words of the text show it.")
@click.option("--republication-of", "republication_of", metavar="DOCUMENT_ID", default=None,
              help="This text republishes a stored document (shares its story id).")
@click.option("--author", "authors", multiple=True, help="A byline (repeatable).")
@click.option("--from-csv", "from_csv", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="Add the rows of this table instead of FILE (needs --mapping).")
@click.option("--mapping", "mapping", type=click.Path(path_type=Path, dir_okay=False), default=None,
              help="The table's mapping file: columns, outlets, citation (see dataset/intake/).")
@click.option("--limit", "limit", type=click.IntRange(min=1), default=None,
              help="With --from-csv: add at most this many documents.")
@click.option("--dry-run", is_flag=True, help="Report what would be added; write nothing.")
@dataset_option
def command(file, outlet, outlet_name, title, published, dateline, date_reason, republication_of,
            authors, from_csv, mapping, limit, dry_run, dataset) -> None:
    """Store a report FILE under dataset/sources/ with its sidecar.

    The text is stored byte for byte as UTF-8 (mis-encoded characters repaired, and the
    repair recorded) under NNN_<hash>.txt; the sidecar gets its sha256, the body span
    (dateline, headline and page tail left out), its first and last words and the
    publication date with its evidence. An exact duplicate is refused naming the stored
    document; a near duplicate is reported as a likely republication.

    \b
    Examples:
      tollbook add report.txt --outlet act_sana --title "8 killed in Aleppo"
      tollbook add copy.txt --outlet act_al_bawaba --published 2015-04-25 \\
          --dateline "Published April 25th, 2015" --republication-of doc_b62e91b403ca12d2
      tollbook add --from-csv fakes.csv --mapping dataset/intake/fakes.yaml
    """
    from tollbook.extract.intake.store import Catalogue, IntakeError, NewSource, store
    from tollbook.extract.intake.table import Mapping, add_table

    ds = dataset_or_default(dataset)
    click.echo(f"dataset: {ds}")
    try:
        if from_csv is not None:
            if file is not None or mapping is None:
                raise click.UsageError("--from-csv takes no FILE and needs --mapping")
            _add_table(ds, from_csv, Mapping.read(mapping), limit, dry_run, add_table)
            return
        if file is None:
            raise click.UsageError("give a FILE, or --from-csv with --mapping")
        if outlet is None:
            raise click.UsageError("--outlet ACTOR_ID is required")
        text, how = _repair_file(file)
        evidence = None
        day = None
        if published is not None:
            day = _date(published)
            if dateline:
                evidence = {"kind": "dateline" if dateline in text else "stated", "text": dateline}
            elif date_reason:
                evidence = {"kind": "inferred", "reason": date_reason}
            else:
                raise click.UsageError("--published needs --dateline (the words that show it) or --date-reason")
        new = NewSource(title=title, outlet=outlet_name or _actor_name(ds, outlet), outlet_id=outlet,
                        published_date=day, published_evidence=evidence, republication_of=republication_of,
                        authors=tuple(authors),
                        provenance=None)
        added = store(Catalogue.read(ds), text, new, dry_run=dry_run)
    except IntakeError as exc:
        raise click.ClickException(str(exc)) from None
    verb = "would add" if dry_run else "added"
    click.echo(f"{verb} {added.document_id}: {added.text_path} (body {added.body.char_start}-"
               f"{added.body.char_end}{', text repaired: ' + how if how else ''})")
    for doc, score in added.near:
        click.echo(f"likely republication of {doc} (similarity {score}); if so, add it again with "
                   f"--republication-of {doc}")


def _add_table(ds: Path, table: Path, mapping, limit, dry_run, add_table) -> None:
    from tollbook.progress import progress

    report = add_table(ds, table, mapping, _repair_cell, dry_run=dry_run, limit=limit,
                       progress=lambda items: progress(items, label="adding rows"))
    for doc, ids in report.added:
        click.echo(f"{'would add' if dry_run else 'added'} {doc} from row(s) {', '.join(ids)}")
    for ids, reason in report.skipped:
        click.echo(f"skipped row(s) {ids}: {reason}")
    for new, old, score in report.near:
        click.echo(f"{new} is likely a republication of {old} (similarity {score})")
    click.echo(report.summary())


def _repair_file(path: Path) -> tuple[str, str | None]:
    from tollbook.extract.propose.text import decode

    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise click.ClickException(f"cannot read {path}: {exc.strerror}") from None
    stored = decode(raw)
    how = []
    if stored.encoding not in ("utf-8",):
        how.append(f"decoded from {stored.encoding}")
    if stored.repaired:
        how.append("mis-encoded characters repaired (ftfy)")
    return stored.text, "; ".join(how) or None


def _repair_cell(cell: str) -> tuple[str, str | None]:
    from tollbook.extract.propose.text import from_str

    stored = from_str(cell)
    return stored.text, "mis-encoded characters repaired (ftfy)" if stored.repaired else None


def _actor_name(ds: Path, actor_id: str) -> str:
    import csv

    path = ds / "reference" / "actors.csv"
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                if row.get("actor_id") == actor_id:
                    return row.get("name") or actor_id
    except OSError:
        pass
    raise click.ClickException(f"--outlet {actor_id}: no such actor in {path}; add it there first "
                               "or pass --outlet-name")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.ClickException(f"--published {value!r} is not a date like 2026-11-21") from None
