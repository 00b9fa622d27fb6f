"""Tallies on a real SQLite database: review precedence, no data, Vietnam time, the 2025 mapping,
columns, peaks, quoted sources; and the ``auditor tally`` command end to end."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils
from click.testing import CliRunner

from auditor.cli import cli
from auditor.db import open_db
from auditor.errors import ConfigError
from auditor.tally.rules import load_quota_book
from auditor.tally.tally import TallyResult, run_tally

KON_TUM = {"province_code": "51", "province_name": "Quảng Ngãi", "old_province_code": "62",
           "old_province_name": "Kon Tum"}
OUTLETS = [
    {"id": "xa-dak-ha", "name": "Đài truyền thanh xã Đăk Hà", "kind": "commune_radio", **KON_TUM},
    {"id": "xa-im-lang", "name": "Đài truyền thanh xã Ngọc Réo", "kind": "commune_radio", **KON_TUM},
    {"id": "xa-da-thu", "name": "Đài truyền thanh xã Đăk Mar", "kind": "commune_radio", **KON_TUM},
    {"id": "bao-kon-tum", "name": "Báo Kon Tum", "kind": "provincial_paper", **KON_TUM,
     "config": json.dumps({"gender_column": {"sections": ["Bình đẳng giới"]}})},
    {"id": "xa-nghia-hanh", "name": "Đài truyền thanh xã Nghĩa Hành", "kind": "commune_radio",
     "province_code": "51", "province_name": "Quảng Ngãi", "old_province_code": "51",
     "old_province_name": "Quảng Ngãi"},
    {"id": "bao-lang-son", "name": "Báo Lạng Sơn", "kind": "provincial_paper", "province_code": "20",
     "province_name": "Lạng Sơn"},
]


class Store:
    """Writes the rows a crawl, an audit and a review would have written."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db, self.n = db, 0
        db["outlets"].insert_all(OUTLETS)

    def article(self, outlet: str, published: str, *, ge: int | None = 1, topic: str = "bạo lực gia đình",
                title: str = "Phụ nữ dân tộc thiểu số tham gia phát triển kinh tế", section: str = "Xã hội",
                quoted: tuple[int, int, int] = (0, 0, 0), source_kind: str = "crawl") -> str:
        self.n += 1
        article_id = f"a{self.n}"
        self.db["articles"].insert({
            "id": article_id, "outlet_id": outlet, "url": f"https://{outlet}.vn/bai-{self.n}.html",
            "canonical_url": f"https://{outlet}.vn/bai-{self.n}.html", "title": title, "section": section,
            "published_at": published, "text": f"{title}. Nội dung bài viết số {self.n}.",
            "source_kind": source_kind,
        })
        if ge is not None:
            f, m, total = quoted
            self.db["audits"].insert({"article_id": article_id, "ge_item": ge, "ge_topic": topic if ge else "",
                                      "n_quoted": total, "n_quoted_f": f, "n_quoted_m": m})
        return article_id

    def decide(self, article_id: str, action: str, after: dict | None = None) -> None:
        self.db["decisions"].insert({"at": "2023-07-01T09:00:00+07:00", "user_id": 1, "username": "thanhtra",
                                     "article_id": article_id, "target": "ge_item", "target_id": article_id,
                                     "action": action, "after": json.dumps(after or {}, ensure_ascii=False)})

    def fetched(self, outlet: str, at: str, outcome: str = "ok") -> None:
        self.db["fetch_log"].insert({"at": at, "outlet_id": outlet, "url": f"https://{outlet}.vn/rss",
                                     "status": 200, "outcome": outcome})


