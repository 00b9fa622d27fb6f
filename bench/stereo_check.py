#!/usr/bin/env python3
"""Precision and recall of the stereotype rules on the held-out check set (data/check/stereo_check*).

    python bench/stereo_check.py            # precision per rule and overall, recall sample
    python bench/stereo_check.py --errors   # also list false flags, misses and unsure flags
    python bench/stereo_check.py --at-draw  # the rules as they were when the sample was drawn
    python bench/stereo_check.py --set blind   # the blind set, drawn after the rules were corrected

The set (scripts/build_stereo_check.py, data/check/README.md) holds 208 sentences the rules flagged
on corpus news outside data/train, in strata by rule (the rarest rule that fired), and 100 random
unflagged sentences with a gender word; each was labelled by hand, blind to the rules. A sentence
counts as flagged when any finding has ``by == "rule"`` (the rules alone, no model).

- Precision on the flagged sample: per rule (every sentence that rule flags) and overall, on the
  sentences labelled with confidence (``sure``), and with the ``unsure`` ones counted as false
  (``strict``) or true (``lenient``). The sample over-represents rare rules, so ``weighted`` gives
  each stratum the weight of its share of all flagged sentences of the draw (the news-wide figure).
- Recall: how many stereotyped sentences of the unflagged sample the rules miss, and a news-wide
  recall estimate (each unflagged sentence stands for ``gendered_unflagged_sentences / 100``).

``--at-draw`` scores what the rules said at draw time (the index): that is the held-out figure.
Without it, the current rules run on each sentence alone; once the rules were corrected on these
errors, that figure is no longer held out. ``--set blind`` is the second set, drawn and labelled
after those corrections: 150 flagged sentences at random (its precision needs no weights) and two
unflagged strata (with stereotype-adjacent words, and the rest).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

CHECK = REPO / "data" / "check"


def wilson(k: float, n: float, z: float = 1.96) -> tuple[float, float]:
    """95 % Wilson interval of a proportion k/n."""
    if n == 0:
        return 0.0, 1.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return max(0.0, centre - half), min(1.0, centre + half)


def read_labels(path: Path) -> dict[str, tuple[str, bool]]:
    """id -> (label, unsure): label '0' or a category; a trailing '?' marks unsure."""
    labels: dict[str, tuple[str, bool]] = {}
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        parts = line.split()
        if len(parts) != 2:
            sys.exit(f"{path}:{n}: expected 'id label', got {line!r}")
        label = parts[1]
        labels[parts[0]] = (label.rstrip("?"), label.endswith("?"))
    return labels


SETS = {"check": "stereo_check", "blind": "stereo_blind", "final": "stereo_final", "round4": "stereo_round4",
        "round4b": "stereo_round4b", "round5": "stereo_round5",
        "round6": "stereo_round6", "round7": "stereo_round7", "round8": "stereo_round8",
        "round9": "stereo_round9", "round10": "stereo_round10",
        "round11": "stereo_round11", "round12": "stereo_round12",
        "round13": "stereo_round13", "round14": "stereo_round14"}


def load(set_name: str) -> list[dict]:
    name = SETS[set_name]
    texts_path = CHECK / f"{name}.jsonl"
    if not texts_path.exists():
        sys.exit(f"no {texts_path}: run `python scripts/build_stereo_check.py rebuild --set {set_name}` "
                 "(needs ../shared)")
    texts = {r["id"]: r for r in map(json.loads, texts_path.read_text("utf-8").splitlines())}
    index = [json.loads(line) for line in (CHECK / f"{name}_index.jsonl").read_text("utf-8").splitlines()]
    labels = read_labels(CHECK / f"{name}_labels.txt")
    missing = [r["id"] for r in index if r["id"] not in labels]
    if missing:
        sys.exit(f"no label for {len(missing)} sentences ({', '.join(missing[:5])}...)")
    rows = []
    for r in index:
        label, unsure = labels[r["id"]]
        rows.append({**r, "sentence": texts[r["id"]]["sentence"], "gold": label != "0", "category": label,
                     "unsure": unsure})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", action="store_true", help="list false flags, misses and unsure flags")
    parser.add_argument("--at-draw", action="store_true", help="score the rules as they were at draw time")
    parser.add_argument("--set", choices=sorted(SETS), default="check", help="which set (default: check)")
    args = parser.parse_args()
    rows = load(args.set)
    meta = json.loads((CHECK / f"{SETS[args.set]}_meta.json").read_text("utf-8"))
    if args.at_draw:
        for r in rows:
            r["fired"] = {rule: "" for rule in r["rules"]}
    else:
        os.environ["AUDITOR_NO_MODEL"] = "1"
        from auditor.audit.engine import Auditor

        auditor = Auditor()
        for r in rows:
            r["fired"] = {f.rule: f.excerpt for f in auditor.audit(r["sentence"]).findings if f.by == "rule"}

    flagged_sample = [r for r in rows if r["sample"] == "flagged"]
    unflagged_sample = [r for r in rows if r["sample"] == "unflagged"]
    # Each sampled sentence stands for its stratum: population / sampled (the first set's unflagged
    # sample has no stratum name: all unflagged gendered sentences).
    population = {**meta["stratum_population"], None: meta["gendered_unflagged_sentences"]}
    per_stratum: dict[str | None, int] = defaultdict(int)
    for r in rows:
        per_stratum[r["stratum"]] += 1
    for r in rows:
        r["weight"] = population[r["stratum"]] / per_stratum[r["stratum"]]

    def precision_line(name: str, hits: list[dict]) -> str:
        sure = [r for r in hits if not r["unsure"]]
        tp = sum(r["gold"] for r in sure)
        unsure = len(hits) - len(sure)
        p = tp / len(sure) if sure else float("nan")
        lo, hi = wilson(tp, len(sure))
        strict = sum(r["gold"] and not r["unsure"] for r in hits) / len(hits) if hits else float("nan")
        lenient = sum(r["gold"] or r["unsure"] for r in hits) / len(hits) if hits else float("nan")
        return (f"  {name:<8}{len(hits):>5}{tp:>5}{len(sure) - tp:>5}{unsure:>7}   {p:6.3f} "
                f"[{lo:.2f}-{hi:.2f}]  {strict:6.3f}  {lenient:7.3f}")

    flagged_now = [r for r in rows if r["fired"]]
    print(f"Stereotype rules on the {args.set} set ({'rules at draw time' if args.at_draw else 'current rules'}; "
          f"{len(flagged_sample)} flagged at draw + {len(unflagged_sample)} unflagged gendered sentences)")
    print(f"  {'rule':<8}{'n':>5}{'TP':>5}{'FP':>5}{'unsure':>7}   {'P sure':>6} {'[95 % CI]':<11}  "
          f"{'strict':>6}  {'lenient':>7}")
    by_rule: dict[str, list[dict]] = defaultdict(list)
    for r in flagged_now:
        for rule in r["fired"]:
            by_rule[rule].append(r)
    for rule in sorted(by_rule):
        print(precision_line(rule, by_rule[rule]))
    print(precision_line("all", flagged_now))

    # Weighted (news-wide) precision: each sampled sentence stands for its stratum's share.
    sure_flagged = [r for r in flagged_now if not r["unsure"]]
    w_tp = sum(r["weight"] for r in sure_flagged if r["gold"])
    w_all = sum(r["weight"] for r in sure_flagged)
    print(f"  weighted by stratum population (sure labels): P {w_tp / w_all if w_all else float('nan'):.3f}")
    # By corpus: the rules' last authors read unlabelled baomoi articles (not VNTC) before this draw.
    for corpus in ("vntc", "baomoi"):
        part = [r for r in sure_flagged if r["source"].startswith(corpus + ":")]
        if part:
            print(f"  {corpus} sentences (sure labels): P {sum(r['gold'] for r in part) / len(part):.3f} "
                  f"({sum(r['gold'] for r in part)}/{len(part)})")

    # Recall.
    positives = [r for r in rows if r["gold"] and not r["unsure"]]
    fl_pos = [r for r in positives if r["sample"] == "flagged"]
    print(f"Recall sample: {len(unflagged_sample)} unflagged gendered sentences; flagged-sample positives "
          f"still flagged: {sum(bool(r['fired']) for r in fl_pos)} of {len(fl_pos)}")
    miss_hi = 0.0
    for stratum in sorted({r["stratum"] for r in unflagged_sample}, key=str):
        part = [r for r in unflagged_sample if r["stratum"] == stratum]
        pos = [r for r in part if r["gold"] and not r["unsure"]]
        missed = sum(not r["fired"] for r in pos)
        # The upper 95 % bound of the miss rate bounds recall from below.
        miss_hi += wilson(missed, len(part))[1] * population[stratum]
        print(f"  {stratum or 'unflagged gendered'}: {len(pos)} of {len(part)} stereotyped "
              f"(+{sum(r['unsure'] for r in part)} unsure), of which the rules now flag {len(pos) - missed}; "
              f"stratum of {population[stratum]:,} sentences")
    tp_w = sum(r["weight"] for r in positives if r["fired"])
    fn_w = sum(r["weight"] for r in positives if not r["fired"])
    if tp_w + fn_w:
        fn_flagged = sum(r["weight"] for r in fl_pos if not r["fired"])
        print(f"  news-wide recall estimate (sure labels, weighted; rough): {tp_w / (tp_w + fn_w):.3f}; "
              f"lower bound (miss rates at their 95 % upper bound, <= {miss_hi:,.0f} missed sentences): "
              f"{tp_w / (tp_w + fn_flagged + miss_hi):.2f}")

    if args.errors:
        print("\nErrors (FP false flag, FN miss, U? flagged but unsure):")
        for r in rows:
            fired = ", ".join(f"{k}:{v}" if v else k for k, v in sorted(r["fired"].items()))
            if r["fired"] and r["unsure"]:
                kind = "U?"
            elif r["fired"] and not r["gold"]:
                kind = "FP"
            elif not r["fired"] and r["gold"] and not r["unsure"]:
                kind = "FN"
            else:
                continue
            print(f"  {kind} {r['id']} [{r['category']}{'?' if r['unsure'] else ''}] {fired} | {r['sentence'][:240]}")


if __name__ == "__main__":
    main()
