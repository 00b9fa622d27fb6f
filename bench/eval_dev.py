#!/usr/bin/env python3
"""Score the audit engine on the labelled development sets in ../shared/eval and print the table of
issue 3 (and issue 5 when a model is loaded).

    python bench/eval_dev.py              # rules (+ model if configured)
    python bench/eval_dev.py --no-model   # rules alone
    python bench/eval_dev.py --errors people   # also list the misses of one set (people|stereo|topic)

It calls the same `Auditor.audit` as `auditor audit --jsonl`. The dev sets are for measuring only:
nothing here feeds back into rules or training.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.audit.engine import Auditor  # noqa: E402
from auditor.text import fold  # noqa: E402

EVAL = REPO.parent / "shared" / "eval"


def load(name: str) -> list[dict]:
    with (EVAL / name).open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def verdicts_prf(verdicts: list[tuple[bool, bool, bool]], sure_only: bool = False) -> tuple[float, float, float]:
    """P, R, F1 over (gold, predicted, unsure) verdicts; with ``sure_only``, over the sure rows alone.

    The guides mark a row unsure "when two careful readers could disagree"; the targets count every
    row, the sure-only figure is reported beside them to show how much of the error sits on such rows.
    """
    rows = [(gold, pred) for gold, pred, unsure in verdicts if not (sure_only and unsure)]
    return prf(sum(g and p for g, p in rows), sum(p and not g for g, p in rows), sum(g and not p for g, p in rows))


def eval_topic(auditor: Auditor, show: bool) -> dict:
    rows = load("topic_dev.jsonl")
    tp = topic_ok = 0
    verdicts = []
    for r in rows:
        out = auditor.audit(r["text"], r.get("title"))
        gold = bool(r["ge_item"])
        verdicts.append((gold, out.ge_item, bool(r.get("unsure"))))
        if out.ge_item and gold:
            tp += 1
            topic_ok += out.ge_topic == r["ge_topic"]
        if show and out.ge_item != gold:
            print(f"  topic {'FP' if out.ge_item else 'FN'} {r['id']} score={out.ge_score:.2f} "
                  f"unsure={r.get('unsure')} | {r['title'][:90]}")
    p, rc, f = verdicts_prf(verdicts)
    sure_p, sure_r, sure_f = verdicts_prf(verdicts, sure_only=True)
    return {"ge_p": p, "ge_r": rc, "ge_f1": f, "topic_acc": topic_ok / tp if tp else 0.0, "n": len(rows),
            "ge_sure_p": sure_p, "ge_sure_r": sure_r, "ge_sure_f1": sure_f,
            "ge_unsure": sum(unsure for _, _, unsure in verdicts)}


def eval_stereo(auditor: Auditor, show: bool) -> dict:
    rows = load("stereo_dev.jsonl")
    tp = cat_ok = 0
    verdicts = []
    for r in rows:
        out = auditor.audit(r["sentence"])
        flagged = bool(out.findings)
        gold = bool(r["stereotype"])
        verdicts.append((gold, flagged, bool(r.get("unsure"))))
        if flagged and gold:
            tp += 1
            cat_ok += any(f.category == r["category"] for f in out.findings)
        if show and flagged != gold:
            why = ",".join(f"{f.rule}:{f.excerpt}" for f in out.findings)
            print(f"  stereo {'FP' if flagged else 'FN'} {r['id']} [{r['category']}] unsure={r.get('unsure')} "
                  f"{why} | {r['sentence'][:140]}")
    p, rc, f = verdicts_prf(verdicts)
    sure_p, sure_r, _ = verdicts_prf(verdicts, sure_only=True)
    return {"st_p": p, "st_r": rc, "st_f1": f, "st_cat": cat_ok / tp if tp else 0.0,
            "st_sure_p": sure_p, "st_sure_r": sure_r, "st_unsure": sum(unsure for _, _, unsure in verdicts)}


def _same_person(a: str, b: str) -> bool:
    ta, tb = fold(a).rstrip(".").split(), fold(b).rstrip(".").split()
    if not ta or not tb:
        return False
    if ta == tb:
        return True
    short, long_ = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return long_[-len(short):] == short or long_[:len(short)] == short


def score_people(auditor: Auditor, rows: list[dict], show: bool = False, roles: bool = False) -> dict:
    """Persons recall, spurious share, gender, U kept, quotes and roles of ``rows`` (people_dev.jsonl
    format); ``show`` lists the errors, ``roles`` the role errors."""
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


def eval_people(auditor: Auditor, show: bool) -> dict:
    return score_people(auditor, load("people_dev.jsonl"), show)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-model", action="store_true", help="rules alone")
    ap.add_argument("--errors", choices=["people", "stereo", "topic"], help="list the misses of one set")
    args = ap.parse_args()
    if not EVAL.exists():
        print(f"skipped: {EVAL} not found (the dev sets live beside the checkout in ../shared/eval)")
        return 0
    t0 = time.perf_counter()
    if args.no_model:
        auditor = Auditor()
    else:
        from auditor.audit.engine import default_auditor

        auditor = default_auditor()
    mode = f"rules + model {auditor.versions['model_version']}" if auditor.model else "rules only"
    topic = eval_topic(auditor, args.errors == "topic")
    stereo = eval_stereo(auditor, args.errors == "stereo")
    people = eval_people(auditor, args.errors == "people")
    rows = [
        ("gender-equality item F1 (topic_dev)", f"{topic['ge_f1']:.3f}  (P {topic['ge_p']:.3f} R {topic['ge_r']:.3f}; "
         f"topic acc {topic['topic_acc']:.2f})", ">= 0.85"),
        ("  the same, sure labels only", f"{topic['ge_sure_f1']:.3f}  (P {topic['ge_sure_p']:.3f} "
         f"R {topic['ge_sure_r']:.3f}; {topic['ge_unsure']} unsure rows left out)", "(reported)"),
        ("stereotyped sentence P / R (stereo_dev)", f"{stereo['st_p']:.3f} / {stereo['st_r']:.3f}  "
         f"(category acc {stereo['st_cat']:.2f})", ">= 0.85 / >= 0.60"),
        ("  the same, sure labels only", f"{stereo['st_sure_p']:.3f} / {stereo['st_sure_r']:.3f}  "
         f"({stereo['st_unsure']} unsure rows left out)", "(reported)"),
        ("named persons recall; spurious share", f"{people['people_recall']:.3f}; {people['spurious_rate']:.3f}",
         ">= 0.90; <= 0.10"),
        ("person gender acc (gold F/M); U kept", f"{people['gender_acc']:.3f}; {people['u_kept']:.2f} "
         f"of {people['u_total']} U", ">= 0.95; U kept"),
        ("quoted-source F1 (P / R)", f"{people['quote_f1']:.3f} ({people['quote_p']:.3f} / {people['quote_r']:.3f})",
         ">= 0.85"),
        ("female share of quoted, pred vs gold", f"{people['f_share_pred']:.3f} vs {people['f_share_gold']:.3f}",
         "within 0.03"),
        ("person role accuracy", f"{people['role_acc']:.3f}", "(reported)"),
    ]
    print(f"Dev-set figures ({mode}; {time.perf_counter() - t0:.1f} s)")
    w, vw = max(len(r[0]) for r in rows), max(len(r[1]) for r in rows)
    for name, value, target in rows:
        print(f"  {name:<{w}}  {value:<{vw}}  target {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