@pytest.fixture()
def db_path(tmp_path: Path) -> Path:
    path = tmp_path / "auditor.db"
    store = Store(open_db(path))
    # Commune Đăk Hà, Q1/2023: three GE items (one on 8/3, one late on 31/3 Vietnam time), plus one that
    # is 31/3 in UTC but already 1/4 in Vietnam, and a non-GE article.
    store.article("xa-dak-ha", "2023-01-12T07:00:00+07:00", quoted=(1, 2, 4))
    store.article("xa-dak-ha", "2023-03-08T06:30:00+07:00", topic="phụ nữ lãnh đạo", quoted=(2, 0, 2))
    store.article("xa-dak-ha", "2023-03-31T23:30:00+07:00")
    store.article("xa-dak-ha", "2023-03-31T20:00:00+00:00")  # 01/04 03:00 in Vietnam -> Q2
    store.article("xa-dak-ha", "2023-02-02T08:00:00+07:00", ge=0, quoted=(0, 3, 3))
    # Ngọc Réo: crawled in Q2 (a successful fetch) but published nothing; Q1 nothing at all.
    store.fetched("xa-im-lang", "2023-05-10T02:00:00+00:00")
    store.fetched("xa-im-lang", "2023-02-10T02:00:00+00:00", outcome="error")
    # Đăk Mar, Q1/2023: three machine GE items, one dismissed and one newly confirmed by review.
    dismissed = store.article("xa-da-thu", "2023-01-05")
    store.article("xa-da-thu", "2023-02-05")
    store.article("xa-da-thu", "2023-03-05")
    corrected = store.article("xa-da-thu", "2023-03-20", ge=0)
    store.decide(dismissed, "correct", {"ge_item": True})
    store.decide(dismissed, "dismiss")  # the latest decision wins
    store.decide(corrected, "correct", {"ge_item": True, "ge_topic": "bình đẳng giới trong gia đình"})
    # Báo Kon Tum: the GE column ran in January and February, not in March (other articles only).
    store.article("bao-kon-tum", "2023-01-20T10:00:00+07:00", section="Bình đẳng giới")
    store.article("bao-kon-tum", "2023-02-17T10:00:00+07:00", section="Bình Đẳng Giới")
    store.article("bao-kon-tum", "2023-03-15T10:00:00+07:00", ge=0, section="Thời sự")
    # 2025: the reform. Đăk Hà publishes in Q2 (Kon Tum) and Q3 (Quảng Ngãi).
    store.article("xa-dak-ha", "2025-05-19T08:00:00+07:00")
    store.article("xa-dak-ha", "2025-08-19T08:00:00+07:00")
    store.article("xa-nghia-hanh", "2025-05-01T08:00:00+07:00")
    store.article("bao-lang-son", "2023-01-01T08:00:00+07:00")
    return path


def tally(db_path: Path, **kwargs) -> TallyResult:
    return run_tally(open_db(db_path), load_quota_book(), **kwargs)


def row_of(result: TallyResult, outlet: str, period: str):
    matches = [row for row in result.rows if row.outlet.id == outlet and row.period.key == period]
    assert len(matches) == 1, [(r.outlet.id, r.period.key) for r in result.rows]
    return matches[0]


def test_quarterly_quota_met_with_peaks_topics_and_sources(db_path: Path) -> None:
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 6, 30), province="Kon Tum")
    q1 = row_of(result, "xa-dak-ha", "2023Q1")
    assert (q1.counts.ge_items, q1.required, q1.status) == (3, 3, "met")
    assert q1.counts.articles == 4 and q1.counts.ge_machine == 3 and q1.counts.ge_reviewed == 0
    assert q1.counts.ge_in_peaks == 1 and dict(q1.counts.peaks) == {"womens-day-8-3": 1}
    assert q1.counts.topics == {"bạo lực gia đình": 2, "phụ nữ lãnh đạo": 1}
    # quoted: 3 women, 5 men, 1 of unknown gender (excluded from the share)
    assert (q1.counts.quoted_f, q1.counts.quoted_m, q1.counts.quoted_unknown) == (3, 5, 1)
    assert q1.counts.female_share == pytest.approx(3 / 8)
    assert [c.rule.id for c in q1.checks] == ["kontum-2023-commune-radio"]
    q2 = row_of(result, "xa-dak-ha", "2023Q2")
    assert (q2.counts.ge_items, q2.status) == (1, "not_met")  # the UTC-31/3 article is 1/4 in Vietnam


