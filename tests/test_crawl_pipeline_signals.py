"""`auditor crawl` as a real process: killed with SIGKILL mid-crawl, stopped with SIGTERM, run on a schedule."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest
from test_crawl_pipeline import NewsSite, count

from auditor.db import open_db

ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


@pytest.fixture
def slow_site(tmp_path):
    """12 articles at 0.25 s per request: a crawl of ~4 s, long enough to interrupt."""
    site = NewsSite(12)
    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(site.feeds_yaml(delay=0.25), encoding="utf-8")
    yield site, feeds
    site.close()


def crawl_command(db_path, feeds, *extra: str) -> list[str]:
    return [sys.executable, "-m", "auditor", "crawl", "--db", str(db_path), "--feeds", str(feeds), "--no-progress",
            *extra]


def stored_articles(db_path) -> int:
    if not db_path.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:
        return 0  # schema not created yet


def wait_for_articles(process: subprocess.Popen, db_path, n: int, timeout: float = 60) -> int:
    deadline = time.monotonic() + timeout
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        stored = stored_articles(db_path)
        if stored >= n:
            break
        time.sleep(0.05)
    return stored


def assert_complete(db_path, site: NewsSite, n: int) -> None:
    db = open_db(db_path)
    urls = [u for (u,) in db.execute("SELECT canonical_url FROM articles").fetchall()]
    assert sorted(urls) == sorted(site.url(i) for i in range(n))  # all there, none twice
    assert count(db, "SELECT COUNT(DISTINCT content_hash) FROM articles") == n
    assert count(db, "SELECT COUNT(*) FROM audits") == n
    assert count(db, "SELECT COUNT(*) FROM article_urls WHERE outcome IS NULL OR outcome = 'error'") == 0


def test_sigkill_mid_crawl_then_rerun_completes_without_duplicates(slow_site, tmp_path):
    site, feeds = slow_site
    db_path = tmp_path / "kill.db"
    process = subprocess.Popen(crawl_command(db_path, feeds), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=ENV)
    stored = wait_for_articles(process, db_path, 3)
    assert process.poll() is None, process.communicate()
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert 3 <= stored < 12

    done = subprocess.run(crawl_command(db_path, feeds), capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "thu-nghiem" in done.stdout and "Mới" in done.stdout
    assert_complete(db_path, site, 12)


def test_sigterm_mid_crawl_stops_cleanly_and_the_next_run_finishes(slow_site, tmp_path):
    site, feeds = slow_site
    db_path = tmp_path / "term.db"
    process = subprocess.Popen(crawl_command(db_path, feeds), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env=ENV, text=True)
    assert wait_for_articles(process, db_path, 2) >= 2
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=20)
    assert process.returncode == 0, err
    assert "Đã dừng theo yêu cầu" in err
    row = next(line.split() for line in out.splitlines() if line.startswith("thu-nghiem"))
    new, left = int(row[1]), int(row[-1])
    assert new + left == 12 and left > 0
    done = subprocess.run(crawl_command(db_path, feeds), capture_output=True, text=True, env=ENV, timeout=120)
    assert done.returncode == 0, done.stderr
    assert_complete(db_path, site, 12)


def test_every_loops_until_sigterm(tmp_path):
    site = NewsSite(6)
    err_path = tmp_path / "stderr.txt"
    try:
        feeds = tmp_path / "feeds.yaml"
        feeds.write_text(site.feeds_yaml(), encoding="utf-8")
        with open(err_path, "w") as err_file:
            process = subprocess.Popen(crawl_command(tmp_path / "every.db", feeds, "--every", "1h"),
                                       stdout=subprocess.PIPE, stderr=err_file, text=True, env=ENV)
            try:
                deadline = time.monotonic() + 60  # until the first run is over and it waits for the next
                while "Lần chạy tiếp theo" not in err_path.read_text() and time.monotonic() < deadline:
                    assert process.poll() is None, err_path.read_text()
                    time.sleep(0.1)
                process.send_signal(signal.SIGTERM)
                out, _ = process.communicate(timeout=20)
            finally:
                if process.poll() is None:
                    process.kill()
        assert process.returncode == 0, err_path.read_text()
        assert "thu-nghiem" in out and stored_articles(tmp_path / "every.db") == 6
    finally:
        site.close()
