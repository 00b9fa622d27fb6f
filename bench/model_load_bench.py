"""Where a fresh process spends its model load time, phase by phase (issue 5: load < 2 s).

    .venv/bin/python bench/model_load_bench.py [--model models/] [--runs 7] [--plain]

Each run is a new interpreter that imports, in order, ``auditor.models``, torch, transformers, the
lazy ``transformers.models`` package, BERT's modelling code, then calls ``load_scorer`` and scores
one sentence. The GC is paused during the imports the way ``load_scorer`` pauses it, and the two
``transformers.models`` imports run inside ``lean_imports()`` as ``load_scorer``'s do, so the phases
add up to what ``bench/model_bench.py``'s load time measures in one go. ``--plain`` sets
``AUDITOR_LEAN_IMPORT=0``: transformers' normal imports, for comparison. Prints the median wall and
CPU (user + sys) seconds of each phase, which heavy imports were avoided, and the 1-minute load
average around the runs: on a shared machine wall time follows the load, CPU time much less.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

CHILD = r"""
import gc, json, resource, sys, time
def now():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return time.perf_counter(), r.ru_utime + r.ru_stime
marks = [("start", *now())]
def mark(name):
    marks.append((name, *now()))
gc.disable()
from auditor.models import scorer
from auditor.models.lean_import import lean_imports, status
mark("auditor.models")
import torch
mark("import torch")
import transformers
mark("import transformers")
with lean_imports():
    import transformers.models
    mark("transformers.models (2nd file scan)")
    import transformers.models.bert.modeling_bert
    mark("BERT modelling code")
s = scorer.load_scorer(sys.argv[1])  # finds the GC paused: leaves it so
gc.freeze()
gc.enable()  # as load_scorer does after loading
mark("load_scorer (weights, tokenizers)")
s.score_sentences(["Nữ tài xế gây tai nạn."])
mark("first score")
print(json.dumps([[[b[0], b[1] - a[1], b[2] - a[2]] for a, b in zip(marks, marks[1:])], status()]))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=str(REPO / "models"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plain", action="store_true", help="AUDITOR_LEAN_IMPORT=0 (normal imports)")
    args = parser.parse_args()
    env = {**os.environ, "AUDITOR_LEAN_IMPORT": "0" if args.plain else "1"}
    runs, loads = [], [os.getloadavg()[0]]
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, args.model], capture_output=True, text=True,
                             check=True, cwd=REPO, env=env)
        phases, avoided = json.loads(out.stdout)
        runs.append(phases)
        loads.append(os.getloadavg()[0])
    print(f"{'phase':40s} {'wall s':>8s} {'cpu s':>8s}   (median of {args.runs} fresh processes)")
    for i, (name, _, _) in enumerate(runs[0]):
        print(f"{name:40s} {statistics.median(r[i][1] for r in runs):8.3f} "
              f"{statistics.median(r[i][2] for r in runs):8.3f}")
    total_wall = statistics.median(sum(p[1] for p in r) for r in runs)
    total_cpu = statistics.median(sum(p[2] for p in r) for r in runs)
    print(f"{'total':40s} {total_wall:8.3f} {total_cpu:8.3f}")
    print(f"lean import {'off' if args.plain else 'on'}; avoided in the last run: {avoided}")
    print(f"1-min load average: {min(loads):.2f} to {max(loads):.2f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
