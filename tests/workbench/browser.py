"""Helpers for the browser tests: a real `tollbook workbench` process and headless Chromium
from the system's package (never a downloaded browser)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"


def need_chromium() -> None:
    """Skip when the system's Chromium is absent; playwright itself is in the test extra."""
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium); the browser tests need it")


def tollbook_command() -> list[str]:
    script = Path(sys.executable).parent / "tollbook"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "from tollbook.cli import main; main()"]


class Server:
    """`tollbook workbench --port 0` in its own process; ``url`` is the one it printed."""

    def __init__(self, dataset: Path, drafts: Path):
        env = {**os.environ, "TOLLBOOK_NO_PROGRESS": "1"}
        self.proc = subprocess.Popen([*tollbook_command(), "workbench", "--dataset", str(dataset),
                                      "--drafts", str(drafts), "--port", "0"],
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env)
        seen = []
        for line in self.proc.stdout:
            seen.append(line)
            m = re.search(r"(http://127\.0\.0\.1:\d+/\?token=\S+)", line)
            if m:
                self.url = m.group(1)
                break
        else:
            raise AssertionError("the workbench printed no URL:\n" + "".join(seen))

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=10)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc.stdout.close()


def run_tollbook(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*tollbook_command(), *args], capture_output=True, text=True,
                          env={**os.environ, "TOLLBOOK_NO_PROGRESS": "1"}, timeout=300)


def open_page(browser, url: str, name: str = "Ana"):
    """A new tab on the workbench, the curator's name given when it asks."""
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(url)
    page.wait_for_selector("#who[open]")
    page.fill("#who-name", name)
    page.press("#who-name", "Enter")
    page.wait_for_selector("body[data-ready='1']")
    return page


def current_claim(page) -> str:
    return page.locator("#claims li.current").get_attribute("data-claim")


def go_to(page, quote_start: str) -> None:
    """Press j or k until the current claim's quote starts with ``quote_start``."""
    for _ in range(20):
        if page.locator("#claim-form .quote").inner_text().startswith(quote_start):
            return
        page.keyboard.press("j")
    raise AssertionError(f"no claim starting {quote_start!r}")


def select_text(page, words: str) -> None:
    """Select ``words`` in the text with the DOM's own Selection, as a drag would."""
    page.evaluate("""(words) => {
        for (const span of document.querySelectorAll('#text span')) {
            const i = span.firstChild.data.indexOf(words);
            if (i >= 0) {
                const r = document.createRange();
                r.setStart(span.firstChild, i);
                r.setEnd(span.firstChild, i + words.length);
                const s = window.getSelection();
                s.removeAllRanges();
                s.addRange(r);
                const box = span.getBoundingClientRect();
                document.dispatchEvent(new MouseEvent('mouseup', {bubbles: true, clientX: box.left, clientY: box.top}));
                return;
            }
        }
        throw new Error('not in the text: ' + words);
    }""", words)