def test_no_coverage_is_no_data_but_a_crawled_empty_quarter_is_not_met(db_path: Path) -> None:
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 6, 30), province="62")
    q1 = row_of(result, "xa-im-lang", "2023Q1")  # only a failed fetch: no coverage
    assert q1.status == "no_data" and q1.required is None
    q2 = row_of(result, "xa-im-lang", "2023Q2")
    assert (q2.counts.ge_items, q2.required, q2.status) == (0, 3, "not_met")


def test_review_decisions_beat_the_machine(db_path: Path) -> None:
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum")
    row = row_of(result, "xa-da-thu", "2023Q1")
    # machine: 3 GE of 4; review: one dismissed (after an earlier 'correct'), one added
    assert (row.counts.ge_items, row.counts.ge_machine, row.counts.ge_reviewed, row.counts.reviewed) == (3, 2, 1, 2)
    assert row.counts.topics["bình đẳng giới trong gia đình"] == 1
    assert row.status == "met"


def test_monthly_column_must_run_every_month(db_path: Path) -> None:
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum",
                   kinds=["provincial_paper"])
    row = row_of(result, "bao-kon-tum", "2023Q1")
    assert (row.counts.column_items, row.counted, row.required, row.status) == (2, 2, 3, "not_met")
    assert "đạt 2/3 tháng" in row.requirement
    by_month = tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum",
                     kinds=["provincial_paper"], period="month")
    assert [r.status for r in by_month.rows] == ["met", "met", "not_met"]


def test_outlets_follow_the_2025_mapping_by_date(db_path: Path) -> None:
    kon_tum = tally(db_path, start=date(2025, 4, 1), end=date(2025, 9, 30), province="Kon Tum",
                    kinds=["commune_radio"])
    assert {(r.outlet.id, r.period.key) for r in kon_tum.rows} == {
        ("xa-dak-ha", "2025Q2"), ("xa-im-lang", "2025Q2"), ("xa-da-thu", "2025Q2")}
    quang_ngai = tally(db_path, start=date(2025, 4, 1), end=date(2025, 9, 30), province="Quảng Ngãi",
                       kinds=["commune_radio"])
    keys = {(r.outlet.id, r.period.key): r for r in quang_ngai.rows}
    assert set(keys) == {("xa-nghia-hanh", "2025Q2"), ("xa-nghia-hanh", "2025Q3"), ("xa-dak-ha", "2025Q3"),
                         ("xa-im-lang", "2025Q3"), ("xa-da-thu", "2025Q3")}
    q3 = keys[("xa-dak-ha", "2025Q3")]
    assert (q3.unit_code, q3.unit_name, q3.counts.ge_items) == ("51", "Quảng Ngãi", 1)
    # The 2023 Kon Tum plan is not in force in 2025: counted, but no quota.
    assert q3.status == "no_quota" and q3.checks == []
    assert keys[("xa-im-lang", "2025Q3")].status == "no_data"


def test_partial_period_below_minimum_is_unfinished(db_path: Path) -> None:
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 2, 15), province="Kon Tum",
                   kinds=["commune_radio"])
    row = row_of(result, "xa-dak-ha", "2023Q1")
    assert row.period.partial and row.status == "incomplete" and row.counts.ge_items == 1


