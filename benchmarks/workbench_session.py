"""Time one scripted curation of a seed-like report in the workbench, and take the README's
screenshot.

A scratch copy of dataset/ and of the document's draft (default: drafts/044_3e05758a5070fb2a.yaml,
a FA-KES article of 3 April 2017, CC BY 4.0, with five drafted claims) is served by a real
`tollbook workbench` process and driven in headless Chromium (/usr/bin/chromium) with the
keyboard, as a curator would: the lead accepted, the headline block that repeats it rejected,
the Douma claim edited (the draft took "it" for the wounded's party; cleared in the form),
the Sabqa claim accepted, the war-wide total rejected.

What it measures: the tool's own time for that pass (page load, every save through review()
with the dataset check after it), with the decisions scripted. A person's reading and thinking time is not in it.

    python benchmarks/workbench_session.py [--doc STEM] [--screenshot docs/workbench-screenshot.png]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"

#: The scripted decisions for the default document: (start of the quote, key, reason).
SCRIPT = [
    ("At least 22 civilians have been killed", "a", None),
    ("Tags Syria", "r", "headline block repeats the lead (At least 22 civilians have been killed ...)"),
    ("The highest toll was in Douma", "a", None),
    ("Five more civilians", "a", None),
    ("According to independent monitors", "r", "war-wide background total, no claimant named"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--doc", default="044_3e05758a5070fb2a")
    ap.add_argument("--screenshot", type=Path, default=None)
    ap.add_argument("--out", type=Path, default=None, help="Write the timings as JSON here.")
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="tollbook-workbench-bench-") as tmp:
        tmp = Path(tmp)
        shutil.copytree(ROOT / "dataset", tmp / "dataset")
        (tmp / "drafts").mkdir()
        shutil.copy(ROOT / "drafts" / f"{args.doc}.yaml", tmp / "drafts")
        tollbook = Path(sys.executable).parent / "tollbook"
        proc = subprocess.Popen([str(tollbook), "workbench", "--dataset", str(tmp / "dataset"), "--drafts",
                                 str(tmp / "drafts"), "--port", "0"], stdout=subprocess.PIPE, text=True)
        try:
            url = next(m.group(1) for line in proc.stdout
                       if (m := re.search(r"(http://127\.0\.0\.1:\d+/\?token=\S+)", line)))
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
                timings = session(browser, url, args.screenshot)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(timeout=10)
    per = timings["decisions_s"]
    print(f"{args.doc}: {len(per)} decisions in {timings['total_s']:.1f} s "
          f"(page ready after {timings['page_s']:.1f} s; per save: median {statistics.median(per):.2f} s, "
          f"max {max(per):.2f} s)")
    if args.out:
        args.out.write_text(json.dumps(timings, indent=1) + "\n", encoding="utf-8")
    return 0


def session(browser, url: str, screenshot: Path | None) -> dict:
    page = browser.new_page(viewport={"width": 1500, "height": 900})
    t0 = time.perf_counter()
    page.goto(url)
    page.wait_for_selector("#who[open]")
    page.fill("#who-name", "jdoe")
    page.press("#who-name", "Enter")
    page.wait_for_selector("body[data-ready='1']")
    page_s = time.perf_counter() - t0
    decisions = []

    def saved(before: str) -> None:
        page.wait_for_function("b => { const m = document.querySelector('#message');"
                               " return m.textContent !== b && (m.textContent.startsWith('Saved')"
                               " || m.className === 'error'); }", arg=before)
        text = page.locator("#message").inner_text()
        if not text.startswith("Saved"):
            raise SystemExit(f"not saved: {text}")

    for start, key, reason in SCRIPT:
        for _ in range(12):
            if page.locator("#claim-form .quote").inner_text().startswith(start):
                break
            page.keyboard.press("j")
        before = page.locator("#message").inner_text()
        t = time.perf_counter()
        if start.startswith("The highest toll"):  # the wounded's party is not "it": cleared in the form
            page.keyboard.press("e")
            page.fill('[data-field="casualties[2].party_text"]', "")
            page.keyboard.press("Escape")
        page.keyboard.press(key)
        if reason:
            page.keyboard.type(reason)
            page.keyboard.press("Enter")
        saved(before)
        decisions.append(time.perf_counter() - t)
        if screenshot is not None and len(decisions) == 2:
            for _ in range(12):
                if page.locator("#claim-form .quote").inner_text().startswith("The highest toll"):
                    break
                page.keyboard.press("j")
            page.evaluate("document.querySelector('#side').scrollTop = 0")
            page.screenshot(path=str(screenshot))
    return {"page_s": round(page_s, 3), "decisions_s": [round(x, 3) for x in decisions],
            "total_s": round(time.perf_counter() - t0, 3), "cpu_count": os.cpu_count()}


if __name__ == "__main__":
    sys.exit(main())
