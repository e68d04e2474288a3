"""Tollbook at corpus scale: every stage beside what the bare library does on the same data.

    python benchmarks/run.py --sizes 1000 10000 [--corpora /tmp/tollbook-corpora] [--json out.json]

For each N a synthetic corpus is generated once (benchmarks/generate_corpus.py, reused if
present) and each measured step runs in a fresh subprocess, so its peak memory (ru_maxrss) is
its own. A warm-up pass runs first. Figures go to benchmarks/results/<date>.json (or --json)
and are printed as the Markdown table the README's benchmarks section holds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"
#: Text proposed per measurement: enough for a stable rate, small enough for 100k corpora.
PROPOSE_BYTES = 3_000_000
MONTHLY_SQL = """
SELECT date_trunc('month', date_start) AS month, party_id, sum(count_best) AS people
FROM casualties WHERE outcome = 'killed' GROUP BY ALL ORDER BY ALL
"""
#: "a number within a few words of a keyword": the plain scan propose is compared with.
SCAN = re.compile(r"\b\d[\d,]*\b(?:\W+\w+){0,4}?\W+(?:killed|dead|wounded|injured|captured|airstrikes?)\b",
                  re.IGNORECASE)


def _timed(fn, repeat: int = 3) -> float:
    """Median wall time of ``repeat`` runs after one warm-up."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return sorted(times)[len(times) // 2]


# --- steps, each run in its own subprocess --------------------------------------------------


def step_check(dataset: Path, releases: Path, jobs: int) -> dict:
    from tollbook.collections_policy import for_this_process
    from tollbook.contract.pandera_types import without_dask_types
    from tollbook.pipeline import prepare

    for_this_process()  # as the tollbook command does
    without_dask_types()

    prepared = prepare(dataset, jobs)
    return {"problems": len(prepared.problems)}


def step_build(dataset: Path, releases: Path, jobs: int) -> dict:
    """The build, phase by phase, then pyarrow.parquet.write_table of the same final tables."""
    import pyarrow.parquet as pq

    from tollbook import pipeline
    from tollbook.collections_policy import for_this_process
    from tollbook.contract.pandera_types import without_dask_types
    from tollbook.contract.schemas import TABLES
    from tollbook.extract.record_cache import cache_for
    from tollbook.release.arrow_schema import to_arrow
    from tollbook.release.publish import publish

    for_this_process()  # as the tollbook command does: no full collection over every object on the way
    without_dask_types()
    out = {}
    t0 = time.perf_counter()
    cache = cache_for(dataset)  # TOLLBOOK_CACHE, set per run by measure()
    with pipeline.fewer_collections():  # as pipeline.prepare does
        ds = pipeline.read_dataset(dataset, cache, jobs)
        t1 = time.perf_counter()
        raw, problems = pipeline.compile_tables(ds)
        t2 = time.perf_counter()
        typed, found = pipeline.validate_tables(pipeline.derive_tables(raw), ds)
        t3 = time.perf_counter()
    prepared = pipeline.Prepared(ds, typed, pipeline.sort_problems(ds.problems + problems + found))
    if prepared.problems:
        raise SystemExit(f"the corpus has {len(prepared.problems)} problems: {prepared.problems[:3]}")
    result = publish(prepared, releases)
    t4 = time.perf_counter()
    out.update(cache_hits=cache.hits, cache_misses=cache.misses, jobs=jobs)
    out.update(read_s=t1 - t0, compile_s=t2 - t1, validate_s=t3 - t2, write_s=t4 - t3, total_s=t4 - t0,
               rows={k: len(v) for k, v in typed.items()}, status=result.status)
    arrows = {name: to_arrow(name, typed[name]) for name in TABLES}
    with tempfile.TemporaryDirectory() as tmp:
        def bare():
            for name, arrow in arrows.items():
                pq.write_table(arrow, Path(tmp) / f"{name}.parquet")
        out["bare_write_s"] = _timed(bare, repeat=1)
    return out


