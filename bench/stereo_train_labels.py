#!/usr/bin/env python3
"""Stereotyped sentences of the indicator rules (no model) against the hand labels in data/train.

    python bench/stereo_train_labels.py            # P / R / F1 and counts per category
    python bench/stereo_train_labels.py --errors   # also list false flags and misses with rule ids

A second check beside `bench/eval_dev.py`: the 1,227 sentences of `data/train/sentences_hand.jsonl`,
read one by one under the criteria of data/train/README.md (which mirror GUIDE_stereo), drawn from
corpus pools the dev set never saw, many of them hard cases (unrelated senses of a stereotype word,
sentences that report or fight a stereotype). A sentence counts as flagged when any finding has
``by == "rule"``. These labels are also the classifier's training data and the rules are improved
by reading their errors here, so this is a development check, not a held-out score: the held-out
figure is the dev set's (and, for the tool, data nobody here sees).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.audit.engine import Auditor  # noqa: E402

LABELS = REPO / "data" / "train" / "sentences_hand.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list false flags (FP) and misses (FN)")
    parser.add_argument("--category", help="with --errors: only this gold or flagged category")
    args = parser.parse_args()
    os.environ["AUDITOR_NO_MODEL"] = "1"
    rows = [json.loads(line) for line in LABELS.read_text("utf-8").splitlines() if line.strip()]
    auditor = Auditor()
    started = time.perf_counter()
    tp = fp = fn = 0
    gold_n: Counter[str] = Counter()
    found_n: Counter[str] = Counter()
    right_category: Counter[str] = Counter()
    false_by_category: Counter[str] = Counter()
    false_by_rule: Counter[str] = Counter()
    errors: list[str] = []
    for row in rows:
        hits = [f for f in auditor.audit(row["sentence"]).findings if f.by == "rule"]
        gold, pred = bool(row["stereotype"]), bool(hits)
        category = row.get("category") or ""
        if gold:
            gold_n[category] += 1
        if gold and pred:
            tp += 1
            found_n[category] += 1
            right_category[category] += any(f.category == category for f in hits)
        elif pred:
            fp += 1
            for c in {f.category for f in hits}:
                false_by_category[c] += 1
            for r in {f.rule for f in hits}:
                false_by_rule[r] += 1
        elif gold:
            fn += 1
        if gold != pred and (not args.category or args.category in {category, *(f.category for f in hits)}):
            why = ", ".join(f"{f.rule}:{f.excerpt}" for f in hits)
            errors.append(f"  {'FP' if pred else 'FN'} {row['id']} [{category or '-'}] {why} | {row['sentence'][:220]}")
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    if args.errors:
        print("\n".join(sorted(errors)))
    print(f"Stereotyped sentences, rules alone, data/train hand labels: P {p:.3f} R {r:.3f} F1 {f1:.3f} "
          f"({tp + fn} stereotyped in {len(rows)}; TP {tp} FP {fp} FN {fn}; "
          f"{time.perf_counter() - started:.1f} s)")
    print(f"  {'category':<16}{'gold':>6}{'found':>7}{'recall':>8}{'same cat':>10}{'false flags':>13}")
    for cat in sorted(set(gold_n) | set(false_by_category)):
        rec = found_n[cat] / gold_n[cat] if gold_n[cat] else 0.0
        print(f"  {cat:<16}{gold_n[cat]:>6}{found_n[cat]:>7}{rec:>8.2f}{right_category[cat]:>10}"
              f"{false_by_category[cat]:>13}")
    print("  false flags by rule: " + ", ".join(f"{k} {v}" for k, v in false_by_rule.most_common()))


if __name__ == "__main__":
    main()
