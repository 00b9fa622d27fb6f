"""Tally gender-equality items per outlet and period against the quota rules.

One pass of SQL aggregates the stored articles per outlet and local month (Asia/Ho_Chi_Minh): how many
articles, how many audited, how many gender-equality (GE) items and whose verdict decided it, items in
peak windows, topics, quoted sources by gender. Months are then rolled up into the requested periods
and each period is checked against the rules in force.

Quoted sources come from ``audits`` (n_quoted_f / n_quoted_m / n_quoted); for an article whose people an
inspector corrected (decisions with target='person', the latest per person wins, ``after.gender`` and
``after.quoted``) they are recounted from the ``people`` rows with the corrections applied.

The effective GE verdict of an article: the latest review decision with target='ge_item' (by decision
id, the table being append-only) wins over the machine: 'dismiss' means not a GE item, 'correct' and
'accept' take ``after.ge_item`` (an 'accept' without it confirms the machine), ``after.ge_topic``
replaces the topic when given. Without a decision, ``audits.ge_item``; unaudited articles count as
articles but never as GE items.

An outlet with no crawl coverage in a period (no article stored and no successful fetch logged) is
"no data", never "0, not met".

Outlets follow the 2025 reform by date: before 2025-07-01 an outlet reports under its pre-2025 province
(``old_province_*``, or ``province_*`` when it did not change), from 2025-07-01 under ``province_*``.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlite_utils

from auditor.errors import ConfigError, InputError
from auditor.tally.periods import (
    PERIOD_KINDS,
    PERIOD_LABELS,
    Period,
    local_utc_offset_hours,
    months_between,
    periods_between,
)
from auditor.tally.rules import (
    OUTLET_KINDS,
    REFORM_DATE,
    ColumnSpec,
    QuotaBook,
    QuotaRule,
    province_key,
)

__all__ = [
    "STATUS_LABELS",
    "MonthAgg",
    "Outlet",
    "QuotaCheck",
    "TallyResult",
    "TallyRow",
    "run_tally",
]

STATUS_LABELS: dict[str, str] = {
    "met": "Đạt",
    "not_met": "Chưa đạt",
    "incomplete": "Kỳ chưa trọn",
    "not_evaluated": "Chưa đánh giá",
    "no_quota": "Không có chỉ tiêu",
    "no_data": "Không có dữ liệu",
}


@dataclass
class Outlet:
    id: str
    name: str
    kind: str
    province_code: str | None
    province_name: str | None
    old_province_code: str | None
    old_province_name: str | None
    old_district_code: str | None
    old_district_name: str | None
    config: dict

    def unit_on(self, day: date) -> tuple[str | None, str | None]:
        """(code, name) of the province the outlet reports under on ``day``."""
        if day < REFORM_DATE and (self.old_province_code or self.old_province_name):
            return self.old_province_code, self.old_province_name
        return self.province_code, self.province_name

    def pre2025_unit(self) -> tuple[str | None, str | None]:
        if self.old_province_code or self.old_province_name:
            return self.old_province_code, self.old_province_name
        return self.province_code, self.province_name

    def column_spec(self) -> ColumnSpec | None:
        """The outlet's own column configuration (``outlets.config`` → ``gender_column``), if any."""
        raw = self.config.get("gender_column") if isinstance(self.config, dict) else None
        if not raw:
            return None
        return ColumnSpec.from_mapping(raw, path=f"outlets.config ({self.id})", item=self.id,
                                       field_name="gender_column")

    def matches_rule(self, rule: QuotaRule) -> bool:
        if self.kind not in rule.kinds:
            return False
        code, name = self.pre2025_unit() if rule.province.scheme == "pre2025" else (
            self.province_code, self.province_name)
        if not rule.province.matches(code, name):
            return False
        return rule.district is None or rule.district.matches(self.old_district_code, self.old_district_name)


