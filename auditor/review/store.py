"""Reads and writes of the review app: the queue, one article with its effective state, decisions, drafts.

Decisions are append-only rows (the database refuses edits). The state an inspector sees is the
machine's output with the LATEST decision per (target, target_id) applied on top:

    target='finding'  target_id=findings.id   accept | dismiss (reason) | correct (after.category)
    target='ge_item'  target_id=article id    accept (machine value) | dismiss (not an item) | correct
    target='person'   target_id=people.id     correct (after = {gender, quoted, role})
    target='article'  target_id=article id    note (reason = the note) | accept (marked reviewed)

``before`` records the effective state the inspector saw, ``after`` the state they chose.
"""

from __future__ import annotations

import json
import re
import sqlite3
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

import sqlite_utils

from auditor.audit.types import CATEGORIES, GE_TOPICS, ROLES
from auditor.db import now_iso
from auditor.errors import InputError

__all__ = [
    "connect",
    "ArticleNotFound",
    "QueueFilter",
    "parse_period",
    "queue",
    "queue_ids",
    "filter_options",
    "article_view",
    "record_decision",
    "save_draft",
    "list_drafts",
    "get_draft",
    "delete_draft",
]

PAGE_SIZE = 50


class ArticleNotFound(InputError):
    pass


MAX_REASON_CHARS = 5000
FINDING_STATUS = {"accept": "accepted", "dismiss": "dismissed", "correct": "corrected"}


def connect(path: str | Path) -> sqlite_utils.Database:
    """A connection for one request (the schema is migrated once, when the app starts)."""
    conn = sqlite3.connect(str(path), check_same_thread=False, timeout=10)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA busy_timeout=10000")
    return sqlite_utils.Database(conn)


def _rows(db: sqlite_utils.Database, sql: str, params: list[Any] | dict[str, Any]) -> list[dict[str, Any]]:
    cursor = db.execute(sql, params)
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


# --- the queue ---------------------------------------------------------------------------------------

@dataclass
class QueueFilter:
    outlet: str = ""
    province: str = ""
    period: str = ""
    category: str = ""
    rule: str = ""
    status: str = "pending"  # pending | reviewed | all
    page: int = 1

    def query_items(self) -> dict[str, str]:
        """Non-default values, for links that keep the filter (pagination, next/previous article)."""
        defaults = asdict(QueueFilter())
        return {k: str(v) for k, v in asdict(self).items() if v != defaults[k] and k != "page"}


_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|[Qq]([1-4])))?$")


