"""Benchmark the tally: build a database of 100,000 articles across 300 outlets (with audits, review
decisions and crawl logs), then time ``run_tally`` and the XLSX report and print peak memory.

    .venv/bin/python bench/tally_bench.py                 # 100,000 articles, 300 outlets
    .venv/bin/python bench/tally_bench.py --articles 20000 --keep /tmp/tally.db

Targets (issue 6): a tally over the whole database in under 5 s and under 500 MB.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from auditor.db import open_db  # noqa: E402
from auditor.tally.report import write_xlsx  # noqa: E402
from auditor.tally.rules import load_quota_book  # noqa: E402
from auditor.tally.tally import run_tally  # noqa: E402

# (2025 code, 2025 name, pre-2025 code, pre-2025 name)
PROVINCES = [
    ("51", "Quảng Ngãi", "62", "Kon Tum"),
    ("51", "Quảng Ngãi", "51", "Quảng Ngãi"),
    ("19", "Thái Nguyên", "06", "Bắc Kạn"),
    ("24", "Bắc Ninh", "24", "Bắc Giang"),
    ("20", "Lạng Sơn", "20", "Lạng Sơn"),
    ("52", "Gia Lai", "64", "Gia Lai"),
]
KINDS = ["commune_radio"] * 6 + ["district_centre"] * 2 + ["provincial_paper", "provincial_radio_tv"]
TOPICS = ["bạo lực gia đình", "phụ nữ lãnh đạo", "việc làm của phụ nữ", "chia sẻ việc nhà", "bình đẳng giới"]
START, END = date(2023, 1, 1), date(2025, 12, 31)


def build(path: Path, n_articles: int, n_outlets: int, seed: int = 6) -> None:
    rng = random.Random(seed)
    db = open_db(path)
    outlets = []
    for i in range(n_outlets):
        code, name, old_code, old_name = PROVINCES[i % len(PROVINCES)]
        outlet = {"id": f"o{i:03d}", "name": f"Cơ quan {i:03d} ({old_name})", "kind": KINDS[i % len(KINDS)],
                  "province_code": code, "province_name": name, "old_province_code": old_code,
                  "old_province_name": old_name}
        if outlet["kind"] in ("provincial_paper", "provincial_radio_tv"):
            outlet["config"] = json.dumps({"gender_column": {"sections": ["Bình đẳng giới"]}})
        outlets.append(outlet)
    days = (END - START).days
    articles, audits, decisions, fetches = [], [], [], []
    for i in range(n_articles):
        outlet = outlets[rng.randrange(n_outlets)]
        moment = datetime.combine(START, datetime.min.time(), UTC) + timedelta(
            days=rng.randrange(days), seconds=rng.randrange(86400))
        article_id = f"a{i:06d}"
        ge = rng.random() < 0.12
        articles.append((article_id, outlet["id"], f"https://{outlet['id']}.vn/{i}", f"https://{outlet['id']}.vn/{i}",
                         f"Tin số {i} về đời sống địa phương", moment.isoformat(), "Tin bài số " + str(i),
                         "Bình đẳng giới" if ge and rng.random() < 0.5 else "Thời sự"))
        if rng.random() < 0.95:
            f, m = rng.randrange(3), rng.randrange(4)
            audits.append((article_id, int(ge), rng.choice(TOPICS) if ge else "", f + m + rng.randrange(2), f, m))
        if rng.random() < 0.03:
            after = json.dumps({"ge_item": not ge, "ge_topic": rng.choice(TOPICS)}, ensure_ascii=False)
            decisions.append((moment.isoformat(), article_id, "ge_item", article_id, "correct", after))
    for outlet in outlets:
        for month in range(36):
            if rng.random() < 0.9:
                at = datetime(2023 + month // 12, month % 12 + 1, 10, 2, tzinfo=UTC).isoformat()
                fetches.append((at, outlet["id"], f"https://{outlet['id']}.vn/rss", 200, "ok"))
    with db.conn:
        db["outlets"].insert_all(outlets)
        db.conn.executemany("INSERT INTO articles (id, outlet_id, url, canonical_url, title, published_at, text, "
                            "section) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", articles)
        db.conn.executemany("INSERT INTO audits (article_id, ge_item, ge_topic, n_quoted, n_quoted_f, n_quoted_m) "
                            "VALUES (?, ?, ?, ?, ?, ?)", audits)
        db.conn.executemany("INSERT INTO decisions (at, article_id, target, target_id, action, after) "
                            "VALUES (?, ?, ?, ?, ?, ?)", decisions)
        db.conn.executemany("INSERT INTO fetch_log (at, outlet_id, url, status, outcome) VALUES (?, ?, ?, ?, ?)",
                            fetches)
    db.execute("ANALYZE")
    db.conn.close()


def timed(label: str, func):
    """Run ``func``; print wall time and this process's CPU time (the machine may be shared)."""
    began, cpu = time.perf_counter(), time.process_time()
    value = func()
    print(f"{label:<50} {time.perf_counter() - began:6.2f} s wall {time.process_time() - cpu:6.2f} s CPU")
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--outlets", type=int, default=300)
    parser.add_argument("--keep", type=Path, help="write the database here and keep it")
    args = parser.parse_args()
    path = args.keep or Path(tempfile.mkdtemp()) / "tally_bench.db"
    if not path.exists():
        timed(f"build {args.articles:,} articles / {args.outlets} outlets", lambda: build(path, args.articles,
                                                                                         args.outlets))
    book = load_quota_book()
    db = open_db(path)
    n = db.execute("SELECT count(*) FROM articles").fetchone()[0]
    print(f"database: {path} ({path.stat().st_size / 1e6:.1f} MB, {n:,} articles)")
    whole = timed("tally: all outlets, 2023-2025 by quarter", lambda: run_tally(
        db, book, start=START, end=END, period="quarter"))
    timed("tally: all outlets, 2023-2025 by month", lambda: run_tally(db, book, start=START, end=END,
                                                                     period="month"))
    kon_tum = timed("tally: --province 'Kon Tum' 2023 by quarter", lambda: run_tally(
        db, book, start=date(2023, 1, 1), end=date(2023, 12, 31), province="Kon Tum"))
    out = Path(tempfile.mkdtemp()) / "bao-cao.xlsx"
    timed("report: XLSX of the whole tally", lambda: write_xlsx(whole, out))
    statuses = whole.status_counts()
    print(f"rows: {len(whole.rows):,} (Kon Tum 2023: {len(kon_tum.rows)}); statuses: {dict(statuses)}")

    tracemalloc.start()
    run_tally(db, book, start=START, end=END, period="quarter")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"peak Python memory during a tally (tracemalloc): {peak / 1e6:.1f} MB")
    print(f"peak resident memory of this process (ru_maxrss, incl. build and XLSX): {rss_kb / 1024:.0f} MB")


if __name__ == "__main__":
    main()
