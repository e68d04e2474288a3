"""Text in every shape it arrives in: UTF-8 with and without a byte-order mark, mojibake,
very large files. Each is handled (offsets stay code points of the stored text) or refused
with one clear message; never a crash."""

from __future__ import annotations

import tracemalloc

import factories
from bad_input_kit import RECORDS, SIDECAR, TEXT, report, run, write_text_file

from tollbook.extract.yaml_lines import MAX_YAML_BYTES

BOM = b"\xef\xbb\xbf"


def _quote_offsets(ds, text: str) -> None:
    """Point every claim's offsets at its quote in ``text``."""
    def change(d):
        for c in d["claims"]:
            c["char_start"] = text.index(c["quote"])
            c["char_end"] = c["char_start"] + len(c["quote"])
    factories.edit_records(ds, change)


def _body(ds, text: str) -> None:
    side = factories.sidecar()
    side["body"] = {"char_start": text.index("Fighting broke out"), "char_end": text.index("Photo:") - 1}
    side["text_sha256"] = __import__("hashlib").sha256(text.encode("utf-8")).hexdigest()
    factories.dump(ds / "sources" / f"{factories.STEM}.yaml", side)


def test_utf8_text_with_non_ascii_characters_is_handled(ds):
    text = "Al-\u1e24asakah \u2013 \u0625\u062f\u0644\u0628\n" + factories.TEXT
    write_text_file(ds, text.encode("utf-8"))
    _body(ds, text)
    _quote_offsets(ds, text)
    assert report(ds) == []


def test_mojibake_is_stored_text_and_a_repaired_quote_does_not_match_it(ds):
    """Mojibake is valid UTF-8: the stored bytes are the evidence, so a quote must copy them."""
    garbled = factories.TEXT.replace("the Monitor said.", "the Monitor said \u00e2\u20ac\u201c AFP.", 1)
    write_text_file(ds, garbled.encode("utf-8"))
    _body(ds, garbled)
    garbled_quote = factories.records()["claims"][0]["quote"][:-1] + " \u00e2\u20ac\u201c AFP."
    factories.edit_records(ds, lambda d: d["claims"][0].update(quote=garbled_quote))
    _quote_offsets(ds, garbled)
    assert report(ds) == []
    repaired = garbled_quote.replace("\u00e2\u20ac\u201c", "\u2013")
    factories.edit_records(ds, lambda d: d["claims"][0].update(quote=repaired))
    assert report(ds) == [(RECORDS, 13, "clm_test_01", "quote", "quote-mismatch")]


def test_byte_order_mark_in_text_counts_as_a_character(ds):
    """A BOM is kept (the text is stored byte for byte): offsets counted without it are off by
    one and the report says where the quote really is."""
    write_text_file(ds, BOM + factories.TEXT.encode("utf-8"))
    _body(ds, "\ufeff" + factories.TEXT)
    problems = report(ds)
    assert [p[4] for p in problems] == ["quote-mismatch"] * 3
    start = factories.TEXT.index("Since Monday")
    assert f"the quote occurs at {start + 1}-" in __import__("bad_input_kit").messages(ds)[0]
    _quote_offsets(ds, "\ufeff" + factories.TEXT)
    assert report(ds) == []


def test_byte_order_mark_in_yaml_and_csv_is_ignored(ds):
    for path in (factories.record_path(ds), ds / "reference" / "actors.csv", ds / "events.yaml"):
        path.write_bytes(BOM + path.read_bytes())
    assert report(ds) == []


def test_thirty_megabyte_text_is_handled_in_bounded_memory(ds):
    size = 30 * 1024 * 1024
    filler = ("Filler line of an archived page, not part of any claim.\n" * (size // 56 + 1))[: size]
    text = factories.TEXT + filler
    write_text_file(ds, text.encode("utf-8"))
    _body(ds, text)
    tracemalloc.start()
    try:
        problems = report(ds)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert problems == []
    assert peak < 6 * size  # bytes + decoded text + a copy or two; never per-character objects


def test_thirty_megabyte_record_file_is_refused_without_parsing(ds):
    path = factories.record_path(ds)
    with path.open("a", encoding="utf-8") as fh:
        line = "# " + "x" * 1022 + "\n"
        for _ in range(30 * 1024):
            fh.write(line)
    size = path.stat().st_size
    result = run("check", "--dataset", ds)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "Error: 1 problem in the input; nothing was written",
        f"  {RECORDS}: file-too-large: the file has {size:,} bytes; curated YAML files are limited to "
        f"{MAX_YAML_BYTES:,} (split it, or check it is the right file)"]


def test_sidecar_with_latin1_bytes_is_located(ds):
    path = ds / "sources" / f"{factories.STEM}.yaml"
    path.write_bytes(path.read_bytes().replace(b"A. Writer", b"A. \xe9crivain"))
    assert report(ds) == [(SIDECAR, 6, None, None, "file-encoding")]  # the authors line


def test_text_reported_once_when_unreadable(ds):
    """An unreadable text is one problem, not one per claim or record file."""
    write_text_file(ds, factories.TEXT.encode("utf-16"))
    assert report(ds) == [(TEXT, None, None, None, "file-encoding")]  # UTF-16 holds NUL bytes
    write_text_file(ds, factories.TEXT.encode("utf-8").replace(b"Testville", b"Testvill\xe9", 1))
    assert report(ds) == [(TEXT, 2, None, None, "file-encoding")]