def parse_period(period: str) -> tuple[str, str]:
    """'2025', '2025-07' or '2025-Q3' -> [start, end) ISO dates."""
    m = _PERIOD.match(period.strip())
    if not m:
        raise InputError(f"Kỳ '{period}' không hợp lệ: dùng dạng 2025, 2025-07 hoặc 2025-Q3.")
    year, month, quarter = int(m.group(1)), m.group(2), m.group(3)
    if month:
        first = int(month)
        if not 1 <= first <= 12:
            raise InputError(f"Tháng '{month}' không hợp lệ.")
        months = 1
    elif quarter:
        first, months = (int(quarter) - 1) * 3 + 1, 3
    else:
        first, months = 1, 12
    start = date(year, first, 1)
    end_month = first + months
    end = date(year + (end_month - 1) // 12, (end_month - 1) % 12 + 1, 1)
    return start.isoformat(), end.isoformat()


_REVIEWED = "EXISTS (SELECT 1 FROM decisions d WHERE d.article_id = a.id AND d.action != 'note')"


def _queue_where(f: QueueFilter) -> tuple[str, list[Any]]:
    where = ["(u.n_findings > 0 OR u.ge_item = 1)"]
    params: list[Any] = []
    if f.outlet:
        where.append("a.outlet_id = ?")
        params.append(f.outlet)
    if f.province:
        where.append("(o.province_name = ? OR o.province_code = ?)")
        params += [f.province, f.province]
    if f.period:
        start, end = parse_period(f.period)
        where.append("substr(a.published_at, 1, 10) >= ? AND substr(a.published_at, 1, 10) < ?")
        params += [start, end]
    if f.category:
        where.append("EXISTS (SELECT 1 FROM findings x WHERE x.article_id = a.id AND x.category = ?)")
        params.append(f.category)
    if f.rule:
        where.append("EXISTS (SELECT 1 FROM findings x WHERE x.article_id = a.id AND x.rule = ?)")
        params.append(f.rule)
    if f.status == "pending":
        where.append(f"NOT {_REVIEWED}")
    elif f.status == "reviewed":
        where.append(_REVIEWED)
    return " AND ".join(where), params


_QUEUE_FROM = "FROM articles a JOIN audits u ON u.article_id = a.id LEFT JOIN outlets o ON o.id = a.outlet_id"
_QUEUE_ORDER = "ORDER BY a.published_at DESC, a.id"


def queue(db: sqlite_utils.Database, f: QueueFilter) -> tuple[list[dict[str, Any]], int]:
    """One page of flagged articles matching ``f``, and how many match in all."""
    where, params = _queue_where(f)
    total = db.execute(f"SELECT count(*) {_QUEUE_FROM} WHERE {where}", params).fetchone()[0]
    page = max(1, f.page)
    rows = _rows(
        db,
        f"""SELECT a.id, a.title, a.published_at, o.name AS outlet_name, o.province_name,
                   u.n_findings, u.ge_item, u.ge_topic, u.n_quoted_f, u.n_quoted_m,
                   (SELECT group_concat(DISTINCT x.category) FROM findings x WHERE x.article_id = a.id)
                       AS categories,
                   {_REVIEWED} AS reviewed,
                   (SELECT d.after FROM decisions d WHERE d.article_id = a.id AND d.target = 'ge_item'
                    ORDER BY d.id DESC LIMIT 1) AS ge_after
            {_QUEUE_FROM} WHERE {where} {_QUEUE_ORDER} LIMIT ? OFFSET ?""",
        [*params, PAGE_SIZE, (page - 1) * PAGE_SIZE],
    )
    for row in rows:
        row["categories"] = sorted((row["categories"] or "").split(",")) if row["categories"] else []
        after = _loads(row.pop("ge_after"))
        row["ge_corrected"] = isinstance(after, dict)
        if isinstance(after, dict):  # the inspector's verdict replaces the machine's
            row["ge_item"], row["ge_topic"] = bool(after.get("ge_item")), after.get("ge_topic")
    return rows, total


def queue_ids(db: sqlite_utils.Database, f: QueueFilter, limit: int = 5000) -> list[str]:
    """Article ids of the whole filtered queue, in order (for next/previous article)."""
    where, params = _queue_where(f)
    return [r[0] for r in db.execute(
        f"SELECT a.id {_QUEUE_FROM} WHERE {where} {_QUEUE_ORDER} LIMIT ?", [*params, limit]).fetchall()]


def filter_options(db: sqlite_utils.Database) -> dict[str, list[Any]]:
    """Values the filter selects offer: outlets, provinces and rules that occur among audited articles."""
    return {
        "outlets": _rows(db, """SELECT DISTINCT o.id, o.name FROM outlets o
                                JOIN articles a ON a.outlet_id = o.id JOIN audits u ON u.article_id = a.id
                                ORDER BY o.name""", []),
        "provinces": [r[0] for r in db.execute(
            """SELECT DISTINCT o.province_name FROM outlets o JOIN articles a ON a.outlet_id = o.id
               WHERE o.province_name IS NOT NULL AND o.province_name != '' ORDER BY 1""").fetchall()],
        "rules": [r[0] for r in db.execute("SELECT DISTINCT rule FROM findings ORDER BY 1").fetchall()],
        "categories": list(CATEGORIES),
    }


# --- one article -------------------------------------------------------------------------------------

def _loads(value: str | None) -> Any:
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def latest_decisions(decisions: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """The decision in force per (target, target_id): the latest by id; notes decide nothing."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for d in decisions:  # ordered by id: later rows win
        if d["action"] != "note":
            latest[(d["target"], d["target_id"])] = d
    return latest


def article_view(db: sqlite_utils.Database, article_id: str) -> dict[str, Any] | None:
    """Everything the article page shows, with decisions applied; None when there is no such article."""
    found = _rows(db, """SELECT a.*, o.name AS outlet_name, o.province_name, o.agency AS outlet_agency
                         FROM articles a LEFT JOIN outlets o ON o.id = a.outlet_id WHERE a.id = ?""",
                  [article_id])
    if not found:
        return None
    article = found[0]
    audits = _rows(db, "SELECT * FROM audits WHERE article_id = ?", [article_id])
    audit = audits[0] if audits else None
    contract = _loads(audit["result"]) if audit else None
    suggestions = {
        (f.get("rule"), f.get("field"), f.get("start"), f.get("end")): f.get("suggestion") or ""
        for f in (contract or {}).get("findings", [])
    }
    findings = _rows(db, "SELECT * FROM findings WHERE article_id = ? ORDER BY field = 'text', start, id",
                     [article_id])
    people = _rows(db, "SELECT * FROM people WHERE article_id = ? ORDER BY id", [article_id])
    decisions = _rows(db, "SELECT * FROM decisions WHERE article_id = ? ORDER BY id", [article_id])
    for d in decisions:
        d["before_obj"], d["after_obj"] = _loads(d["before"]), _loads(d["after"])
    latest = latest_decisions(decisions)

    for f in findings:
        f["suggestion"] = suggestions.get((f["rule"], f["field"], f["start"], f["end"]), "")
        d = latest.get(("finding", str(f["id"])))
        after = (d or {}).get("after_obj") or {}
        f["status"] = FINDING_STATUS.get(d["action"], "pending") if d else "pending"
        f["effective_category"] = after.get("category", f["category"])
        f["decision"] = d
    for p in people:
        p["quoted"] = bool(p["quoted"])
        d = latest.get(("person", str(p["id"])))
        after = (d or {}).get("after_obj") or {}
        p["machine"] = {"gender": p["gender"], "quoted": p["quoted"], "role": p["role"]}
        p["corrected"] = bool(d)
        for key in ("gender", "quoted", "role"):
            if key in after:
                p[key] = after[key]
    ge_machine = {"ge_item": bool(audit["ge_item"]), "ge_topic": audit["ge_topic"]} if audit else None
    ge_decision = latest.get(("ge_item", article_id))
    ge_effective = dict(ge_machine) if ge_machine else {"ge_item": False, "ge_topic": None}
    if ge_decision and ge_decision["after_obj"]:
        ge_effective = {"ge_item": bool(ge_decision["after_obj"].get("ge_item")),
                        "ge_topic": ge_decision["after_obj"].get("ge_topic")}
    return {
        "article": article,
        "audit": audit,
        "findings": findings,
        "people": people,
        "decisions": decisions,
        "ge_machine": ge_machine,
        "ge_effective": ge_effective,
        "ge_decision": ge_decision,
        "reviewed": any(d["action"] != "note" for d in decisions),
    }


def _clean_reason(reason: str | None, required: bool, what: str) -> str | None:
    reason = (reason or "").strip()
    if len(reason) > MAX_REASON_CHARS:
        raise InputError(f"{what} quá dài (tối đa {MAX_REASON_CHARS} ký tự).")
    if required and not reason:
        raise InputError(f"Hãy ghi {what.lower()}.")
    return reason or None


def record_decision(db: sqlite_utils.Database, user: dict[str, Any], article_id: str, *, target: str,
                    target_id: str, action: str, reason: str | None = None,
                    values: dict[str, Any] | None = None) -> int:
    """Validate and append one decision; returns its id. Raises InputError (Vietnamese) when invalid."""
    values = values or {}
    view = article_view(db, article_id)
    if view is None:
        raise ArticleNotFound("Không tìm thấy bài viết.")
    before: dict[str, Any] | None
    after: dict[str, Any]
    if target == "finding":
        finding = next((f for f in view["findings"] if str(f["id"]) == str(target_id)), None)
        if finding is None:
            raise InputError("Phát hiện này không thuộc bài viết.")
        if action not in FINDING_STATUS:
            raise InputError("Thao tác không hợp lệ cho phát hiện.")
        category = finding["effective_category"]
        if action == "correct":
            category = values.get("category") or ""
            if category not in CATEGORIES:
                raise InputError("Hãy chọn loại định kiến đúng.")
        reason = _clean_reason(reason, action == "dismiss", "Lý do bác bỏ")
        before = {"status": finding["status"], "category": finding["effective_category"]}
        after = {"status": FINDING_STATUS[action], "category": category}
    elif target == "ge_item":
        if view["ge_machine"] is None:
            raise InputError("Bài viết chưa được kiểm tra tự động.")
        target_id = article_id
        if action == "accept":
            after = dict(view["ge_machine"])
        elif action == "dismiss":
            after = {"ge_item": False, "ge_topic": None}
        elif action == "correct":
            is_item = str(values.get("ge_item", "")).lower() in ("1", "true", "on", "yes")
            topic = values.get("ge_topic") or None
            if is_item and topic not in GE_TOPICS:
                raise InputError("Hãy chọn chủ đề bình đẳng giới.")
            after = {"ge_item": is_item, "ge_topic": topic if is_item else None}
        else:
            raise InputError("Thao tác không hợp lệ cho tin bình đẳng giới.")
        reason = _clean_reason(reason, action == "dismiss", "Lý do bác bỏ")
        before = dict(view["ge_effective"])
    elif target == "person":
        person = next((p for p in view["people"] if str(p["id"]) == str(target_id)), None)
        if person is None:
            raise InputError("Nhân vật này không thuộc bài viết.")
        if action != "correct":
            raise InputError("Nhân vật chỉ có thể được sửa.")
        gender, role = values.get("gender"), values.get("role")
        if gender not in ("F", "M", "U"):
            raise InputError("Giới tính phải là Nữ, Nam hoặc Không rõ.")
        if role not in ROLES:
            raise InputError("Vai trò không hợp lệ.")
        quoted = str(values.get("quoted", "")).lower() in ("1", "true", "on", "yes")
        reason = _clean_reason(reason, False, "Lý do")
        before = {"gender": person["gender"], "quoted": person["quoted"], "role": person["role"]}
        after = {"gender": gender, "quoted": quoted, "role": role}
    elif target == "article":
        target_id = article_id
        if action == "note":
            reason = _clean_reason(reason, True, "Nội dung ghi chú")
            before, after = None, {"note": reason}
        elif action == "accept":
            reason = _clean_reason(reason, False, "Lý do")
            before, after = {"reviewed": view["reviewed"]}, {"reviewed": True}
        else:
            raise InputError("Thao tác không hợp lệ cho bài viết.")
    else:
        raise InputError("Đối tượng không hợp lệ.")
    with db.conn:
        cursor = db.execute(
            "INSERT INTO decisions (at, user_id, username, article_id, target, target_id, action, reason, "
            "before, after) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [now_iso(), user["id"], user["username"], article_id, target, str(target_id), action, reason,
             json.dumps(before, ensure_ascii=False) if before is not None else None,
             json.dumps(after, ensure_ascii=False)],
        )
    return int(cursor.lastrowid)


# --- drafts --------------------------------------------------------------------------------------------

def _draft_scope(user: dict[str, Any]) -> tuple[str, list[Any]]:
    """Drafts a user may see: their agency's; a user with no agency sees only their own agency-less ones."""
    if user.get("agency"):
        return "agency = ?", [user["agency"]]
    return "agency IS NULL AND user_id = ?", [user["id"]]


def save_draft(db: sqlite_utils.Database, user: dict[str, Any], title: str | None, text: str,
               result: dict[str, Any]) -> int:
    with db.conn:
        cursor = db.execute(
            "INSERT INTO drafts (user_id, agency, title, text, result, created_at) VALUES (?, ?, ?, ?, ?, ?)",
            [user["id"], user.get("agency") or None, title or None, text,
             json.dumps(result, ensure_ascii=False), now_iso()],
        )
    return int(cursor.lastrowid)


def list_drafts(db: sqlite_utils.Database, user: dict[str, Any]) -> list[dict[str, Any]]:
    scope, params = _draft_scope(user)
    return _rows(db, f"""SELECT d.id, d.title, d.created_at, substr(d.text, 1, 160) AS preview,
                                u.username AS author
                         FROM drafts d LEFT JOIN users u ON u.id = d.user_id
                         WHERE {scope.replace('agency', 'd.agency').replace('user_id', 'd.user_id')}
                         ORDER BY d.id DESC""", params)


def get_draft(db: sqlite_utils.Database, user: dict[str, Any], draft_id: int) -> dict[str, Any] | None:
    scope, params = _draft_scope(user)
    rows = _rows(db, f"SELECT * FROM drafts WHERE id = ? AND {scope}", [draft_id, *params])
    if not rows:
        return None
    rows[0]["result_obj"] = _loads(rows[0]["result"])
    return rows[0]


def delete_draft(db: sqlite_utils.Database, user: dict[str, Any], draft_id: int) -> bool:
    scope, params = _draft_scope(user)
    with db.conn:
        cursor = db.execute(f"DELETE FROM drafts WHERE id = ? AND {scope}", [draft_id, *params])
    return cursor.rowcount > 0
