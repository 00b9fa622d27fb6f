"""The crawl pipeline end to end against small sites on 127.0.0.1 (real sockets, real SQLite)."""

from __future__ import annotations

import logging

import pytest

from auditor.crawl.feeds import parse_feeds
from auditor.crawl.pipeline import crawl, parse_feed, parse_listing
from auditor.db import open_db
from auditor.demo.content import DemoArticle
from auditor.demo.render import article_page, listing_page, robots_txt, rss_feed
from auditor.demo.server import Page, SiteServer
from auditor.errors import BadFeed

RSS = "application/rss+xml; charset=utf-8"

TOPICS = [
    ("Hội Liên hiệp Phụ nữ xã tập huấn về bình đẳng giới", "Bà Nguyễn Thị Hoa, Chủ tịch Hội, cho biết: “Chị em "
     "cần được hỗ trợ vay vốn và học nghề”."),
    ("Nông dân thu hoạch lúa Hè Thu", "Ông Trần Văn Nam, nông dân xã, nói năng suất đạt 65 tạ/ha."),
    ("Khánh thành trường mầm non thôn Đăk Rơ Wa", "Cô giáo Y Liên cho biết trường có 4 phòng học mới."),
    ("Ra quân phòng chống sốt xuất huyết", "Bác sĩ Lê Minh Tuấn khuyến cáo người dân diệt lăng quăng."),
    ("Nữ cán bộ thôn vận động xóa bỏ tảo hôn", "Chị Đinh Thị Nở đã đến từng nhà nói chuyện với các gia đình."),
    ("Sửa chữa đường liên xã trước mùa mưa", "Ông Phạm Văn Lộc, Phó Chủ tịch UBND xã, cho biết kinh phí 2 tỷ đồng."),
]


def make_article(i: int, extra: str = "") -> DemoArticle:
    title, quote = TOPICS[i % len(TOPICS)]
    return DemoArticle(
        slug=f"bai-{i}",
        title=f"{title} (số {i})",
        published=f"2025-10-{1 + i % 28:02d}T08:{i % 60:02d}:00+07:00",
        author="Phóng viên",
        lead=f"Tin số {i}: {title.lower()} diễn ra trong tuần qua tại địa phương.",
        paragraphs=(quote, f"Đây là đoạn thứ hai của bài số {i}, nói về kết quả và kế hoạch thời gian tới.{extra}"),
    )


class NewsSite:
    """A newspaper site: /rss/home.rss + /tin/bai-N.html, and a portal-style listing at /tin-tuc/."""

    def __init__(self, n: int) -> None:
        self.server = SiteServer().start()
        self.base = self.server.base_url
        self.articles = {i: make_article(i) for i in range(n)}
        self.publish()

    def url(self, i: int) -> str:
        return self.server.url(f"/tin/bai-{i}.html")

    def put_article(self, i: int, article: DemoArticle, canonical: str | None = None) -> None:
        html = article_page("Báo Thử Nghiệm", self.base, canonical or self.url(i), article, "cms")
        self.server.put(f"/tin/bai-{i}.html", Page(html))

    def publish(self) -> None:
        self.server.put("/robots.txt", Page(robots_txt(self.base), "text/plain"))
        for i, article in self.articles.items():
            self.put_article(i, article)
        items = [(self.url(i), a) for i, a in sorted(self.articles.items())]
        self.server.put("/rss/home.rss", Page(rss_feed("Báo Thử Nghiệm", self.base, items), RSS))
        listing = [(self.url(i), a.title, None) for i, a in sorted(self.articles.items())]
        self.server.put("/tin-tuc/", Page(listing_page("Báo Thử Nghiệm", self.base, listing)))

    def feeds_yaml(self, sources: str | None = None, delay: float = 0.0) -> str:
        sources = sources or f"      - rss: {self.server.url('/rss/home.rss')}\n"
        return (f"fetch:\n  host_delay_s: {delay}\n  backoff_base_s: 0.01\n  retries: 1\n"
                "outlets:\n  - id: thu-nghiem\n    name: Báo Thử Nghiệm\n    kind: provincial_paper\n"
                "    province: Quảng Ngãi\n    old_province: Kon Tum\n    local: true\n    sources:\n" + sources)

    def close(self) -> None:
        self.server.close()


@pytest.fixture
def site():
    s = NewsSite(6)
    yield s
    s.close()


@pytest.fixture
def db(tmp_path):
    return open_db(tmp_path / "crawl.db")


def run(db, yaml_text: str, **kwargs):
    return crawl(db, parse_feeds(yaml_text, "test-feeds.yaml"), **kwargs)


