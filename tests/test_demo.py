"""`auditor demo`: the local demo network, crawled by the real crawler, with no network and no shared/."""

from __future__ import annotations

import httpx
from click.testing import CliRunner

from auditor.cli import cli
from auditor.crawl.feeds import parse_feeds
from auditor.db import open_db
from auditor.demo import DemoNetwork
from auditor.demo.content import OUTLETS

N_ARTICLES = sum(len(o.articles) for o in OUTLETS)  # 28, one of them republished by a commune portal


def test_demo_network_serves_feeds_listings_robots_and_conditional_gets():
    with DemoNetwork() as network:
        config = parse_feeds(network.feeds_yaml(), "demo.yaml")
        assert [o.id for o in config.outlets] == [o.id for o in OUTLETS]
        assert all(o.local and o.province_code == "51" for o in config.outlets)
        assert {o.old_province_code for o in config.outlets} == {"51", "62"}
        paper = network.sites["demo-bao-quangngai"]
        rss = httpx.get(paper.url("/rss/home.rss"))
        assert rss.status_code == 200 and rss.headers["content-type"].startswith("application/rss+xml")
        assert rss.text.count("<item>") == 7 and "Tháng hành động vì bình đẳng giới" in rss.text
        again = httpx.get(paper.url("/rss/home.rss"), headers={"If-None-Match": rss.headers["etag"]})
        assert again.status_code == 304
        portal = network.sites["demo-ttvh-sontinh"]
        assert "Disallow: /ban-in/" in httpx.get(portal.url("/robots.txt")).text
        assert httpx.get(portal.url("/tin-tuc/hoi-nghi-so-ket-quy-1-da-go.html")).status_code == 404
    # closed: the ports are released
    assert network.sites["demo-bao-quangngai"]._server is None


def test_demo_command_crawls_audits_and_prints_counts(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "auditor-demo.db").write_text("stale file from an earlier run")
    result = CliRunner().invoke(cli, ["demo", "--no-progress"])
    assert result.exit_code == 0, result.output
    out = result.output
    for header in ("Nguồn tin", "Bài", "Tin BĐG", "Cảnh báo", "Trích dẫn nữ", "Báo Quảng Ngãi (demo)",
                   "Đài truyền thanh xã Ngọc Linh (demo)", "Tổng"):
        assert header in out
    db = open_db(tmp_path / "auditor-demo.db")  # recreated fresh
    assert db["articles"].count == N_ARTICLES - 1  # the republished copy is stored once
    assert db["audits"].count == db["articles"].count
    assert db["outlets"].count == 6
    outcomes = dict(db.execute("SELECT outcome, COUNT(*) FROM article_urls GROUP BY outcome").fetchall())
    assert outcomes == {"new": N_ARTICLES - 1, "duplicate": 1, "gone": 1, "blocked": 1}
    by_outlet = dict(db.execute("SELECT outlet_id, COUNT(*) FROM articles GROUP BY outlet_id").fetchall())
    assert set(by_outlet) == {o.id for o in OUTLETS}
    # the commune portal's copy is a day later: the article is the provincial paper's, whichever came first
    owner = db.execute("SELECT outlet_id FROM articles WHERE title LIKE '%Địa chỉ tin cậy%'").fetchall()
    assert owner == [("demo-bao-quangngai",)]
    assert (by_outlet["demo-bao-quangngai"], by_outlet["demo-tt-tinhkhe"]) == (7, 3)
    # the totals line of the per-outlet table matches the database
    total = [line for line in out.splitlines() if line.startswith("Tổng")][-1].split()
    assert int(total[1]) == N_ARTICLES - 1
    assert int(total[2]) == db.execute("SELECT SUM(ge_item) FROM audits").fetchone()[0]
    assert int(total[3]) == db["findings"].count
