"""The SQLite schema, in one place, and its migrations (sqlite-utils).

Tables, by the stage that writes them (data flows one way: crawl/ingest -> extract -> store -> audit ->
tally/report; review writes decisions that the tally reads):

    outlets      feeds.yaml / `auditor outlets add`: who publishes, kind, administrative units
    feeds        crawl: one row per source URL with its conditional-GET state (ETag, Last-Modified)
    article_urls crawl: every article link seen, its conditional-GET state, outcome and attempts
    fetch_log    crawl: every request made, status, bytes, error (append-only)
    articles     crawl/ingest: one row per article, unique by canonical URL and by content hash
    audits       audit: the engine's output per article with engine, rules and model versions
    findings     audit: one row per flagged passage (for the review queue and tallies)
    people       audit: one row per named person (gender, quoted, role)
    users        review: accounts (admin, inspector, editor) with argon2 password hashes
    decisions    review: append-only audit trail of inspector decisions (who, when, before, after)
    drafts       review: self-check drafts a user chose to save (never stored otherwise)
    app_secrets  review: the session-signing key (generated once per database)
    migrations   which named migrations have run

Every write goes through ``with db.conn:`` (one transaction), and the database runs in WAL mode, so a
crawl killed at any moment loses nothing it already committed.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

__all__ = ["open_db", "migrate", "now_iso", "MIGRATIONS", "DEFAULT_DB"]

DEFAULT_DB = "auditor.db"


def now_iso() -> str:
    """Current UTC time as ISO 8601 with offset, second precision."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _m001_initial(db: sqlite_utils.Database) -> None:
    db["outlets"].create(
        {
            "id": str,
            "name": str,
            "kind": str,  # provincial_paper | provincial_radio_tv | district_centre | commune_radio | national
            "province_code": str,  # 2025 unit (34 provinces)
            "province_name": str,
            "commune_code": str,
            "commune_name": str,
            "old_province_code": str,  # pre-2025 unit (63 provinces)
            "old_province_name": str,
            "old_district_code": str,
            "old_district_name": str,
            "homepage": str,
            "agency": str,  # the press agency (for draft ownership and editors)
            "local": int,  # 1 = may be fetched on loopback/private addresses (the demo)
            "verified": int,
            "config": str,  # JSON: column patterns, extra settings
            "updated_at": str,
        },
        pk="id",
        not_null={"name", "kind"},
    )
    db["feeds"].create(
        {
            "id": str,  # hash of outlet_id + url
            "outlet_id": str,
            "url": str,
            "kind": str,  # rss | html
            "link_selector": str,
            "section": str,  # a column / programme name when the source is one
            "etag": str,
            "last_modified": str,
            "last_fetched_at": str,
            "last_status": int,
            "last_error": str,
        },
        pk="id",
        foreign_keys=[("outlet_id", "outlets", "id")],
    )
    db["fetch_log"].create(
        {
            "id": int,
            "at": str,
            "outlet_id": str,
            "url": str,
            "host": str,
            "status": int,
            "bytes": int,
            "elapsed_ms": int,
            "outcome": str,  # ok | not_modified | error | skipped
            "error": str,
        },
        pk="id",
    )
    db["articles"].create(
        {
            "id": str,  # sha1 of canonical URL (crawl) or of file + position (ingest)
            "outlet_id": str,
            "url": str,
            "canonical_url": str,
            "content_hash": str,  # sha1 of normalised title + body
            "title": str,
            "published_at": str,  # ISO 8601 with offset; broadcast date for ingested items
            "byline": str,
            "text": str,
            "section": str,
            "source_kind": str,  # crawl | ingest | transcript | report (a row of an agency's own report)
            "source_file": str,
            "source_position": int,
            "extractor": str,  # which extraction stage produced the body
            "fetched_at": str,
            "updated_at": str,
            "version": int,  # bumped when an edited article is re-fetched
        },
        pk="id",
        not_null={"text"},
        foreign_keys=[("outlet_id", "outlets", "id")],
    )
    db["articles"].create_index(["canonical_url"], unique=True)
    db["articles"].create_index(["content_hash"])
    db["articles"].create_index(["outlet_id", "published_at"])
    db["audits"].create(
        {
            "article_id": str,
            "audited_at": str,
            "engine_version": str,
            "rules_version": str,
            "model_version": str,
            "ge_item": int,
            "ge_topic": str,
            "ge_score": float,
            "n_findings": int,
            "n_people": int,
            "n_quoted": int,
            "n_quoted_f": int,
            "n_quoted_m": int,
            "result": str,  # the full JSON line of the audit contract
        },
        pk="article_id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["audits"].create_index(["ge_item"])
    db["findings"].create(
        {
            "id": int,
            "article_id": str,
            "rule": str,
            "category": str,
            "field": str,
            "start": int,
            "end": int,
            "excerpt": str,
            "by": str,
            "score": float,
            "message": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["findings"].create_index(["article_id"])
    db["findings"].create_index(["category"])
    db["people"].create(
        {
            "id": int,
            "article_id": str,
            "name": str,
            "gender": str,
            "quoted": int,
            "role": str,
            "mentions": str,  # JSON [[start, end], ...]
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["people"].create_index(["article_id"])
    db["users"].create(
        {
            "id": int,
            "username": str,
            "password_hash": str,
            "role": str,  # admin | inspector | editor
            "agency": str,
            "created_at": str,
            "disabled": int,
        },
        pk="id",
    )
    db["users"].create_index(["username"], unique=True)
    db["decisions"].create(
        {
            "id": int,
            "at": str,
            "user_id": int,
            "username": str,
            "article_id": str,
            "target": str,  # article | finding | person | ge_item
            "target_id": str,
            "action": str,  # accept | dismiss | correct | note
            "reason": str,
            "before": str,  # JSON
            "after": str,  # JSON
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["decisions"].create_index(["article_id", "target", "target_id"])
    # The audit trail is append-only: the database itself refuses edits and deletions.
    db.executescript(
        """
        CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        CREATE TRIGGER decisions_no_delete BEFORE DELETE ON decisions
        BEGIN SELECT RAISE(ABORT, 'decisions are append-only'); END;
        """
    )
    db["drafts"].create(
        {
            "id": int,
            "user_id": int,
            "agency": str,
            "title": str,
            "text": str,
            "result": str,
            "created_at": str,
        },
        pk="id",
    )


def _m002_review_secrets(db: sqlite_utils.Database) -> None:
    # review: the session-signing key, generated once per database so restarts keep users logged in.
    db["app_secrets"].create({"name": str, "value": str, "created_at": str}, pk="name")


def _m003_crawl_article_urls(db: sqlite_utils.Database) -> None:
    # crawl: every article URL seen in a feed or listing, with its conditional-GET state, so a rerun
    # skips known links, revisits recent ones cheaply (304) and remembers republished copies and 404s.
    db["article_urls"].create(
        {
            "url": str,
            "outlet_id": str,
            "article_id": str,  # the stored article (NULL while failing, or for a 404)
            "feed_id": str,
            "entry_sig": str,  # feed entry date + title: a change means the article may be edited
            "etag": str,
            "last_modified": str,
            "first_seen_at": str,
            "last_checked_at": str,
            "last_status": int,
            "outcome": str,  # new | updated | unchanged | duplicate | gone | error
            "last_error": str,
        },
        pk="url",
    )
    db["article_urls"].create_index(["article_id"])


def _m004_crawl_link_attempts(db: sqlite_utils.Database) -> None:
    # crawl: failed attempts per article link, so a page that never loads is given up after a few runs.
    db["article_urls"].add_column("attempts", int, not_null_default=0)


def _m005_tally_indexes(db: sqlite_utils.Database) -> None:
    # tally: range scans by publication date across outlets, crawl coverage per outlet and month, and
    # the latest ge_item decision per article.
    db["articles"].create_index(["published_at"], if_not_exists=True)
    db["fetch_log"].create_index(["outlet_id", "at"], if_not_exists=True)
    db["decisions"].create_index(["target", "article_id", "id"], if_not_exists=True)


MIGRATIONS: list[tuple[str, Callable[[sqlite_utils.Database], None]]] = [
    ("001_initial", _m001_initial),
    ("002_review_secrets", _m002_review_secrets),
    ("003_crawl_article_urls", _m003_crawl_article_urls),
    ("004_crawl_link_attempts", _m004_crawl_link_attempts),
    ("005_tally_indexes", _m005_tally_indexes),
]


def migrate(db: sqlite_utils.Database) -> list[str]:
    """Run the migrations not yet recorded; return their names."""
    if "migrations" not in db.table_names():
        db["migrations"].create({"name": str, "applied_at": str}, pk="name")
    done = {row["name"] for row in db["migrations"].rows}
    applied = []
    for name, step in MIGRATIONS:
        if name in done:
            continue
        with db.conn:
            step(db)
            db["migrations"].insert({"name": name, "applied_at": now_iso()})
        applied.append(name)
    return applied


def open_db(path: str | os.PathLike[str] | None = None) -> sqlite_utils.Database:
    """Open (creating if needed) the database at ``path`` in WAL mode, migrated to the current schema."""
    path = Path(path or os.environ.get("AUDITOR_DB", DEFAULT_DB))
    if path.parent and not path.parent.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute("PRAGMA busy_timeout=10000")
    migrate(db)
    return db