def count(db, sql: str, params=()) -> int:
    return db.execute(sql, params).fetchone()[0]


def test_first_crawl_stores_audits_and_logs(site, db):
    report = run(db, site.feeds_yaml())
    r = report.outlets["thu-nghiem"]
    assert (r.new, r.errors, r.sources_ok) == (6, 0, 1)
    assert count(db, "SELECT COUNT(*) FROM articles") == 6
    assert count(db, "SELECT COUNT(*) FROM audits") == 6  # audited as they arrived
    row = db.execute("SELECT title, text, published_at, outlet_id, version, source_kind FROM articles "
                     "WHERE canonical_url = ?", [site.url(4)]).fetchone()
    assert row[0] == "Nữ cán bộ thôn vận động xóa bỏ tảo hôn (số 4)"
    assert "Chị Đinh Thị Nở" in row[1] and row[1].startswith("Tin số 4")  # lead + body
    assert row[2] == "2025-10-05T08:04:00+07:00"
    assert row[3:] == ("thu-nghiem", 1, "crawl")
    outlet = db["outlets"].get("thu-nghiem")
    assert (outlet["province_code"], outlet["old_province_code"], outlet["old_province_name"]) == ("51", "62", "Kon Tum")
    feed = db.execute("SELECT etag, last_status FROM feeds").fetchone()
    assert feed[0] and feed[1] == 200
    # robots.txt + feed + 6 pages, each in the fetch log
    assert count(db, "SELECT COUNT(*) FROM fetch_log WHERE outcome = 'ok'") >= 7


def test_rerun_is_incremental(site, db):
    run(db, site.feeds_yaml())
    before = len(site.server.requests)
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.updated, report.unchanged, report.errors) == (0, 0, 6, 0)
    assert count(db, "SELECT COUNT(*) FROM articles") == 6
    assert count(db, "SELECT COUNT(*) FROM fetch_log WHERE outcome = 'not_modified'") == 7  # feed + revisits
    assert len([r for r in site.server.requests[before:] if r != "/robots.txt"]) == 7


def test_rerun_without_revisits_only_asks_the_feed(site, db):
    text = site.feeds_yaml().replace("outlets:", "crawl:\n  revisit_days: 0\noutlets:")
    run(db, text)
    before = len(site.server.requests)
    report = run(db, text).outlets["thu-nghiem"]
    assert (report.new, report.unchanged) == (0, 0)
    assert [r for r in site.server.requests[before:] if r != "/robots.txt"] == ["/rss/home.rss"]


def test_new_article_in_feed_is_added(site, db):
    run(db, site.feeds_yaml())
    site.articles[6] = make_article(6)
    site.publish()
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert report.new == 1
    assert count(db, "SELECT COUNT(*) FROM articles") == 7


def test_edited_article_updates_text_bumps_version_and_is_reaudited(site, db):
    run(db, site.feeds_yaml())
    article_id, audited_at = db.execute(
        "SELECT a.id, u.audited_at FROM articles a JOIN audits u ON u.article_id = a.id WHERE a.canonical_url = ?",
        [site.url(2)]).fetchone()
    db.execute("UPDATE audits SET audited_at = '2000-01-01T00:00:00+00:00' WHERE article_id = ?", [article_id])
    db.conn.commit()
    site.put_article(2, make_article(2, extra=" Bài đã được đính chính: số phòng học là 5."))
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.updated, report.unchanged, report.new) == (1, 5, 0)
    row = db.execute("SELECT version, text FROM articles WHERE id = ?", [article_id]).fetchone()
    assert row[0] == 2 and "đính chính" in row[1]
    assert count(db, "SELECT COUNT(*) FROM articles") == 6
    assert db.execute("SELECT audited_at FROM audits WHERE article_id = ?", [article_id]).fetchone()[0] > audited_at[:4]


def test_retitled_article_that_moved_to_a_new_address_is_an_update(site, db):
    run(db, site.feeds_yaml())
    article_id = db.execute("SELECT id FROM articles WHERE canonical_url = ?", [site.url(2)]).fetchone()[0]
    # The CMS puts the title in the address: the edited article lives at a new URL, the old one redirects.
    edited = DemoArticle(**{**site.articles[2].__dict__, "title": "Khánh thành trường mầm non thôn Đăk Rơ Wa "
                                                                  "(đã sửa tên)"})
    new_url = site.server.url("/tin/bai-2-da-sua.html")
    site.server.put("/tin/bai-2-da-sua.html", Page(article_page("Báo Thử Nghiệm", site.base, new_url, edited, "cms")))
    site.server.put("/tin/bai-2.html", Page("", status=301, headers={"Location": new_url}))
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.updated) == (0, 1)
    row = db.execute("SELECT id, canonical_url, version, title FROM articles WHERE id = ?", [article_id]).fetchone()
    assert row == (article_id, new_url, 2, edited.title)
    assert count(db, "SELECT COUNT(*) FROM articles") == 6


