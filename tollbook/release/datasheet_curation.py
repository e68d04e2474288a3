"""The datasheet's sections on where the texts came from, how they were curated, and how the
curated figures agree with the source dataset's own coding. Every number is computed when the
release is built: from the tables, the record files (decisions, including rejected drafts) and
the curation logs under ``dataset/intake/``."""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import statistics
from pathlib import Path

import pandas as pd

#: Claim ids that `tollbook propose` writes: clm_<8 hex of the document>_<8 hex of the span>.
DRAFTED_ID = re.compile(r"^clm_[0-9a-f]{8}_[0-9a-f]{8}$")
CURATION_LOGS = "intake/curation-log"
PROPOSE_GOLD = "intake/propose-gold.json"
AGREEMENT_FIELDS = ("nb_civilians", "nb_noncivilians")
#: The order the gold-set figures are listed in.
GOLD_ORDER = ("killed figures", "airstrike figures", "claimant of a found killed figure",
              "place of a found killed figure", "date window of a found killed figure")


def sources_section(spec) -> list[str]:
    if not spec.sources:
        return []
    lines = ["## Sources and attribution", ""]
    for s in spec.sources:
        doi = f", DOI [{s.doi}](https://doi.org/{s.doi})" if s.doi else ""
        lines += [f"- **{s.name}**: {', '.join(s.authors)} ({s.year}). *{s.title}*{doi}. Licence {s.licence}. "
                  f"{s.selection}", ""]
    return lines


def decisions(records) -> dict[str, int]:
    """Claims by how the curator decided them: drafted and accepted unedited, drafted and edited,
    drafted and rejected, added by hand (republished copies counted apart)."""
    if hasattr(records, "claim_statuses"):  # the dataset's record files: their rows, no model made
        claims = [(claim_id, status, copy_of) for _, claim_id, status, copy_of in records.claim_statuses()]
    else:
        claims = [(c.claim_id, c.review.status, c.duplicate_of) for rec in records.values()
                  for c in rec.content.claims]
    out = {"drafted, accepted unedited": 0, "drafted, edited": 0, "drafted, rejected": 0,
           "added by hand": 0, "republished copies": 0, "still undecided": 0}
    for claim_id, status, duplicate_of in claims:
        if status == "proposed":
            out["still undecided"] += 1
        elif duplicate_of is not None:
            out["republished copies"] += status != "rejected"
        elif not DRAFTED_ID.match(claim_id):
            out["added by hand"] += status != "rejected"
        else:
            out[{"accepted": "drafted, accepted unedited", "edited": "drafted, edited",
                 "rejected": "drafted, rejected"}[status]] += 1
    return out


def minutes_per_document(root: Path) -> list[float]:
    """Minutes each logged document took (finished − started), from the curation logs."""
    minutes = []
    folder = root / CURATION_LOGS
    for path in sorted(folder.glob("*.csv")) if folder.is_dir() else []:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                try:
                    start = dt.datetime.fromisoformat(row["started"].replace("Z", "+00:00"))
                    end = dt.datetime.fromisoformat(row["finished"].replace("Z", "+00:00"))
                except (KeyError, ValueError, AttributeError):
                    continue
                if end >= start:
                    minutes.append((end - start).total_seconds() / 60)
    return minutes


def curation_section(spec, records, root: Path) -> list[str]:
    counts = decisions(records)
    minutes = minutes_per_document(root)
    lines = ["## Curation", ""]
    if spec.curation:
        lines += [spec.curation, ""]
    lines += ["How the curators decided the claims drafted by `tollbook propose`, and what they added "
              "(from the record files, rejected drafts included):", "",
              "| decision | claims |", "| --- | ---: |"]
    lines += [f"| {name} | {n} |" for name, n in counts.items()]
    if minutes:
        lines += ["", f"Curation time, from the curators' logs: {len(minutes)} documents, median "
                      f"{statistics.median(minutes):.1f} minutes per document (mean {statistics.mean(minutes):.1f}, "
                      f"total {sum(minutes) / 60:.1f} hours of curator time)."]
    gold = root / PROPOSE_GOLD
    if gold.is_file():
        lines += ["", *_gold_lines(json.loads(gold.read_text(encoding="utf-8")))]
    return lines + [""]


def _gold_lines(gold: dict) -> list[str]:
    lines = [f"The curated records are the gold set of the extraction assistant. Measured with "
             f"`python benchmarks/propose_gold.py` ({gold.get('propose_version', 'this version')}, "
             f"{gold.get('documents', 0)} documents):", "",
             "| what the draft gets right | gold | recall | precision |", "| --- | ---: | ---: | ---: |"]
    figures = gold.get("figures", {})
    order = [n for n in GOLD_ORDER if n in figures] + sorted(n for n in figures if n not in GOLD_ORDER)
    for name, row in ((n, figures[n]) for n in order):
        lines.append(f"| {name} | {row['gold']} | {row['recall']:.2f} | "
                     f"{'n/a' if row.get('precision') is None else format(row['precision'], '.2f')} |")
    return lines


def agreement_section(t: dict[str, pd.DataFrame]) -> list[str]:
    codings = t.get("source_codings")
    if codings is None or codings.empty:
        return []
    docs = t["documents"].set_index("document_id")
    rows = codings[codings["field"].isin(AGREEMENT_FIELDS) & (codings["appears_in_text"] == True)]  # noqa: E712
    if rows.empty:
        return []
    dataset = ", ".join(sorted(codings["dataset"].astype(str).unique()))
    lines = [f"## Agreement with the {dataset} coding", "",
             "For each coded count of people killed that is written in its document's body, whether the curated "
             "killed (or executed) figures of that document contain it as a low, best or high count. The coding "
             "is kept in the `source_codings` table.", "",
             "| coded count | rows in the text | contained | not contained |", "| --- | ---: | ---: | ---: |"]
    for field in AGREEMENT_FIELDS:
        sub = rows[rows["field"] == field]
        contained = int((sub["curated_contains"] == True).sum())  # noqa: E712
        lines.append(f"| {field} | {len(sub)} | {contained} | {len(sub) - contained} |")
    missed = rows[rows["curated_contains"] != True]  # noqa: E712
    missed = missed.sort_values(["document_id", "row_index", "field"])
    lines += ["", f"Every disagreement, with the curator's reason ({len(missed)}):", "",
              "| document | outlet | row | coded | value | curator's reason |",
              "| --- | --- | --- | --- | ---: | --- |"]
    for r in missed.itertuples(index=False):
        outlet = docs["outlet"].get(r.document_id, "")
        note = r.curator_note if isinstance(r.curator_note, str) and r.curator_note else "no reason recorded yet"
        note = note.replace("|", "/")
        lines.append(f"| {r.document_id} | {outlet} | {r.row_id} | {r.field} | {r.value_count} | {note} |")
    return lines + [""]
