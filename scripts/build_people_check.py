"""Build the people check set in data/check/ (see data/check/README.md).

    python scripts/build_people_check.py draw    # seeded draw -> data/check/people_hand.jsonl (text only)
    python scripts/build_people_check.py merge   # + hand gold (data/check/people_gold.txt) -> same file
    python scripts/build_people_check.py merge --set heldout   # the held-out set (people_heldout.jsonl)
    python scripts/build_people_check.py merge --set blind     # the blind set (people_blind.jsonl)
    python scripts/build_people_check.py merge --set blind2    # the second blind set (people_blind2.jsonl)
    python scripts/build_people_check.py merge --set blind3    # the third (people_blind3.jsonl)
    python scripts/build_people_check.py draw --set blind4     # the fourth, general news (people_blind4.jsonl)
    python scripts/build_people_check.py draw --set blind5     # the fifth, like blind4 (people_blind5.jsonl)
    python scripts/build_people_check.py draw --set blind6     # the sixth, like blind5 (people_blind6.jsonl)
    python scripts/build_people_check.py draw --set blind7     # the seventh, like blind6 (people_blind7.jsonl)
    python scripts/build_people_check.py draw --set blind8     # the eighth, like blind7 (people_blind8.jsonl)
    python scripts/build_people_check.py draw --set blind9     # the ninth, like blind8 (people_blind9.jsonl)
    python scripts/build_people_check.py draw --set blind10    # the tenth, like blind9 (people_blind10.jsonl)
    python scripts/build_people_check.py draw --set blind11    # the eleventh, like blind10 (people_blind11.jsonl)
    python scripts/build_people_check.py draw --set blind12    # the twelfth, like blind11 (people_blind12.jsonl)
    python scripts/build_people_check.py draw --set blind13    # the thirteenth, like blind12 (people_blind13.jsonl)
    python scripts/build_people_check.py draw --set blind14    # the fourteenth, like blind13 (people_blind14.jsonl)

A second, independent check of person, gender and quoted-source detection, on articles the
people rules were never tuned on: about 40 articles of ../shared/corpus (VNTC 2004-2006 by topic,
baomoi 2017, DANeS 2021 descriptions), in the format of ../shared/eval/people_dev.jsonl. The draw is
deterministic (a seeded hash of each corpus id decides the order; SEED below). Articles that are, or
nearly are, an item of ../shared/eval are dropped (``EvalGuard`` of auditor/models/corpus.py, applied to
every 300-character chunk), and so is a second copy of a story already drawn.

The gold is written by hand into ``people_gold.txt`` (one block per article, see the README), then
``merge`` puts it into ``people_hand.jsonl``. The corpus text is not committed (the corpus
README forbids copying it into the project): ``people_hand.jsonl`` is rebuilt from ../shared/corpus.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))


from auditor.models.corpus import DrawnSample, EvalGuard  # noqa: E402
from auditor.text import split_sentences  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "data" / "check"
MAX_CHARS = 1500

# How many articles each stratum gives (VNTC by its topic label; baomoi and DANeS have none).
# "check": the set the people rules were corrected on; "heldout": drawn and annotated after those
# corrections, scored once, to see how they carry to articles nobody tuned on (then corrected on
# too); "blind": drawn last, scored once at the end of the session and never corrected on.
SETS: dict[str, dict] = {"check": {"seed": 4417, "jsonl": "people_hand.jsonl", "gold": "people_gold.txt"},
                         "heldout": {"seed": 9151, "jsonl": "people_heldout.jsonl", "gold": "people_gold_heldout.txt"},
                         "blind": {"seed": 27103, "jsonl": "people_blind.jsonl", "gold": "people_gold_blind.txt"},
                         "blind2": {"seed": 61283, "jsonl": "people_blind2.jsonl", "gold": "people_gold_blind2.txt"},
                         "blind3": {"seed": 73019, "jsonl": "people_blind3.jsonl", "gold": "people_gold_blind3.txt"},
                         "blind4": {"seed": 84211, "jsonl": "people_blind4.jsonl", "gold": "people_gold_blind4.txt"},
                         "blind5": {"seed": 95617, "jsonl": "people_blind5.jsonl", "gold": "people_gold_blind5.txt"},
                         "blind6": {"seed": 40763, "jsonl": "people_blind6.jsonl", "gold": "people_gold_blind6.txt"},
                         "blind7": {"seed": 52889, "jsonl": "people_blind7.jsonl", "gold": "people_gold_blind7.txt"},
                         "blind8": {"seed": 71353, "jsonl": "people_blind8.jsonl", "gold": "people_gold_blind8.txt"},
                         "blind9": {"seed": 38629, "jsonl": "people_blind9.jsonl", "gold": "people_gold_blind9.txt"},
                         "blind10": {"seed": 17491, "jsonl": "people_blind10.jsonl", "gold": "people_gold_blind10.txt"},
                         "blind11": {"seed": 62459, "jsonl": "people_blind11.jsonl", "gold": "people_gold_blind11.txt"},
                         "blind12": {"seed": 30187, "jsonl": "people_blind12.jsonl", "gold": "people_gold_blind12.txt"},
                         "blind13": {"seed": 58913, "jsonl": "people_blind13.jsonl", "gold": "people_gold_blind13.txt"},
                         "blind14": {"seed": 84127, "jsonl": "people_blind14.jsonl", "gold": "people_gold_blind14.txt"}}
HELDOUT_QUOTAS: dict[str, int] = {"vntc:XH": 3, "vntc:PL": 3, "vntc:TT": 2, "vntc:KD": 2, "vntc:VH": 2, "vntc:TG": 2,
                                  "vntc:SK": 1, "baomoi": 12}
# "blind2" (a later session): more articles that name and quote several people (``_rich``), and none
# that data/train labelled or offered for labelling.
BLIND2_QUOTAS: dict[str, int] = {"vntc:XH": 3, "vntc:PL": 3, "vntc:TT": 2, "vntc:KD": 2, "vntc:VH": 2, "vntc:TG": 2,
                                 "vntc:SK": 1, "baomoi": 16, "danes": 4}
# "blind3": drawn like blind2, after the corrections blind2 led to, to score them once on unseen articles.
BLIND3_QUOTAS: dict[str, int] = {"vntc:XH": 2, "vntc:PL": 2, "vntc:TT": 2, "vntc:KD": 2, "vntc:VH": 2, "vntc:TG": 1,
                                 "vntc:SK": 1, "baomoi": 12, "danes": 3}
# "blind4": general news that names and quotes several people, weighted away from sport and showbiz
# (blind3 drew mostly those): politics and society, law and crime, business, world first.
BLIND4_QUOTAS: dict[str, int] = {"vntc:XH": 5, "vntc:PL": 5, "vntc:KD": 4, "vntc:TG": 4, "vntc:TT": 2, "vntc:VH": 1,
                                 "vntc:SK": 1, "baomoi": 8}
QUOTAS: dict[str, int] = {
    "vntc:XH": 4,  # politics and society
    "vntc:PL": 4,  # law and crime
    "vntc:TT": 3,  # sport
    "vntc:KD": 3,  # business
    "vntc:VH": 3,  # culture
    "vntc:TG": 2,  # world
    "vntc:SK": 1,  # health
    "baomoi": 20,
    "danes": 6,
}
_UPPER = "A-ZÀ-ÝĂĐĨŨƠƯẠ-Ỹ"
# A capitalised run of two or more words after a lowercase word: the shape of a name (or a place)
# inside a sentence. A cheap filter, independent of the engine, so most drawn articles name someone.
_MID_SENTENCE_RUN = re.compile(r"(?<=[a-zà-ỹđ,] )[" + _UPPER + r"]\w+(?: [" + _UPPER + r"]\w+)+")
# Speech: quotation marks, a dialogue dash or a reporting verb (an engine-independent cue).
_SPEECH = re.compile(r"[\"“”]|(?:^|\n)\s*[-–—] |\b(?:cho biết|nói|khẳng định|chia sẻ|kể|nhấn mạnh|phát biểu|cho rằng|"
                     r"tâm sự|giải thích|thừa nhận|trả lời)\b")
ROLES = ("official", "expert", "business", "citizen", "victim", "suspect", "celebrity", "other")


def _clean(s: str) -> str:
    s = unicodedata.normalize("NFC", s or "").replace("\u00a0", " ")
    return re.sub(r"[ \t]+", " ", s).strip()


def _rank(seed: int, source_id: str) -> str:
    return hashlib.sha1(f"{seed}:{source_id}".encode()).hexdigest()


def _jsonl(path: Path) -> Iterator[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def _lead(text: str) -> str:
    """The first ~MAX_CHARS characters, cut at a sentence end."""
    if len(text) <= MAX_CHARS:
        return text
    cut = 0
    for span in split_sentences(text):
        if span.end > MAX_CHARS:
            break
        cut = span.end
    return text[:cut or MAX_CHARS].rstrip()


def _articles() -> Iterator[tuple[str, str, str, str]]:
    """(stratum, source id, title, body) for every corpus article."""
    for row in _jsonl(CORPUS / "vntc" / "vntc10_train.jsonl.gz"):
        title, body = _clean(row.get("title", "")), _clean(row.get("text", ""))
        if not body:  # many VNTC rows carry the whole article in `title`: its first sentence is the title
            spans = split_sentences(title)
            if len(spans) < 2:
                continue
            title, body = title[:spans[0].end].strip(), title[spans[1].start:].strip()
        yield f"vntc:{row['topic_code']}", f"vntc:{row['id']}", title, body
    for row in _jsonl(CORPUS / "baomoi" / "baomoi_2017_dev.jsonl.gz"):
        sapo, body = _clean(row.get("sapo", "")), _clean(row.get("text", ""))
        if sapo and not body.startswith(sapo[:60]):
            body = f"{sapo} {body}"
        yield "baomoi", f"baomoi:{row['id']}", _clean(row.get("title", "")), body
    for name in ("danes_annotated_batch1.jsonl", "danes_provincial_subset.jsonl"):
        for row in _jsonl(CORPUS / "danes" / name):
            yield "danes", f"danes:{row.get('id') or row.get('url', '')}", _clean(row.get("title", "")), _clean(row.get("description", ""))


def _rich(body: str, stratum: str) -> bool:
    """Names (or places) in several places and someone speaking: the articles that test quotes most."""
    lead = body[:MAX_CHARS]
    runs = {m.group(0) for m in _MID_SENTENCE_RUN.finditer(lead)}
    return len(runs) >= (1 if stratum == "danes" else 3) and bool(_SPEECH.search(lead))


# Training sentences that data/train took later from an article a people set had already drawn: the
# stereotype check set round6 (in sentences_check.jsonl) holds a sentence of blind3's m013, so counting
# it would take that article out of blind3's own draw. Left out, every chain set draws as it was drawn.
_LATER_LABELS = frozenset({"check:round6"})


def _train_ids() -> set[str]:
    """Corpus ids that data/train labelled or offered for labelling (articles, and sentences' articles)."""
    train = REPO / "data" / "train"
    ids: set[str] = set()
    for path in [*train.glob("*.jsonl"), *(train / "candidates").glob("*.jsonl")]:
        for row in _jsonl(path):
            if row.get("source") and row.get("label_source") not in _LATER_LABELS:
                ids.add(str(row["source"]))
    return ids


def draw(seed: int, quotas: dict[str, int], prefix: str = "c", taken_before: set[str] | None = None,
         rich_only: bool = False) -> list[dict]:
    guard = EvalGuard()
    taken_before = taken_before or set()
    pools: dict[str, list[tuple[str, str, str, str]]] = {k: [] for k in quotas}
    seen: set[str] = set()
    for stratum, source_id, title, body in _articles():
        if stratum not in pools or source_id in seen or source_id in taken_before:
            continue
        seen.add(source_id)
        min_len = 200 if stratum == "danes" else 700
        if len(body) < min_len or not _MID_SENTENCE_RUN.search(body[:MAX_CHARS]):
            continue
        if rich_only and not _rich(body, stratum):
            continue
        pools[stratum].append((_rank(seed, source_id), source_id, title, body))
    rows: list[dict] = []
    sample = DrawnSample(guard)
    for stratum, quota in quotas.items():
        taken = 0
        for _, source_id, title, body in sorted(pools[stratum]):
            if taken == quota:
                break
            text = _lead(body)
            if sample.refuse(title, text):
                continue
            rows.append({"id": f"{prefix}{len(rows):03d}", "source": source_id, "title": title, "text": text})
            taken += 1
    return rows


def parse_gold(path: Path) -> dict[str, list[dict]]:
    """Hand gold: ``# cNNN`` (or ``hNNN``) opens an article; each line ``name | F/M/U | q/- | role``."""
    gold: dict[str, list[dict]] = {}
    current: str | None = None
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        head = re.match(r"#\s*([chbnmkgpqrstvwxy]\d{3})\b", line)
        if head:
            current = head.group(1)
            gold[current] = []
            continue
        if line.startswith("#"):
            continue
        parts = [p.strip() for p in line.split("|")]
        if current is None or len(parts) != 4 or parts[1] not in ("F", "M", "U") or parts[2] not in ("q", "-") \
                or parts[3] not in ROLES:
            raise SystemExit(f"{path}:{n}: expected 'name | F/M/U | q/- | role' under '# cNNN': {raw!r}")
        gold[current].append({"name": unicodedata.normalize("NFC", parts[0]), "gender": parts[1],
                              "quoted": parts[2] == "q", "role": parts[3]})
    return gold


def merge(rows: list[dict], gold_path: Path) -> list[dict]:
    gold = parse_gold(gold_path)
    out = []
    for row in rows:
        if row["id"] not in gold:
            print(f"  {row['id']}: not annotated yet, left out")
            continue
        for person in gold[row["id"]]:
            first = person["name"].rstrip(".").split()[-1]
            if first not in f"{row['title']} {row['text']}":
                raise SystemExit(f"{row['id']}: gold name {person['name']!r} not in the text")
        out.append({"id": row["id"], "source": row["source"], "title": row["title"], "text": row["text"],
                    "people": gold[row["id"]]})
    return out


# The sets drawn one after another from articles that name and quote several people (``rich_only``),
# each after the round the set before it scored: (set, quotas, id prefix). blind5-blind8 are drawn
# like blind4, each to score the engine of the round before it once; blind9 to blind14 likewise.
RICH_CHAIN: list[tuple[str, dict, str]] = [
    ("blind2", BLIND2_QUOTAS, "n"), ("blind3", BLIND3_QUOTAS, "m"), ("blind4", BLIND4_QUOTAS, "k"),
    ("blind5", BLIND4_QUOTAS, "g"), ("blind6", BLIND4_QUOTAS, "p"), ("blind7", BLIND4_QUOTAS, "q"),
    ("blind8", BLIND4_QUOTAS, "r"), ("blind9", BLIND4_QUOTAS, "s"), ("blind10", BLIND4_QUOTAS, "t"),
    ("blind11", BLIND4_QUOTAS, "v"), ("blind12", BLIND4_QUOTAS, "w"),
    ("blind13", BLIND4_QUOTAS, "x"), ("blind14", BLIND4_QUOTAS, "y"),
]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["draw", "merge"])
    ap.add_argument("--set", choices=sorted(SETS), default="check", help="which set (default: check)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 1
    conf = SETS[args.set]
    if args.set == "check":
        rows = draw(conf["seed"], QUOTAS)
    else:
        taken = {r["source"] for r in draw(SETS["check"]["seed"], QUOTAS)}
        rich = [name for name, _, _ in RICH_CHAIN]
        if args.set == "blind" or args.set in rich:
            taken |= {r["source"] for r in draw(SETS["heldout"]["seed"], HELDOUT_QUOTAS, taken_before=taken)}
        if args.set in rich:
            taken |= {r["source"] for r in draw(SETS["blind"]["seed"], HELDOUT_QUOTAS, taken_before=taken)}
            taken |= _train_ids()
            # Each set of the chain was drawn after the round before it, from articles no earlier set holds.
            for name, quotas, prefix in RICH_CHAIN:
                rows = draw(SETS[name]["seed"], quotas, prefix=prefix, taken_before=taken, rich_only=True)
                if name == args.set:
                    break
                taken |= {r["source"] for r in rows}
        else:
            rows = draw(conf["seed"], HELDOUT_QUOTAS, prefix=args.set[0], taken_before=taken)
    if args.step == "merge":
        rows = merge(rows, OUT / conf["gold"])
    OUT.mkdir(parents=True, exist_ok=True)
    jsonl = OUT / conf["jsonl"]
    with jsonl.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    persons = sum(len(r.get("people", [])) for r in rows)
    print(f"{jsonl.relative_to(REPO)}: {len(rows)} articles" + (f", {persons} persons" if args.step == "merge" else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