def test_republished_article_under_another_url_is_stored_once(site, db):
    # Page 5 carries the text of page 1 word for word (another outlet's copy, another URL).
    site.articles[5] = site.articles[1]
    site.publish()
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.duplicate) == (5, 1)
    assert count(db, "SELECT COUNT(*) FROM articles") == 5
    ids = db.execute("SELECT article_id FROM article_urls WHERE url IN (?, ?)", [site.url(1), site.url(5)]).fetchall()
    assert len({i for (i,) in ids}) == 1  # both links point at the one stored article
    again = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (again.new, again.duplicate) == (0, 0) and count(db, "SELECT COUNT(*) FROM articles") == 5


def test_same_article_from_two_sources_of_one_outlet(site, db):
    sources = (f"      - rss: {site.server.url('/rss/home.rss')}\n"
               f"      - html: {site.server.url('/tin-tuc/')}\n        link_selector: .list-news a.title\n"
               "        section: Tin tức\n")
    report = run(db, site.feeds_yaml(sources)).outlets["thu-nghiem"]
    assert (report.new, report.sources_ok, report.links) == (6, 2, 12)
    assert count(db, "SELECT COUNT(*) FROM articles") == 6


def test_column_feed_gives_its_section_even_after_the_home_feed(site, db):
    items = [(site.url(i), site.articles[i]) for i in (1, 4)]
    site.server.put("/rss/binh-dang-gioi.rss", Page(rss_feed("Bình đẳng giới", site.base, items), RSS))
    column = (f"      - rss: {site.server.url('/rss/binh-dang-gioi.rss')}\n"
              "        section: Bình đẳng giới\n")
    home = f"      - rss: {site.server.url('/rss/home.rss')}\n"
    run(db, site.feeds_yaml(home))  # first only the home feed: stored without a section
    assert count(db, "SELECT COUNT(*) FROM articles WHERE section IS NOT NULL") == 0
    run(db, site.feeds_yaml(home + column))
    sections = dict(db.execute("SELECT canonical_url, section FROM articles").fetchall())
    assert sections[site.url(1)] == sections[site.url(4)] == "Bình đẳng giới"
    assert sections[site.url(2)] is None


def test_an_article_in_two_sources_is_not_refetched_on_every_run(site, db):
    sources = (f"      - rss: {site.server.url('/rss/home.rss')}\n"
               f"      - html: {site.server.url('/tin-tuc/')}\n        link_selector: .list-news a.title\n")
    text = site.feeds_yaml(sources).replace("outlets:", "crawl:\n  revisit_days: 0\noutlets:")
    run(db, text)
    before = len(site.server.requests)
    report = run(db, text).outlets["thu-nghiem"]
    assert (report.new, report.unchanged) == (0, 0)
    assert sorted(r for r in site.server.requests[before:] if r != "/robots.txt") == ["/rss/home.rss", "/tin-tuc/"]


def test_404_link_is_logged_and_not_retried(site, db, caplog):
    site.server.remove("/tin/bai-3.html")
    with caplog.at_level(logging.ERROR, logger="auditor.crawl"):
        report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.errors) == (5, 1)
    assert any("bai-3.html" in m and "404" in m for m in caplog.messages)
    assert db.execute("SELECT outcome, last_status FROM article_urls WHERE url = ?", [site.url(3)]).fetchone() == ("gone", 404)
    before = len(site.server.requests)
    run(db, site.feeds_yaml())
    assert "/tin/bai-3.html" not in site.server.requests[before:]


def test_server_error_link_is_retried_next_run(site, db):
    site.server.put("/tin/bai-3.html", Page("lỗi máy chủ", status=500))
    first = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (first.new, first.errors) == (5, 1)
    site.put_article(3, site.articles[3])
    second = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert second.new == 1 and count(db, "SELECT COUNT(*) FROM articles") == 6


def test_link_failing_in_every_run_is_given_up_after_max_attempts(site, db, caplog):
    site.server.put("/tin/bai-3.html", Page("lỗi máy chủ", status=503))
    text = site.feeds_yaml().replace("outlets:", "crawl:\n  max_attempts: 2\noutlets:")
    with caplog.at_level(logging.ERROR, logger="auditor.crawl"):
        assert run(db, text).outlets["thu-nghiem"].errors == 1
        assert run(db, text).outlets["thu-nghiem"].errors == 1
    assert "lần 1/2" in caplog.text and "bỏ qua hẳn sau 2 lần thử" in caplog.text
    assert db.execute("SELECT outcome, attempts, last_status FROM article_urls WHERE url = ?",
                      [site.url(3)]).fetchone() == ("failed", 2, 503)
    before = len(site.server.requests)
    third = run(db, text).outlets["thu-nghiem"]
    assert third.errors == 0 and "/tin/bai-3.html" not in site.server.requests[before:]


