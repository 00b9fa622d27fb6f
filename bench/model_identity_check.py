"""Check that the lean import (``auditor.models.lean_import``) changes no model output, bit for bit.

    .venv/bin/python bench/model_identity_check.py [--model models/]

Scores the same texts in two fresh processes, one with ``AUDITOR_LEAN_IMPORT=0`` (transformers'
normal imports) and one with the lean import, and compares every class probability exactly (as
``float.hex``). Texts: a fixed Vietnamese set, plus every article of ../shared/eval/topic_dev.jsonl
and sentence of stereo_dev.jsonl when that folder exists. Exits 1 on any difference.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
EVAL = REPO.parent / "shared" / "eval"

ARTICLES = [
    ("Hội LHPN tỉnh tập huấn về bình đẳng giới", "Sáng nay, Hội Liên hiệp phụ nữ tỉnh tổ chức lớp tập huấn "
     "về Luật Bình đẳng giới cho 120 cán bộ cơ sở, tập trung vào phòng chống bạo lực gia đình."),
    ("Đội tuyển thắng trận", "Đội tuyển bóng đá quốc gia thắng 2-0 trong trận giao hữu tối qua."),
    ("", "Tỷ số giới tính khi sinh của tỉnh vẫn ở mức 112 bé trai trên 100 bé gái."),
    ("Nữ giám đốc trẻ", "Chị Lan, 32 tuổi, điều hành doanh nghiệp thủy sản với 300 lao động."),
]
SENTENCES = [
    "Nữ tài xế gây tai nạn liên hoàn trên quốc lộ.",
    "Chân dài xinh đẹp cầm đầu đường dây lừa đảo.",
    "Hoà bình, thuỷ lợi.",
    "Hòa bình, thủy lợi.",
    "Bộ trưởng Bộ Y tế phát biểu tại hội nghị.",
    "Nữ quái sa lưới sau nhiều năm lẩn trốn.",
    "",
]

CHILD = r"""
import json, sys
from auditor.models import lean_import
from auditor.models.scorer import load_scorer
from auditor.models.textprep import article_input, prepare_text
data = json.load(sys.stdin)
scorer = load_scorer(sys.argv[1])
out = {"status": lean_import.status()}
if scorer.has_articles:
    inputs = [article_input(title, text) for title, text in data["articles"]]
    out["articles"] = [[p.hex() for p in row] for row in scorer.heads["article"].probabilities(inputs)]
if scorer.has_sentences:
    inputs = [prepare_text(s) for s in data["sentences"]]
    out["sentences"] = [[p.hex() for p in row] for row in scorer.heads["sentence"].probabilities(inputs)]
print(json.dumps(out))
"""


def texts() -> dict[str, list]:
    articles, sentences = [list(a) for a in ARTICLES], list(SENTENCES)
    if (EVAL / "topic_dev.jsonl").is_file():
        for line in (EVAL / "topic_dev.jsonl").open(encoding="utf-8"):
            if line.strip():
                row = json.loads(line)
                articles.append([row.get("title", ""), row.get("text", "")])
    if (EVAL / "stereo_dev.jsonl").is_file():
        for line in (EVAL / "stereo_dev.jsonl").open(encoding="utf-8"):
            if line.strip():
                sentences.append(json.loads(line)["sentence"])
    return {"articles": articles, "sentences": sentences}


def score_in_fresh_process(model: str, data: dict, lean: bool) -> dict:
    env = {**os.environ, "AUDITOR_LEAN_IMPORT": "1" if lean else "0"}
    out = subprocess.run([sys.executable, "-c", CHILD, model], input=json.dumps(data), capture_output=True,
                         text=True, check=True, cwd=REPO, env=env)
    return json.loads(out.stdout)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(REPO / "models"))
    args = parser.parse_args()
    data = texts()
    plain = score_in_fresh_process(args.model, data, lean=False)
    lean = score_in_fresh_process(args.model, data, lean=True)
    print(f"normal import: {plain['status']}")
    print(f"lean import:   {lean['status']}")
    differences = 0
    for kind in ("articles", "sentences"):
        if kind not in plain:
            continue
        rows = list(zip(plain[kind], lean[kind], strict=True))
        bad = [i for i, (a, b) in enumerate(rows) if a != b]
        differences += len(bad)
        print(f"{kind}: {len(rows)} texts x {len(rows[0][0])} classes, {len(bad)} differ"
              + (f" (first: #{bad[0]})" if bad else ", bit-identical"))
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
