"""How long `import tollbook` and `tollbook --help` take (issue #16 asks under 0.3 s each), and
the slowest imports behind them.

    python benchmarks/import_time.py [--runs 7]

Each is timed in a fresh interpreter; the median of the runs is printed with the fastest and
slowest, and the bare interpreter's start for comparison."""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

CASES = {
    "python (bare start)": [sys.executable, "-c", "pass"],
    "import tollbook": [sys.executable, "-c", "import tollbook"],
    "tollbook --help": [sys.executable, "-m", "tollbook.cli", "--help"],
}


def seconds(argv: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start


def slowest_imports(code: str, n: int = 5) -> list[tuple[int, str]]:
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines()[1:]:
        _, cumulative, name = line.split("|")
        if not name.startswith("  "):  # top-level imports only
            rows.append((int(cumulative), name.strip()))
    return sorted(rows, reverse=True)[:n]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    for label, argv in CASES.items():
        times = [seconds(argv) for _ in range(runs)]
        print(f"{label:<22} median {statistics.median(times):.3f} s  (min {min(times):.3f}, max {max(times):.3f}, "
              f"{runs} runs)")
    print("slowest top-level imports of `tollbook --help` (cumulative µs):")
    for micros, name in slowest_imports("from tollbook.cli import cli"):
        print(f"  {micros:>8}  {name}")


if __name__ == "__main__":
    main()
