"""The whole flow in headless Chromium against a real `tollbook workbench` process:
add → propose → decide with the keyboard → check → build; a second tab that saves first; and
the server killed during a save. Skipped only when /usr/bin/chromium is absent."""

from __future__ import annotations

import os
import time

import pytest
import yaml
from workbench.browser import (
    CHROMIUM,
    Server,
    current_claim,
    go_to,
    need_chromium,
    open_page,
    run_tollbook,
    select_text,
)
from workbench.conftest import MISSED, drafted_dataset


@pytest.fixture
def browser():
    need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox"])
        try:
            yield b
        finally:
            b.close()


@pytest.fixture
def server(drafted):
    s = Server(drafted.dataset, drafted.drafts)
    try:
        yield s
    finally:
        s.stop()


def claims_of(path):
    return {c["claim_id"]: c for c in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]}


def wait_saved(page, claim_id: str) -> str:
    page.wait_for_function("id => document.querySelector('#message').textContent.includes('Saved ' + id)"
                           " || document.querySelector('#message').className === 'error'", arg=claim_id)
    return page.locator("#message").inner_text()


def test_curate_a_new_report_with_the_keyboard_then_check_and_build(browser, server, drafted, tmp_path):
    page = open_page(browser, server.url)
    assert page.locator("#documents li").count() == 1
    assert page.locator("#text .q").count() >= 3 and page.locator("#text .num").count() >= 3

    # edit a count: the injured were 15, say (typed into the form), then accept → edited
    go_to(page, "At least 8 civilians")
    first = current_claim(page)
    page.keyboard.press("e")
    page.fill('[data-field="casualties[1].count.value"]', "15")
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    assert "Saved " + first in wait_saved(page, first)

    # reject one with a reason: the page moved on to the next undecided claim
    assert page.locator("#claim-form .quote").inner_text().startswith("The toll")
    toll = current_claim(page)
    page.keyboard.press("r")
    page.keyboard.type("a running toll of soldiers, not an incident figure")
    page.keyboard.press("Enter")
    wait_saved(page, toll)

    # accept one as drafted
    assert page.locator("#claim-form .quote").inner_text().startswith("The army said")
    army = current_claim(page)
    page.keyboard.press("a")
    wait_saved(page, army)

    # k and j move between claims
    page.keyboard.press("k")
    assert current_claim(page) == toll
    page.keyboard.press("j")
    assert current_claim(page) == army

    # a claim the draft missed, from a selection of its words
    select_text(page, MISSED)
    page.wait_for_selector("#from-selection:not([hidden])")
    page.keyboard.press("c")
    page.wait_for_selector("#claim-form .badge.new")
    new = current_claim(page)
    assert page.locator("#claim-form .quote").inner_text() == MISSED
    # the residents are a new actor, added inline and checked before it is kept
    page.click("#new-actor summary")
    page.fill('#actor-form [name="actor_id"]', "act_testville_residents")
    page.fill('#actor-form [name="name"]', "Testville residents")
    page.select_option('#actor-form [name="actor_type"]', "civilians")
    page.click("#actor-form button")
    page.wait_for_function("() => { const m = document.querySelector('#message');"
                           " return m.textContent.includes('act_testville_residents added')"
                           " || m.className === 'error'; }")
    assert page.locator("#message").inner_text() == "actor act_testville_residents added"
    assert page.locator('#actors-list option[value="act_testville_residents"]').count() == 1
    page.fill('[data-field="claimant"]', "act_monitor")
    page.fill('[data-field="relayed_by"]', "act_paper")
    page.click("text=+ casualty figure")
    page.fill('[data-field="casualties[0].count.value"]', "6")
    page.fill('[data-field="casualties[0].party"]', "act_testville_residents")
    page.fill('[data-field="casualties[0].party_text"]', "neighbours")
    page.fill('[data-field="casualties[0].location"]', "loc_testville")  # the figure's own place
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    assert "no problems" in wait_saved(page, new)

    saved = claims_of(drafted.record)
    assert saved[first]["review"]["status"] == "edited"
    assert saved[first]["casualties"][1]["count"]["value"] == 15
    assert saved[toll]["review"] == {**saved[toll]["review"], "status": "rejected", "by": "Ana",
                                     "reason": "a running toll of soldiers, not an incident figure"}
    assert saved[army]["review"]["status"] == "accepted"
    start = drafted.text.index(MISSED)
    assert (saved[new]["quote"], saved[new]["char_start"], saved[new]["char_end"]) == (
        MISSED, start, start + len(MISSED))
    assert saved[new]["casualties"][0]["count"] == {"value": 6, "qualifier": "exact"}
    assert saved[new]["casualties"][0]["party"] == "act_testville_residents"
    assert saved[new]["casualties"][0]["location"] == "loc_testville"
    assert page.locator("#documents li").inner_text() == "nothing left to decide"

    check = run_tollbook("check", "--dataset", str(drafted.dataset))
    assert check.returncode == 0, check.stdout + check.stderr
    releases = tmp_path / "releases"
    releases.mkdir()
    build = run_tollbook("build", "--dataset", str(drafted.dataset), "--releases", str(releases))
    assert build.returncode == 0, build.stdout + build.stderr
    assert (releases / "1.0.0" / "claims.parquet").is_file()