def test_malformed_rss_is_an_error_and_loses_nothing(site, db):
    run(db, site.feeds_yaml())
    site.server.put("/rss/home.rss", Page("<rss><channel><title>Hỏng</title><item><title>x</ite", RSS))
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.sources_failed, report.errors, report.new) == (1, 1, 0)
    assert count(db, "SELECT COUNT(*) FROM articles") == 6  # what was stored stays
    assert "RSS" in db.execute("SELECT last_error FROM feeds").fetchone()[0]


def test_html_served_as_feed_is_a_bad_feed():
    with pytest.raises(BadFeed, match="không phải RSS"):
        parse_feed("<html><body><p>Trang chủ</p></body></html>".encode(), "http://a.vn/rss", {})


def test_rss_with_syntax_error_but_items_is_read():
    xml = ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>Tin & sự kiện</title>"
           "<item><title>Hội nghị phụ nữ</title><link>http://a.vn/tin/1.html</link></item>"
           "<item><title>Không có link</title></item>"
           "<item><title>Tương đối</title><link>/tin/2.html?utm_source=rss#top</link></item></channel></rss>")
    links = parse_feed(xml.encode(), "http://a.vn/rss/home.rss", {})
    assert [link.url for link in links] == ["http://a.vn/tin/1.html", "http://a.vn/tin/2.html"]


def test_empty_rss_is_not_an_error(site, db):
    site.server.put("/rss/home.rss", Page(rss_feed("Báo Thử Nghiệm", site.base, []), RSS))
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.sources_ok, report.errors, report.links, report.new) == (1, 0, 0, 0)


def test_broken_listing_html_still_yields_links():
    html = ("<html><body><div class='list-news'><div class='item'><a class='title' href='/tin/1.html'>Một"
            "<div class='item'><a class=title href=/tin/2.html>Hai</a><p>không đóng thẻ"
            "<div class='item'><a class='title' href='http://quangcao.com/x'>Quảng cáo</a>"
            "<div class='item'><a class='title' href='javascript:void(0)'>JS</a>")
    links = parse_listing(html, "http://www.a.vn/tin-tuc/", ".list-news .item a.title")
    assert [link.url for link in links] == ["http://www.a.vn/tin/1.html", "http://www.a.vn/tin/2.html"]


def test_listing_selector_matching_nothing_warns(site, db, caplog):
    sources = f"      - html: {site.server.url('/tin-tuc/')}\n        link_selector: ul.khong-co a\n"
    with caplog.at_level(logging.WARNING, logger="auditor.crawl"):
        report = run(db, site.feeds_yaml(sources)).outlets["thu-nghiem"]
    assert (report.sources_ok, report.links, report.new) == (1, 0, 0)
    assert any("không có liên kết nào" in m for m in caplog.messages)


def test_page_without_article_is_an_error_not_a_row(site, db):
    site.server.put("/tin/bai-0.html", Page("<html><body><nav><a href='/'>Trang chủ</a></nav></body></html>"))
    report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.errors) == (5, 1)
    assert count(db, "SELECT COUNT(*) FROM articles") == 5


def test_max_articles_leaves_the_rest_for_the_next_run_even_if_the_feed_is_unchanged(site, db):
    first = run(db, site.feeds_yaml().replace("outlets:", "crawl:\n  max_articles: 2\noutlets:"))
    assert (first.outlets["thu-nghiem"].new, first.outlets["thu-nghiem"].left) == (2, 4)
    before = len(site.server.requests)
    second = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert [r for r in site.server.requests[before:] if r != "/robots.txt"][0] == "/rss/home.rss"
    assert second.new == 4  # the feed answered 304, the links were remembered
    assert count(db, "SELECT COUNT(*) FROM articles") == 6


def test_unreachable_outlet_does_not_stop_the_others(site, db):
    text = site.feeds_yaml() + ("  - id: tat-may\n    name: Máy chủ tắt\n    kind: commune_radio\n"
                                "    province: '51'\n    local: true\n    sources:\n"
                                "      - rss: http://127.0.0.1:9/rss.xml\n")
    report = run(db, text)
    assert report.outlets["thu-nghiem"].new == 6
    assert report.outlets["tat-may"].sources_failed == 1 and report.anything_ran


