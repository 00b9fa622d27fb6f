"""Build the stereotype check set in data/check/ (see the Stereotype section of data/check/README.md).

    python scripts/build_stereo_check.py draw      # run the rules over the held-out corpus, draw the sample
    python scripts/build_stereo_check.py rebuild   # the sentence texts again from ../shared/corpus

A held-out precision check of the indicator rules: sentences of ../shared/corpus news (VNTC
2004-2006, baomoi 2017) from articles that are not in data/train (neither an article label nor the
source of a labelled or candidate sentence), so nobody tuned the rules on them. `draw` runs the
rules alone (``AUDITOR_NO_MODEL=1``, ``Auditor()``) over every such article and collects

- the flagged sentences, in strata by rule: a sentence's stratum is the rarest rule (fewest flagged
  sentences in the whole pass) that fired on it, so every rule with hits gets up to ``PER_RULE``
  sentences of its own; within a stratum the order is a seeded hash (``SEED``) of source and offset;
- ``UNFLAGGED`` random sentences that no rule flagged and that contain a gender word
  (``GENDER_WORD``), for a recall check.

Both samples are shuffled together (seeded) and numbered ``s001``..., so a reader labelling
``stereo_check.jsonl`` cannot tell a flagged sentence from an unflagged one. What the rules said
at draw time is kept in ``stereo_check_index.jsonl`` (sample, stratum, rules), which the labeller
does not open; ``stereo_check_meta.json`` has the population counts per stratum (for a weighted
precision). Sentences that are, or nearly are, an item of ../shared/eval (``EvalGuard``) and second
copies of a sentence are dropped. The corpus text is not committed (baomoi has no licence): the index
names each sentence by corpus id and offsets, and ``rebuild`` reads the text back. A redraw with
changed rules gives a different sample, so ``draw`` refuses to overwrite the index (``--force``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from build_train_data import EvalGuard  # noqa: E402

from auditor.models.corpus import CorpusArticle, iter_corpus  # noqa: E402
from auditor.text import normalize  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"
OUT = REPO / "data" / "check"
INDEX = OUT / "stereo_check_index.jsonl"
TEXTS = OUT / "stereo_check.jsonl"
META = OUT / "stereo_check_meta.json"

SEED = 5309  # not data/train's 2026
PER_RULE = 8
MAX_FLAGGED = 210
UNFLAGGED = 100
MIN_CHARS, MAX_CHARS = 25, 500
# Words that make a sentence speak of a woman or a man (the recall sample). "ông" is left out: it
# is in most sentences of political and business news, which would crowd out everything else.
GENDER_WORD = re.compile(
    r"(?<!\w)(?:phụ nữ|đàn bà|đàn ông|nữ|nam giới|nữ giới|con gái|con trai|cô gái|chàng trai|chị em|cô|chị|bà|"
    r"anh|em gái|vợ|chồng|nàng|chàng|thiếu nữ|người đẹp|hoa hậu|người mẫu|giới tính|đồng tính|phái đẹp|"
    r"phái mạnh|quý ông|cô ấy|bạn gái|bạn trai)(?!\w)")


def _rank(*parts: object) -> str:
    return hashlib.sha1(":".join(map(str, (SEED, *parts))).encode()).hexdigest()


def _train_sources() -> set[str]:
    """Corpus ids the rules could have been tuned on: every article or sentence source in data/train."""
    sources: set[str] = set()
    train = REPO / "data" / "train"
    for path in [*train.glob("articles_*.jsonl"), *train.glob("sentences_*.jsonl"),
                 *(train / "candidates").glob("*.jsonl")]:
        for line in path.open(encoding="utf-8"):
            if line.strip():
                source = json.loads(line).get("source")
                if isinstance(source, str):
                    sources.add(source)
    return sources


def _articles() -> list[CorpusArticle]:
    excluded = _train_sources()
    return [a for a in iter_corpus(CORPUS)
            if not a.source_id.startswith("danes:") and a.source_id not in excluded]


def _fields(article: CorpusArticle) -> list[tuple[str, str]]:
    return [(f, t) for f, t in (("title", article.title), ("text", article.text)) if t and t.strip()]


def draw(force: bool) -> None:
    if INDEX.exists() and not force:
        sys.exit(f"{INDEX} exists (its labels refer to it); use --force to draw anew")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    from auditor.audit.engine import Auditor

    auditor = Auditor()
    guard = EvalGuard()
    started = time.perf_counter()
    articles = _articles()
    seen: set[str] = set()
    flagged: list[dict] = []
    gendered: list[dict] = []
    for n, art in enumerate(articles):
        for field, text in _fields(art):
            nt = normalize(text)
            findings = auditor._rule_findings(nt, field)  # the rule pass of Auditor.audit, no people/GE
            low = nt.lower
            for span in nt.sentences:
                sentence = text[span.start:span.end].strip()
                key = " ".join(sentence.lower().split())
                if not (MIN_CHARS <= len(sentence) <= MAX_CHARS) or key in seen:
                    continue
                rules = sorted({f.rule for f in findings if span.start <= f.start < span.end})
                row = {"source": art.source_id, "field": field, "start": span.start, "end": span.end,
                       "rules": rules}
                if rules:
                    seen.add(key)
                    flagged.append(row)
                elif GENDER_WORD.search(low, span.start, span.end):
                    seen.add(key)
                    gendered.append(row)
        if n % 5000 == 0:
            print(f"  {n} / {len(articles)} articles, {len(flagged)} flagged sentences "
                  f"({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    per_rule = Counter(r for row in flagged for r in row["rules"])
    for row in flagged:
        row["stratum"] = min(row["rules"], key=lambda r: (per_rule[r], r))
    strata: dict[str, list[dict]] = defaultdict(list)
    for row in flagged:
        strata[row["stratum"]].append(row)
    texts = {a.source_id: dict(_fields(a)) for a in articles}

    def usable(row: dict) -> bool:
        sentence = texts[row["source"]][row["field"]][row["start"]:row["end"]]
        return not guard.near(sentence)

    chosen: list[dict] = []
    quota = PER_RULE
    # Shrink the per-rule quota until the flagged sample fits MAX_FLAGGED (rare rules keep all theirs).
    while quota > 1 and sum(min(quota, len(v)) for v in strata.values()) > MAX_FLAGGED:
        quota -= 1
    for stratum in sorted(strata):
        ranked = sorted(strata[stratum], key=lambda r: _rank(r["source"], r["field"], r["start"]))
        picked = [r for r in ranked if usable(r)][:quota]
        chosen += [{**r, "sample": "flagged"} for r in picked]
    ranked = sorted(gendered, key=lambda r: _rank("g", r["source"], r["field"], r["start"]))
    chosen += [{**r, "sample": "unflagged", "stratum": None} for r in [r for r in ranked[:400] if usable(r)][:UNFLAGGED]]
    random.Random(SEED).shuffle(chosen)
    OUT.mkdir(parents=True, exist_ok=True)
    with INDEX.open("w", encoding="utf-8") as fh:
        for i, row in enumerate(chosen, 1):
            sentence = texts[row["source"]][row["field"]][row["start"]:row["end"]].strip()
            fh.write(json.dumps({"id": f"s{i:03d}", "sample": row["sample"], "stratum": row["stratum"],
                                 "rules": row["rules"], "source": row["source"], "field": row["field"],
                                 "start": row["start"], "end": row["end"],
                                 "sha1": hashlib.sha1(sentence.encode()).hexdigest()[:12]},
                                ensure_ascii=False) + "\n")
    META.write_text(json.dumps({
        "seed": SEED, "articles": len(articles), "flagged_sentences": len(flagged),
        "gendered_unflagged_sentences": len(gendered), "per_rule_quota": quota,
        "stratum_population": {k: len(v) for k, v in sorted(strata.items())},
        "rule_hits": dict(sorted(per_rule.items())),
    }, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    rebuild()
    print(f"{len(articles)} articles, {len(flagged)} flagged sentences, {len(gendered)} unflagged gendered; "
          f"drew {sum(r['sample'] == 'flagged' for r in chosen)} flagged (<= {quota} per stratum) + "
          f"{sum(r['sample'] == 'unflagged' for r in chosen)} unflagged ({time.perf_counter() - started:.0f} s)")


def rebuild() -> None:
    """stereo_check.jsonl (id, source, sentence) from the index and ../shared/corpus."""
    if not INDEX.exists():
        sys.exit(f"no {INDEX}: run `draw` first")
    rows = [json.loads(line) for line in INDEX.open(encoding="utf-8") if line.strip()]
    wanted = {r["source"] for r in rows}
    texts = {a.source_id: dict(_fields(a)) for a in iter_corpus(CORPUS) if a.source_id in wanted}
    with TEXTS.open("w", encoding="utf-8") as fh:
        for r in rows:
            sentence = texts[r["source"]][r["field"]][r["start"]:r["end"]].strip()
            if hashlib.sha1(sentence.encode()).hexdigest()[:12] != r["sha1"]:
                sys.exit(f"{r['id']}: the corpus text of {r['source']} has changed")
            fh.write(json.dumps({"id": r["id"], "source": r["source"], "sentence": sentence},
                                ensure_ascii=False) + "\n")
    print(f"wrote {len(rows)} sentences to {TEXTS}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["draw", "rebuild"])
    parser.add_argument("--force", action="store_true", help="draw: overwrite an existing index")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}: this script needs ../shared")
    draw(args.force) if args.command == "draw" else rebuild()


if __name__ == "__main__":
    main()
