#!/usr/bin/env python3
"""Throughput of `auditor audit --jsonl` on real news text: 2,000 corpus articles, all cores.

    python bench/audit_bench.py [--n 2000] [--workers 2] [--no-model]
    python bench/audit_bench.py --long        # one long text (a session transcript), 50 KB to 800 KB

Takes articles from ../shared/corpus (baomoi 2017, then VNTC), writes them as JSONL, runs the real
command (`python -m auditor audit --jsonl`) end to end, checks one output line per input line, and
prints articles per second (target: >= 200/s rules-only on 2 cores; >= 40/s with the model).

``--long`` times the rules on single long texts made of corpus articles joined end to end (a
council-session transcript, a year of bulletins pasted as one draft): time should grow about
linearly with length, so it prints microseconds per character at each size.
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO.parent / "shared" / "corpus"


def corpus_articles(n: int):
    sources = [CORPUS / "baomoi" / "baomoi_2017_dev.jsonl.gz", CORPUS / "vntc" / "vntc10_train.jsonl.gz"]
    count = 0
    for src in sources:
        with gzip.open(src, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                text = row.get("text") or ""
                if len(text) < 200:
                    continue
                yield {"id": row.get("id", count), "title": row.get("title", ""), "text": text}
                count += 1
                if count >= n:
                    return


def long_texts() -> None:
    sys.path.insert(0, str(REPO))
    from auditor.audit.engine import Auditor

    auditor = Auditor(model=None)
    bodies = [r["text"] for r in corpus_articles(2000)]
    for size in (50_000, 200_000, 800_000):
        parts, total = [], 0
        for body in bodies:
            if total >= size:
                break
            parts.append(body)
            total += len(body) + 2
        text = "\n\n".join(parts)
        t0 = time.perf_counter()
        result = auditor.audit(text)
        elapsed = time.perf_counter() - t0
        print(f"{len(text):>9,} chars: {elapsed:6.2f} s, {1e6 * elapsed / len(text):5.1f} µs/char "
              f"({len(result.findings)} findings, {len(result.people)} people)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=2000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-model", action="store_true")
    ap.add_argument("--long", action="store_true", help="time single long texts instead (rules only)")
    args = ap.parse_args()
    if not CORPUS.exists():
        print(f"skipped: {CORPUS} not found")
        return 0
    if args.long:
        long_texts()
        return 0
    rows = list(corpus_articles(args.n))
    chars = sum(len(r["text"]) for r in rows)
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "in.jsonl"
        inp.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        cmd = [sys.executable, "-m", "auditor", "audit", "--jsonl", str(inp), "--workers", str(args.workers)]
        if args.no_model:
            cmd.append("--no-model")
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, cwd=REPO)
        elapsed = time.perf_counter() - t0
    if proc.returncode != 0:
        print(proc.stderr.decode()[-2000:])
        return 1
    out = proc.stdout.decode().splitlines()
    errors = sum(1 for line in out if '"error"' in line[:200] and "error" in json.loads(line))
    flagged = sum(1 for line in out if json.loads(line).get("findings"))
    print(f"articles: {len(rows)} ({chars / len(rows):,.0f} chars avg), workers: {args.workers}, "
          f"model: {'off' if args.no_model else 'default'}")
    print(f"output lines: {len(out)} (errors {errors}), articles with findings: {flagged}")
    print(f"wall time: {elapsed:.2f} s (process start and model load included)")
    print(f"throughput: {len(rows) / elapsed:.0f} articles/s")
    return 0 if len(out) == len(rows) else 1


if __name__ == "__main__":
    sys.exit(main())
