"""Benchmark the crawl: 300 simulated outlets on loopback at 1 request/s/host.

Each outlet is its own web server on 127.0.0.1 (its own port, so its own host for the pacer) with a
robots.txt, an RSS feed and ``--articles`` article pages, served from a separate process so the servers
do not share the crawler's interpreter. Two runs against the same sites:

1. ``fetch``: the fetch layer alone, every host crawled as the pipeline does (robots.txt, feed, then the
   pages one after the other), all hosts at once. This is what the politeness bound constrains.
2. ``crawl``: the real pipeline (feeds -> pages -> extraction -> store; ``--audit`` adds the audit),
   into a fresh SQLite database.

The politeness bound is max over hosts of (requests to that host) x host_delay_s: no polite crawler can
finish sooner. Target (issue 4): total time within 1.2 x the bound. Peak Python memory (tracemalloc) and
the process's maximum RSS are printed.

    .venv/bin/python bench/crawl_bench.py [--outlets 300] [--articles 3] [--delay 1.0] [--audit]
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing as mp
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from auditor.crawl.feeds import parse_feeds  # noqa: E402
from auditor.crawl.fetch import Fetcher  # noqa: E402
from auditor.crawl.pipeline import crawl, parse_feed  # noqa: E402
from auditor.crawl.settings import FetchSettings  # noqa: E402
from auditor.db import open_db  # noqa: E402
from auditor.demo.content import DemoArticle  # noqa: E402
from auditor.demo.render import article_page, robots_txt, rss_feed  # noqa: E402
from auditor.demo.server import Page, SiteServer  # noqa: E402

SENTENCES = [
    "Hội Liên hiệp Phụ nữ xã tổ chức tập huấn kiến thức về bình đẳng giới cho 60 hội viên.",
    "Ông Trần Văn Nam, Chủ tịch UBND xã, cho biết kinh phí sửa đường liên thôn là 2 tỷ đồng.",
    "Bà Nguyễn Thị Hoa nói: “Chị em cần được hỗ trợ vay vốn và học nghề để có thu nhập ổn định”.",
    "Nông dân trong xã thu hoạch lúa Hè Thu, năng suất bình quân đạt 65 tạ mỗi héc-ta.",
    "Trạm Y tế xã thông báo lịch tiêm chủng mở rộng cho trẻ em dưới 5 tuổi trong tháng này.",
    "Công an xã khuyến cáo người dân cảnh giác với các cuộc gọi giả danh cơ quan chức năng.",
]


def make_article(outlet: int, i: int) -> DemoArticle:
    first = " ".join(SENTENCES[(outlet + i + k) % len(SENTENCES)] for k in range(3)) + f" Bài {outlet}-{i}."
    return DemoArticle(
        slug=f"bai-{i}", title=f"Tin địa phương số {i} của đơn vị {outlet}",
        published=f"2025-10-{1 + i % 28:02d}T08:00:00+07:00", author="Phóng viên",
        lead=f"Bản tin số {i} của đài truyền thanh số {outlet}.", paragraphs=(first, SENTENCES[i % len(SENTENCES)]),
    )


def serve(n_outlets: int, n_articles: int, conn: mp.connection.Connection) -> None:
    """Child process: start the sites, send their base URLs, serve until told to stop, send request counts."""
    sites = [SiteServer().start() for _ in range(n_outlets)]
    for number, site in enumerate(sites):
        base = site.base_url
        site.put("/robots.txt", Page(robots_txt(base), "text/plain"))
        items = []
        for i in range(n_articles):
            url = site.url(f"/tin/bai-{i}.html")
            article = make_article(number, i)
            site.put(f"/tin/bai-{i}.html", Page(article_page(f"Đài số {number}", base, url, article, "cms")))
            items.append((url, article))
        site.put("/rss.xml", Page(rss_feed(f"Đài số {number}", base, items), "application/rss+xml"))
    conn.send([s.base_url for s in sites])
    while conn.recv() != "stop":
        counts = {s.base_url: len(s.requests) for s in sites}
        for s in sites:
            s.requests.clear()
        conn.send(counts)
    for s in sites:
        s.close()


def request_counts(conn: mp.connection.Connection) -> Counter:
    conn.send("count")
    return Counter(conn.recv())


async def fetch_only(bases: list[str], settings: FetchSettings) -> int:
    """Crawl every host the way the pipeline does, with the fetch layer alone; returns pages fetched."""
    pages = 0

    async def one_host(fetcher: Fetcher, base: str) -> None:
        nonlocal pages
        feed = await fetcher.fetch(base + "/rss.xml", allow_private=True)
        for link in parse_feed(feed.content, feed.final_url, feed.headers):
            await fetcher.fetch(link.url, allow_private=True)
            pages += 1

    async with Fetcher(settings) as fetcher:
        await asyncio.gather(*(one_host(fetcher, b) for b in bases))
    return pages


def feeds_yaml(bases: list[str], delay: float) -> str:
    lines = [f"fetch:\n  host_delay_s: {delay}\ncrawl:\n  revisit_days: 0\noutlets:"]
    for number, base in enumerate(bases):
        lines.append(f"  - id: dai-{number}\n    name: Đài số {number}\n    kind: commune_radio\n"
                     f"    province: '51'\n    local: true\n    sources:\n      - rss: {base}/rss.xml")
    return "\n".join(lines) + "\n"


def report(name: str, seconds: float, counts: Counter, delay: float, extra: str = "") -> float:
    per_host = max(counts.values()) if counts else 0
    bound = per_host * delay
    ratio = seconds / bound if bound else float("nan")
    print(f"{name:6}  {seconds:7.2f} s  bound {bound:5.1f} s ({per_host} requests/host x {delay:g} s)  "
          f"ratio {ratio:4.2f}  {'OK' if ratio <= 1.2 else 'over 1.2'}  "
          f"requests {sum(counts.values())}{extra}")
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--outlets", type=int, default=300)
    parser.add_argument("--articles", type=int, default=3, help="article pages per outlet")
    parser.add_argument("--delay", type=float, default=1.0, help="host_delay_s (1.0 = 1 request/s/host)")
    parser.add_argument("--audit", action="store_true", help="audit each article too (the audit engine's cost)")
    args = parser.parse_args()

    ctx = mp.get_context("spawn")
    parent, child = ctx.Pipe()
    server = ctx.Process(target=serve, args=(args.outlets, args.articles, child), daemon=True)
    server.start()
    bases = parent.recv()
    print(f"{args.outlets} outlets on 127.0.0.1 (one server process, one port each), "
          f"{args.articles} articles each, host_delay_s {args.delay:g}")
    settings = FetchSettings(host_delay_s=args.delay)
    tracemalloc.start()
    try:
        started = time.perf_counter()
        pages = asyncio.run(fetch_only(bases, settings))
        report("fetch", time.perf_counter() - started, request_counts(parent), args.delay, f", pages {pages}")

        with tempfile.TemporaryDirectory() as tmp:
            db = open_db(Path(tmp) / "bench.db")
            config = parse_feeds(feeds_yaml(bases, args.delay), "bench-feeds.yaml")
            tracemalloc.reset_peak()
            started = time.perf_counter()
            result = crawl(db, config, audit=args.audit)
            elapsed = time.perf_counter() - started
            stored = db["articles"].count
            report("crawl", elapsed, request_counts(parent), args.delay,
                   f", stored {stored}, errors {result.total('errors')}"
                   f"{', audited' if args.audit else ', no audit'}")
            print(f"        {elapsed / max(stored, 1) * 1000:.1f} ms per stored article overall")
        peak = tracemalloc.get_traced_memory()[1]
        print(f"memory: peak traced {peak / 2**20:.1f} MB during the crawl, "
              f"max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    finally:
        parent.send("stop")
        server.join(timeout=10)


if __name__ == "__main__":
    main()
