"""Keeping a source is one look-up by text hash, never a scan of the sources kept so far
(the scan made reading 10k documents spend 35 s, and 100k documents hours, in one check)."""

from types import SimpleNamespace

from tollbook.extract.sources import Source, _keep


class _NoScan(dict):
    """Sources kept so far; walking all of them is the quadratic path this test forbids."""

    def values(self):
        raise AssertionError("_keep scanned every kept source")

    def items(self):
        raise AssertionError("_keep scanned every kept source")


def _source(n: int, sha: str, story: str) -> Source:
    sidecar = SimpleNamespace(document_id=f"doc_{n:016x}", story_id=story)
    return Source(f"{n:03d}_{n:016x}", f"dataset/sources/{n:03d}.txt", f"dataset/sources/{n:03d}.yaml", "text",
                  sha, sidecar)


def test_same_bytes_kept_only_as_a_copy_of_the_same_story_without_scanning():
    sources, problems, by_sha = _NoScan(), [], {}
    for source in (_source(1, "a" * 64, "sty_1"), _source(2, "b" * 64, "sty_2"),
                   _source(3, "a" * 64, "sty_1"),  # a declared copy: the same story
                   _source(4, "a" * 64, "sty_4"), _source(1, "c" * 64, "sty_9")):
        _keep(sources, source, problems, by_sha)
    assert list(sources) == ["doc_0000000000000001", "doc_0000000000000002", "doc_0000000000000003"]
    assert [(p.file, p.record_id, p.field, p.code) for p in problems] == [
        ("dataset/sources/004.txt", "doc_0000000000000004", "text_sha256", "duplicate-text"),
        ("dataset/sources/001.yaml", "doc_0000000000000001", "document_id", "duplicate-document"),
    ]
    assert problems[0].message.startswith("the same text as doc_0000000000000001 (dataset/sources/001.txt)")
    assert [s.stem for s in by_sha["a" * 64]] == ["001_0000000000000001", "003_0000000000000003"]
