#!/usr/bin/env python3
"""Score people, gender and quoted sources on the hand-annotated check set (data/check/).

    python bench/people_check.py            # the figures of bench/eval_dev.py's people rows
    python bench/people_check.py --errors   # also list misses, spurious persons, gender and quote errors
    python bench/people_check.py --roles    # also list role errors
    python bench/people_check.py --file F   # another file in the people_dev.jsonl format

The check set holds articles the people rules were never tuned on (see data/check/README.md; rebuild
it with `python scripts/build_people_check.py merge`). The measures are those of bench/eval_dev.py
(same name matching, same counts); `--same-as-dev` scores ../shared/eval/people_dev.jsonl with this
script and with eval_dev.eval_people and checks that both agree.
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

from eval_dev import _same_person, prf  # noqa: E402

from auditor.audit.engine import Auditor  # noqa: E402

CHECK = REPO / "data" / "check" / "people_hand.jsonl"


def score_people(auditor: Auditor, rows: list[dict], show: bool = False, roles: bool = False) -> dict:
    """eval_dev.eval_people on any rows: persons recall, spurious share, gender, U kept, quotes."""
    gold_n = pred_n = matched = spurious = 0
    in_text_n = in_text_matched = 0  # persons the body names (the engine reads people from the body only)
    g_ok = g_total = u_kept = u_total = 0
    role_ok = 0
    q_tp = q_fp = q_fn = 0
    gold_qf = gold_qm = pred_qf = pred_qm = 0
    for r in rows:
        out = auditor.audit(r["text"], r.get("title"))
        preds = list(out.people)
        used: set[int] = set()
        for g in r["people"]:
            gold_n += 1
            in_text = g["name"].rstrip(".").split()[-1] in r["text"]
            in_text_n += in_text
            if g["quoted"]:
                gold_qf += g["gender"] == "F"
                gold_qm += g["gender"] == "M"
            hit = next((i for i, p in enumerate(preds) if i not in used and _same_person(g["name"], p.name)), None)
            if hit is None:
                q_fn += bool(g["quoted"])
                if show:
                    print(f"  MISS      {r['id']} {g['name']} ({g['gender']},{'Q' if g['quoted'] else '-'},{g['role']})")
                continue
            used.add(hit)
            p = preds[hit]
            matched += 1
            in_text_matched += in_text
            role_ok += p.role == g["role"]
            if roles and p.role != g["role"]:
                print(f"  ROLE      {r['id']} {g['name']}: gold {g['role']} got {p.role}")
            if g["gender"] in ("F", "M"):
                g_total += 1
                g_ok += p.gender == g["gender"]
                if show and p.gender != g["gender"]:
                    print(f"  GENDER    {r['id']} {g['name']}: gold {g['gender']} got {p.gender}")
            else:
                u_total += 1
                u_kept += p.gender == "U"
                if show and p.gender != "U":
                    print(f"  U-LOST    {r['id']} {g['name']}: got {p.gender}")
            if p.quoted and g["quoted"]:
                q_tp += 1
            elif p.quoted:
                q_fp += 1
                if show:
                    print(f"  QUOTE-FP  {r['id']} {g['name']}")
            elif g["quoted"]:
                q_fn += 1
                if show:
                    print(f"  QUOTE-FN  {r['id']} {g['name']}")
        for i, p in enumerate(preds):
            pred_n += 1
            if p.quoted:
                pred_qf += p.gender == "F"
                pred_qm += p.gender == "M"
            if i not in used:
                spurious += 1
                q_fp += bool(p.quoted)
                if show:
                    print(f"  SPURIOUS  {r['id']} {p.name} ({p.gender},{'Q' if p.quoted else '-'},{p.role})")
    qp, qr, qf = prf(q_tp, q_fp, q_fn)
    gold_share = gold_qf / (gold_qf + gold_qm) if gold_qf + gold_qm else 0.0
    pred_share = pred_qf / (pred_qf + pred_qm) if pred_qf + pred_qm else 0.0
    return {
        "people_recall": matched / gold_n if gold_n else 0.0,
        "recall_in_text": in_text_matched / in_text_n if in_text_n else 0.0, "title_only": gold_n - in_text_n,
        "spurious_rate": spurious / pred_n if pred_n else 0.0,
        "gender_acc": g_ok / g_total if g_total else 0.0, "u_kept": u_kept / u_total if u_total else 0.0,
        "u_total": u_total, "role_acc": role_ok / matched if matched else 0.0,
        "quote_p": qp, "quote_r": qr, "quote_f1": qf, "f_share_gold": gold_share, "f_share_pred": pred_share,
        "articles": len(rows), "persons": gold_n, "predicted": pred_n, "quoted": gold_qf + gold_qm,
        "female": sum(g["gender"] == "F" for r in rows for g in r["people"]),
        "unknown": sum(g["gender"] == "U" for r in rows for g in r["people"]),
    }


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
    ap.add_argument("--same-as-dev", action="store_true",
                    help="check that this scorer and eval_dev.eval_people agree on people_dev.jsonl")
    args = ap.parse_args()
    auditor = Auditor()  # rules only, like eval_dev.py --no-model: people do not use the model
    if args.same_as_dev:
        import eval_dev

        if not eval_dev.EVAL.exists():
            print(f"skipped: {eval_dev.EVAL} not found")
            return 0
        mine = score_people(auditor, eval_dev.load("people_dev.jsonl"))
        theirs = eval_dev.eval_people(auditor, False)
        diff = {k: (v, mine[k]) for k, v in theirs.items() if abs(v - mine[k]) > 1e-12}
        print("same as eval_dev.eval_people" if not diff else f"DIFFERENT: {diff}")
        return 1 if diff else 0
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
