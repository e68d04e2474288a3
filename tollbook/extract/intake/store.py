"""Store a report text under its hash name with its sidecar, refusing duplicates.

- An exact duplicate (the same bytes, or the same text once case, spacing and punctuation are
  set aside) is refused, naming the document already stored.
- A near duplicate (MinHash estimate of the Jaccard similarity of word 5-shingles at least
  ``NEAR_DUPLICATE``) is a likely republication: the result names it so the curator can
  pass ``--republication-of``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tollbook.extract.curated_files import dump_plain, write_atomically
from tollbook.extract.intake.body import Body, find_body
from tollbook.extract.listing import names
from tollbook.extract.yaml_values import as_date

#: Jaccard similarity of word 5-shingles above which two texts are one story republished;
#: wire copy run by two outlets with a different headline and tail scores above 0.7.
NEAR_DUPLICATE = 0.7
SHINGLE = 5
PERMUTATIONS = 128
_STEM = re.compile(r"^(?P<n>\d+)_(?P<hash>[0-9a-f]{16})$")
_WORD = re.compile(r"\w+")


class IntakeError(ValueError):
    """A text that cannot be added; the message says why in one line."""


def name_hash(text: str) -> str:
    """The hash part of a stored file's name: the first 16 hex digits of its text's sha256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.casefold()))


def _minhash(text: str):
    from datasketch import MinHash

    words = normalised(text).split()
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m = MinHash(num_perm=PERMUTATIONS, seed=1)
    m.update_batch(s.encode("utf-8") for s in shingles)
    return m


@dataclass(frozen=True)
class Fingerprint:
    """What duplicate checks compare, taken once per text: the sha256 of its UTF-8 bytes, of its
    normalised words, and the MinHash of its word shingles."""

    sha256: str
    normal_sha: str
    minhash: Any  # a datasketch MinHash

    @classmethod
    def of(cls, text: str) -> Fingerprint:
        return cls(hashlib.sha256(text.encode("utf-8")).hexdigest(),
                   hashlib.sha256(normalised(text).encode()).hexdigest(), _minhash(text))


@dataclass
class Stored:
    document_id: str
    stem: str
    outlet_id: str | None
    story_id: str
    published_date: dt.date | None
    fingerprint: Fingerprint


@dataclass
class Catalogue:
    """What ``dataset/sources/`` already holds, for duplicate checks and numbering."""

    folder: Path
    by_bytes: dict[str, str] = field(default_factory=dict)
    by_normal: dict[str, str] = field(default_factory=dict)
    stored: dict[str, Stored] = field(default_factory=dict)
    next_number: int = 0
    _lsh: Any = None

    @classmethod
    def read(cls, dataset: Path) -> Catalogue:
        from datasketch import MinHashLSH

        cat = cls(dataset / "sources")
        cat._lsh = MinHashLSH(threshold=NEAR_DUPLICATE, num_perm=PERMUTATIONS)
        for name in names(cat.folder, ".txt"):
            m = _STEM.match(name[:-4])
            if m:
                cat.next_number = max(cat.next_number, int(m.group("n")) + 1)
            text = (cat.folder / name).read_bytes().decode("utf-8", errors="replace")
            sidecar = _sidecar(cat.folder / f"{name[:-4]}.yaml")
            doc_id = str(sidecar.get("document_id") or "doc_" + name[:-4].split("_", 1)[-1])
            cat.remember(Stored(doc_id, name[:-4], sidecar.get("outlet_id"), str(sidecar.get("story_id") or ""),
                                as_date(sidecar.get("published_date")), Fingerprint.of(text)))
        return cat

    def remember(self, s: Stored) -> None:
        self.by_bytes[s.fingerprint.sha256] = s.document_id
        self.by_normal.setdefault(s.fingerprint.normal_sha, s.document_id)
        self.stored[s.document_id] = s
        self._lsh.insert(s.document_id, s.fingerprint.minhash)

    def duplicate_of(self, fp: Fingerprint) -> str | None:
        return self.by_bytes.get(fp.sha256) or self.by_normal.get(fp.normal_sha)

    def near(self, fp: Fingerprint) -> list[tuple[str, float]]:
        """Stored documents whose text is a near duplicate, most similar first."""
        m = fp.minhash
        found = [(d, m.jaccard(self.stored[d].fingerprint.minhash)) for d in self._lsh.query(m)]
        return sorted(((d, round(j, 2)) for d, j in found if j >= NEAR_DUPLICATE), key=lambda x: (-x[1], x[0]))