def step_incremental(dataset: Path, releases: Path, jobs: int) -> dict:
    """Edit one record file of the corpus in place, bump the version, and time ``tollbook
    build`` of the new version in a fresh process (the cache is warm), as a curator would;
    then put both files back."""
    import re

    files = sorted((dataset / "records").glob("*.yaml"))
    for record in files[len(files) // 2:]:  # the first from the middle on with an exact figure
        original = record.read_text(encoding="utf-8")
        edited = re.sub(r"qualifier: exact", "qualifier: at_least", original, count=1)
        if edited != original:
            break
    spec = dataset / "release.yaml"
    spec_text = spec.read_text(encoding="utf-8")
    version = re.search(r"version: (\S+)", spec_text).group(1)
    new = version.rsplit(".", 1)[0] + "." + str(int(version.rsplit(".", 1)[1]) + 1)
    cmd = [sys.executable, "-m", "tollbook.cli", "build", "--dataset", str(dataset), "--releases", str(releases),
           "--quiet", "--jobs", str(jobs)]
    try:
        record.write_text(edited, encoding="utf-8")
        bumped = spec_text.replace(f"version: {version}", f"version: {new}")
        bumped = re.sub(r"date_released: \S+", f"date_released: {dt.date.today().isoformat()}", bumped)
        spec.write_text(bumped, encoding="utf-8")  # a new version carries its own date
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    finally:
        record.write_text(original, encoding="utf-8")
        spec.write_text(spec_text, encoding="utf-8")
    if status != 0:
        raise SystemExit("incremental build failed")
    return {"edited": record.name, "version": new, "incremental_s": wall, "incremental_peak_mb": usage.ru_maxrss / 1024,
            "folder": output.strip()}


def step_propose(dataset: Path, releases: Path, jobs: int) -> dict:
    """Propose throughput on one core (the propose API) beside a compiled regex scan."""
    from tollbook.extract.propose.lexicon import load_lexicon
    from tollbook.extract.propose.pipeline import Document, propose_document
    from tollbook.extract.propose.text import from_str

    lexicon = load_lexicon(dataset)
    texts, size = [], 0
    for path in sorted((dataset / "sources").glob("*.txt")):
        raw = path.read_bytes()
        texts.append((path.stem, raw.decode("utf-8")))
        size += len(raw)
        if size >= PROPOSE_BYTES:
            break
    docs = [Document(document_id="doc_" + stem.split("_", 1)[1], stored=from_str(text)) for stem, text in texts]
    propose_document(docs[0], lexicon)  # warm-up
    t0 = time.perf_counter()
    found = 0
    for stem, text in texts:
        doc = Document(document_id="doc_" + stem.split("_", 1)[1], stored=from_str(text))
        found += len(propose_document(doc, lexicon).candidates)
    propose_s = time.perf_counter() - t0
    scan_s = _timed(lambda: [len(SCAN.findall(t)) for _, t in texts])
    mb = size / 1e6
    return {"megabytes": mb, "candidates": found, "propose_s": propose_s, "propose_mb_s": mb / propose_s,
            "regex_s": scan_s, "regex_mb_s": mb / scan_s}


def step_read(dataset: Path, releases: Path, jobs: int) -> dict:
    """load() vs pd.read_parquet; the `tollbook sql` path (tollbook.access.query: connect, run the
    query, fetch to Arrow, the files it reads verified) vs the same query by DuckDB straight on the
    file. The timings are taken in turns, so the machine's noise falls on every figure alike."""
    import duckdb
    import pandas as pd

    from tollbook.access import connect, load, query, release_folder
    from tollbook.release.checksums import read_sums, sha256_file

    folder = release_folder("latest", releases)
    path = folder / "casualties.parquet"

    def direct():
        con = duckdb.connect()
        return con.sql(MONTHLY_SQL.replace("FROM casualties", f"FROM read_parquet('{path}')")).to_arrow_table()

    steps = {
        "load_s": lambda: load("casualties", releases=releases),
        "read_parquet_s": lambda: pd.read_parquet(path),
        "sql_s": lambda: query(MONTHLY_SQL, releases=releases),
        "sql_noverify_s": lambda: query(MONTHLY_SQL, releases=releases, verify=False),
        "duckdb_direct_s": direct,
        # the Python API's connect(), which sets up and verifies every table and view, then the query
        "connect_sql_s": lambda: connect(releases=releases).sql(MONTHLY_SQL).to_arrow_table(),
        # what query() verifies for this query, done alone: SHA256SUMS read, casualties.parquet hashed
        "verify_query_files_s": lambda: (read_sums(folder), sha256_file(path)),
        "checksum_casualties_s": lambda: sha256_file(path),
        "checksum_all_s": lambda: [sha256_file(p) for p in folder.glob("*.parquet")],
    }
    times: dict[str, list[float]] = {name: [] for name in steps}
    for fn in steps.values():  # warm-up
        fn()
    for _ in range(9):
        for name, fn in steps.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    out = {"release": folder.name}
    out.update({name: sorted(ts)[len(ts) // 2] for name, ts in times.items()})
    return out


STEPS = {"build": step_build, "check": step_check, "rebuild": step_build, "incremental": step_incremental,
         "propose": step_propose, "read": step_read}


def run_step(name: str, dataset: Path, releases: Path, jobs: int = 1) -> dict:
    """Run one step in a fresh interpreter; add its wall time and peak resident memory."""
    cmd = [sys.executable, __file__, "--step", name, "--dataset", str(dataset), "--releases", str(releases),
           "--jobs", str(jobs)]
    load = os.getloadavg()[0]  # the machine is shared: say how busy it was
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True)
    output = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if status != 0:
        raise SystemExit(f"step {name} failed on {dataset}")
    result = json.loads(output.strip().splitlines()[-1])
    result.update(wall_s=wall, peak_mb=usage.ru_maxrss / 1024, load_before=load, load_after=os.getloadavg()[0])
    return result


# --- driver ----------------------------------------------------------------------------


def machine() -> dict:
    import duckdb
    import pandas
    import pandera
    import pyarrow
    import pydantic
    import yaml

    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"nproc": os.cpu_count(), "ram_gib": round(mem, 1), "python": platform.python_version(),
            "platform": platform.platform(), "libyaml": bool(yaml.__with_libyaml__),
            "versions": {m.__name__: m.__version__ for m in (pandas, pyarrow, duckdb, pandera, pydantic, yaml)},
            "load_average": os.getloadavg()}


def corpus(root: Path, n: int) -> Path:
    folder = root / f"corpus-{n}"
    if not (folder / "release.yaml").exists():
        shutil.rmtree(folder, ignore_errors=True)
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_corpus.py"), "--docs", str(n),
                        "--out", str(folder)], check=True, stdout=subprocess.DEVNULL)
    return folder


