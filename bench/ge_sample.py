#!/usr/bin/env python3
"""Gender-equality items the rules flag in a seeded random sample of the corpus, for reading.

    python bench/ge_sample.py                     # about 4,000 articles (VNTC + baomoi)
    python bench/ge_sample.py --source danes      # DANeS 2021 provincial titles + descriptions
    python bench/ge_sample.py --fraction 0.05 --seed 7
    python bench/ge_sample.py --rules /tmp/rules-draft   # compare a draft of rules/ with the current
    python bench/ge_sample.py --whole             # read each article whole, as `auditor audit` does

Random news holds few items (well under 1 %), so this measures what the dev sets cannot: how many
articles about something else the rules count. It prints every flagged article (score, topic,
title, and the hand label from data/train when the article has one: 1, 0 or -) and the flag rate;
precision is read by a person from the list. Every DANeS title naming women is hand-labelled (the
rules were tuned on those labels), so for `--source danes` the labelled share is a check, not a
held-out score.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.audit.engine import Auditor  # noqa: E402
from auditor.models.corpus import iter_corpus, keep, read_danes  # noqa: E402
from auditor.models.train import ARTICLE_CHARS  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", choices=["news", "danes"], default="news",
                        help="news: VNTC + baomoi articles; danes: DANeS provincial subset")
    parser.add_argument("--fraction", type=float, default=0.07, help="share of the source to read")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--rules", type=Path, default=None,
                        help="a rules folder to try instead of the project's rules/")
    parser.add_argument("--whole", action="store_true",
                        help=f"read the whole body, not its first {ARTICLE_CHARS} characters")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}: this check needs ../shared")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    labelled = {row["source"]: int(row["ge_item"]) for row in map(json.loads, (
        REPO / "data" / "train" / "articles_hand.jsonl").open(encoding="utf-8"))}
    articles = read_danes(CORPUS) if args.source == "danes" else (
        a for a in iter_corpus(CORPUS) if not a.source_id.startswith("danes:"))
    auditor = Auditor(rules_dir=args.rules)
    started = time.perf_counter()
    read = 0
    flagged = []
    for art in articles:
        if not keep(art.source_id, args.fraction, args.seed):
            continue
        body = art.text if args.whole else art.text[:ARTICLE_CHARS]
        if not body.strip():
            continue
        read += 1
        result = auditor.audit(body, art.title)
        if result.ge_item:
            flagged.append((result.ge_score, result.ge_topic, art.source_id, art.title or body[:100]))
    for score, topic, source_id, title in sorted(flagged, reverse=True):
        gold = labelled.get(source_id, "-")
        print(f"  {score:.2f} {gold} {topic:<20} {title[:100]}  [{source_id}]")
    golds = [labelled[s] for _, _, s, _ in flagged if s in labelled]
    if golds:
        print(f"hand-labelled among the flagged: {len(golds)}, of which items: {sum(golds)}")
    print(f"GE items flagged by the rules: {len(flagged)} of {read} sampled {args.source} articles "
          f"({100 * len(flagged) / max(read, 1):.2f} %; {time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