def test_year_rule_in_a_quarter_is_not_judged(tmp_path: Path, db_path: Path) -> None:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "y.yaml").write_text("""
source: {number: 1/KH, date: 2023-01-01, issuer: UBND, province: Kon Tum, title: Kế hoạch năm}
rules:
  - id: yearly
    effective_from: 2023-01-01
    effective_to: 2023-12-31
    kinds: [commune_radio]
    province: {scheme: "2025", code: "51", name: Quảng Ngãi}
    period: year
    minimum: 10
    counts: ge_item
    quote: mỗi năm ít nhất 10 tin, bài
""", encoding="utf-8")
    book = load_quota_book(tmp_path / "rules")
    db = open_db(db_path)
    quarters = run_tally(db, book, start=date(2023, 1, 1), end=date(2023, 12, 31), province="Kon Tum",
                         kinds=["commune_radio"])
    assert row_of(quarters, "xa-dak-ha", "2023Q1").status == "not_evaluated"
    year = run_tally(db, book, start=date(2023, 1, 1), end=date(2023, 12, 31), province="Kon Tum",
                     kinds=["commune_radio"], period="year")
    row = row_of(year, "xa-dak-ha", "2023")
    assert (row.counts.ge_items, row.required, row.status) == (4, 10, "not_met")


def test_cli_tally_table_json_and_csv(db_path: Path) -> None:
    runner = CliRunner()
    base = ["tally", "--db", str(db_path), "--province", "Kon Tum", "--from", "2023-01-01", "--to", "2023-06-30"]
    table = runner.invoke(cli, base)
    assert table.exit_code == 0, table.output
    assert "Đài truyền thanh xã Đăk Hà" in table.output and "Không có dữ liệu" in table.output
    assert "Chưa đạt" in table.output and "nguồn không rõ giới không tính" in table.output
    assert "kontum-2023-commune-radio" in table.output
    payload = json.loads(runner.invoke(cli, [*base, "--json"]).output)
    rows = {(r["outlet_id"], r["period"]): r for r in payload["rows"]}
    assert rows[("xa-dak-ha", "2023Q1")]["status_label"] == "Đạt"
    assert rows[("xa-im-lang", "2023Q1")]["status"] == "no_data"
    csv_out = runner.invoke(cli, [*base, "--csv", "--period", "month"]).output
    assert csv_out.splitlines()[0].startswith("Cơ quan,Mã cơ quan,Loại")
    assert "T03/2023" in csv_out


def test_cli_errors_are_clear(db_path: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["tally", "--db", str(db_path), "--from", "2023-13-01", "--to", "2023-06-30"])
    assert bad.exit_code == 2 and "ngày không hợp lệ" in bad.output
    backwards = runner.invoke(cli, ["tally", "--db", str(db_path), "--from", "2023-06-01", "--to", "2023-01-01"])
    assert backwards.exit_code == 1 and "--from (2023-06-01) sau --to (2023-01-01)" in backwards.output
    (tmp_path / "q").mkdir()
    (tmp_path / "q" / "x.yaml").write_text("rules:\n  - id: x\n    kinds: [tv]\n", encoding="utf-8")
    config = runner.invoke(cli, ["tally", "--db", str(db_path), "--rules", str(tmp_path / "q"),
                                 "--from", "2023-01-01", "--to", "2023-06-30"])
    assert config.exit_code == 1 and "x.yaml" in config.output and "source" in config.output


def test_person_corrections_change_the_female_share(db_path: Path) -> None:
    db = open_db(db_path)
    store = Store.__new__(Store)
    store.db, store.n = db, 100
    article = store.article("xa-nghia-hanh", "2024-03-05T09:00:00+07:00", quoted=(1, 0, 2))
    people = [{"article_id": article, "name": "Nguyễn Thị Hoa", "gender": "F", "quoted": 1},
              {"article_id": article, "name": "Y Bhăm", "gender": "U", "quoted": 1}]
    db["people"].insert_all(people)
    ids = {row["name"]: row["id"] for row in db["people"].rows_where("article_id = ?", [article])}
    before = tally(db_path, start=date(2024, 1, 1), end=date(2024, 3, 31), province="Quảng Ngãi")
    row = row_of(before, "xa-nghia-hanh", "2024Q1")
    assert (row.counts.quoted_f, row.counts.quoted_m, row.counts.quoted_unknown) == (1, 0, 1)
    for person, after in (("Y Bhăm", {"gender": "F"}), ("Y Bhăm", {"gender": "M", "quoted": True})):
        db["decisions"].insert({"at": "2024-04-01", "article_id": article, "target": "person",
                                "target_id": str(ids[person]), "action": "correct", "after": json.dumps(after)})
    after = tally(db_path, start=date(2024, 1, 1), end=date(2024, 3, 31), province="Quảng Ngãi")
    row = row_of(after, "xa-nghia-hanh", "2024Q1")
    assert (row.counts.quoted_f, row.counts.quoted_m, row.counts.quoted_unknown) == (1, 1, 0)
    assert row.counts.female_share == pytest.approx(0.5)


