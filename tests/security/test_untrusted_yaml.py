"""Curated input turned against the machine or the numbers: bounded work, one plain form per value,
and only regular files inside the project; each refusal is one located problem with its code."""

from __future__ import annotations

import os
import re
import threading

import factories
import pytest
from bad_input_kit import RECORDS, SIDECAR, TEXT, error_line, messages, report, run

LAUGHS = "\n".join(["a0: &a0 [lol]"] + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)])


def _record_text(ds, old: str, new: str) -> None:
    path = factories.record_path(ds)
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _finishes(target, seconds: float = 20.0):
    """``target()``'s result, or a failure if it has not finished in ``seconds``."""
    out: list = []
    worker = threading.Thread(target=lambda: out.append(target()), daemon=True)
    worker.start()
    worker.join(seconds)
    assert out, f"still running after {seconds} s"
    return out[0]


def test_billion_laughs_is_refused_at_once(ds):
    path = factories.record_path(ds)
    path.write_text(path.read_text(encoding="utf-8") + LAUGHS + "\n", encoding="utf-8")
    assert len(LAUGHS) < 4000
    assert _finishes(lambda: report(ds)) == [(RECORDS, 87, None, None, "yaml-alias")]
    result = _finishes(lambda: run("check", "--dataset", ds))
    assert result.exit_code == 1
    assert result.stderr.splitlines()[0] == error_line(1)


def test_deep_nesting_is_one_problem_not_a_traceback(ds):
    factories.record_path(ds).write_text("document_id: doc_aaaabbbbccccdddd\nclaims: " + "[" * 5000 + "]" * 5000)
    assert report(ds) == [(RECORDS, None, None, None, "nesting-too-deep")]
    assert messages(ds) == ["values nest more than 32 levels deep"]


def test_moderate_nesting_is_refused_with_its_line(ds):
    factories.record_path(ds).write_text("document_id: doc_aaaabbbbccccdddd\nclaims: " + "[" * 40 + "]" * 40)
    assert report(ds) == [(RECORDS, 2, None, None, "nesting-too-deep")]


@pytest.mark.parametrize(("written", "got"), [
    ("013", "'013'"), ("true", "True"), ("1:30", "'1:30'"), ("1_000", "'1_000'"), ("0x1E", "'0x1E'"),
    ("12.0", "12.0"), ("'013'", "'013'"), ("yes", "'yes'"),
])
def test_a_count_accepts_decimal_digits_only(written, got, ds):
    _record_text(ds, "value: 12\n", f"value: {written}\n")
    assert report(ds) == [(RECORDS, 28, "cas_test_01a", "count.value", "wrong-type")]
    assert re.fullmatch(rf"Input should be a valid integer.* \(got {re.escape(got)}\)", messages(ds)[0])


@pytest.mark.parametrize("value", ["100000000000000000000000", "9223372036854775807"])
def test_an_absurd_count_is_refused_not_overflowed(value, ds):
    _record_text(ds, "value: 12\n", f"value: {value}\n")
    assert report(ds) == [(RECORDS, 28, "cas_test_01a", "count.value", "value-not-allowed")]
    result = run("build", "--dataset", ds, "--releases", ds.parent / "releases")
    assert result.exit_code == 1 and result.stderr.splitlines()[0] == error_line(1)


@pytest.mark.parametrize(("written", "code", "message"), [
    ("1429660800", "wrong-type", "write the date as YYYY-MM-DD (got 1429660800)"),
    ("2015-04-20 10:00:00", "wrong-type", "write the date as YYYY-MM-DD (got '2015-04-20 10:00:00')"),
    ("0001-01-01", "value-not-allowed",
     "dates must fall between 1900-01-01 and 2099-12-31 (got datetime.date(1, 1, 1))"),
    ("9999-12-31", "value-not-allowed",
     "dates must fall between 1900-01-01 and 2099-12-31 (got datetime.date(9999, 12, 31))"),
])
def test_a_date_accepts_iso_dates_in_range_only(written, code, message, ds):
    _record_text(ds, "start: '2015-04-20'", f"start: {written}")
    assert report(ds) == [(RECORDS, 18, "clm_test_01", "date.start", code)]
    assert messages(ds) == [message]


def test_a_binary_quote_is_refused(ds):
    _record_text(ds, "  quote: Since Monday", "  quote: !!binary U2luY2UgTW9uZGF5\n  note: Since Monday")
    assert report(ds) == [(RECORDS, 13, None, None, "yaml-syntax")]
    assert messages(ds) == ["tag 'tag:yaml.org,2002:binary' is not allowed: curated files hold plain data only"]


def test_on_is_the_key_on_and_never_a_boolean(ds):
    _record_text(ds, "    'on': '2015-05-01'", "    on: 2015-05-01")
    assert report(ds) == []
    _record_text(ds, "hedge: none\n", "hedge: none\n  note: no\n")  # a value `no` stays the text "no"
    assert report(ds) == []


@pytest.mark.parametrize("kind", ["fifo", "folder", "dev-zero", "symlink-out"])
def test_special_files_are_refused_without_reading_them(kind, ds, tmp_path):
    path = factories.record_path(ds)
    path.unlink()
    if kind == "fifo":
        os.mkfifo(path)
        expected = "it is a FIFO, not a regular file; curated inputs are plain files"
    elif kind == "folder":
        path.mkdir()
        expected = "it is a folder, not a regular file; curated inputs are plain files"
    elif kind == "dev-zero":
        path.symlink_to("/dev/zero")
        expected = "it is a device or other special file, not a regular file; curated inputs are plain files"
    else:
        outside = tmp_path / "elsewhere.yaml"
        factories.dump(outside, factories.records())
        path.symlink_to(outside)
        expected = f"it is a symlink to {outside}, outside {ds.resolve()}; curated inputs live in the project"
    assert _finishes(lambda: report(ds)) == [(RECORDS, None, None, None, "not-a-regular-file")]
    assert _finishes(lambda: messages(ds)) == [expected]


def test_a_fifo_as_document_text_is_refused(ds):
    path = ds / TEXT.removeprefix("dataset/")
    path.unlink()
    os.mkfifo(path)
    assert _finishes(lambda: report(ds))[0] == (TEXT, None, None, None, "not-a-regular-file")


def test_a_symlink_inside_the_project_is_read(ds):
    path = factories.record_path(ds)
    inside = ds / "records-store.yaml"
    path.rename(inside)
    path.symlink_to(inside)
    assert report(ds) == []


def test_an_unreadable_sidecar_is_one_problem(ds):
    if os.geteuid() == 0:
        pytest.skip("root reads any file")
    (ds / SIDECAR.removeprefix("dataset/")).chmod(0)
    assert report(ds)[0][4] == "file-unreadable"