def test_a_second_tab_that_saves_first_makes_the_first_tab_s_save_refused(browser, server, drafted):
    one = open_page(browser, server.url)
    two = open_page(browser, server.url)
    go_to(two, "The army said")
    two.keyboard.press("a")
    wait_saved(two, current_claim(two))
    before = drafted.record.read_bytes()

    go_to(one, "The toll")
    one.keyboard.press("r")
    one.keyboard.type("a running toll")
    one.keyboard.press("Enter")
    one.wait_for_selector("#message.error")
    message = one.locator("#message").inner_text()
    assert message.startswith("Not saved:") and "changed since it was opened" in message
    assert drafted.record.read_bytes() == before  # tab two's decision is kept, nothing else written
    one.click("#reload")  # the fresh view shows tab two's decision, and the next save goes through
    one.wait_for_selector(f'#claims li[data-claim="{current_claim(two)}"] .badge.accepted')


def kill_when_writing(server, folder, limit: float = 10.0) -> bool:
    """Kill the server as soon as review()'s temporary file appears beside the record file
    (the write is under way); True if it was seen."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if any(name.endswith(".part") for name in os.listdir(folder)):
            server.kill()
            return True
    server.kill()
    return False


#: Seconds after the key press at which the server is killed; None: while the new file is written.
@pytest.mark.parametrize("delay", [0.0, None, 0.5])
def test_killing_the_server_during_a_save_leaves_the_old_or_the_new_file(browser, tmp_path, delay):
    d = drafted_dataset(tmp_path)
    seeded = run_tollbook("review", str(d.draft), "--into", str(d.record), "--by", "setup", "--dataset",
                          str(d.dataset))
    assert seeded.returncode == 0, seeded.stdout + seeded.stderr
    old = d.record.read_bytes()
    server = Server(d.dataset, d.drafts)
    try:
        page = open_page(browser, server.url)
        go_to(page, "The army said")
        army = current_claim(page)
        page.keyboard.press("a")
        if delay is None:
            seen = kill_when_writing(server, d.record.parent)
        else:
            time.sleep(delay)
            server.kill()
    finally:
        server.stop()
    now = d.record.read_bytes()
    when = f"{delay} s after the key" if delay is not None else f"while writing (temp file seen: {seen})"
    print(f"killed {when}: the record file is {'new' if now != old else 'old'}")
    if now != old:
        record = yaml.safe_load(now.decode("utf-8"))
        assert {c["claim_id"]: c for c in record["claims"]}[army]["review"]["status"] == "accepted"
    check = run_tollbook("check", "--dataset", str(d.dataset))
    assert check.returncode == 0, check.stdout + check.stderr


def test_check_problems_after_a_save_are_shown_at_their_field(browser, server, drafted):
    page = open_page(browser, server.url)
    go_to(page, "The army said")
    army = current_claim(page)
    page.fill('[data-field="date.start"]', "2015-04-20")
    page.fill('[data-field="date.end"]', "2015-04-22")
    page.select_option('[data-field="date.prec"]', "1")  # a three-day window is not one day
    page.keyboard.press("Escape")
    page.keyboard.press("a")
    message = wait_saved(page, army)
    assert "1 problem(s) in this claim" in message
    assert "date-precision" in page.locator("#claim-problems").inner_text()
    assert page.locator("#claim-form .bad").count() >= 1
    assert all("date" in (f or "") for f in page.locator("#claim-form .bad").evaluate_all(
        "nodes => nodes.map(n => n.dataset.field)"))
