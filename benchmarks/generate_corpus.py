"""Write a synthetic curated dataset of N documents, deterministic from a seed.

The corpus is a real dataset in the curation format (docs/curation-format.md) and passes
``tollbook check``: news-like texts built from templates written for this benchmark, sidecars
with their sha256 and body spans, reviewed records with several claims per document, nested
figures, vague words and republished copies whose claims point at the original's.

    python benchmarks/generate_corpus.py --docs 10000 --out /tmp/corpus-10k [--seed 7]

The reference tables are the repository's (dataset/reference/*.csv) plus generated outlets and
villages, so that names recur the way they do in real reporting. The texts stand for no real
event.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import random
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED_DATASET = ROOT / "dataset"
REVIEWER = "synthetic-benchmark"
REVIEWED_ON = "2026-01-15"
FIRST_DAY = dt.date(2012, 1, 1)
DAYS = 3650  # ten years of reporting: 2012-2021
REPUBLISHED_SHARE = 0.2
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: (party actor, words the text uses for it). Parties are the seed reference's actors.
PARTIES = (
    ("act_syrian_government_forces", ("regime troops", "government soldiers", "soldiers and militiamen")),
    ("act_rebels", ("rebels", "opposition fighters", "insurgents")),
    ("act_al_nusra_front", ("Nusra Front fighters", "al-Nusra militants")),
    ("act_islamic_state", ("Islamic State fighters", "IS militants", "jihadists")),
    ("act_ahrar_al_sham", ("Ahrar al-Sham fighters",)),
    ("act_jaysh_al_islam", ("Jaysh al-Islam fighters",)),
)
SUBGROUPS = ("foreign fighters", "commanders", "Chechen fighters", "officers", "children")
#: (claimant actor, how the text attributes a statement to it)
CLAIMANTS = (
    ("act_sohr", ("the Syrian Observatory for Human Rights said", "Abdel-Rahman said",
                  "the Britain-based monitoring group reported", "the Observatory said")),
    ("act_sana", ("state news agency SANA reported", "SANA said")),
    ("act_syrian_military_source", ("a military source told state media",)),
    ("act_syrian_state_tv", ("state television said",)),
)
GROUPS = ("act_al_nusra_front", "act_islamic_state", "act_ahrar_al_sham", "act_jaysh_al_islam",
          "act_jaysh_al_fateh")
GROUP_NAMES = {"act_al_nusra_front": "The Nusra Front", "act_islamic_state": "The Islamic State group",
               "act_ahrar_al_sham": "Ahrar al-Sham", "act_jaysh_al_islam": "Jaysh al-Islam",
               "act_jaysh_al_fateh": "The Army of Conquest"}
#: Vague words used in texts; every one has a row in reference/vague_quantities.csv.
VAGUE = (("Dozens", "dozens"), ("Scores", "scores"), ("Several", "several"), ("Hundreds", "hundreds"),
         ("A dozen", "a dozen"))
FILLER = (
    "The fighting is part of a wider struggle for control of the northern provinces.",
    "Residents said shops had stayed closed and that many families had left for safer areas.",
    "Aid groups have warned that hospitals in the area are short of fuel and medicine.",
    "The government has not commented on the reports, and they could not be independently verified.",
    "Analysts say control of the main road would cut a key supply line to the front.",
    "Activists posted videos online that they said showed the aftermath of the clashes.",
    "The area has changed hands several times since the conflict began.",
    "Talks brokered by foreign powers have so far failed to bring a lasting ceasefire.",
    "Local councils said they were struggling to bury the dead and treat the wounded.",
    "Humanitarian convoys have not reached the besieged districts for weeks.",
)
SYLLABLES = ("al", "ba", "dar", "kha", "mal", "qa", "ras", "sar", "tal", "um", "zei", "nab", "hur",
             "jeb", "kaf", "mash", "rab", "sha", "tib", "wad")
OUTLET_WORDS = ("Daily", "Herald", "Courier", "Observer", "Gazette", "Times", "Post", "Monitor",
                "Chronicle", "Tribune", "Review", "Journal")


@dataclass
class Place:
    location_id: str
    name: str
    where_prec: int


@dataclass
class Outlet:
    actor_id: str
    name: str


@dataclass
class Claim:
    """One claim of an original document, with its record YAML (figures included)."""

    number: int
    sentence: str
    record: str = ""
    start: int = 0
    end: int = 0


@dataclass
class Original:
    stem: str
    doc_id: str
    doc8: str
    published: dt.date
    outlet: Outlet
    story_id: str
    paragraphs: list[str]
    claims: list[Claim] = field(default_factory=list)


def q(value: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(value, ensure_ascii=False)


def ordinal(day: int) -> str:
    suffix = "th" if 10 <= day % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")
    return f"{day}{suffix}"


def name_from(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def generated_places(rng: random.Random, n: int) -> list[tuple[Place, str]]:
    """Villages with made-up names inside Syria's box: (place, locations.csv row)."""
    out, seen = [], set()
    while len(out) < n:
        name = name_from(rng, rng.choice((2, 3)))
        slug = name.lower()
        if slug in seen:
            continue
        seen.add(slug)
        place = Place(f"loc_syn_{slug}", name, 2)
        lat, lon = rng.uniform(33.0, 36.9), rng.uniform(36.0, 41.5)
        row = f"{place.location_id},{name},village,Idleb,SY07,SYR,{lat:.4f},{lon:.4f},2,synthetic benchmark place"
        out.append((place, row))
    return out


