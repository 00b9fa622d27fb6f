"""Write audit results to the database: one transaction per article, replacing the previous audit.

Inspectors' decisions point at finding and person rows by id (``decisions.target_id``), so a re-audit
(a new engine version, an edited article) keeps the id of every finding and person it finds again,
and gives new ones ids never used before: a decision stays on the passage or person it was made on,
and never lands on another one.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import sqlite_utils

from auditor.audit.types import AuditResult
from auditor.db import now_iso
from auditor.text import fold

Row = dict[str, Any]


def _carry_ids(old: list[Row], new: list[Row], keys: list[Callable[[Row], tuple]],
               position: Callable[[Row], int], first_fresh_id: Callable[[], int]) -> None:
    """Set ``id`` on each row of ``new``: the id of the old row it continues, else a fresh one.

    ``keys`` are tried in order (the strictest first); among old rows with the same key, the one
    nearest in ``position`` is taken. Fresh ids start at ``first_fresh_id()``, asked only when a row
    needs one (most articles have no finding at all).
    """
    free = list(old)
    for key in keys:
        for row in new:
            if "id" in row:
                continue
            same = [o for o in free if key(o) == key(row)]
            if same:
                match = min(same, key=lambda o: abs(position(o) - position(row)))
                row["id"] = match["id"]
                free.remove(match)
    fresh = [row for row in new if "id" not in row]
    if fresh:
        next_id = first_fresh_id()
        for offset, row in enumerate(fresh):
            row["id"] = next_id + offset


def _first_mention(person: Row) -> int:
    return (json.loads(person["mentions"] or "[]") or [[0]])[0][0]


def _next_id(db: sqlite_utils.Database, table: str, target: str) -> int:
    """Above every id the table holds and every id a decision names (even of a row since deleted)."""
    in_table = db.execute(f"SELECT MAX(id) FROM {table}").fetchone()[0] or 0
    named = db.execute("SELECT MAX(CAST(target_id AS INTEGER)) FROM decisions WHERE target = ?",
                       [target]).fetchone()[0] or 0
    return max(in_table, named) + 1


def save_audit(db: sqlite_utils.Database, article_id: str, result: AuditResult,
               versions: dict[str, str]) -> None:
    """Store ``result`` for ``article_id`` (audits + findings + people rows), replacing any earlier one.

    ``versions`` has ``engine_version``, ``rules_version`` and ``model_version``. The caller may
    wrap several calls in one ``with db.conn:``; this function opens its own otherwise.
    """
    counts = result.quoted_counts
    row = {
        "article_id": article_id,
        "audited_at": now_iso(),
        "engine_version": versions.get("engine_version", ""),
        "rules_version": versions.get("rules_version", ""),
        "model_version": versions.get("model_version", ""),
        "ge_item": int(result.ge_item),
        "ge_topic": result.ge_topic,
        "ge_score": result.ge_score,
        "n_findings": len(result.findings),
        "n_people": len(result.people),
        "n_quoted": sum(counts.values()),
        "n_quoted_f": counts["F"],
        "n_quoted_m": counts["M"],
        "result": json.dumps(result.to_dict(), ensure_ascii=False),
    }
    findings = [{"article_id": article_id, **{k: v for k, v in f.__dict__.items() if k != "suggestion"}}
                for f in result.findings]
    people = [{"article_id": article_id, "name": p.name, "gender": p.gender, "quoted": int(p.quoted),
               "role": p.role, "mentions": json.dumps(p.mentions)} for p in result.people]
    conn = db.conn
    nested = conn.in_transaction
    if not nested:
        conn.execute("BEGIN")
    try:
        old_findings = list(db.query("SELECT id, field, rule, category, excerpt, start FROM findings "
                                     "WHERE article_id = ?", [article_id]))
        _carry_ids(old_findings, findings,
                   [lambda r: (r["field"], r["rule"], r["excerpt"]),  # the same rule on the same words
                    lambda r: (r["field"], r["category"], r["excerpt"])],  # a renamed rule
                   lambda r: r["start"], lambda: _next_id(db, "findings", "finding"))
        old_people = list(db.query("SELECT id, name, mentions FROM people WHERE article_id = ?", [article_id]))
        _carry_ids(old_people, people, [lambda r: (fold(r["name"]),)], _first_mention,
                   lambda: _next_id(db, "people", "person"))
        db.execute("DELETE FROM findings WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM people WHERE article_id = ?", [article_id])
        db["audits"].insert(row, replace=True)
        db["findings"].insert_all(findings)
        db["people"].insert_all(people)
        if not nested:
            conn.execute("COMMIT")
    except BaseException:
        if not nested:
            conn.execute("ROLLBACK")
        raise


def unaudited_article_ids(db: sqlite_utils.Database, versions: dict[str, str] | None = None) -> list[str]:
    """Articles with no audit, or (given ``versions``, an :attr:`Auditor.versions`) audited by another
    engine, rules or model version."""
    sql = "SELECT a.id FROM articles a LEFT JOIN audits u ON u.article_id = a.id WHERE u.article_id IS NULL"
    params: list[str] = []
    if versions is not None:
        sql += (" OR u.engine_version IS NOT ? OR u.rules_version IS NOT ? OR u.model_version IS NOT ?")
        params = [versions.get("engine_version", ""), versions.get("rules_version", ""),
                  versions.get("model_version", "")]
    return [r[0] for r in db.execute(sql, params).fetchall()]