@dataclass(frozen=True)
class NewSource:
    """What ``add`` needs to know about one text besides the text itself."""

    title: str | None
    outlet: str
    outlet_id: str | None
    published_date: dt.date | None = None
    published_evidence: dict | None = None  # kind/text/reason; default: the page's dateline
    republication_of: str | None = None
    authors: tuple[str, ...] = ()
    language: str = "en"
    licence_note: str | None = None
    provenance: dict | None = None
    #: Date and evidence to use when the page carries no dateline (e.g. a table row's date).
    fallback_date: tuple[dt.date, dict] | None = None


@dataclass
class Added:
    document_id: str
    text_path: Path
    sidecar_path: Path
    body: Body
    near: list[tuple[str, float]]


def plan(catalogue: Catalogue, text: str, new: NewSource, fp: Fingerprint
         ) -> tuple[dict, Body, list[tuple[str, float]]]:
    """The sidecar for ``text`` (whose fingerprint is ``fp``) and what was found in it; raises
    IntakeError if it is refused."""
    if not text.strip():
        raise IntakeError("the text is empty")
    existing = catalogue.duplicate_of(fp)
    if existing is not None:
        raise IntakeError(f"the same text is already stored as {existing} "
                          f"({catalogue.stored[existing].stem}.txt)")
    body = find_body(text, new.title)
    near = [n for n in catalogue.near(fp) if n[0] != new.republication_of]
    digest = fp.sha256[:16]  # the name_hash of the text
    doc_id = f"doc_{digest}"
    evidence = new.published_evidence
    published = new.published_date
    if evidence is None and body.dateline is None and new.fallback_date is not None:
        published, evidence = new.fallback_date
    if evidence is None:
        if body.dateline is None:
            raise IntakeError("no publication date found at the top of the text; pass --published "
                              "YYYY-MM-DD with --dateline TEXT or --date-reason WHY")
        published = published or body.dateline.date
        evidence = {"kind": "dateline", "text": body.dateline.text}
    if published is None:
        raise IntakeError("no publication date: pass --published YYYY-MM-DD")
    first, last = body.words(text)
    sidecar: dict = {
        "document_id": doc_id,
        "title": (new.title or text[body.char_start:body.char_start + 80].split(".")[0]).strip(),
        "outlet": new.outlet,
        "outlet_id": new.outlet_id,
        "authors": list(new.authors),
        "published_date": published,
        "published_date_evidence": evidence,
    }
    story = f"sty_{digest}"
    if new.republication_of is not None:
        original = catalogue.stored.get(new.republication_of)
        if original is None:
            raise IntakeError(f"--republication-of {new.republication_of}: no such document in dataset/sources")
        orig_sidecar = _sidecar(catalogue.folder / f"{original.stem}.yaml")
        story = original.story_id or story
        sidecar["original"] = {"document_id": original.document_id,
                               "outlet": str(orig_sidecar.get("outlet") or original.outlet_id),
                               "authors": list(orig_sidecar.get("authors") or []),
                               "published_date": original.published_date}
    sidecar.update({
        "story_id": story,
        "language": new.language,
        "encoding": "utf-8",
        "text_sha256": fp.sha256,
        "body": {"char_start": body.char_start, "char_end": body.char_end,
                 "first_words": first, "last_words": last},
        "excluded_spans": [],
        "licence_note": new.licence_note,
    })
    if new.provenance is not None:
        sidecar["provenance"] = new.provenance
    return sidecar, body, near


def store(catalogue: Catalogue, text: str, new: NewSource, dry_run: bool = False) -> Added:
    """Write ``text`` and its sidecar into ``dataset/sources/`` (both or neither)."""
    fp = Fingerprint.of(text)
    sidecar, body, near = plan(catalogue, text, new, fp)
    stem = f"{catalogue.next_number:03d}_{sidecar['document_id'][4:]}"
    text_path = catalogue.folder / f"{stem}.txt"
    meta_path = catalogue.folder / f"{stem}.yaml"
    if not dry_run:
        catalogue.folder.mkdir(parents=True, exist_ok=True)
        write_atomically(text_path, text.encode("utf-8"))
        try:
            write_atomically(meta_path, dump_plain(sidecar).encode("utf-8"))
        except BaseException:
            text_path.unlink(missing_ok=True)
            raise
        catalogue.next_number += 1
        catalogue.remember(Stored(sidecar["document_id"], stem, new.outlet_id, sidecar["story_id"],
                                  sidecar["published_date"], fp))
    return Added(sidecar["document_id"], text_path, meta_path, body, near)


def _sidecar(path: Path) -> dict:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    return data if isinstance(data, dict) else {}

