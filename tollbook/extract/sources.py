"""Read source documents and their metadata sidecars from ``dataset/sources/``."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import cast

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.format_errors import read_located, validate_model
from tollbook.extract.listing import document_id_for
from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import Sidecar
from tollbook.extract.yaml_lines import NotRegularFile, check_regular, read_yaml


@dataclass(frozen=True)
class Source:
    """One document: its stored text, its sidecar and where both live."""

    stem: str
    text_path: str
    sidecar_path: str
    text: str
    sha256: str
    sidecar: Sidecar
    sidecar_sha256: str | None = None  # of the sidecar's bytes, when the fast path read it


#: A document text larger than this is refused unread: articles are tens of kB; a text file of
#: hundreds of MB is not an article (the bad-text tests read a 30 MB one in bounded memory).
MAX_TEXT_BYTES = 64 * 1024 * 1024


def read_text_bytes(path: Path, rel: str) -> tuple[bytes | None, list[Problem]]:
    """A document text's bytes, or the problem: not a regular file, too large, unreadable."""
    try:
        size = check_regular(path).st_size
        if size > MAX_TEXT_BYTES:
            return None, [Problem(rel, None, None, None, Code.FILE_TOO_LARGE,
                                  f"the file has {size:,} bytes; document texts are limited to {MAX_TEXT_BYTES:,}")]
        return path.read_bytes(), []
    except NotRegularFile as exc:
        return None, [Problem(rel, None, None, None, Code.NOT_A_REGULAR_FILE, str(exc))]
    except OSError as exc:
        return None, [Problem(rel, None, None, None, Code.FILE_UNREADABLE, f"the file cannot be read: {exc.strerror}")]


def decode_text(raw: bytes, rel: str) -> tuple[str | None, list[Problem]]:
    if not raw:
        return None, [Problem(rel, None, None, None, Code.FILE_EMPTY, "the document text is empty")]
    if b"\x00" in raw:
        return None, [Problem(rel, None, None, None, Code.FILE_ENCODING,
                              "the file holds NUL bytes; store plain text")]
    try:
        return raw.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [Problem(rel, line, None, None, Code.FILE_ENCODING,
                              f"not UTF-8 at byte {exc.start}; convert it (tollbook propose repairs "
                              "latin-1 and mojibake) and store the UTF-8 text")]


def body_words_problems(text: str, body) -> list[tuple[str, str]]:
    """(field, message) for each of first_words / last_words that is not what the body span
    starts or ends with (compared word by word, so line breaks and spacing do not matter)."""
    words = text[body.char_start:body.char_end].split()
    out = []
    for name, given, at_start in (("first_words", body.first_words, True), ("last_words", body.last_words, False)):
        if not given:
            continue
        want = given.split()
        have = words[:len(want)] if at_start else words[len(words) - len(want):]
        if have != want:
            out.append((f"body.{name}", f"the body span {body.char_start}-{body.char_end} "
                        f"{'starts' if at_start else 'ends'} with {' '.join(have)!r}, not {given!r}"))
    return out


def _sidecar_lines(origins: Origins, meta_path: Path, rel_meta: str, document_id: str):
    def locate_file() -> None:
        doc = read_yaml(meta_path)
        origins.add(document_id, rel_meta, 1, {k[0]: line for k, line in doc.lines.items() if len(k) == 1})
    return locate_file


@raises(Code.FILE_MISSING, Code.FILE_TOO_LARGE, Code.FILE_UNREADABLE, Code.NOT_A_REGULAR_FILE, Code.FILE_EMPTY,
        Code.FILE_ENCODING, Code.DUPLICATE_DOCUMENT, Code.DUPLICATE_TEXT, Code.BODY_WORDS_MISMATCH,
        Code.DOCUMENT_HASH_MISMATCH, Code.DOCUMENT_MISMATCH, Code.VALUE_NOT_ALLOWED)
