"""``tollbook propose``: draft records from raw report files for a curator to review."""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from tollbook.commands.options import dataset_option, dataset_or_default


@dataclass(frozen=True)
class _Job:
    path: Path
    fmt: str
    reference_date: dt.date | None
    records: Path | None


@dataclass(frozen=True)
class _Result:
    path: Path
    output: str
    stored_text: str | None  # the repaired text, when it differs from the input
    candidates: int
    claims: int
    error: str | None = None


_LEXICON: Any = None  # the worker's lexicon, loaded once by _load
_LEXICON_OF: Any = None  # the dataset folder it was loaded from


def _load(dataset: Path | None) -> None:
    global _LEXICON, _LEXICON_OF
    from tollbook.extract.propose.lexicon import load_lexicon

    _LEXICON = load_lexicon(dataset)
    _LEXICON_OF = dataset


def _run(job: _Job) -> _Result:
    from tollbook.extract.propose import draft, jsonl
    from tollbook.extract.propose.inputs import InputError, read_input
    from tollbook.extract.propose.pipeline import propose_document

    try:
        given = read_input(job.path, job.reference_date, job.records)
    except InputError as exc:
        return _Result(job.path, "", None, 0, 0, str(exc))
    proposal = propose_document(given.document, _LEXICON)
    kept = [c for c in proposal.candidates if c.claim_id not in given.decided_ids
            and not any(c.char_start < e and s < c.char_end for s, e in given.decided_spans)]
    skipped = len({c.claim_id for c in proposal.candidates} - {c.claim_id for c in kept})
    proposal.candidates = kept
    if job.fmt == "jsonl":
        output = jsonl.render(kept)
    else:
        output = draft.render(proposal, skipped, source=str(job.path))
    doc = given.document
    stored = doc.text if doc.stored.differs_from_input else None
    return _Result(job.path, output, stored, len(kept), len({c.claim_id for c in kept}))


@click.command("propose")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["yaml", "jsonl"]), default="yaml",
              show_default=True, help="Draft record files, or one candidate per line.")
@click.option("--reference-date", "reference_date", metavar="YYYY-MM-DD", default=None,
              help="Resolve 'on Friday', 'last month' … against this date (default: the "
                   "sidecar's reference or publication date, else a dateline in the text).")
@click.option("--out", "out", type=click.Path(path_type=Path, file_okay=False), default=None,
              help="Write <name>.yaml / <name>.jsonl per file here (default: standard output).")
@click.option("--jobs", "jobs", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes to use; the output is the same as with one.")
@click.option("--dask-scheduler", "dask_scheduler", metavar="ADDRESS", default=None,
              help="Run on a Dask cluster (e.g. tcp://host:8786, or 'local' for a local one); "
                   "the output is the same as with one process. Needs the 'scale' extra.")
@dataset_option
def command(files, fmt, reference_date, out, jobs, dataset, dask_scheduler=None) -> None:
    """Draft records from raw report FILES for a curator to review.

    Finds casualty figures, airstrike counts and control changes with who says so, when
    and where; every drafted claim is `review: {status: proposed}`. Claims the record file
    already decides (dataset/records/<name>.yaml) are left out. Offsets refer to the stored
    text: the file's own text when it is clean UTF-8, otherwise the repaired text, which
    --out writes as <name>.txt.

    \b
    Examples:
      tollbook propose dataset/sources/003_b62e91b403ca12d2.txt
      tollbook propose reports/*.txt --format jsonl --out drafts/ --jobs 4
    """
    ref = _parse_date(reference_date)
    dataset = dataset_or_default(dataset)
    if not dataset.is_dir():
        dataset = None
    missing = [str(f) for f in files if not f.is_file()]
    if missing:
        raise click.ClickException(f"no such file: {', '.join(missing)}")
    try:  # the matcher, the lexicon and rules files and the reference tables, read once: one
        _load(dataset)  # clear line if one fails (a rule naming a place the tables lack)
    except (ImportError, ValueError) as exc:
        raise click.ClickException(str(exc)) from None
    records = dataset / "records" if dataset is not None else None
    jobs_list = [_Job(f, fmt, ref, records) for f in files]
    if out is not None:
        if dataset is not None:
            resolved = out.resolve()
            for curated in ("records", "sources"):
                folder = (dataset / curated).resolve()
                if resolved == folder or folder in resolved.parents:
                    raise click.ClickException(
                        f"--out {out} is inside dataset/{curated}/, which holds curated files: write "
                        "drafts elsewhere (e.g. drafts/) and merge them with tollbook review")
        out.mkdir(parents=True, exist_ok=True)
    if dask_scheduler:
        from tollbook.extract.propose_dask import propose_results
        results = propose_results(jobs_list, _run, _load, dataset, dask_scheduler)
    else:
        results = _results(jobs_list, jobs, dataset)
    candidates = claims = 0
    first = True
    for result in results:
        if result.error:
            raise click.ClickException(result.error)
        candidates += result.candidates
        claims += result.claims
        if out is None:
            if fmt == "yaml" and not first:
                click.echo("---")
            click.echo(result.output, nl=False)
        else:
            suffix = ".jsonl" if fmt == "jsonl" else ".yaml"
            (out / f"{result.path.stem}{suffix}").write_text(result.output, encoding="utf-8")
            if result.stored_text is not None:
                (out / f"{result.path.stem}.txt").write_text(result.stored_text,
                                                             encoding="utf-8")
        first = False
    where = f" into {out}" if out is not None else ""
    click.echo(f"proposed {candidates} figures in {claims} claims from {len(files)} "
               f"file(s){where}", err=True)


def _results(jobs_list: list[_Job], jobs: int, dataset: Path | None):
    show = sys.stderr.isatty() and len(jobs_list) > 1
    if jobs > 1 and len(jobs_list) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs, initializer=_load,
                                 initargs=(dataset,)) as pool:
            yield from _progress(pool.map(_run, jobs_list, chunksize=1), len(jobs_list), show)
    else:
        if _LEXICON is None or _LEXICON_OF != dataset:
            _load(dataset)
        yield from _progress(map(_run, jobs_list), len(jobs_list), show)


def _progress(results, total: int, show: bool):
    if not show:
        yield from results
        return
    with click.progressbar(results, length=total, label="proposing", file=sys.stderr) as bar:
        yield from bar


def _parse_date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.ClickException(
            f"--reference-date {value!r} is not a date like 2015-04-24") from None