@dataclass
class MonthAgg:
    """Counts for one outlet over some months (one month from SQL, or a roll-up)."""

    articles: int = 0
    audited: int = 0
    ge_items: int = 0
    ge_reviewed: int = 0  # GE items whose verdict comes from a review decision
    reviewed: int = 0  # articles with a ge_item review decision (whatever the verdict)
    ge_in_peaks: int = 0
    quoted_f: int = 0
    quoted_m: int = 0
    quoted: int = 0
    column_items: int = 0
    fetches_ok: int = 0
    topics: Counter = field(default_factory=Counter)
    peaks: Counter = field(default_factory=Counter)

    @property
    def ge_machine(self) -> int:
        return self.ge_items - self.ge_reviewed

    @property
    def covered(self) -> bool:
        return self.articles > 0 or self.fetches_ok > 0

    @property
    def quoted_unknown(self) -> int:
        return max(self.quoted - self.quoted_f - self.quoted_m, 0)

    @property
    def female_share(self) -> float | None:
        """Women among quoted sources of known gender (unknown excluded); None without any."""
        known = self.quoted_f + self.quoted_m
        return self.quoted_f / known if known else None

    def add(self, other: MonthAgg) -> None:
        for name in ("articles", "audited", "ge_items", "ge_reviewed", "reviewed", "ge_in_peaks",
                     "quoted_f", "quoted_m", "quoted", "column_items", "fetches_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.topics.update(other.topics)
        self.peaks.update(other.peaks)


@dataclass
class QuotaCheck:
    """One rule checked over a tally period (possibly as several rule periods, e.g. 3 months)."""

    rule: QuotaRule
    status: str
    achieved: int = 0
    required: int | None = None
    periods_checked: int = 0
    periods_met: int = 0
    periods_no_data: int = 0

    @property
    def summary(self) -> str:
        if self.rule.minimum is None:
            return f"{self.rule.requirement} ({self.rule.id})"
        text = self.rule.requirement
        unit = PERIOD_LABELS[self.rule.period]
        if self.periods_checked > 1:
            text += f": đạt {self.periods_met}/{self.periods_checked} {unit}"
        if self.periods_no_data:
            text += f" ({self.periods_no_data} {unit} không có dữ liệu)"
        return text


@dataclass
class TallyRow:
    outlet: Outlet
    period: Period
    unit_code: str | None
    unit_name: str | None
    counts: MonthAgg
    checks: list[QuotaCheck]
    status: str

    @property
    def required(self) -> int | None:
        values = [c.required for c in self.checks if c.required is not None]
        return sum(values) if values else None

    @property
    def requirement(self) -> str:
        return "; ".join(c.summary for c in self.checks) or "không có quy định áp dụng"

    @property
    def counted(self) -> int:
        """The number compared with the quota: column items for a column rule, GE items otherwise."""
        for check in self.checks:
            if check.required is not None:
                return check.achieved
        return self.counts.ge_items

    def to_dict(self) -> dict:
        c = self.counts
        return {
            "outlet_id": self.outlet.id,
            "outlet": self.outlet.name,
            "kind": self.outlet.kind,
            "province_code": self.unit_code,
            "province": self.unit_name,
            "period": self.period.key,
            "period_label": self.period.label,
            "from": self.period.start.isoformat(),
            "to": self.period.end.isoformat(),
            "partial_period": self.period.partial,
            "articles": c.articles,
            "audited": c.audited,
            "ge_items": c.ge_items,
            "ge_machine": c.ge_machine,
            "ge_reviewed": c.ge_reviewed,
            "reviewed": c.reviewed,
            "column_items": c.column_items,
            "required": self.required,
            "requirement": self.requirement,
            "status": self.status,
            "status_label": STATUS_LABELS[self.status],
            "rules": [check.rule.id for check in self.checks],
            "ge_in_peaks": c.ge_in_peaks,
            "peaks": dict(c.peaks),
            "topics": dict(c.topics.most_common()),
            "quoted_f": c.quoted_f,
            "quoted_m": c.quoted_m,
            "quoted_unknown": c.quoted_unknown,
            "female_share": None if c.female_share is None else round(c.female_share, 4),
            "fetches_ok": c.fetches_ok,
        }


@dataclass
class TallyResult:
    start: date
    end: date
    period: str
    province: str | None
    rows: list[TallyRow]
    monthly: dict[str, MonthAgg]  # month -> totals over the reported outlets (for trends)
    rules: list[QuotaRule]
    peak_names: dict[str, str]
    undated: int = 0  # articles of the reported outlets without a readable publication date

    def totals(self, rows: Iterable[TallyRow] | None = None) -> MonthAgg:
        total = MonthAgg()
        for row in self.rows if rows is None else rows:
            total.add(row.counts)
        return total

    def status_counts(self, rows: Iterable[TallyRow] | None = None) -> Counter:
        return Counter(row.status for row in (self.rows if rows is None else rows))


def _local_time_sql(column: str, offset_hours: float) -> str:
    """SQL for ``column`` as local 'YYYY-MM-DD HH:MM:SS': values with an offset (or Z) are converted
    from UTC; values without one are already local (broadcast dates of ingested items)."""
    shift = f"'{offset_hours:+g} hours'"
    return (f"CASE WHEN {column} GLOB '*[+-][0-9][0-9]:[0-9][0-9]' OR {column} GLOB '*[Zz]' "
            f"THEN datetime({column}, {shift}) ELSE datetime({column}) END")


def _load_outlets(db: sqlite_utils.Database) -> list[Outlet]:
    outlets = []
    for row in db.query("SELECT * FROM outlets ORDER BY kind, name, id"):
        try:
            config = json.loads(row.get("config") or "{}")
        except json.JSONDecodeError:
            raise ConfigError("outlets.config không phải JSON hợp lệ", path="outlets", item=row["id"],
                              field="config") from None
        outlets.append(Outlet(
            id=row["id"], name=row["name"], kind=row["kind"],
            province_code=row.get("province_code"), province_name=row.get("province_name"),
            old_province_code=row.get("old_province_code"), old_province_name=row.get("old_province_name"),
            old_district_code=row.get("old_district_code"), old_district_name=row.get("old_district_name"),
            config=config if isinstance(config, dict) else {},
        ))
    return outlets


def _province_matcher(province: str | None):
    if not province:
        return lambda code, name: True
    wanted = province.strip()
    key = province_key(wanted)
    return lambda code, name: (code is not None and str(code) == wanted) or (
        bool(name) and province_key(name) == key)


def _aggregate(db: sqlite_utils.Database, outlet_ids: list[str], start: date, end: date,
               book: QuotaBook, column_specs: dict[str, ColumnSpec]) -> dict[tuple[str, str], MonthAgg]:
    """(outlet_id, 'YYYY-MM') -> counts, for local days in [start, end]."""
    offset = local_utc_offset_hours(start)
    if local_utc_offset_hours(end) != offset:
        raise InputError("múi giờ Asia/Ho_Chi_Minh đổi trong khoảng ngày đã chọn")
    local = _local_time_sql("a.published_at", offset)
    # Index-friendly pre-filter on the stored string, widened by a day each side for offsets.
    lo, hi = (start - timedelta(days=1)).isoformat(), (end + timedelta(days=2)).isoformat()
    peak_cases = " ".join(f"WHEN substr(local_time, 6, 5) BETWEEN '{p.start}' AND '{p.end}' THEN '{p.id}'"
                          for p in book.peaks)
    peak_sql = f"CASE {peak_cases} END" if peak_cases else "NULL"
    # The outlets to count sit in a temp table (any number of them; SQLite caps bound parameters).
    db.execute("DROP TABLE IF EXISTS temp.tally_outlets")
    db.execute("CREATE TEMP TABLE tally_outlets (id TEXT PRIMARY KEY)")
    db.conn.executemany("INSERT OR IGNORE INTO temp.tally_outlets VALUES (?)", [(i,) for i in outlet_ids])
    ids_sql = "SELECT id FROM temp.tally_outlets"
    after_ok = "d.decision_id IS NOT NULL AND json_valid(d.after)"
    items_sql = f"""
        CREATE TEMP TABLE tally_items AS
        WITH last_ge AS (
            SELECT article_id, action, after, max(id) AS decision_id
            FROM decisions WHERE target = 'ge_item' GROUP BY article_id
        ), last_person AS (
            SELECT target_id, after, max(id) AS decision_id
            FROM decisions WHERE target = 'person' AND json_valid(after) GROUP BY target_id
        ), corrected_people AS (
            -- Articles whose people an inspector corrected: recount quoted sources from people rows.
            SELECT article_id, sum(quoted) AS quoted, sum(quoted AND gender = 'F') AS quoted_f,
                   sum(quoted AND gender = 'M') AS quoted_m
            FROM (
                SELECT p.article_id,
                    CASE json_type(lp.after, '$.quoted') WHEN 'true' THEN 1 WHEN 'false' THEN 0
                        WHEN 'integer' THEN json_extract(lp.after, '$.quoted') != 0
                        ELSE coalesce(p.quoted, 0) != 0 END AS quoted,
                    CASE WHEN json_type(lp.after, '$.gender') = 'text'
                        THEN upper(json_extract(lp.after, '$.gender')) ELSE p.gender END AS gender
                FROM people p LEFT JOIN last_person lp ON lp.target_id = CAST(p.id AS TEXT)
                WHERE p.article_id IN (SELECT article_id FROM decisions WHERE target = 'person')
            ) GROUP BY article_id
        ), dated AS MATERIALIZED (
            SELECT a.id, a.outlet_id, {local} AS local_time FROM articles a
            WHERE a.outlet_id IN ({ids_sql}) AND a.published_at >= ? AND a.published_at < ?
            -- A row of an agency's own report (source_kind 'report') lists an item that may also be
            -- stored from its script or web page: count it only when no such copy exists.
            AND NOT (coalesce(a.source_kind, '') = 'report' AND EXISTS (
                SELECT 1 FROM articles b
                WHERE b.outlet_id = a.outlet_id AND coalesce(b.source_kind, '') != 'report'
                  AND trim(b.title) = trim(a.title)
                  AND substr(b.published_at, 1, 10) = substr(a.published_at, 1, 10)))
        )
        SELECT dated.outlet_id, substr(local_time, 1, 7) AS month, {peak_sql} AS peak,
            au.article_id IS NOT NULL AS audited,
            d.decision_id IS NOT NULL AS reviewed,
            CASE
                WHEN d.decision_id IS NULL THEN coalesce(au.ge_item, 0) != 0
                WHEN d.action = 'dismiss' THEN 0
                WHEN {after_ok} AND json_type(d.after, '$.ge_item') = 'true' THEN 1
                WHEN {after_ok} AND json_type(d.after, '$.ge_item') = 'false' THEN 0
                WHEN {after_ok} AND json_type(d.after, '$.ge_item') = 'integer'
                    THEN json_extract(d.after, '$.ge_item') != 0
                ELSE coalesce(au.ge_item, 0) != 0
            END AS ge,
            CASE WHEN {after_ok} AND json_type(d.after, '$.ge_topic') = 'text'
                THEN json_extract(d.after, '$.ge_topic') ELSE au.ge_topic END AS topic,
            coalesce(cp.quoted_f, au.n_quoted_f, 0) AS quoted_f, coalesce(cp.quoted_m, au.n_quoted_m, 0) AS quoted_m,
            coalesce(cp.quoted, au.n_quoted, 0) AS quoted
        FROM dated
        LEFT JOIN audits au ON au.article_id = dated.id
        LEFT JOIN last_ge d ON d.article_id = dated.id
        LEFT JOIN corrected_people cp ON cp.article_id = dated.id AND au.article_id IS NOT NULL
        WHERE substr(local_time, 1, 10) BETWEEN ? AND ?
    """
    params = [lo, hi, start.isoformat(), end.isoformat()]
    result: dict[tuple[str, str], MonthAgg] = {}

    def agg(outlet_id: str, month: str) -> MonthAgg:
        return result.setdefault((outlet_id, month), MonthAgg())

    db.execute("DROP TABLE IF EXISTS temp.tally_items")
    db.execute(items_sql, params)
    try:
        for row in db.execute(
            """SELECT outlet_id, month, count(*), sum(audited), sum(ge), sum(ge AND reviewed), sum(reviewed),
                      sum(ge AND peak IS NOT NULL), sum(quoted_f), sum(quoted_m), sum(quoted)
               FROM temp.tally_items GROUP BY outlet_id, month"""
        ).fetchall():
            month_agg = agg(row[0], row[1])
            (month_agg.articles, month_agg.audited, month_agg.ge_items, month_agg.ge_reviewed,
             month_agg.reviewed, month_agg.ge_in_peaks, month_agg.quoted_f, month_agg.quoted_m,
             month_agg.quoted) = (int(v or 0) for v in row[2:])
        for outlet_id, month, topic, n in db.execute(
            """SELECT outlet_id, month, coalesce(nullif(topic, ''), '(không rõ)'), count(*)
               FROM temp.tally_items WHERE ge GROUP BY 1, 2, 3"""
        ).fetchall():
            agg(outlet_id, month).topics[topic] += n
        for outlet_id, month, peak, n in db.execute(
            "SELECT outlet_id, month, peak, count(*) FROM temp.tally_items WHERE ge AND peak IS NOT NULL "
            "GROUP BY 1, 2, 3"
        ).fetchall():
            agg(outlet_id, month).peaks[peak] += n
    finally:
        db.execute("DROP TABLE IF EXISTS temp.tally_items")

    fetch_local = _local_time_sql("at", offset)
    for outlet_id, month, n in db.execute(
        f"""SELECT outlet_id, substr(local_time, 1, 7), count(*) FROM (
                SELECT outlet_id, {fetch_local} AS local_time FROM fetch_log
                WHERE outlet_id IN ({ids_sql}) AND outcome IN ('ok', 'not_modified') AND at >= ? AND at < ?
            ) WHERE substr(local_time, 1, 10) BETWEEN ? AND ? GROUP BY 1, 2""",
        params,
    ).fetchall():
        agg(outlet_id, month).fetches_ok = n

    if column_specs:
        marks = ",".join("?" * len(column_specs))  # a few provincial outlets
        for outlet_id, local_time, section, url, title in db.execute(
            f"""SELECT a.outlet_id, {local}, a.section, a.url, a.title FROM articles a
                WHERE a.outlet_id IN ({marks}) AND a.published_at >= ? AND a.published_at < ?""",
            [*column_specs, lo, hi],
        ).fetchall():
            if local_time and start.isoformat() <= local_time[:10] <= end.isoformat() \
                    and column_specs[outlet_id].matches(section, url, title):
                agg(outlet_id, local_time[:7]).column_items += 1
    return result


def _check_rule(rule: QuotaRule, period: Period, month_counts: dict[str, MonthAgg]) -> QuotaCheck | None:
    """Check ``rule`` over ``period``: every rule period inside it (e.g. each month of a quarter for a
    monthly column) must reach the minimum. A rule period longer than the tally period is not judged
    there; a rule period cut short by the requested range and still below the minimum is unfinished."""
    if PERIOD_KINDS[rule.period] > PERIOD_KINDS[period.kind]:
        if not rule.in_force(period.start, period.end):
            return None
        return QuotaCheck(rule, "not_evaluated" if rule.minimum is not None else "no_quota")
    check = QuotaCheck(rule, "no_quota")
    statuses: list[str] = []
    in_force = False
    for sub in periods_between(period.start, period.end, rule.period):
        if not rule.in_force(sub.start, sub.end):
            continue
        in_force = True
        agg = MonthAgg()
        for month in sub.months:
            agg.add(month_counts.get(month, MonthAgg()))
        achieved = agg.column_items if rule.counts == "column" else agg.ge_items
        check.achieved += achieved
        if rule.minimum is None:
            continue
        if not agg.covered:
            check.periods_no_data += 1
            continue
        check.periods_checked += 1
        check.required = (check.required or 0) + rule.minimum
        if achieved >= rule.minimum:
            check.periods_met += 1
            statuses.append("met")
        else:
            statuses.append("incomplete" if sub.partial or period.partial else "not_met")
    if not in_force:
        return None
    if rule.minimum is not None:
        check.status = next((s for s in ("not_met", "incomplete", "met") if s in statuses), "no_data")
    return check


_STATUS_ORDER = ["not_met", "incomplete", "met", "not_evaluated", "no_quota"]


def run_tally(db: sqlite_utils.Database, book: QuotaBook, *, start: date, end: date, period: str = "quarter",
              province: str | None = None, kinds: Iterable[str] | None = None) -> TallyResult:
    """Tally every outlet (of ``province``, by the 2025 mapping on each period's last day) per period."""
    if period not in PERIOD_KINDS:
        raise InputError(f"kỳ không hợp lệ: {period!r} (chọn: {', '.join(PERIOD_KINDS)})")
    if end < start:
        raise InputError(f"--from ({start}) sau --to ({end})")
    kind_filter = set(kinds or [])
    unknown_kinds = kind_filter - set(OUTLET_KINDS)
    if unknown_kinds:
        raise InputError(f"loại cơ quan không biết: {', '.join(sorted(unknown_kinds))}")
    periods = list(periods_between(start, end, period))
    matches = _province_matcher(province)
    outlets = [o for o in _load_outlets(db) if not kind_filter or o.kind in kind_filter]
    # Which outlets report under the province in which period (the unit on the period's last day).
    wanted = {o.id: [p for p in periods if matches(*o.unit_on(p.end))] for o in outlets}
    outlets = [o for o in outlets if wanted[o.id]]
    applicable = {o.id: [r for r in book.rules_for(o.kind) if o.matches_rule(r)] for o in outlets}
    column_specs: dict[str, ColumnSpec] = {}
    for outlet in outlets:
        column_rules = [r for r in applicable[outlet.id] if r.counts == "column"]
        if column_rules:
            spec = outlet.column_spec() or column_rules[0].column
            if spec:
                column_specs[outlet.id] = spec
    counts: dict[tuple[str, str], MonthAgg] = {}
    undated = 0
    if outlets:
        try:
            counts = _aggregate(db, [o.id for o in outlets], start, end, book, column_specs)
            undated = db.execute(
                "SELECT count(*) FROM articles WHERE outlet_id IN (SELECT id FROM temp.tally_outlets) "
                "AND (published_at IS NULL OR datetime(published_at) IS NULL)").fetchone()[0]
        finally:
            db.execute("DROP TABLE IF EXISTS temp.tally_outlets")

    rows: list[TallyRow] = []
    monthly: dict[str, MonthAgg] = {m: MonthAgg() for m in months_between(start, end)}
    by_outlet: dict[str, dict[str, MonthAgg]] = {}
    for (outlet_id, month), agg in counts.items():
        by_outlet.setdefault(outlet_id, {})[month] = agg
    for outlet in outlets:
        month_counts = by_outlet.get(outlet.id, {})
        for p in wanted[outlet.id]:
            total = MonthAgg()
            for month in p.months:
                if month in month_counts:
                    total.add(month_counts[month])
                    monthly[month].add(month_counts[month])
            checks = [c for r in applicable[outlet.id]
                      if (c := _check_rule(r, p, month_counts)) is not None]
            if not total.covered:
                status = "no_data"
            else:
                present = {c.status for c in checks} - {"no_data"}
                status = next((s for s in _STATUS_ORDER if s in present), "no_quota")
            code, name = outlet.unit_on(p.end)
            rows.append(TallyRow(outlet, p, code, name, total, checks, status))
    kind_order = list(OUTLET_KINDS)
    rows.sort(key=lambda r: (kind_order.index(r.outlet.kind) if r.outlet.kind in kind_order else 99,
                             r.outlet.name, r.outlet.id, r.period.start))
    used_rules = {c.rule.id: c.rule for row in rows for c in row.checks}
    return TallyResult(start, end, period, province, rows, monthly, list(used_rules.values()),
                       {p.id: p.name for p in book.peaks}, undated)