def read_sources(dataset: Path, origins: Origins, cache: ParsedCache | None = None,
                 jobs: int = 1) -> tuple[dict[str, Source], list[Problem]]:
    """Every ``*.txt`` with its sidecar, keyed by document_id.

    Sidecars are read the fast way (or from ``cache``); one with any problem is read again
    with line tracking, so every problem keeps its line.
    """
    from tollbook.extract.listing import names
    from tollbook.extract.parallel_read import parse_many

    cache = cache if cache is not None else ParsedCache(None)
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    folder = dataset / "sources"
    text_names = names(folder, ".txt")
    yaml_names = set(names(folder, ".yaml"))
    text_paths = [folder / n for n in text_names]
    metas = [folder / f"{n[:-4]}.yaml" for n in text_names]
    present = [m for m in metas if m.name in yaml_names]
    parsed = parse_many("sidecar", present, cache, jobs)
    by_sha: dict[str, list[Source]] = {}  # texts kept so far, by the sha256 of their bytes
    fast = {m.name: cast(Sidecar | None, content) for m, (content, _) in zip(present, parsed, strict=True)}
    digests = {m.name: digest for m, (_, digest) in zip(present, parsed, strict=True)}
    for text_path, meta_path in zip(text_paths, metas, strict=True):
        stem = text_path.stem
        rel_text = f"dataset/sources/{text_path.name}"
        rel_meta = f"dataset/sources/{stem}.yaml"
        raw, found = read_text_bytes(text_path, rel_text)
        problems += found
        if raw is None:
            continue
        text, found = decode_text(raw, rel_text)
        problems += found
        if meta_path.name not in yaml_names:
            problems.append(Problem(rel_meta, None, None, None, Code.FILE_MISSING,
                                    f"every document needs a sidecar; none for {text_path.name}"))
            continue
        sidecar = fast.get(meta_path.name)
        if sidecar is not None and text is not None:
            sha = hashlib.sha256(raw).hexdigest()
            body = sidecar.body
            if (sha == sidecar.text_sha256 and 0 <= body.char_start < body.char_end <= len(text)
                    and all(s.char_start <= s.char_end for s in sidecar.excluded_spans)
                    and not body_words_problems(text, body)):
                origins.defer([sidecar.document_id], _sidecar_lines(origins, meta_path, rel_meta,
                                                                    sidecar.document_id))
                _keep(sources, Source(stem, rel_text, rel_meta, text, sha, sidecar, digests[meta_path.name]),
                      problems, by_sha)
                continue
        source = _read_sidecar_carefully(meta_path, rel_meta, text_path, rel_text, raw, text, origins, problems)
        if source is not None:
            _keep(sources, source, problems, by_sha)
    texts = set(text_names)
    for name in sorted(yaml_names):
        if f"{name[:-5]}.txt" not in texts:
            problems.append(Problem(f"dataset/sources/{name}", None, None, None,
                                    Code.FILE_MISSING, "sidecar without its document text"))
    return sources, problems


def _keep(sources: dict[str, Source], source: Source, problems: list[Problem],
          by_sha: dict[str, list[Source]]) -> None:
    """Add ``source`` unless its document is already stored, or the same bytes are under another
    story: one document has one text and sidecar, and a text is stored once unless it is declared
    a copy of the same story (one wire story published word for word by two outlets).
    ``by_sha`` holds the kept sources by text hash, in the order kept, so the look-up is one
    dictionary access, not a scan of every source kept so far."""
    doc_id = source.sidecar.document_id
    if doc_id in sources:
        problems.append(Problem(source.sidecar_path, 1, doc_id, "document_id", Code.DUPLICATE_DOCUMENT,
                                f"{doc_id} is already stored as {sources[doc_id].text_path}; one document has "
                                "one text and one sidecar"))
        return
    same = next((s for s in by_sha.get(source.sha256, ())
                 if s.sha256 == source.sha256 and s.sidecar.story_id != source.sidecar.story_id), None)
    if same is not None:
        problems.append(Problem(source.text_path, None, doc_id, "text_sha256", Code.DUPLICATE_TEXT,
                                f"the same text as {same.sidecar.document_id} ({same.text_path}); store a text "
                                "once, or declare it a copy of that story (original, story_id)"))
        return
    sources[doc_id] = source
    by_sha.setdefault(source.sha256, []).append(source)


def _read_sidecar_carefully(meta_path: Path, rel_meta: str, text_path: Path, rel_text: str, raw: bytes,
                            text: str | None, origins: Origins, problems: list[Problem]) -> Source | None:
    """The line-tracking path: every problem of the sidecar with its line."""
    stem = text_path.stem
    doc, found = read_located(meta_path, rel_meta)
    problems += found
    if doc is None:
        return None
    sidecar, found = validate_model(Sidecar, doc, rel_meta)
    problems += found
    if sidecar is None or text is None:
        return None
    expected_id = document_id_for(stem)
    if sidecar.document_id != expected_id:
        problems.append(Problem(rel_meta, doc.line_of(("document_id",)), sidecar.document_id,
                                "document_id", Code.DOCUMENT_MISMATCH,
                                f"file {text_path.name} must carry document_id {expected_id}"))
        return None
    sha = hashlib.sha256(raw).hexdigest()
    if sha != sidecar.text_sha256:
        problems.append(Problem(rel_meta, doc.line_of(("text_sha256",)), sidecar.document_id,
                                "text_sha256", Code.DOCUMENT_HASH_MISMATCH,
                                f"{text_path.name} has sha256 {sha}, the sidecar says "
                                f"{sidecar.text_sha256}: the text changed since it was curated"))
    body = sidecar.body
    if not (0 <= body.char_start < body.char_end <= len(text)):
        problems.append(Problem(rel_meta, doc.line_of(("body",)), sidecar.document_id, "body",
                                Code.VALUE_NOT_ALLOWED,
                                f"body span {body.char_start}-{body.char_end} is not inside the "
                                f"text (0-{len(text)})"))
    else:
        for name, message in body_words_problems(text, body):
            problems.append(Problem(rel_meta, doc.line_of(("body", name.split(".")[1])), sidecar.document_id,
                                    name, Code.BODY_WORDS_MISMATCH, message))
    for i, span in enumerate(sidecar.excluded_spans):
        if span.char_end < span.char_start:
            problems.append(Problem(rel_meta, doc.line_of(("excluded_spans", i)), sidecar.document_id,
                                    "excluded_spans", Code.VALUE_NOT_ALLOWED,
                                    f"excluded span {span.char_start}-{span.char_end} ends before it starts"))
    origins.add(sidecar.document_id, rel_meta, 1,
                {k[0]: line for k, line in doc.lines.items() if len(k) == 1})
    return Source(stem, rel_text, rel_meta, text, sha, sidecar)
