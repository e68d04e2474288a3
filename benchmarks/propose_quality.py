"""How often `tollbook propose` finds the crowd-coded death counts of real articles.

Runs the proposer over ``../shared/corpora/fakes-dev/fakes-2016-2018.csv`` (FA-KES, 557
rows, latin-1; each row's ``date`` is the reference date) and reports, for the coded
``nb_civilians``, ``nb_noncivilians`` and their sum:

- recall: the share of rows whose coded figure (> 0) is among the proposed killed figures
  (outcome killed or executed, by ``count_best``);
- recall where it appears: the same, over rows whose coded figure is written in the text as
  digits ("16", "1,200") or words ("sixteen", "twenty-one");
- a precision proxy: the share of proposed killed figures (distinct per row) that equal some
  coded figure of their row (civilians, non-civilians, their sum, children, women);
- crashes (exceptions) and undecodable rows (empty text, or U+FFFD left after repair).

    python benchmarks/propose_quality.py [--csv PATH] [--dataset DIR] [--json OUT] [--misses N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
import traceback
from pathlib import Path

import pandas as pd

from tollbook.extract.numbers_in_text import appears
from tollbook.extract.propose.lexicon import load_lexicon
from tollbook.extract.propose.pipeline import Document, propose_document
from tollbook.extract.propose.text import from_str

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_CSV = ROOT.parent / "shared" / "corpora" / "fakes-dev" / "fakes-2016-2018.csv"
KILLED = ("killed", "executed")
TARGETS = ("civilians", "noncivilians", "total")
#: The issue's bar: recall of coded totals that appear in the text.
TARGET_RECALL = 0.9



def coded(row: pd.Series) -> dict[str, int]:
    civ, non = int(row["nb_civilians"]), int(row["nb_noncivilians"])
    return {"civilians": civ, "noncivilians": non, "total": civ + non}


def run(csv_path: Path, dataset: Path | None, misses: int = 0) -> dict:
    frame = pd.read_csv(csv_path, encoding="latin-1", dtype={"article_content": "object"})
    lexicon = load_lexicon(dataset)
    counts = {t: {"rows": 0, "hits": 0, "rows_in_text": 0, "hits_in_text": 0} for t in TARGETS}
    proposed = matched = crashes = undecodable = 0
    crash_notes: list[str] = []
    missed: list[tuple[int, str, int, list[int]]] = []
    cache: dict[tuple[str, dt.date | None], set[int]] = {}
    started = time.perf_counter()
    for _, row in frame.iterrows():
        content = row["article_content"]
        if not isinstance(content, str) or not content.strip():
            undecodable += 1
            continue
        stored = from_str(content)
        if "\ufffd" in stored.text:
            undecodable += 1
        ref = _date(row["date"])
        try:
            if (stored.text, ref) not in cache:
                doc = Document(f"doc_fakes_{row['unit_id']}", stored, str(row["unit_id"]), ref,
                               "option" if ref else None)
                cache[(stored.text, ref)] = {
                    c.count_best for c in propose_document(doc, lexicon).candidates
                    if c.kind == "casualty" and c.outcome in KILLED and c.count_best is not None
                }
            killed = cache[(stored.text, ref)]
        except Exception:  # noqa: BLE001 - counting crashes is the point
            crashes += 1
            last = traceback.format_exc(limit=2).splitlines()[-1]
            crash_notes.append(f"{row['unit_id']}: {last}")
            continue
        figures = coded(row)
        all_coded = set(figures.values()) | {int(row["nb_children"]), int(row["nb_women"])}
        proposed += len(killed)
        matched += len(killed & all_coded)
        for target, value in figures.items():
            if value <= 0:
                continue
            hit = value in killed
            in_text = appears(value, stored.text)
            c = counts[target]
            c["rows"] += 1
            c["hits"] += hit
            c["rows_in_text"] += in_text
            c["hits_in_text"] += hit and in_text
            if in_text and not hit and target == "total":
                missed.append((int(row["unit_id"]), target, value, sorted(killed)))
    elapsed = time.perf_counter() - started
    result = {
        "csv": str(csv_path),
        "rows": len(frame),
        "seconds": round(elapsed, 2),
        "crashes": crashes,
        "crash_notes": crash_notes[:10],
        "undecodable": undecodable,
        "precision_proxy": round(matched / proposed, 3) if proposed else None,
        "proposed_killed_figures": proposed,
        "targets": {
            t: {
                **c,
                "recall": round(c["hits"] / c["rows"], 3) if c["rows"] else None,
                "recall_in_text": (
                    round(c["hits_in_text"] / c["rows_in_text"], 3) if c["rows_in_text"] else None
                ),
            }
            for t, c in counts.items()
        },
    }
    if misses:
        result["missed_totals"] = [
            {"unit_id": u, "coded": v, "proposed_killed": k} for u, _t, v, k in missed[:misses]
        ]
    return result


def _date(value: object) -> dt.date | None:
    try:
        return dt.datetime.strptime(str(value), "%m/%d/%y").date()
    except ValueError:
        return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--csv", type=Path, default=DEFAULT_CSV)
    parser.add_argument("--dataset", type=Path, default=ROOT / "dataset")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--misses", type=int, default=0, help="list this many missed totals")
    args = parser.parse_args(argv)
    if not args.csv.exists():
        print(f"corpus not found: {args.csv}", file=sys.stderr)
        return 2
    result = run(args.csv, args.dataset if args.dataset.exists() else None, args.misses)
    print(f"propose over {result['rows']} rows of {args.csv.name} in {result['seconds']} s")
    print(f"{'coded figure':<14}{'rows':>6}{'recall':>9}{'in text':>9}{'recall in text':>16}")
    for t, c in result["targets"].items():
        print(f"{t:<14}{c['rows']:>6}{c['recall']:>9.3f}{c['rows_in_text']:>9}"
              f"{c['recall_in_text']:>16.3f}")
    print(f"precision proxy: {result['precision_proxy']} "
          f"({result['proposed_killed_figures']} proposed killed figures)")
    print(f"crashes: {result['crashes']}, undecodable rows: {result['undecodable']}")
    for note in result["crash_notes"]:
        print(f"  crash {note}")
    for miss in result.get("missed_totals", []):
        print(f"  missed total {miss}")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    total = result["targets"]["total"]["recall_in_text"] or 0.0
    return 0 if result["crashes"] == 0 and total >= TARGET_RECALL else 1


if __name__ == "__main__":
    sys.exit(main())