def generated_outlets(rng: random.Random, n: int) -> list[Outlet]:
    out, seen = [], set()
    while len(out) < n:
        name = f"The {name_from(rng, 2)} {rng.choice(OUTLET_WORDS)}"
        slug = name.lower().replace("the ", "").replace(" ", "_")
        if slug in seen:
            continue
        seen.add(slug)
        out.append(Outlet(f"act_syn_{slug}", name))
    return out


def write_reference(out: Path, places: list[tuple[Place, str]], outlets: list[Outlet]) -> None:
    ref = out / "reference"
    shutil.copytree(SEED_DATASET / "reference", ref)
    with (ref / "locations.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(row + "\n" for _, row in places)
    with (ref / "location_variants.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(f"{p.name},{p.location_id}\n" for p, _ in places)
    with (ref / "actors.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(f"{o.actor_id},{o.name},news_outlet,synthetic benchmark outlet\n" for o in outlets)
    with (ref / "actor_aliases.csv").open("a", encoding="utf-8") as fh:
        fh.writelines(f"{o.name},{o.actor_id},\n" for o in outlets)


def seed_places() -> list[Place]:
    """Towns of the seed gazetteer (where_prec 1-2) that the texts may name."""
    lines = (SEED_DATASET / "reference" / "locations.csv").read_text(encoding="utf-8").splitlines()[1:]
    out = []
    for line in lines:
        cells = line.split(",")
        if cells[5] == "SYR" and cells[8] in ("1", "2") and "'" not in cells[1]:
            out.append(Place(cells[0], cells[1], int(cells[8])))
    return out


def event_id(day: dt.date, place: Place) -> str:
    return f"evt_syn_{day:%Y_%m}_{place.location_id[4:]}"


def write_events(out: Path, event_places: list[Place]) -> set[str]:
    lines, ids = ["events:"], set()
    for month in range(120):
        start = dt.date(2012 + month // 12, month % 12 + 1, 1)
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        for place in event_places:
            eid = event_id(start, place)
            ids.add(eid)
            lines += [f"  - event_id: {eid}", "    event_type: clashes",
                      f"    title: {q(f'Fighting around {place.name}, {MONTHS[start.month - 1]} {start.year}')}",
                      f"    date_start: {start}", f"    date_end: {end}", "    date_prec: 4",
                      f"    location: {place.location_id}"]
    (out / "events.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ids


class Writer:
    """Builds one original document's sentences and record entries."""

    def __init__(self, rng: random.Random, places: list[Place], event_places: set[str]):
        self.rng = rng
        self.places = places
        self.event_places = event_places

    def _claim_head(self, doc8: str, number: int, claimant: str, relay: list[str], date: tuple,
                    place: Place, status: str = "accepted") -> str:
        start, end, prec, text = date
        event = event_id(start, place) if place.location_id in self.event_places else None
        lines = [
            f"  - claim_id: clm_{doc8}_{number:02d}",
            f"    review: {{status: {status}, by: {REVIEWER}, \"on\": {REVIEWED_ON}, note: null}}",
            "    quote: @QUOTE@",
            "    char_start: @START@",
            "    char_end: @END@",
            f"    claimant: {claimant}",
            f"    relayed_by: [{', '.join(relay)}]",
            "    hedge: none",
            f"    date: {{start: {start}, end: {end}, prec: {prec}, text: {q(text)}}}",
            f"    location: {place.location_id}",
            f"    event: {event or 'null'}",
        ]
        return "\n".join(lines) + "\n"

    def claim(self, doc8: str, number: int, ref_day: dt.date, relay: list[str]) -> Claim:
        rng = self.rng
        kind = rng.choices(("nested", "civilians", "vague", "airstrikes", "captured", "control", "force"),
                           weights=(30, 25, 15, 12, 8, 5, 5))[0]
        claimant, says = rng.choice(CLAIMANTS)
        said = rng.choice(says)
        place = rng.choice(self.places)
        fid = f"{doc8}_{number:02d}"
        on_day = (ref_day, ref_day, 1, f"on {WEEKDAYS[ref_day.weekday()]}")
        since_day = ref_day - dt.timedelta(days=2)
        since = (since_day, ref_day, 2, f"Since {WEEKDAYS[since_day.weekday()]}")
        figures: dict[str, list[str]] = {"casualties": [], "airstrikes": [], "control_changes": [],
                                         "force_sizes": []}

        def casualty(letter, outcome, party, party_text, count, part_of=None):
            figures["casualties"].append(
                f"      - casualty_id: cas_{fid}{letter}\n        outcome: {outcome}\n"
                f"        party: {party or 'null'}\n        party_text: {q(party_text)}\n"
                f"        count: {count}\n" + (f"        part_of: cas_{fid}{part_of}\n" if part_of else ""))

        date = on_day
        if kind == "nested":
            (p1, t1), (p2, t2) = rng.sample(PARTIES, 2)
            w1, w2, sub = rng.choice(t1), rng.choice(t2), rng.choice(SUBGROUPS)
            n1, n2 = rng.randint(2, 120), rng.randint(5, 150)
            n3 = rng.randint(1, n2 - 1)
            sentence = (f"Since {since[3][6:]}, {n1} {w1} and {n2} {w2} \u2013 including {n3} {sub} \u2013 "
                        f"have been killed in fighting around {place.name}, {said}.")
            casualty("a", "killed", p1, w1, f"{{value: {n1}, qualifier: exact}}")
            casualty("b", "killed", p2, w2, f"{{value: {n2}, qualifier: exact}}")
            casualty("c", "killed", p2, sub, f"{{value: {n3}, qualifier: exact}}", part_of="b")
            if rng.random() < 0.5:
                n4 = rng.randint(3, 200)
                sentence = sentence[:-len(f", {said}.")] + f", and {n4} others were wounded, {said}."
                casualty("d", "injured", None, "others", f"{{value: {n4}, qualifier: exact}}")
            date = since
        elif kind == "civilians":
            n, m = rng.randint(3, 90), rng.randint(5, 300)
            children = rng.randint(1, n - 1)
            weapon = rng.choice(("barrel bombs", "air strikes", "shelling", "a car bomb"))
            sentence = (f"At least {n} civilians, among them {children} children, were killed and {m} "
                        f"others injured by {weapon} in {place.name} {on_day[3]}, {said}.")
            casualty("a", "killed", None, "civilians", f"{{value: {n}, qualifier: at_least}}")
            casualty("b", "killed", None, "children", f"{{value: {children}, qualifier: exact}}", part_of="a")
            casualty("c", "injured", None, "others", f"{{value: {m}, qualifier: exact}}")
        elif kind == "vague":
            text_word, word = rng.choice(VAGUE)
            party, texts = rng.choice(PARTIES)
            who = rng.choice(texts)
            sentence = f"{text_word} of {who} were reported killed in clashes near {place.name} {on_day[3]}, {said}."
            casualty("a", "killed", party, who, f"{{qualifier: vague, word: {q(word)}}}")
        elif kind == "airstrikes":
            n = rng.randint(2, 60)
            weapon, word = rng.choice((("airstrike", "airstrikes"), ("barrel_bomb", "barrel bombs"),
                                       ("shelling", "artillery rounds")))
            sentence = (f"Government forces have carried out {n} {word} on {place.name} and nearby villages "
                        f"since {since[3][6:]} morning, {said}.")
            figures["airstrikes"].append(
                f"      - airstrike_id: air_{fid}a\n        perpetrator: act_syrian_government_forces\n"
                f"        weapon: {weapon}\n        count: {{value: {n}, qualifier: exact}}\n")
            date = since
        elif kind == "captured":
            group = rng.choice(GROUPS)
            n = rng.randint(10, 400)
            sentence = (f"{GROUP_NAMES[group]} captured nearly {n} soldiers during the assault on "
                        f"{place.name} {on_day[3]}, {said}.")
            casualty("a", "captured", "act_syrian_government_forces", "soldiers",
                     f"{{value: {n}, qualifier: approximately}}")
        elif kind == "control":
            group = rng.choice(GROUPS)
            n = rng.randint(2, 6)
            sentence = (f"{GROUP_NAMES[group]} and allied groups have taken {n} checkpoints surrounding "
                        f"the town of {place.name}, {said}.")
            figures["control_changes"].append(
                f"      - change_id: chg_{fid}a\n        location: {place.location_id}\n"
                f"        gained_by: {group}\n        lost_by: act_syrian_government_forces\n"
                f"        status: captured\n        site_text: {q(f'{n} checkpoints surrounding the town')}\n"
                f"        count: {{value: {n}, qualifier: exact}}\n")
            date = since
        else:
            group = rng.choice(GROUPS)
            n = rng.randint(5, 60)
            sentence = (f"{GROUP_NAMES[group]} sent up to {n} fighters wearing suicide belts into "
                        f"{place.name} {on_day[3]}, {said}.")
            figures["force_sizes"].append(
                f"      - force_id: frc_{fid}a\n        actor: {group}\n"
                f"        description: fighters wearing suicide belts\n"
                f"        count: {{value: {n}, qualifier: at_most}}\n")
        record = self._claim_head(doc8, number, claimant, relay, date, place)
        for name, items in figures.items():
            record += f"    {name}:" + ("\n" + "".join(items) if items else " []\n")
        return Claim(number, sentence, record)


def _doc_hashes(rng: random.Random, n: int) -> list[str]:
    """Distinct 16-hex hashes whose first 8 characters are distinct too (claim ids use them)."""
    out, short = [], set()
    while len(out) < n:
        h = hashlib.sha256(rng.getrandbits(64).to_bytes(8, "big")).hexdigest()[:16]
        if h[:8] in short:
            continue
        short.add(h[:8])
        out.append(h)
    return out


def _compose(outlet: Outlet, title: str, published: dt.date, paragraphs: list[str],
             rng: random.Random) -> tuple[str, int, int]:
    head = (f"{outlet.name} | Home | World | Middle East | Subscribe\n{title}\n"
            f"Published {MONTHS[published.month - 1]} {ordinal(published.day)}, {published.year} - "
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} GMT\n\n")
    body = "\n\n".join(paragraphs)
    tail = (f"\n\nPhoto: {published.year - 1} file picture\nRelated: more reports from the region\n"
            f"Comments ({rng.randint(0, 40)}): I heard it was {rng.randint(2, 500)} dead, not what they say.\n")
    return head + body + tail, len(head), len(head) + len(body)


def _sidecar(doc_id: str, title: str, outlet: Outlet, published: dt.date, ref_day: dt.date,
             story: str, sha: str, body: tuple[int, int], text: str, original: Original | None) -> str:
    words = text[body[0]:body[1]].split()
    lines = [
        f"document_id: {doc_id}", f"title: {q(title)}", f"outlet: {q(outlet.name)}",
        f"outlet_id: {outlet.actor_id}", "authors: []", f"published_date: {published}",
        "published_date_evidence:", "  kind: dateline",
        f"  text: {q(text.splitlines()[2])}",
        f"reference_date: {ref_day}",
        "reference_date_reason: The agency report this story relays was filed the day before publication.",
    ]
    if original is not None:
        lines += ["original:", f"  document_id: {original.doc_id}", f"  outlet: {q(original.outlet.name)}",
                  "  authors: []", f"  published_date: {original.published}"]
    lines += [
        f"story_id: {story}", "language: en", "encoding: utf-8", f"text_sha256: {sha}", "body:",
        f"  char_start: {body[0]}", f"  char_end: {body[1]}",
        f"  first_words: {q(' '.join(words[:4]))}", f"  last_words: {q(' '.join(words[-4:]))}",
        "excluded_spans: []",
        "licence_note: Synthetic benchmark text written from templates; it reports no real event.",
    ]
    return "\n".join(lines) + "\n"


def _write_doc(out: Path, stem: str, text: str, sidecar: str, record: str) -> None:
    (out / "sources" / f"{stem}.txt").write_bytes(text.encode("utf-8"))
    (out / "sources" / f"{stem}.yaml").write_text(sidecar, encoding="utf-8")
    (out / "records" / f"{stem}.yaml").write_text(record, encoding="utf-8")


def _locate(text: str, body_start: int, claims: list[Claim]) -> None:
    cursor = body_start
    for c in claims:
        c.start = text.index(c.sentence, cursor)
        c.end = c.start + len(c.sentence)
        cursor = c.end


def _fill(record: str, c: Claim) -> str:
    return (record.replace("@QUOTE@", q(c.sentence), 1).replace("@START@", str(c.start), 1)
            .replace("@END@", str(c.end), 1))


def generate(out: Path, n_docs: int, seed: int = 7) -> dict:
    """Write the corpus to ``out`` (which must not exist); return a summary."""
    rng = random.Random(seed)
    out = Path(out)
    out.mkdir(parents=True)
    (out / "sources").mkdir()
    (out / "records").mkdir()
    release = (SEED_DATASET / "release.yaml").read_text(encoding="utf-8")
    (out / "release.yaml").write_text(re.sub(r"(?m)^version: \S+$", "version: 9.0.0", release), encoding="utf-8")
    (out / "removals.csv").write_text("id,table,removed_in,reason,replaced_by\n", encoding="utf-8")
    new_places = generated_places(rng, 200)
    outlets = generated_outlets(rng, 40)
    write_reference(out, new_places, outlets)
    places = seed_places() + [p for p, _ in new_places]
    event_places = places[:10]
    write_events(out, event_places)
    writer = Writer(rng, places, {p.location_id for p in event_places})
    originals: list[Original] = []
    counts = {"documents": 0, "republished": 0, "claims": 0, "text_bytes": 0}
    for i, h in enumerate(_doc_hashes(rng, n_docs)):
        stem, doc_id, doc8 = f"{i:06d}_{h}", f"doc_{h}", h[:8]
        outlet = rng.choice(outlets)
        if originals and rng.random() < REPUBLISHED_SHARE:
            orig = rng.choice(originals[-500:])
            published = orig.published + dt.timedelta(days=rng.randint(0, 2))
            text, b0, b1 = _compose(outlet, f"{orig.paragraphs[0][:60].rstrip()}...", published,
                                    orig.paragraphs, rng)
            claims = []
            cursor = b0
            for c in orig.claims:
                start = text.index(c.sentence, cursor)
                cursor = start + len(c.sentence)
                claims.append(
                    f"  - claim_id: clm_{doc8}_{c.number:02d}\n"
                    f"    review: {{status: accepted, by: {REVIEWER}, \"on\": {REVIEWED_ON}, note: null}}\n"
                    f"    quote: {q(c.sentence)}\n    char_start: {start}\n    char_end: {cursor}\n"
                    f"    duplicate_of: clm_{orig.doc8}_{c.number:02d}\n")
            record = f"document_id: {doc_id}\nclaims:\n" + "".join(claims)
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            sidecar = _sidecar(doc_id, text.splitlines()[1], outlet, published, orig.published - dt.timedelta(days=1),
                               orig.story_id, sha, (b0, b1), text, orig)
            _write_doc(out, stem, text, sidecar, record)
            counts["republished"] += 1
        else:
            published = FIRST_DAY + dt.timedelta(days=7 + rng.randrange(DAYS - 7))  # claims stay in 2012-2021
            ref_day = published - dt.timedelta(days=1)
            relay = ["act_afp", outlet.actor_id]
            claims = [writer.claim(doc8, k + 1, ref_day, relay) for k in range(rng.randint(2, 5))]
            paragraphs = []
            for c in claims:
                paragraphs.append(" ".join([c.sentence, *rng.sample(FILLER, rng.randint(1, 3))]))
            paragraphs.insert(rng.randint(1, len(paragraphs)), " ".join(rng.sample(FILLER, 3)))
            first = claims[0].sentence
            title = first.split(",")[0][:80]
            text, b0, b1 = _compose(outlet, title, published, paragraphs, rng)
            _locate(text, b0, claims)
            record = f"document_id: {doc_id}\nclaims:\n" + "".join(_fill(c.record, c) for c in claims)
            sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
            story = f"sty_{h}"
            sidecar = _sidecar(doc_id, title, outlet, published, ref_day, story, sha, (b0, b1), text, None)
            _write_doc(out, stem, text, sidecar, record)
            originals.append(Original(stem, doc_id, doc8, published, outlet, story, paragraphs, claims))
            counts["claims"] += len(claims)
        counts["documents"] += 1
        counts["text_bytes"] += len(text.encode("utf-8"))
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--out", type=Path, required=True, help="dataset folder to create")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(json.dumps(generate(args.out, args.docs, args.seed)))


if __name__ == "__main__":
    main()
