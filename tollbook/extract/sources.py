"""Read source documents and their metadata sidecars from ``dataset/sources/``."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any, cast

from tollbook.contract.codes import Code, raises
from tollbook.contract.problems import Problem
from tollbook.extract.format_errors import read_located, validate_model
from tollbook.extract.listing import document_id_for
from tollbook.extract.origins import Origins
from tollbook.extract.record_cache import ParsedCache
from tollbook.extract.record_format import Sidecar
from tollbook.extract.sidecar_view import Body, Excluded, body_of, excluded_of, sidecar_view
from tollbook.extract.yaml_lines import NotRegularFile, check_regular, read_yaml


class Source:
    """One document: its stored text, its sidecar and where both live.

    Made from the sidecar's model, or (served from the cache) from its fields alone
    (``view``, :func:`sidecar_view`) and the model's JSON: ``sidecar`` is then validated only
    when something asks for it. What a build reads (``document_id``, ``story_id``,
    ``outlet_id``, ``body``, ``excluded_spans``, ``view``) never needs the model.
    """

    __slots__ = ("stem", "text_path", "sidecar_path", "text", "sha256", "sidecar_sha256", "_sidecar",
                 "_json", "_view")

    def __init__(self, stem: str, text_path: str, sidecar_path: str, text: str, sha256: str,
                 sidecar: Any = None, sidecar_sha256: str | None = None, *,
                 view: dict[str, Any] | None = None, sidecar_json: str | None = None):
        if sidecar is None and (view is None or sidecar_json is None):
            raise ValueError("a source needs its sidecar, or its fields and the sidecar's JSON")
        self.stem, self.text_path, self.sidecar_path, self.text = stem, text_path, sidecar_path, text
        self.sha256, self.sidecar_sha256 = sha256, sidecar_sha256  # of the sidecar's bytes, when read fast
        self._sidecar, self._json, self._view = sidecar, sidecar_json, view

    @property
    def sidecar(self) -> Sidecar:
        """The sidecar's model (validated from the cached JSON the first time it is asked for)."""
        if self._sidecar is None:
            self._sidecar = Sidecar.model_validate_json(cast(str, self._json))
        return cast(Sidecar, self._sidecar)

    @property
    def view(self) -> dict[str, Any]:
        """The sidecar's fields a build reads (:func:`sidecar_view`)."""
        if self._view is None:
            self._view = sidecar_view(self.sidecar)
        return self._view

    @property
    def document_id(self) -> str:
        return self._sidecar.document_id if self._sidecar is not None else self.view["document_id"]

    @property
    def story_id(self) -> str:
        return self._sidecar.story_id if self._sidecar is not None else self.view["story_id"]

    @property
    def outlet_id(self) -> str | None:
        return self._sidecar.outlet_id if self._sidecar is not None else self.view["outlet_id"]

    @property
    def body(self) -> Body:
        return body_of(self.view)

    @property
    def excluded_spans(self) -> tuple[Excluded, ...]:
        return excluded_of(self.view)


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

    Sidecars are served from ``cache`` (their fields, no model) or read the fast way; one with
    any problem is read again with line tracking, so every problem keeps its line. Only a
    sidecar whose document has no problem is cached.
    """
    from tollbook.extract.listing import names

    cache = cache if cache is not None else ParsedCache(None)
    sources: dict[str, Source] = {}
    problems: list[Problem] = []
    folder = dataset / "sources"
    text_names = names(folder, ".txt")
    yaml_names = set(names(folder, ".yaml"))
    text_paths = [folder / n for n in text_names]
    metas = [folder / f"{n[:-4]}.yaml" for n in text_names]
    present = [m for m in metas if m.name in yaml_names]
    fast, digests, keys = _fast_sidecars(present, cache, jobs)
    by_sha: dict[str, list[Source]] = {}  # texts kept so far, by the sha256 of their bytes
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
        got = fast.get(meta_path.name)
        key = keys.get(meta_path.name, "")
        if got is not None and text is not None:
            view, model_json, model = got
            sha = hashlib.sha256(raw).hexdigest()
            body = body_of(view)
            # a served entry was cached only after these checks passed on the text whose hash its
            # sidecar names (sources.py is in the cache's format stamp): the same text needs no
            # word-by-word comparison again
            if (sha == view["text_sha256"] and 0 <= body.char_start < body.char_end <= len(text)
                    and all(s["char_start"] <= s["char_end"] for s in view["excluded_spans"])
                    and (model is None or not body_words_problems(text, body))):
                doc_id = view["document_id"]
                origins.defer([doc_id], _sidecar_lines(origins, meta_path, rel_meta, doc_id))
                _keep(sources, Source(stem, rel_text, rel_meta, text, sha, model, digests[meta_path.name],
                                      view=view, sidecar_json=model_json), problems, by_sha)
                if model is not None and key:  # read now, no problem: cache it
                    cache.put_sidecar(key, model.model_dump_json(), view)
                continue
        if key:
            cache.discard(key)  # a document with a problem is never cached
        source = _read_sidecar_carefully(meta_path, rel_meta, text_path, rel_text, raw, text, origins, problems)
        if source is not None:
            _keep(sources, source, problems, by_sha)
    texts = set(text_names)
    for name in sorted(yaml_names):
        if f"{name[:-5]}.txt" not in texts:
            problems.append(Problem(f"dataset/sources/{name}", None, None, None,
                                    Code.FILE_MISSING, "sidecar without its document text"))
    return sources, problems


def _fast_sidecars(paths: list[Path], cache: ParsedCache, jobs: int
                   ) -> tuple[dict[str, tuple[dict[str, Any], str | None, Sidecar | None]], dict[str, str | None],
                              dict[str, str]]:
    """Each sidecar's fields (with its model's JSON when served, its model when read now), by
    file name, for the files that passed the fast path; the SHA-256 of every file's bytes; and
    the cache key of each file read. Served entries come from the cache in one batch; the rest
    are parsed (in ``jobs`` processes)."""
    from tollbook.extract.parallel_read import parse_many

    fast: dict[str, tuple[dict[str, Any], str | None, Sidecar | None]] = {}
    digests: dict[str, str | None] = {}
    keys: dict[str, str] = {}
    if cache.enabled:
        for path in paths:
            try:
                check_regular(path)  # a FIFO or /dev/zero would never finish; the careful path reports it
                digest: str | None = hashlib.sha256(path.read_bytes()).hexdigest()
            except (OSError, NotRegularFile):
                digest = None
            digests[path.name] = digest
            if digest is not None:
                keys[path.name] = cache.sidecar_key(digest)
        served = cache.take_sidecars(list(keys.values()))
        for path in paths:
            hit = served.get(keys.get(path.name, ""))
            if hit is None:
                continue
            if hit[1]["document_id"] == document_id_for(path.stem):  # never another file's
                fast[path.name] = (hit[1], hit[0], None)
            else:
                cache.discard(keys[path.name])
    rest = [p for p in paths if p.name not in fast]
    for path, (content, digest) in zip(rest, parse_many("sidecar", rest, ParsedCache(None), jobs), strict=True):
        digests[path.name] = digest
        if content is not None:
            model = cast(Sidecar, content)
            fast[path.name] = (sidecar_view(model), None, model)
    return fast, digests, keys


def _keep(sources: dict[str, Source], source: Source, problems: list[Problem],
          by_sha: dict[str, list[Source]]) -> None:
    """Add ``source`` unless its document is already stored, or the same bytes are under another
    story: one document has one text and sidecar, and a text is stored once unless it is declared
    a copy of the same story (one wire story published word for word by two outlets).
    ``by_sha`` holds the kept sources by text hash, in the order kept, so the look-up is one
    dictionary access, not a scan of every source kept so far."""
    doc_id = source.document_id
    if doc_id in sources:
        problems.append(Problem(source.sidecar_path, 1, doc_id, "document_id", Code.DUPLICATE_DOCUMENT,
                                f"{doc_id} is already stored as {sources[doc_id].text_path}; one document has "
                                "one text and one sidecar"))
        return
    same = next((s for s in by_sha.get(source.sha256, ())
                 if s.sha256 == source.sha256 and s.story_id != source.story_id), None)
    if same is not None:
        problems.append(Problem(source.text_path, None, doc_id, "text_sha256", Code.DUPLICATE_TEXT,
                                f"the same text as {same.document_id} ({same.text_path}); store a text "
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
