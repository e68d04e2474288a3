"""`tollbook propose` against the curated records: the gold set of the extraction assistant.

Runs the proposer over every document that has a record file (as a curator would: the
sidecar's reference date, no decided spans held back) and compares, document by document,
what it drafts with what curators accepted or edited (original claims only; copies carry no
figures):

- killed figures (outcome killed or executed) and airstrike figures, matched by count within
  a document (each gold figure matched at most once): recall = matched / gold, precision =
  matched / proposed;
- for each matched killed figure: claimant right (the draft's claimant is the curated one),
  place right (the draft's place id is the curated claim's or figure's), date right (the
  draft's date window is the curated one);
- the curation figures: drafts accepted unedited / edited / rejected, claims added by hand,
  minutes per document from the curators' logs.

    python benchmarks/propose_gold.py [--dataset DIR] [--json OUT] [--write-dataset]
                                      [--misses {killed,claimant,place,date}]

``--misses`` lists, document by document, the gold figures of that kind the draft misses
(or gets wrong), beside what was drafted: where a general rule is missing.

``--write-dataset`` also writes ``dataset/intake/propose-gold.json``, which the release's
DATASHEET.md quotes (figures measured on the gold set with the proposer of the time).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

from tollbook.extract.origins import Origins
from tollbook.extract.propose.draft import claims as draft_claims
from tollbook.extract.propose.inputs import read_input
from tollbook.extract.propose.lexicon import load_lexicon
from tollbook.extract.propose.pipeline import propose_document
from tollbook.extract.records import read_records
from tollbook.release.datasheet_curation import PROPOSE_GOLD, decisions, minutes_per_document

ROOT = Path(__file__).resolve().parents[1]
KILLED = ("killed", "executed")
RELEASED = ("accepted", "edited")


def _value(count) -> int | None:
    if count is None:
        return None
    if isinstance(count, dict):
        return count.get("value")
    return count.value


def gold_figures(record) -> tuple[list[dict], list[int]]:
    """Curated killed figures (value, claimant, location, date) and airstrike counts of a record."""
    killed, strikes = [], []
    for c in record.content.claims:
        if c.review.status not in RELEASED or c.duplicate_of is not None:
            continue
        window = (c.date.start, c.date.end) if c.date else None
        for f in c.casualties:
            if f.outcome in KILLED and _value(f.count) is not None:
                window_f = (f.date.start, f.date.end) if f.date else window
                killed.append({"value": _value(f.count), "claimant": c.claimant,
                               "location": {f.location or c.location}, "date": window_f})
        strikes += [_value(a.count) for a in c.airstrikes if _value(a.count) is not None]
    return killed, strikes


def drafted_figures(path: Path, lexicon) -> tuple[list[dict], list[int]]:
    doc = read_input(path, None, None).document
    killed, strikes = [], []
    for claim, members in draft_claims(propose_document(doc, lexicon).candidates):
        date = claim.get("date") or {}
        window = (date.get("start"), date.get("end")) if date else None
        written = next((m.location_text for m in members if m.location_text), None)
        for f in claim.get("casualties") or []:
            if f["outcome"] in KILLED and _value(f["count"]) is not None:
                killed.append({"value": _value(f["count"]), "claimant": claim.get("claimant"),
                               "location": f.get("location") or claim.get("location"),
                               "date": window,
                               "place_text": written})
        strikes += [_value(a["count"]) for a in claim.get("airstrikes") or [] if _value(a["count"]) is not None]
    return killed, strikes


def match(gold: list[dict], drafted: list[dict]) -> list[tuple[dict, dict]]:
    """Pairs of (gold, drafted) figures with the same count, each used once; among equal
    counts the draft that agrees on claimant, then place, is preferred."""
    left = list(drafted)
    pairs = []
    for g in gold:
        same = [d for d in left if d["value"] == g["value"]]
        if not same:
            continue
        best = max(same, key=lambda d: (d["claimant"] == g["claimant"], d["location"] in g["location"]))
        left.remove(best)
        pairs.append((g, best))
    return pairs


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def run(dataset: Path, misses: str | None = None) -> dict:
    records, _ = read_records(dataset, Origins())
    lexicon = load_lexicon(dataset)
    sources = {p.stem: p for p in (dataset / "sources").glob("*.txt")}
    totals = Counter()
    started = time.perf_counter()
    for _, record in sorted(records.items()):
        stem = Path(record.path).stem
        gold_k, gold_a = gold_figures(record)
        if not gold_k and not gold_a:
            totals["documents without figures"] += 1
            continue
        drafted_k, drafted_a = drafted_figures(sources[stem], lexicon)
        totals["documents"] += 1
        pairs = match(gold_k, drafted_k)
        if misses is not None:
            _print_misses(misses, stem, gold_k, drafted_k, pairs)
        totals["killed gold"] += len(gold_k)
        totals["killed drafted"] += len(drafted_k)
        totals["killed matched"] += len(pairs)
        totals["claimant right"] += sum(g["claimant"] == d["claimant"] for g, d in pairs)
        totals["place drafted"] += sum(d["location"] is not None for _, d in pairs)
        totals["place text drafted"] += sum(d.get("place_text") is not None for _, d in pairs)
        totals["place right"] += sum(d["location"] in g["location"] for g, d in pairs)
        totals["date drafted"] += sum(d["date"] is not None for _, d in pairs)
        totals["date right"] += sum(g["date"] is not None and d["date"] == g["date"] for g, d in pairs)
        strikes = Counter(drafted_a)
        hit = sum(min(n, strikes[v]) for v, n in Counter(gold_a).items())
        totals["airstrikes gold"] += len(gold_a)
        totals["airstrikes drafted"] += len(drafted_a)
        totals["airstrikes matched"] += hit
    minutes = minutes_per_document(dataset)
    t = totals
    return {
        "propose_version": "tollbook " + _version(),
        "documents": t["documents"],
        "seconds": round(time.perf_counter() - started, 2),
        "figures": {
            "killed figures": {"gold": t["killed gold"], "recall": _ratio(t["killed matched"], t["killed gold"]),
                               "precision": _ratio(t["killed matched"], t["killed drafted"])},
            "airstrike figures": {"gold": t["airstrikes gold"],
                                  "recall": _ratio(t["airstrikes matched"], t["airstrikes gold"]),
                                  "precision": _ratio(t["airstrikes matched"], t["airstrikes drafted"])},
            "claimant of a found killed figure": {"gold": t["killed matched"],
                                                  "recall": _ratio(t["claimant right"], t["killed matched"])},
            "place words of a found killed figure": {
                "gold": t["killed matched"],
                "recall": _ratio(t["place text drafted"], t["killed matched"])},
            "place of a found killed figure": {"gold": t["killed matched"],
                                               "recall": _ratio(t["place right"], t["killed matched"]),
                                               "precision": _ratio(t["place right"], t["place drafted"])},
            "date window of a found killed figure": {"gold": t["killed matched"],
                                                     "recall": _ratio(t["date right"], t["killed matched"]),
                                                     "precision": _ratio(t["date right"], t["date drafted"])},
        },
        "curation": decisions(records),
        "curation_minutes": {"documents": len(minutes),
                             "median": round(sorted(minutes)[len(minutes) // 2], 1) if minutes else None,
                             "total_hours": round(sum(minutes) / 60, 1)},
    }


def _print_misses(kind: str, stem: str, gold: list[dict], drafted: list[dict],
                  pairs: list[tuple[dict, dict]]) -> None:
    if kind == "killed":
        found = [id(g) for g, _ in pairs]
        lost = [g["value"] for g in gold if id(g) not in found]
        if lost:
            print(f"{stem}: gold {lost} not drafted; drafted {[d['value'] for d in drafted]}")
        return
    field = {"claimant": "claimant", "place": "location", "date": "date"}[kind]
    for g, d in pairs:
        right = d[field] in g[field] if kind == "place" else d[field] == g[field]
        if not right:
            print(f"{stem}: {g['value']}: gold {g[field]!s}, drafted {d[field]!s}"
                  + (f" ({d.get('place_text')!r})" if kind == "place" else ""))


def _version() -> str:
    from tollbook import __version__

    return __version__


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", type=Path, default=ROOT / "dataset")
    parser.add_argument("--json", type=Path, help="write the results here as JSON")
    parser.add_argument("--write-dataset", action="store_true",
                        help=f"also write dataset/{PROPOSE_GOLD} for the release's datasheet")
    parser.add_argument("--misses", choices=("killed", "claimant", "place", "date"),
                        help="list the gold figures of this kind the draft misses or gets wrong")
    args = parser.parse_args(argv)
    result = run(args.dataset, args.misses)
    print(f"propose against the curated records of {result['documents']} documents")
    print(f"{'what the draft gets right':<40}{'gold':>6}{'recall':>9}{'precision':>11}")
    for name, row in result["figures"].items():
        precision = "n/a" if row.get("precision") is None else f"{row['precision']:.3f}"
        recall = "n/a" if row["recall"] is None else f"{row['recall']:.3f}"
        print(f"{name:<40}{row['gold']:>6}{recall:>9}{precision:>11}")
    print("curation: " + ", ".join(f"{k} {v}" for k, v in result["curation"].items()))
    m = result["curation_minutes"]
    print(f"curation time: {m['documents']} documents logged, median {m['median']} min, {m['total_hours']} h")
    text = json.dumps(result, indent=2, sort_keys=True, default=str) + "\n"
    if args.json:
        args.json.write_text(text, encoding="utf-8")
    if args.write_dataset:
        (args.dataset / PROPOSE_GOLD).write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
