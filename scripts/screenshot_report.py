"""Open a release report in headless Chromium, offline, and save a screenshot.

    python scripts/screenshot_report.py REPORT_DIR_OR_HTML OUT.png [--height 4200]

Chromium runs with networking cut off (every host name resolves to nothing), so the
screenshot shows only what the self-contained page carries. Install it with
`apt-get install -y chromium` if absent.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
         "--host-resolver-rules=MAP * ~NOTFOUND")


def find_browser() -> str | None:
    for name in BROWSERS:
        path = shutil.which(name)
        if path:
            return path
    return None


def screenshot(html: Path, out: Path, width: int = 1200, height: int = 4200, timeout: int = 120) -> Path:
    browser = find_browser()
    if browser is None:
        raise SystemExit("no Chromium found: apt-get install -y chromium")
    out = out.resolve()
    with tempfile.TemporaryDirectory(prefix="tollbook-chromium-") as profile:
        cmd = [browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
               f"--screenshot={out}", html.resolve().as_uri()]
        subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    if not out.exists() or out.stat().st_size == 0:
        raise SystemExit(f"Chromium wrote no screenshot to {out}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the report folder (with index.html) or the HTML file")
    parser.add_argument("out", type=Path, help="PNG file to write")
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=4200)
    args = parser.parse_args(argv)
    html = args.report / "index.html" if args.report.is_dir() else args.report
    print(screenshot(html, args.out, args.width, args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
