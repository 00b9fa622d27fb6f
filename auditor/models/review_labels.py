"""Inspectors' review decisions as training labels for the classifier.

Rules catch the phrasing they know; the classifier is there for what they miss. The best teacher of
what they miss is the inspector who reviews the machine's verdicts in the review app. This module
turns those decisions (table ``decisions``, append-only; the one in force per target is the review
app's :func:`~auditor.review.store.latest_decisions`) into two hand-label files that
``auditor train`` reads beside ``data/train``'s own:

- ``articles_hand_review.jsonl``: every article whose gender-equality verdict an inspector decided.
  ``accept`` confirms the machine's verdict, ``dismiss`` means not an item, ``correct`` gives the
  inspector's verdict and topic. An item the rules missed that an inspector marked is exactly the
  example the article head needs.
- ``sentences_hand_review.jsonl``: the sentence around every finding an inspector accepted or
  corrected (stereotyped, in the decided category) or dismissed (not stereotyped). A sentence with
  one accepted and one dismissed finding is stereotyped; one whose other findings are still pending
  is left out until they are decided.

Rows carry their text (the database is the user's own), and each says who decided and when.
Decisions on findings that a later re-audit replaced (the finding row is gone) cannot be placed and
are counted, not exported. Text that is, or nearly is, an item of the eval sets is left out
(:class:`~auditor.models.corpus.EvalGuard`), so the dev figures keep measuring unseen text.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from auditor.errors import InputError
from auditor.models.corpus import DEFAULT_EVAL, EvalGuard
from auditor.review.store import latest_decisions
from auditor.text import normalize

ARTICLES_FILE = "articles_hand_review.jsonl"
SENTENCES_FILE = "sentences_hand_review.jsonl"
_NEEDED_TABLES = ("articles", "audits", "findings", "decisions")


@dataclass
class ReviewLabels:
    articles: list[dict[str, Any]]
    sentences: list[dict[str, Any]]
    near_eval: int = 0  # rows left out as (near) eval items
    unplaced: int = 0  # finding decisions whose finding a re-audit replaced

    @property
    def ge_items(self) -> int:
        return sum(1 for row in self.articles if row["ge_item"])

    @property
    def stereotyped(self) -> int:
        return sum(1 for row in self.sentences if row["stereotype"])


def _open_review_db(path: Path) -> sqlite_utils.Database:
    if not path.is_file():
        raise InputError(f"không tìm thấy cơ sở dữ liệu {path} (no such database)")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        db = sqlite_utils.Database(conn)
        missing = [t for t in _NEEDED_TABLES if t not in db.table_names()]
    except sqlite3.DatabaseError as exc:
        raise InputError(f"{path} không phải cơ sở dữ liệu SQLite ({exc})") from exc
    if missing:
        raise InputError(f"{path} không phải cơ sở dữ liệu của auditor: thiếu bảng {', '.join(missing)}")
    return db


def _after(decision: dict[str, Any]) -> dict[str, Any]:
    try:
        value = json.loads(decision["after"] or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _sentence_around(source: str, start: int, end: int) -> tuple[int, int]:
    """The span, in ``source``, of the sentence holding [start, end) (several when it straddles)."""
    nt = normalize(source)
    spans = [nt.to_original(s.start, s.end) for s in nt.sentences]
    covering = [(a, b) for a, b in spans if a < end and start < b] or [(start, end)]
    return covering[0][0], covering[-1][1]


def collect_review_labels(db_path: Path, eval_dir: Path | None = DEFAULT_EVAL) -> ReviewLabels:
    """Read the decisions of ``db_path`` (opened read-only) as article and sentence labels."""
    db = _open_review_db(db_path)
    guard = EvalGuard(eval_dir) if eval_dir else None
    labels = ReviewLabels(articles=[], sentences=[])
    try:
        articles = {row["id"]: row for row in db.query("SELECT id, title, text FROM articles")}
        in_force = sorted(latest_decisions(list(db.query("SELECT * FROM decisions ORDER BY id"))).values(),
                          key=lambda d: d["id"])
        for d in [d for d in in_force if d["target"] == "ge_item"]:
            article = articles.get(d["article_id"])
            if article is None or not (article["text"] or "").strip():
                continue
            after = _after(d)
            is_item = bool(after.get("ge_item")) and d["action"] != "dismiss"
            if guard and guard.near(f"{article['title'] or ''} {article['text']}"):
                labels.near_eval += 1
                continue
            labels.articles.append({
                "id": f"review:{d['article_id']}", "title": article["title"] or "", "text": article["text"],
                "ge_item": int(is_item), "ge_topic": (after.get("ge_topic") or "other") if is_item else None,
                "label_source": "review", "decided_by": d["username"], "decided_at": d["at"],
            })
        decided = {str(d["target_id"]): d for d in in_force if d["target"] == "finding"}
        findings = {str(row["id"]): row for row in db.query(
            "SELECT id, article_id, field, start, end FROM findings WHERE article_id IN "
            "(SELECT DISTINCT article_id FROM decisions WHERE target = 'finding')")}
        labels.unplaced = sum(1 for fid, d in decided.items()
                              if fid not in findings or findings[fid]["article_id"] != d["article_id"])
        # Every finding of a reviewed article, by sentence: the sentence is stereotyped when one of its
        # findings was accepted or corrected, not stereotyped when all were dismissed, and unknown
        # (left out) while one is still pending.
        sentences: dict[str, dict[str, Any]] = {}
        for fid, finding in sorted(findings.items(), key=lambda kv: int(kv[0])):
            article = articles.get(finding["article_id"])
            field = "title" if finding["field"] == "title" else "text"
            source = (article or {}).get(field) or ""
            if not 0 <= finding["start"] < finding["end"] <= len(source):
                continue
            start, end = _sentence_around(source, finding["start"], finding["end"])
            key = f"review:{finding['article_id']}:{field}:{start}"
            row = sentences.setdefault(key, {
                "id": key, "sentence": source[start:end].strip(), "stereotype": 0, "category": None,
                "label_source": "review", "decided_by": None, "decided_at": None, "pending": False,
            })
            d = decided.get(fid)
            if d is None:
                row["pending"] = True
            elif d["action"] in ("accept", "correct") and not row["stereotype"]:
                row.update(stereotype=1, category=_after(d).get("category"),
                           decided_by=d["username"], decided_at=d["at"])
            elif row["decided_by"] is None:
                row.update(decided_by=d["username"], decided_at=d["at"])
        for row in sentences.values():
            pending = row.pop("pending")
            if (pending and not row["stereotype"]) or not row["sentence"]:
                continue
            if guard and guard.near(row["sentence"]):
                labels.near_eval += 1
            else:
                labels.sentences.append(row)
    finally:
        db.conn.close()
    return labels


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    # Written whole, then moved into place: an interrupted export leaves the previous file intact.
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    os.replace(tmp, path)


def export_review_labels(db_path: Path, data_dir: Path, eval_dir: Path | None = DEFAULT_EVAL) -> ReviewLabels:
    """Write the labels of ``db_path`` to ``data_dir`` (replacing an earlier export); returns them."""
    labels = collect_review_labels(db_path, eval_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    _write_jsonl(data_dir / ARTICLES_FILE, labels.articles)
    _write_jsonl(data_dir / SENTENCES_FILE, labels.sentences)
    return labels
