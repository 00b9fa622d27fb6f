#!/usr/bin/env python3
"""Score people, gender and quoted sources on the hand-annotated check set (data/check/).

    python bench/people_check.py            # the figures of bench/eval_dev.py's people rows
    python bench/people_check.py --errors   # also list misses, spurious persons, gender and quote errors
    python bench/people_check.py --roles    # also list role errors
    python bench/people_check.py --file F   # another file in the people_dev.jsonl format

The check set holds articles the people rules were never tuned on (see data/check/README.md; rebuild
it with `python scripts/build_people_check.py merge`). The measures are those of bench/eval_dev.py
(one scorer, `eval_dev.score_people`, serves both).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))

from eval_dev import score_people  # noqa: E402

from auditor.audit.engine import Auditor  # noqa: E402

CHECK = REPO / "data" / "check" / "people_hand.jsonl"


def print_table(title: str, s: dict) -> None:
    rows = [
        ("named persons recall; spurious share", f"{s['people_recall']:.3f}; {s['spurious_rate']:.3f}",
         ">= 0.90; <= 0.10"),
        ("  recall, persons the body names", f"{s['recall_in_text']:.3f} ({s['title_only']} named in the title only)",
         "(reported)"),
        ("person gender acc (gold F/M); U kept", f"{s['gender_acc']:.3f}; {s['u_kept']:.2f} of {s['u_total']} U found",
         ">= 0.95; U kept"),
        ("quoted-source F1 (P / R)", f"{s['quote_f1']:.3f} ({s['quote_p']:.3f} / {s['quote_r']:.3f})", ">= 0.85"),
        ("female share of quoted, pred vs gold", f"{s['f_share_pred']:.3f} vs {s['f_share_gold']:.3f}",
         "within 0.03"),
        ("person role accuracy", f"{s['role_acc']:.3f}", "(reported)"),
    ]
    print(title)
    w = max(len(r[0]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{w}}  {value:<34} target {target}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--file", type=Path, default=CHECK, help="a JSONL file in the people_dev.jsonl format")
    ap.add_argument("--errors", action="store_true", help="list misses, spurious persons, gender and quote errors")
    ap.add_argument("--roles", action="store_true", help="list role errors")
    args = ap.parse_args()
    auditor = Auditor()  # rules only, like eval_dev.py --no-model: people do not use the model
    if not args.file.exists():
        print(f"skipped: {args.file} not found (build it: python scripts/build_people_check.py merge)")
        return 0
    with args.file.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    if not all("people" in r for r in rows):
        print(f"{args.file}: some articles have no gold 'people' (run build_people_check.py merge)")
        return 1
    t0 = time.perf_counter()
    s = score_people(auditor, rows, args.errors, args.roles)
    print_table(f"People check ({args.file.name}: {s['articles']} articles, {s['persons']} persons, "
                f"{s['female']} F, {s['unknown']} U, {s['quoted']} quoted F/M; rules only; "
                f"{time.perf_counter() - t0:.1f} s)", s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
