"""``DATASHEET.md``: the sections of "Datasheets for Datasets" (Gebru et al.), with every number
computed from the release's own Parquet files when it is built, so nothing can drift."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq

from tollbook.contract import versions
from tollbook.contract import vocabulary as voc
from tollbook.contract.schemas import TABLES
from tollbook.release.arrow_schema import to_pandas
from tollbook.release.citation import apa, citation

DATASHEET_FILE = "DATASHEET.md"


def _day(value) -> str:
    return "n/a" if value is None or pd.isna(value) else pd.Timestamp(value).date().isoformat()


def _counts(series: pd.Series, order: tuple[str, ...] | None = None) -> str:
    counts = series.dropna().astype(str).value_counts()
    names = [n for n in (order or sorted(counts.index)) if n in counts.index]
    return ", ".join(f"{n} {counts[n]}" for n in names) or "none"


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {plural or word + 's'}"


def version_scheme() -> list[str]:
    """The bullet lines of the version scheme, from tollbook.contract.versions."""
    return [line for line in (versions.__doc__ or "").splitlines() if line.startswith("- ")]


def composition(t: dict[str, pd.DataFrame]) -> list[str]:
    docs, claims, cas = t["documents"], t["claims"], t["casualties"]
    copies = int(claims["duplicate_of"].notna().sum())
    republished = int(docs["original_outlet"].notna().sum())
    nested = int(cas["part_of"].notna().sum())
    dates = pd.concat([claims["date_start"], claims["date_end"]]).dropna()
    locs = t["locations"]
    admin1 = sorted(locs["admin1"].dropna().astype(str).unique())
    countries = sorted(locs["country_iso3"].dropna().astype(str).unique())
    lines = [
        f"- **Documents:** {_plural(len(docs), 'news report')} from {_plural(docs['outlet'].nunique(), 'outlet')}, "
        f"{_plural(docs['story_id'].nunique(), 'distinct story', 'distinct stories')} "
        f"({_plural(republished, 'republication')} of another "
        f"outlet's report), published {_day(docs['published_date'].min())} to {_day(docs['published_date'].max())}.",
        f"- **Claims:** {len(claims)} statements, of which {copies} are republished copies that point at their "
        f"original (`duplicate_of`) and {len(claims) - copies} are originals. Hedges: "
        f"{_counts(claims['hedge'], voc.HEDGES)}.",
        f"- **Dates claimed about:** {_day(dates.min() if len(dates) else None)} to "
        f"{_day(dates.max() if len(dates) else None)}.",
        f"- **Casualty figures:** {len(cas)} rows by outcome: {_counts(cas['outcome'], voc.OUTCOMES)}; "
        f"{nested} nested inside another figure (`part_of`); qualifiers: {_counts(cas['qualifier'], voc.QUALIFIERS)}.",
        f"- **Other figures:** {_plural(len(t['airstrikes']), 'airstrike figure')}, "
        f"{_plural(len(t['control_changes']), 'control change')}, {_plural(len(t['force_sizes']), 'force size')}.",
        f"- **Places:** {_plural(len(locs), 'location')} in {_plural(len(admin1), 'governorate')} "
        f"({', '.join(admin1)}) of {_plural(len(countries), 'country', 'countries')} ({', '.join(countries)}), "
        f"with {_plural(len(t['location_variants']), 'spelling variant')}.",
        f"- **Actors:** {len(t['actors'])} ({_counts(t['actors']['actor_type'], voc.ACTOR_TYPES)}), "
        f"with {len(t['actor_aliases'])} aliases.",
        f"- **Events:** {_plural(len(t['events']), 'curated event')}. "
        f"**Tombstones:** {_plural(len(t['tombstones']), 'removed id')}.",
        "",
        "| table | rows | columns |",
        "| --- | ---: | ---: |",
    ]
    lines += [f"| {name} | {len(frame)} | {frame.shape[1]} |" for name, frame in t.items()]
    return lines


def datasheet_text(spec, t: dict[str, pd.DataFrame], records=None, root: Path | None = None) -> str:
    from tollbook.release.datasheet_curation import agreement_section, curation_section, sources_section

    docs, claims = t["documents"], t["claims"]
    authors = ", ".join(p.name for p in spec.authors)
    figures = sum(len(t[n]) for n in ("casualties", "airstrikes", "control_changes", "force_sizes"))
    quote_len = claims["quote"].str.len()
    reviewers = ", ".join(sorted(claims["reviewed_by"].dropna().astype(str).unique()))
    lines = [
        f"# Datasheet: {spec.title}, release {spec.version}",
        "",
        "Organised by the questions of \"Datasheets for Datasets\" (Gebru et al.). Every number below is "
        "computed from this release's tables when it was built.",
        "",
        "## Motivation",
        "",
        spec.description or spec.title,
        "",
        f"Created and maintained by {authors}.",
        "",
        "## Composition",
        "",
        *composition(t),
        "",
        "A row is a claim as reported, not a verified fact: two claims may count the same people. Count "
        "originals only (`duplicate_of` is null) and never add a nested figure to its whole.",
        "",
        "## Collection process",
        "",
        f"Each of the {_plural(len(docs), 'document')} is stored byte for byte with a metadata sidecar "
        "(outlet, bylines, dates with their evidence, the original publisher of a republication, sha256). "
        f"How publication dates are known: {_counts(docs['published_date_kind'], voc.DATE_EVIDENCE_KINDS)}.",
        "",
        "Every claim was reviewed by a curator before release: "
        f"{_counts(claims['review_status'], voc.RELEASED_STATUSES)} (reviewers: {reviewers or 'none'}).",
        "",
        *sources_section(spec),
        *(curation_section(spec, records, root) if records is not None and root is not None else []),
        *agreement_section(t),
        "## Preprocessing, cleaning and labelling",
        "",
        f"Each claim keeps its verbatim quote and character offsets into the stored text (quotes of "
        f"{int(quote_len.min()) if len(claims) else 0} to {int(quote_len.max()) if len(claims) else 0} characters). "
        f"{figures} figures are normalised to `count_low`/`count_best`/`count_high` from how the text put them; "
        f"vague words use {_plural(len(t['vague_quantities']), 'documented convention')} (table "
        "vague_quantities). Claimants, relays, parties and places are resolved to ids through the alias and "
        "spelling-variant tables.",
        "",
        "## Uses",
        "",
        "For research on what parties to a conflict claimed, who relayed it and how figures travel through "
        "the news. Not a casualty count: totals across claims double count, and the claims are unverified.",
        "",
        "## Distribution",
        "",
        f"Licence: {spec.licence}. {spec.licence_note or ''}".rstrip(),
        "",
        "Files: one Parquet file per table, `datapackage.json` (Frictionless Data Package), `manifest.json`, "
        "`CITATION.cff`, `CHANGES.md`, `LICENCE.md` and `SHA256SUMS`. Cite as:",
        "",
        f"> {apa(citation(spec))}",
        "",
        "## Maintenance",
        "",
        "Releases are immutable; every change is a new version:",
        "",
        *version_scheme(),
        "",
        "Ids are never reused. A removed id keeps a row in the `tombstones` table of every later release, "
        "and `CHANGES.md` lists what changed since the previous release.",
    ]
    return "\n".join(lines) + "\n"


def write_datasheet(prepared, folder: Path, manifest: dict) -> None:
    tables = {name: to_pandas(name, pq.read_table(folder / f"{name}.parquet")) for name in TABLES}
    text = datasheet_text(prepared.dataset.release, tables, prepared.dataset.records, prepared.dataset.root)
    (folder / DATASHEET_FILE).write_text(text, encoding="utf-8")