def test_crawl_command_summary_and_exit_codes(site, tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(site.feeds_yaml(), encoding="utf-8")
    db_path = tmp_path / "cli.db"
    result = CliRunner().invoke(cli, ["crawl", "--db", str(db_path), "--feeds", str(feeds), "--no-progress"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == ["Nguồn", "tin", "Mới", "Cập", "nhật", "Không", "đổi", "Trùng", "Bỏ", "qua", "Lỗi",
                                "Còn", "lại"]
    assert lines[2].split() == ["thu-nghiem", "6", "0", "0", "0", "0", "0", "0"]
    assert lines[3].startswith("8 yêu cầu HTTP")  # robots.txt, the feed, 6 pages

    unknown = CliRunner().invoke(cli, ["crawl", "--db", str(db_path), "--feeds", str(feeds), "--outlet", "khong-co"])
    assert unknown.exit_code == 1 and "khong-co" in unknown.output

    site.server.put("/rss/home.rss", Page("không phải xml", "text/plain"))
    site.server.put("/robots.txt", Page("User-agent: *\nDisallow: /\n", "text/plain"))
    broken = CliRunner().invoke(cli, ["crawl", "--db", str(db_path), "--feeds", str(feeds), "--no-progress"])
    assert broken.exit_code == 1 and "không nguồn nào" in broken.output


def test_crawl_command_with_only_ingest_outlets_says_so(tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text("outlets:\n  - id: xa\n    name: Đài xã\n    kind: commune_radio\n    commune: '23500'\n",
                     encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--db", str(tmp_path / "x.db"), "--feeds", str(feeds)])
    assert result.exit_code == 1 and "auditor ingest" in result.output
    assert not (tmp_path / "x.db").exists()


def test_crawl_command_rejects_bad_interval(site, tmp_path):
    from click.testing import CliRunner

    from auditor.cli import cli

    feeds = tmp_path / "feeds.yaml"
    feeds.write_text(site.feeds_yaml(), encoding="utf-8")
    result = CliRunner().invoke(cli, ["crawl", "--db", str(tmp_path / "x.db"), "--feeds", str(feeds), "--every", "6 giờ"])
    assert result.exit_code == 1 and "--every" in result.output


def test_audit_engine_failure_keeps_the_article_for_a_later_audit(site, db, caplog):
    from auditor.audit.store import unaudited_article_ids

    class BrokenAuditor:
        versions = {"engine_version": "x"}

        def audit(self, text, title=None, *, id=None):
            if "số 2" in (title or ""):
                raise RuntimeError("engine bug")
            from auditor.audit import default_auditor

            return default_auditor().audit(text, title, id=id)

    with caplog.at_level(logging.ERROR, logger="auditor.crawl"):
        report = run(db, site.feeds_yaml(), auditor=BrokenAuditor()).outlets["thu-nghiem"]
    assert (report.new, report.errors) == (6, 0)
    assert count(db, "SELECT COUNT(*) FROM audits") == 5
    assert len(unaudited_article_ids(db)) == 1
    assert any("lỗi bộ đánh giá" in m for m in caplog.messages)


def test_no_audit_stores_only(site, db):
    report = run(db, site.feeds_yaml(), audit=False).outlets["thu-nghiem"]
    assert report.new == 6 and count(db, "SELECT COUNT(*) FROM audits") == 0


def test_feed_dates_are_stored_in_vietnam_time():
    xml = ("<rss version='2.0'><channel><title>T</title><item><title>A</title><link>http://a.vn/1.html</link>"
           "<pubDate>Fri, 14 Nov 2025 01:15:00 GMT</pubDate></item><item><title>B</title>"
           "<link>http://a.vn/2.html</link><pubDate>14/11/2025</pubDate></item></channel></rss>")
    dates = [link.date for link in parse_feed(xml.encode(), "http://a.vn/rss", {})]
    assert dates[0] == "2025-11-14T08:15:00+07:00"


def test_extractor_crash_on_one_page_does_not_stop_the_crawl(site, db, monkeypatch, caplog):
    import auditor.extract

    real = auditor.extract.extract_article

    def crashing(html, url):
        if url.endswith("bai-1.html"):
            raise ValueError("unexpected markup")
        return real(html, url)

    monkeypatch.setattr(auditor.extract, "extract_article", crashing)
    with caplog.at_level(logging.ERROR, logger="auditor.crawl"):
        report = run(db, site.feeds_yaml()).outlets["thu-nghiem"]
    assert (report.new, report.errors) == (5, 1)
    assert "lỗi bộ trích xuất" in caplog.text
