"""Benchmarks of the review app, against a real `auditor serve` on 127.0.0.1.

    .venv/bin/python bench/check_bench.py               # full run (60 s load test)
    .venv/bin/python bench/check_bench.py --seconds 10  # shorter load test

Measures (targets from issue 7):
  1. self-check latency of a 1,500-word Vietnamese draft via POST /api/check, warm: p50/p95 (p95 < 150 ms)
  2. review page of an article with 30 findings, GET /articles/ID: p50/p95 (< 200 ms)
  3. 20 concurrent API clients for --seconds: requests, errors, throughput, p50/p95

Drafts are real news text from ../shared/corpus/vntc (joined to 1,500 words); without that folder a
built-in Vietnamese paragraph is repeated instead (and the run says so).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
VNTC = SHARED / "corpus" / "vntc" / "vntc10_train.jsonl.gz"
PASSWORD = "bench-mat-khau-dai"
FALLBACK = ("Chị Nguyễn Thị Lan, giám đốc hợp tác xã, cho biết năm nay sản lượng tăng 20%. "
            "Ông Trần Văn Hùng, chủ tịch xã, nói: \"Chúng tôi sẽ hỗ trợ bà con mở rộng sản xuất.\" "
            "Nhiều phụ nữ trong thôn tham gia lớp tập huấn kỹ thuật trồng lúa và chăn nuôi. ")


def drafts(words: int, count: int) -> tuple[list[str], str]:
    """``count`` drafts of ``words`` words each, and where the text came from."""
    if VNTC.exists():
        out, current = [], []
        with gzip.open(VNTC, "rt", encoding="utf-8") as handle:
            for line in handle:
                item = json.loads(line)
                current += item["text"].split()
                if len(current) >= words:
                    out.append(" ".join(current[:words]))
                    current = []
                    if len(out) == count:
                        return out, f"{VNTC.relative_to(SHARED.parent)}"
    base = FALLBACK.split()
    text = " ".join((base * (words // len(base) + 1))[:words])
    return [text] * count, "built-in paragraph (../shared not found)"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def describe(ms: list[float]) -> str:
    return (f"n={len(ms)} p50={statistics.median(ms):.1f} ms p95={percentile(ms, 95):.1f} ms "
            f"max={max(ms):.1f} ms")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seed(db_path: Path, text: str) -> str:
    """A user and one article with 30 findings (audit rows as the engine would store them)."""
    from auditor.audit.store import save_audit
    from auditor.audit.types import AuditResult, Finding, Person
    from auditor.db import open_db
    from auditor.review.accounts import create_user

    db = open_db(db_path)
    create_user(db, "bench", PASSWORD, "inspector")
    words = [m for m in re.finditer(r"\w+", text)]
    step = max(1, len(words) // 30)
    findings = [Finding("appearance.beauty", "appearance", "text", w.start(), w.end(), w.group(), "rule", 1.0,
                        "Nhận xét ngoại hình không liên quan.", "Bỏ nhận xét ngoại hình.")
                for w in words[::step][:30]]
    people = [Person(f"Người {i}", "FMU"[i % 3], i % 2 == 0, "citizen") for i in range(8)]
    with db.conn:
        db["articles"].insert({"id": "bench30", "title": "Bài có 30 phát hiện", "text": text,
                               "canonical_url": "https://example.vn/bench30", "content_hash": "bench30",
                               "published_at": "2025-07-01T08:00:00+07:00", "source_kind": "crawl"})
    save_audit(db, "bench30", AuditResult("bench30", True, "gbv", 0.9, findings, people),
               {"engine_version": "bench", "rules_version": "", "model_version": ""})
    assert len(findings) == 30
    db.close()
    return "bench30"


def start_server(db_path: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {**os.environ, "AUDITOR_SECRET_KEY": "bench-secret"}
    process = subprocess.Popen(
        [sys.executable, "-m", "auditor", "serve", "--db", str(db_path), "--port", str(port)],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/api/health", timeout=1).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start within 60 s")


def timed(call) -> tuple[float, httpx.Response]:  # noqa: ANN001
    start = time.perf_counter()
    response = call()
    return (time.perf_counter() - start) * 1000, response


def bench_check(base: str, token: str, texts: list[str], rounds: int) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=base, headers=headers, timeout=30) as client:
        for text in texts[:3]:  # warm up: models, caches, connection
            client.post("/api/check", json={"text": text}).raise_for_status()
        times = []
        for i in range(rounds):
            ms, response = timed(lambda i=i: client.post("/api/check", json={"title": "Bản thảo",
                                                                             "text": texts[i % len(texts)]}))
            response.raise_for_status()
            times.append(ms)
    return times


def bench_review_page(base: str, article_id: str, rounds: int) -> tuple[list[float], int]:
    with httpx.Client(base_url=base, timeout=30) as client:
        login = client.get("/login").text
        token = re.search(r'name="csrf_token" value="([^"]+)"', login).group(1)
        client.post("/login", data={"username": "bench", "password": PASSWORD, "csrf_token": token})
        first = client.get(f"/articles/{article_id}")
        first.raise_for_status()
        marks = first.text.count('<mark class="hl')
        times = []
        for _ in range(rounds):
            ms, response = timed(lambda: client.get(f"/articles/{article_id}"))
            response.raise_for_status()
            times.append(ms)
    return times, marks


def bench_load(base: str, token: str, texts: list[str], clients: int, seconds: float) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    times: list[float] = []
    errors: dict[str, int] = {}
    lock = threading.Lock()

    def worker(n: int) -> None:
        with httpx.Client(base_url=base, headers={"Authorization": f"Bearer {token}"}, timeout=60) as client:
            i = n
            while time.monotonic() < deadline:
                try:
                    ms, response = timed(lambda i=i: client.post("/api/check", json={"text": texts[i % len(texts)]}))
                    key = None if response.status_code == 200 else f"HTTP {response.status_code}"
                except httpx.HTTPError as exc:
                    ms, key = 0.0, type(exc).__name__
                with lock:
                    if key:
                        errors[key] = errors.get(key, 0) + 1
                    else:
                        times.append(ms)
                i += clients

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    return {"ok": len(times), "errors": errors, "elapsed": elapsed, "times": times}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=60, help="length of the concurrent-load test")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=100, help="sequential requests per latency test")
    args = parser.parse_args()

    texts, source = drafts(1500, 10)
    print(f"drafts: {len(texts)} x {len(texts[0].split())} words from {source}")
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "bench.db"
        article_id = seed(db_path, texts[0])
        process, base = start_server(db_path)
        try:
            token = httpx.post(f"{base}/api/token", json={"username": "bench", "password": PASSWORD},
                               timeout=30).json()["access_token"]
            check = bench_check(base, token, texts, args.rounds)
            p95 = percentile(check, 95)
            print(f"1. self-check API, 1,500-word draft (warm): {describe(check)}  "
                  f"target p95 < 150 ms: {'met' if p95 < 150 else 'NOT met'}")
            page, marks = bench_review_page(base, article_id, args.rounds)
            p95 = percentile(page, 95)
            print(f"2. review page, article with 30 findings ({marks} marks): {describe(page)}  "
                  f"target < 200 ms: {'met' if p95 < 200 else 'NOT met'}")
            load = bench_load(base, token, texts, args.clients, args.seconds)
            ok, errors, elapsed = load["ok"], load["errors"], load["elapsed"]
            n_errors = sum(errors.values())  # type: ignore[union-attr]
            detail = f" {errors}" if n_errors else ""
            line = (f"3. {args.clients} concurrent API clients for {elapsed:.0f} s: {ok} ok, {n_errors} errors"
                    f"{detail}, {ok / elapsed:.1f} req/s")  # type: ignore[operator]
            if load["times"]:
                line += f", {describe(load['times'])}"  # type: ignore[arg-type]
            print(line + f"  target no errors: {'met' if not n_errors else 'NOT met'}")
            alive = httpx.get(f"{base}/api/health", timeout=5).status_code == 200
            print(f"   server still answering after the load: {alive}")
        finally:
            process.terminate()
            process.wait(10)


if __name__ == "__main__":
    main()