def measure(n: int, dataset: Path, work: Path, steps: list[str], jobs: int) -> dict:
    releases = work / f"releases-{n}"
    shutil.rmtree(releases, ignore_errors=True)
    cache = work / f"cache-{n}"
    shutil.rmtree(cache, ignore_errors=True)  # the first build starts cold
    os.environ["TOLLBOOK_CACHE"] = str(cache)
    out = {"documents": n, "jobs": jobs}
    for name in steps:
        out[name] = run_step(name, dataset, releases, jobs)
        print(json.dumps({"documents": n, name: out[name]}, default=str), file=sys.stderr, flush=True)  # progress
    return out


def table(results: dict) -> str:
    lines = ["| N docs | casualty rows | build, cold cache s (MB) | read / compile / validate / write s "
             "| bare write s | parse+compile ÷ bare | build again, warm cache s (MB) | read, warm s "
             "| parse+compile ÷ bare, warm | check, warm s (MB) | edit one record, build new version s (MB) "
             "| load ÷ read_parquet | sql ÷ DuckDB (w/o checksums) |",
             "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for r in results["runs"]:
        b, w, c, i, rd = (r.get(k, {}) for k in ("build", "rebuild", "check", "incremental", "read"))
        rows = b.get("rows", {}).get("casualties", "")
        cells = [str(r["documents"]) + (f" (--jobs {r['jobs']})" if r.get("jobs", 1) > 1 else ""),
                 f"{rows:,}" if rows != "" else ""]
        cells.append(f"{b['wall_s']:.1f} ({b['peak_mb']:.0f})" if b else "")
        cells.append(" / ".join(f"{b[k]:.2f}" for k in ("read_s", "compile_s", "validate_s", "write_s")) if b else "")
        cells.append(f"{b['bare_write_s']:.2f}" if b else "")
        cells.append(f"{(b['read_s'] + b['compile_s']) / b['bare_write_s']:.0f}×" if b else "")
        cells.append(f"{w['wall_s']:.1f} ({w['peak_mb']:.0f})" if w else "")
        cells.append(f"{w['read_s']:.2f}" if w else "")
        cells.append(f"{(w['read_s'] + w['compile_s']) / w['bare_write_s']:.0f}×" if w else "")
        cells.append(f"{c['wall_s']:.1f} ({c['peak_mb']:.0f})" if c else "")
        cells.append(f"{i['incremental_s']:.1f} ({i['incremental_peak_mb']:.0f})" if i else "")
        cells.append(f"{rd['load_s']:.3f} ÷ {rd['read_parquet_s']:.3f} = {rd['load_s'] / rd['read_parquet_s']:.2f}"
                     if rd else "")
        cells.append(f"{rd['sql_s']:.3f} ÷ {rd['duckdb_direct_s']:.3f} = {rd['sql_s'] / rd['duckdb_direct_s']:.2f} "
                     f"({rd['sql_noverify_s'] / rd['duckdb_direct_s']:.2f})" if rd else "")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


#: Issue 15's targets (2 cores, 24 GB): (label, figure of a run, limit, applies from N documents).
TARGETS = (
    ("build, cold cache, s", lambda r: r["build"]["wall_s"], 120, 100_000),
    ("build again, warm cache, s", lambda r: r["rebuild"]["wall_s"], 60, 100_000),
    ("peak memory of a build, MB", lambda r: max(r["build"]["peak_mb"], r["rebuild"]["peak_mb"]), 4096, 100_000),
    ("check, warm cache, s", lambda r: r["check"]["wall_s"], 30, 100_000),
    ("edit one record, build a new version, s", lambda r: r["incremental"]["incremental_s"],
     lambda n: 5 if n >= 100_000 else 2, 10_000),
    ("parse+compile ÷ bare Parquet write, warm", lambda r: (r["rebuild"]["read_s"] + r["rebuild"]["compile_s"])
     / r["rebuild"]["bare_write_s"], 10, 0),
)


def target_lines(results: dict) -> str:
    """Each run's figures beside the targets (those that apply to its size), met or not."""
    lines = []
    for r in results["runs"]:
        n = r["documents"]
        for label, figure, limit, from_n in TARGETS:
            if n < from_n:
                continue
            try:
                value = figure(r)
            except KeyError:  # the step was not run
                continue
            bound = limit(n) if callable(limit) else limit
            verdict = "met" if value < bound else f"NOT met ({value / bound:.1f}× the target)"
            lines.append(f"{n:>7} docs  {label:<44} {value:>9.1f}  target < {bound:<6} {verdict}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--corpora", type=Path, default=Path(tempfile.gettempdir()) / "tollbook-corpora")
    parser.add_argument("--steps", nargs="+", default=[k for k in STEPS if k != "propose"], choices=list(STEPS),
                        help="propose is measured by benchmarks/propose_speed.py; add it here to include it")
    parser.add_argument("--jobs", type=int, default=1, help="--jobs for the build's parse/compile")
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--step", choices=list(STEPS), help=argparse.SUPPRESS)
    parser.add_argument("--dataset", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--releases", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.step:
        print(json.dumps(STEPS[args.step](args.dataset, args.releases, args.jobs), default=str))
        return
    args.corpora.mkdir(parents=True, exist_ok=True)
    results = {"date": dt.datetime.now().isoformat(timespec="seconds"), "machine": machine(), "runs": []}
    warm = corpus(args.corpora, min(1000, *args.sizes))
    measure(0, warm, args.corpora, ["build"], args.jobs)  # warm-up: imports, page cache, first-touch memory
    for n in args.sizes:
        dataset = corpus(args.corpora, n)
        results["runs"].append(measure(n, dataset, args.corpora, args.steps, args.jobs))
        print(json.dumps(results["runs"][-1], default=str), file=sys.stderr)
    results["machine"]["load_average_after"] = os.getloadavg()
    out = args.json or RESULTS / f"{dt.date.today()}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2, default=str) + "\n", encoding="utf-8")
    print(table(results))
    print("\n" + target_lines(results))
    print(f"\nresults: {out}")


if __name__ == "__main__":
    main()
