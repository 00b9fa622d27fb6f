#!/usr/bin/env python3
"""Gender-equality items of the rules (no model) on the blind check set in data/check.

    python scripts/build_ge_check.py build      # text from ../shared/corpus + hand labels first
    python bench/ge_check.py                    # P/R/F1 overall, per stratum, without unsure items
    python bench/ge_check.py --errors           # also list false and missed items
    python bench/ge_check.py --file data/check/ge_check_round4.jsonl --file data/check/ge_check_round4b.jsonl
                                                # several sets: each row counts them together

The set (data/check/README.md, "Gender-equality items") is corpus articles outside data/train and
../shared/eval, drawn in strata and hand-labelled from GUIDE_topic before the engine ever read them,
so its first score is a held-out figure. Items are rare even in the strata built to find them, so
the flag rate on non-items (false positives per 100 articles that are not items) is printed beside
precision and recall: on a set with few items it is the steadier figure. Nothing here feeds back
into the rules.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.audit.engine import Auditor  # noqa: E402

DATASET = REPO / "data" / "check" / "ge_check.jsonl"


class Tally:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.tn = self.topic_ok = 0

    def add(self, gold: bool, pred: bool, topic_ok: bool) -> None:
        self.tp += gold and pred
        self.fp += pred and not gold
        self.fn += gold and not pred
        self.tn += not gold and not pred
        self.topic_ok += gold and pred and topic_ok

    def line(self, name: str) -> str:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else None
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else None
        errors = self.tp + self.fp + self.fn
        f = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if errors else None
        negatives = self.fp + self.tn
        fpr = 100 * self.fp / negatives if negatives else None
        topic = f"{self.topic_ok}/{self.tp}" if self.tp else "-"

        def fmt(x: float | None) -> str:
            return "  -  " if x is None else f"{x:.3f}"
        fpr_text = "  -  " if fpr is None else f"{fpr:5.1f}"
        return (f"  {name:<22} {self.tp + self.fp + self.fn + self.tn:>4} {self.tp + self.fn:>5}  "
                f"{self.tp:>3} {self.fp:>3} {self.fn:>3}  {fmt(p)} {fmt(r)} {fmt(f)}  {fpr_text}   {topic}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, action="append",
                        help="a set in the format of ge_check.jsonl (repeat to count several sets together)")
    parser.add_argument("--errors", action="store_true", help="list false and missed items")
    args = parser.parse_args()
    files = args.file or [DATASET]
    for path in files:
        if not path.exists():
            sys.exit(f"{path} is missing: run `python scripts/build_ge_check.py build` first")
    rows = [json.loads(line) for path in files for line in path.open(encoding="utf-8") if line.strip()]
    unlabelled = [r["id"] for r in rows if r.get("ge_item") is None]
    if unlabelled:
        sys.exit(f"{len(unlabelled)} articles have no label (first: {unlabelled[:5]})")
    os.environ["AUDITOR_NO_MODEL"] = "1"
    auditor = Auditor()
    started = time.perf_counter()
    tallies: dict[str, Tally] = defaultdict(Tally)
    errors = []
    for row in rows:
        result = auditor.audit(row["text"], row.get("title") or None, id=row["id"])
        gold, pred = bool(row["ge_item"]), result.ge_item
        topic_ok = result.ge_topic == row.get("ge_topic")
        for name in ("all", f"stratum {row.get('stratum', '-')}") + (() if row.get("unsure") else ("all, sure only",)):
            tallies[name].add(gold, pred, topic_ok)
        if gold != pred or (gold and not topic_ok):
            kind = "FP" if pred and not gold else "FN" if gold and not pred else "TOPIC"
            errors.append(f"  {kind:<5} {row['id']} [{row.get('stratum', '-')}] score={result.ge_score:.2f} "
                          f"pred={result.ge_topic or '-'} gold={row.get('ge_topic') or '-'}"
                          f"{' unsure' if row.get('unsure') else ''} {row['source']} | {(row.get('title') or row['text'])[:90]}")
    elapsed = time.perf_counter() - started
    names = ", ".join(str(path.relative_to(REPO) if path.is_relative_to(REPO) else path) for path in files)
    print(f"GE items, rules alone (AUDITOR_NO_MODEL=1), {names}")
    print("  set                    arts items   tp  fp  fn    P     R     F1    FP/100 non-items  topic ok")
    order = ["all", "all, sure only"] + sorted(k for k in tallies if k.startswith("stratum "))
    for name in order:
        if name in tallies:
            print(tallies[name].line(name))
    if args.errors:
        print("\n".join(sorted(errors)) or "  no errors")
    print(f"({len(rows)} articles, {elapsed:.1f} s)")


if __name__ == "__main__":
    main()
