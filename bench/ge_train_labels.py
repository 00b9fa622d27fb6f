#!/usr/bin/env python3
"""Gender-equality items of the rules (no model) against the hand labels in data/train.

    python bench/ge_train_labels.py            # F1 on every hand-labelled article
    python bench/ge_train_labels.py --errors   # also list the misses

A second check beside `bench/eval_dev.py`: about 1,900 articles read under the criteria of
data/train/README.md (which mirror GUIDE_topic), drawn from pools the dev set never saw, and mostly
hard cases (crime, celebrity, 8/3 promotions, Women's Union relief work). The article text comes
from ../shared/corpus by reference, the first 1,500 characters as the labels were given on.
These labels are the classifier's training data; the rules never train on anything, but read
their errors here as a development check, not as a held-out score.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.audit.engine import Auditor  # noqa: E402
from auditor.models.train import ARTICLE_CHARS, _corpus_texts_by_id, _read_jsonl  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list false and missed items")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        sys.exit(f"no corpus at {CORPUS}: this check needs ../shared")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    rows = [row for path in sorted((REPO / "data" / "train").glob("articles_hand*.jsonl"))
            for row in _read_jsonl(path)]
    sources = _corpus_texts_by_id(CORPUS, {str(r["source"]) for r in rows if "text" not in r})
    auditor = Auditor()
    started = time.perf_counter()
    tp = fp = fn = 0
    errors = []
    for row in rows:
        title, body = (row.get("title", ""), row["text"]) if "text" in row else sources[str(row["source"])]
        body = body[:ARTICLE_CHARS]
        if not body.strip():
            continue
        result = auditor.audit(body, title)
        gold, pred = bool(row["ge_item"]), result.ge_item
        tp += gold and pred
        fp += pred and not gold
        fn += gold and not pred
        if gold != pred:
            errors.append(f"  {'FP' if pred else 'FN'} {row['id']} score={result.ge_score:.2f} | {title[:90]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    if args.errors:
        print("\n".join(sorted(errors)))
    print(f"GE items, rules alone, data/train hand labels: F1 {f:.3f} (P {p:.3f} R {r:.3f}; "
          f"{tp + fn} items in {len(rows)} articles; "
          f"{time.perf_counter() - started:.1f} s)")


if __name__ == "__main__":
    main()
