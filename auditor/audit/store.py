"""Write audit results to the database: one transaction per article, replacing the previous audit."""

from __future__ import annotations

import json
from collections.abc import Iterable

import sqlite_utils

from auditor.audit.types import AuditResult
from auditor.db import now_iso


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
    conn = db.conn
    nested = conn.in_transaction
    if not nested:
        conn.execute("BEGIN")
    try:
        db.execute("DELETE FROM findings WHERE article_id = ?", [article_id])
        db.execute("DELETE FROM people WHERE article_id = ?", [article_id])
        db["audits"].insert(row, replace=True)
        db["findings"].insert_all(
            ({"article_id": article_id, **{k: v for k, v in f.__dict__.items() if k != "suggestion"}}
             for f in result.findings),
        )
        db["people"].insert_all(
            {"article_id": article_id, "name": p.name, "gender": p.gender, "quoted": int(p.quoted),
             "role": p.role, "mentions": json.dumps(p.mentions)}
            for p in result.people
        )
        if not nested:
            conn.execute("COMMIT")
    except BaseException:
        if not nested:
            conn.execute("ROLLBACK")
        raise


def unaudited_article_ids(db: sqlite_utils.Database, engine_version: str | None = None) -> Iterable[str]:
    """Articles with no audit, or (given ``engine_version``) audited by another engine version."""
    if engine_version is None:
        sql = "SELECT a.id FROM articles a LEFT JOIN audits u ON u.article_id = a.id WHERE u.article_id IS NULL"
        params: list[str] = []
    else:
        sql = ("SELECT a.id FROM articles a LEFT JOIN audits u ON u.article_id = a.id "
               "WHERE u.article_id IS NULL OR u.engine_version != ?")
        params = [engine_version]
    return [r[0] for r in db.execute(sql, params).fetchall()]