def test_undated_articles_are_reported_not_counted(db_path: Path) -> None:
    db = open_db(db_path)
    db["articles"].insert({"id": "undated", "outlet_id": "xa-dak-ha", "url": "https://x.vn/u", "text": "Bài",
                           "canonical_url": "https://x.vn/u", "published_at": "thứ Hai, 8/3"})
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum")
    assert result.undated == 1
    assert row_of(result, "xa-dak-ha", "2023Q1").counts.articles == 4


def test_accept_without_verdict_keeps_the_machine_and_action_month_spans_two_months(db_path: Path) -> None:
    db = open_db(db_path)
    store = Store.__new__(Store)
    store.db, store.n = db, 200
    accepted = store.article("xa-nghia-hanh", "2024-11-20T09:00:00+07:00", topic="phòng chống bạo lực giới")
    store.decide(accepted, "accept")
    store.article("xa-nghia-hanh", "2024-12-15T22:00:00+07:00")
    store.article("xa-nghia-hanh", "2024-12-16T09:00:00+07:00")
    result = tally(db_path, start=date(2024, 10, 1), end=date(2024, 12, 31), province="Quảng Ngãi")
    row = row_of(result, "xa-nghia-hanh", "2024Q4")
    assert (row.counts.ge_items, row.counts.ge_reviewed, row.counts.reviewed) == (3, 1, 1)
    assert dict(row.counts.peaks) == {"action-month-15-11-15-12": 2}


def test_outlet_column_config_by_url_and_bad_config(db_path: Path) -> None:
    db = open_db(db_path)
    db["outlets"].update("bao-kon-tum", {"config": json.dumps(
        {"gender_column": {"url_patterns": [r"/bai-1[0-9]\.html$"]}})})
    result = tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum",
                   kinds=["provincial_paper"], period="month")
    # the three paper articles are bai-10, bai-11, bai-12 (after 9 commune/other articles)
    assert [r.counts.column_items for r in result.rows] == [1, 1, 1]
    db["outlets"].update("bao-kon-tum", {"config": json.dumps({"gender_column": {"url_patterns": ["("]}})})
    with pytest.raises(ConfigError) as info:
        tally(db_path, start=date(2023, 1, 1), end=date(2023, 3, 31), province="Kon Tum")
    assert info.value.item == "bao-kon-tum" and info.value.field == "gender_column.url_patterns"


def test_report_rows_count_only_when_no_script_of_the_item_is_stored(tmp_path: Path) -> None:
    store = Store(open_db(tmp_path / "r.db"))
    # The commune's script of 12/1 is ingested, and its half-year report lists the same item again,
    # plus one item whose script never reached the Department.
    store.article("xa-nghia-hanh", "2023-01-12T07:00:00+07:00", title="Phòng chống bạo lực gia đình",
                  source_kind="ingest")
    store.article("xa-nghia-hanh", "2023-01-12T00:00:00+07:00", title="Phòng chống bạo lực gia đình",
                  source_kind="report")
    store.article("xa-nghia-hanh", "2023-02-20T00:00:00+07:00", title="Phụ nữ khởi nghiệp",
                  source_kind="report")
    result = run_tally(open_db(tmp_path / "r.db"), load_quota_book(), start=date(2023, 1, 1),
                       end=date(2023, 3, 31), province="Quảng Ngãi")
    q1 = row_of(result, "xa-nghia-hanh", "2023Q1")
    assert q1.counts.ge_items == 2
