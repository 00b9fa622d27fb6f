"""Benchmark the shipped classifier: load time, throughput, and scores on ../shared/eval.

    .venv/bin/python bench/model_bench.py [--model models/] [--json out.json] [--skip-baseline]
        [--skip-combined] [--skip-speed]
    .venv/bin/python bench/model_bench.py --probe models/checkpoints/mlm/final   # encoder quality only

Prints, for the transformer and for a TF-IDF + logistic regression baseline trained on the same
data/train labels (``auditor.models.train.load_examples``):
- gender-equality item (topic_dev.jsonl): precision / recall / F1 at the recommended threshold and
  at the best dev threshold, topic accuracy on true items;
- stereotyped sentence (stereo_dev.jsonl): precision / recall at the recommended thresholds and the
  best recall at precision >= 0.85;
- rules + model as the audit engine combines them (``combined``): rules alone, the thresholds in the
  model's config, the best thresholds on dev, and a 2-fold cross-check of that choice.
``--probe DIR`` instead measures a pretrained encoder (an MLM checkpoint) before any fine-tuning:
its masked-token loss on held-out corpus text, and the best dev F1 of a logistic regression on its
frozen features (mean + first token) trained on the same labels: a quick way to compare pretraining
recipes without fine-tuning both heads.
Eval data is only read here, never trained on. Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
EVAL = SHARED / "eval"
sys.path.insert(0, str(REPO))


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def prf(gold: list[int], pred: list[int]) -> dict[str, float]:
    tp = sum(1 for g, p in zip(gold, pred, strict=True) if g and p)
    fp = sum(1 for g, p in zip(gold, pred, strict=True) if not g and p)
    fn = sum(1 for g, p in zip(gold, pred, strict=True) if g and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 3), "recall": round(recall, 3), "f1": round(f1, 3),
            "tp": tp, "fp": fp, "fn": fn}


def sweep(gold: list[int], probs: list[float]) -> dict[str, dict]:
    """Best-F1 threshold and best recall at precision >= 0.85, over the observed scores.

    Also the average precision (area under the precision-recall curve): it does not depend on one
    lucky threshold, so it moves less than the best F1 between two runs on 36 or 51 positives.
    """
    from sklearn.metrics import average_precision_score

    candidates = sorted({round(p, 4) for p in probs} | {0.5})
    best_f1 = {"f1": -1.0}
    best_p85 = {"recall": 0.0, "threshold": None}
    for t in candidates:
        scores = prf(gold, [int(p >= t) for p in probs])
        if scores["f1"] > best_f1["f1"]:
            best_f1 = {**scores, "threshold": t}
        if scores["precision"] >= 0.85 and scores["tp"] and scores["recall"] > best_p85["recall"]:
            best_p85 = {**scores, "threshold": t}
    return {"best_f1": best_f1, "best_recall_at_p85": best_p85,
            "average_precision": round(float(average_precision_score(gold, probs)), 3)}


def load_time(model: str, runs: int = 3) -> dict[str, float]:
    """Median wall and CPU (user + sys) seconds of ``load_scorer`` in fresh processes, with the 1-min
    load average around them: on the shared machine wall time follows the load, CPU time much less.
    Phase by phase: ``bench/model_load_bench.py``."""
    code = ("import resource, time\n"
            "def cpu():\n"
            "    r = resource.getrusage(resource.RUSAGE_SELF)\n"
            "    return r.ru_utime + r.ru_stime\n"
            "t0, c0 = time.perf_counter(), cpu()\n"
            "from auditor.models import load_scorer\n"
            f"s = load_scorer({model!r})\n"
            "t1, c1 = time.perf_counter(), cpu(); s.score_sentences(['Nữ tài xế gây tai nạn.'])\n"
            "print(t1 - t0, time.perf_counter() - t0, c1 - c0)\n")
    loads, firsts, cpus, load_average = [], [], [], [os.getloadavg()[0]]
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=REPO)
        load, first, cpu = map(float, out.stdout.split())
        loads.append(load)
        firsts.append(first)
        cpus.append(cpu)
        load_average.append(os.getloadavg()[0])
    return {"load_s_median": round(statistics.median(loads), 3),
            "load_cpu_s_median": round(statistics.median(cpus), 3),
            "load_plus_first_score_s_median": round(statistics.median(firsts), 3),
            "load_average_1min": [round(min(load_average), 2), round(max(load_average), 2)]}


def evaluate(ge_probs, ge_topics, stereo_probs, topics_rows, stereo_rows, thresholds) -> dict:
    ge_gold = [int(r["ge_item"]) for r in topics_rows]
    st_gold = [int(r["stereotype"]) for r in stereo_rows]
    out = {
        "ge_item": {
            "at_recommended": {**prf(ge_gold, [int(p >= thresholds["ge_item"]) for p in ge_probs]),
                               "threshold": thresholds["ge_item"]},
            **sweep(ge_gold, ge_probs),
        },
        "stereotype": {
            "at_recommended": {**prf(st_gold, [int(p >= thresholds["stereotype"]) for p in stereo_probs]),
                               "threshold": thresholds["stereotype"]},
            "at_model_only": {**prf(st_gold, [int(p >= thresholds["stereotype_model_only"]) for p in stereo_probs]),
                              "threshold": thresholds["stereotype_model_only"]},
            **sweep(st_gold, stereo_probs),
        },
    }
    if ge_topics is not None:
        true_items = [(r["ge_topic"], t) for r, t in zip(topics_rows, ge_topics, strict=True) if r["ge_item"]]
        out["ge_item"]["topic_accuracy_on_true_items"] = round(
            sum(1 for g, t in true_items if g == t) / max(1, len(true_items)), 3)
    return out


def baseline(topics_rows, stereo_rows) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from auditor.models.textprep import article_input, prepare_text
    from auditor.models.train import NONE_LABEL, load_examples

    def fit(head: str):
        examples = load_examples(REPO / "data" / "train", head, SHARED / "corpus")
        model = make_pipeline(
            TfidfVectorizer(ngram_range=(1, 2), min_df=2, sublinear_tf=True, lowercase=True),
            LogisticRegression(class_weight="balanced", max_iter=3000, C=4.0),
        )
        model.fit([t for _, t, _ in examples], [int(label != NONE_LABEL) for _, _, label in examples])
        return model

    ge_model, st_model = fit("ge_item"), fit("stereo")
    ge_probs = ge_model.predict_proba(
        [article_input(r.get("title", ""), r.get("text", "")) for r in topics_rows])[:, 1].tolist()
    st_probs = st_model.predict_proba([prepare_text(r["sentence"]) for r in stereo_rows])[:, 1].tolist()
    return evaluate(ge_probs, None, st_probs, topics_rows, stereo_rows,
                    {"ge_item": 0.5, "stereotype": 0.5, "stereotype_model_only": 0.9})


def _encode(model, tokenizer, texts: list[str], max_len: int):
    """Mean of the last hidden states and the first token's state, per text (frozen encoder)."""
    import torch

    features = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    with torch.inference_mode():
        for start in range(0, len(order), 64):
            rows = order[start:start + 64]
            batch = tokenizer([texts[i] for i in rows], truncation=True, max_length=max_len, padding=True,
                              return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            pooled = torch.cat([(hidden * mask).sum(1) / mask.sum(1), hidden[:, 0]], dim=1).tolist()
            for i, row in zip(rows, pooled, strict=True):
                features[i] = row
    return features


def probe(encoder: Path, topics_rows, stereo_rows) -> dict:
    """Held-out MLM loss (15 % of tokens masked) and linear-probe dev F1 of a pretrained encoder."""
    import torch
    from sklearn.linear_model import LogisticRegression
    from transformers import AutoTokenizer, BertForMaskedLM

    from auditor.models.textprep import article_input, prepare_text
    from auditor.models.train import NONE_LABEL, TrainOptions, _corpus_texts, load_examples

    torch.set_num_threads(1)
    tokenizer = AutoTokenizer.from_pretrained(str(encoder), local_files_only=True)
    mlm = BertForMaskedLM.from_pretrained(str(encoder), local_files_only=True).eval()
    # Articles of a sample the pretraining sample does not select (its own salt); a few may overlap.
    texts = list(_corpus_texts(TrainOptions(corpus=SHARED / "corpus"), 400, "heldout"))[:400]
    encoded = tokenizer(texts, truncation=True, max_length=128)["input_ids"]
    special = torch.tensor([tokenizer.cls_token_id, tokenizer.sep_token_id, tokenizer.pad_token_id])
    total, count = 0.0, 0
    with torch.inference_mode():
        for start in range(0, len(encoded), 32):
            ids = tokenizer.pad({"input_ids": encoded[start:start + 32]}, return_tensors="pt")
            masked = ((torch.rand(ids["input_ids"].shape, generator=torch.Generator().manual_seed(start)) < 0.15)
                      & ~torch.isin(ids["input_ids"], special))
            inputs = ids["input_ids"].clone()
            inputs[masked] = tokenizer.mask_token_id
            hidden = mlm.bert(input_ids=inputs, attention_mask=ids["attention_mask"]).last_hidden_state
            total += torch.nn.functional.cross_entropy(mlm.cls(hidden[masked]), ids["input_ids"][masked],
                                                       reduction="sum").item()
            count += int(masked.sum())
    out: dict = {"encoder": str(encoder), "heldout_mlm_loss": round(total / count, 3)}
    tasks = (("ge_item", 160, [article_input(r.get("title", ""), r["text"]) for r in topics_rows],
              [int(r["ge_item"]) for r in topics_rows]),
             ("stereo", 64, [prepare_text(r["sentence"]) for r in stereo_rows],
              [int(r["stereotype"]) for r in stereo_rows]))
    for head, max_len, dev_texts, gold in tasks:
        examples = load_examples(REPO / "data" / "train", head, SHARED / "corpus")
        train_x = _encode(mlm.bert, tokenizer, [t for _, t, _ in examples], max_len)
        dev_x = _encode(mlm.bert, tokenizer, dev_texts, max_len)
        classifier = LogisticRegression(class_weight="balanced", max_iter=3000, C=0.1)
        classifier.fit(train_x, [int(label != NONE_LABEL) for _, _, label in examples])
        out[f"{head}_probe"] = sweep(gold, classifier.predict_proba(dev_x)[:, 1].tolist())["best_f1"]
    return out


class _Recorder:
    """Wraps a scorer so the audit engine can be run once while every model score is recorded."""

    def __init__(self, scorer) -> None:
        self.scorer, self.version, self.thresholds = scorer, scorer.version, {}
        self.has_articles, self.has_sentences = scorer.has_articles, scorer.has_sentences
        self.article_probs: list[float] = []

    def score_articles(self, texts, titles=None):
        out = self.scorer.score_articles(texts, titles)
        self.article_probs.extend(float(o["ge_prob"]) for o in out)
        return out

    def score_sentences(self, sentences):
        return self.scorer.score_sentences(sentences)


def _halves(rows: list[dict]) -> list[int]:
    """A fixed split of an eval set into two halves (by id hash) for the threshold cross-check."""
    from auditor.models.corpus import keep

    return [int(keep(f"half:{r['id']}", 0.5, 7)) for r in rows]


def combined(scorer, topics_rows, stereo_rows, thresholds: dict[str, float]) -> dict:
    """Rules + model exactly as the audit engine combines them, with the thresholds swept.

    Gender-equality item: the engine keeps a rule verdict unless the model's probability is under
    ``ge_model_veto``, and adds an item the rules missed when it reaches ``ge_model_add``. Stereotype:
    a sentence no rule flags is flagged when the model reaches ``stereotype_model_only``.
    Reports rules alone, the configured thresholds, the best pair on the whole dev set (optimistic:
    chosen on the data it is scored on) and a 2-fold cross-check (thresholds chosen on one half of
    the dev set, scored on the other) that estimates what the choice is worth on unseen articles.
    """
    from auditor.audit.engine import Auditor

    recorder = _Recorder(scorer)
    # Thresholds that make the model a no-op for the verdict (add never, veto never) but let every
    # model finding through with its score, so one pass records everything.
    auditor = Auditor(model=recorder, thresholds={"ge_model_add": 2.0, "ge_model_veto": -1.0,
                                                  "stereotype_model_only": 0.0})
    rule_item, ge_gold = [], []
    for r in topics_rows:
        rule_item.append(bool(auditor.audit(r["text"], r.get("title")).ge_item))
        ge_gold.append(int(r["ge_item"]))
    probs = recorder.article_probs
    rule_flag, model_max, st_gold = [], [], []
    for r in stereo_rows:
        out = auditor.audit(r["sentence"])
        rule_flag.append(any(f.by == "rule" for f in out.findings))
        model_max.append(max((f.score for f in out.findings if f.by == "model"), default=0.0))
        st_gold.append(int(r["stereotype"]))

    def ge_pred(idx, add, veto):
        return [int(probs[i] >= veto if rule_item[i] else probs[i] >= add) for i in idx]

    def st_pred(idx, bar):
        return [int(rule_flag[i] or (model_max[i] > 0 and model_max[i] >= bar)) for i in idx]

    adds = sorted({round(p, 4) for p in probs if p > 0.001} | {0.5, 0.8, 0.9, 0.95, 1.01})
    vetoes = [0.0, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1]
    bars = sorted({round(m, 4) for m in model_max if m > 0} | {0.9, 0.95, 0.99, 1.01})

    def best_ge(idx):
        gold = [ge_gold[i] for i in idx]
        # Ties go to the more conservative pair: the higher add bar, the lower veto bar.
        f1, a, neg_v = max((prf(gold, ge_pred(idx, a, v))["f1"], a, -v) for a in adds for v in vetoes)
        return f1, a, -neg_v

    def best_st(idx):
        gold = [st_gold[i] for i in idx]
        ok = [(prf(gold, st_pred(idx, b))["recall"], b) for b in bars
              if prf(gold, st_pred(idx, b))["precision"] >= 0.85]
        return max(ok) if ok else (0.0, 1.01)

    all_ge, all_st = range(len(topics_rows)), range(len(stereo_rows))
    _, add, veto = best_ge(all_ge)
    st_recall, st_bar = best_st(all_st)
    cross = {"ge_f1": [], "stereo": []}
    for half_rows, n, kind in ((_halves(topics_rows), len(topics_rows), "ge"),
                               (_halves(stereo_rows), len(stereo_rows), "st")):
        for fold in (0, 1):
            pick = [i for i in range(n) if half_rows[i] == fold]
            test = [i for i in range(n) if half_rows[i] != fold]
            if kind == "ge":
                _, a, v = best_ge(pick)
                gold = [ge_gold[i] for i in test]
                cross["ge_f1"].append({"add": a, "veto": v, **prf(gold, ge_pred(test, a, v)),
                                       "rules_alone_f1": prf(gold, [int(rule_item[i]) for i in test])["f1"]})
            else:
                _, b = best_st(pick)
                gold = [st_gold[i] for i in test]
                cross["stereo"].append({"bar": b, **prf(gold, st_pred(test, b)),
                                        "rules_alone": prf(gold, [int(rule_flag[i]) for i in test])})
    return {
        "ge_item": {
            "rules_alone": prf(ge_gold, [int(x) for x in rule_item]),
            "at_config": {**prf(ge_gold, ge_pred(all_ge, thresholds.get("ge_model_add", 2.0),
                                                 thresholds.get("ge_model_veto", 0.0))),
                          "add": thresholds.get("ge_model_add"), "veto": thresholds.get("ge_model_veto")},
            "best_on_dev": {**prf(ge_gold, ge_pred(all_ge, add, veto)), "add": add, "veto": veto},
        },
        "stereotype": {
            "rules_alone": prf(st_gold, [int(x) for x in rule_flag]),
            "at_config": {**prf(st_gold, st_pred(all_st, thresholds.get("stereotype_model_only", 1.01))),
                          "bar": thresholds.get("stereotype_model_only")},
            "best_recall_at_p85_on_dev": {**prf(st_gold, st_pred(all_st, st_bar)), "bar": st_bar},
        },
        "cross_check_halves": cross,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(REPO / "models"))
    parser.add_argument("--json", help="write the figures to this file")
    parser.add_argument("--skip-baseline", action="store_true")
    parser.add_argument("--skip-combined", action="store_true", help="skip the rules + model sweep")
    parser.add_argument("--skip-speed", action="store_true", help="skip load time and throughput")
    parser.add_argument("--probe", metavar="MLM_DIR", type=Path,
                        help="only measure this pretrained encoder (held-out MLM loss, linear probes)")
    args = parser.parse_args()
    if not EVAL.is_dir():
        print(f"skip: {EVAL} not found (the eval sets live beside the repository)")
        return

    topics_rows = read_jsonl(EVAL / "topic_dev.jsonl")
    stereo_rows = read_jsonl(EVAL / "stereo_dev.jsonl")
    if args.probe:
        figures = probe(args.probe, topics_rows, stereo_rows)
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        if args.json:
            Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")
        return
    figures: dict = {"model": args.model}
    if not args.skip_speed:
        figures["load"] = load_time(args.model)

    from auditor.models import load_scorer
    from auditor.text import split_sentences

    scorer = load_scorer(args.model)
    figures["version"] = scorer.version
    figures["thresholds"] = scorer.thresholds
    started = time.perf_counter()
    articles = scorer.score_articles([r["text"] for r in topics_rows], titles=[r["title"] for r in topics_rows])
    article_seconds = time.perf_counter() - started
    started = time.perf_counter()
    sentences = scorer.score_sentences([r["sentence"] for r in stereo_rows])
    sentence_seconds = time.perf_counter() - started
    # What the audit does per article: one article score plus one score per sentence.
    all_sentences = [r["text"][s.start:s.end] for r in topics_rows for s in split_sentences(r["text"])]
    started = time.perf_counter()
    scorer.score_sentences(all_sentences)
    audit_seconds = article_seconds + time.perf_counter() - started
    figures["throughput"] = {
        "articles_per_s": round(len(topics_rows) / article_seconds, 1),
        "sentences_per_s": round(len(stereo_rows) / sentence_seconds, 1),
        "articles_per_s_with_all_sentences": round(len(topics_rows) / audit_seconds, 1),
        "sentences_in_eval_articles": len(all_sentences),
    }
    figures["transformer"] = evaluate(
        [a["ge_prob"] for a in articles], [a["topic"] for a in articles], [s["stereo_prob"] for s in sentences],
        topics_rows, stereo_rows, scorer.thresholds)
    if not args.skip_combined:
        figures["rules_plus_model"] = combined(scorer, topics_rows, stereo_rows, scorer.thresholds)
    if not args.skip_baseline:
        figures["tfidf_logreg"] = baseline(topics_rows, stereo_rows)

    print(json.dumps(figures, ensure_ascii=False, indent=2))
    if args.json:
        Path(args.json).write_text(json.dumps(figures, ensure_ascii=False, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
