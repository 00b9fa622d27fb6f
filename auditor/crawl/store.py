"""Store crawled articles: unique by canonical URL and by content hash, edits bump the version.

    outcome = classify(db, canonical_url, digest)    # new | updated | unchanged | duplicate
    with db.conn:                                     # one transaction: article + its audit
        article_id, outcome = write_article(db, record)
        save_audit(db, article_id, result, versions)

The same article republished under another URL (an outlet copying the provincial paper) has the same
content hash and is not stored twice; an edited article at a known URL gets its new text, ``version``
+ 1 and a fresh audit. :func:`write_article` classifies again inside the caller's transaction, so two
outlets storing the same text at once still end up with one row.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import sqlite_utils

from auditor.db import now_iso
from auditor.text import normalize

__all__ = ["ArticleRecord", "normalize_url", "content_hash", "article_id_for", "classify", "write_article",
           "pick_canonical"]

# Query parameters that only track the visitor; two URLs differing by them are the same page.
_TRACKING = re.compile(r"^(utm_[a-z]+|fbclid|gclid|zarsrc|zacc|_ga|ref|src)$", re.IGNORECASE)


def normalize_url(url: str) -> str:
    """Lower-case scheme and host, no fragment, no default port, no tracking parameters."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((parts.scheme == "http" and port == 80) or (parts.scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
                       if not _TRACKING.match(k)])
    return urlunsplit((parts.scheme.lower(), host, parts.path or "/", query, ""))


def pick_canonical(fetched_url: str, declared: str | None) -> str:
    """The page's declared canonical URL when it is plausible, else the URL it was fetched from.

    Some CMSs declare the home page as canonical on every article; taking that would fold every
    article into one row, so a canonical without a path is ignored.
    """
    fetched = normalize_url(fetched_url)
    if not declared:
        return fetched
    candidate = normalize_url(declared)
    parts = urlsplit(candidate)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path.strip("/") == "":
        return fetched
    return candidate


def content_hash(title: str, text: str) -> str:
    """sha1 of the normalised title and body (NFC, one tone placement, collapsed spaces).

    The body is the paragraphs without the lead: sites that copy an article often drop or restyle the
    lead, and the copy must still be recognised.
    """
    def norm(s: str) -> str:
        return " ".join(normalize(s or "").text.split())

    return hashlib.sha1(f"{norm(title)}\n{norm(text)}".encode()).hexdigest()


def article_id_for(canonical_url: str) -> str:
    return hashlib.sha1(canonical_url.encode()).hexdigest()


@dataclass
class ArticleRecord:
    outlet_id: str
    url: str
    canonical_url: str
    title: str
    text: str
    published_at: str | None = None
    byline: str | None = None
    section: str | None = None
    extractor: str | None = None
    body: str | None = None  # the paragraphs without the lead, for the content hash (default: text)

    @property
    def digest(self) -> str:
        return content_hash(self.title, self.body if self.body is not None else self.text)


def classify(db: sqlite_utils.Database, canonical_url: str, digest: str, text: str | None = None,
             previous_id: str | None = None) -> tuple[str, str | None]:
    """(outcome, id of the article it concerns): what storing this text at this URL would do.

    With ``text``, an article whose stored text differs (an edited lead) counts as updated too.
    ``previous_id`` is the article this page's link led to before: when the page now declares a new
    canonical URL (CMSs put the title in the address, so an edited title moves the article), it is an
    update of that article, not a new one.
    """
    row = db.execute("SELECT id, content_hash, text FROM articles WHERE canonical_url = ?",
                     [canonical_url]).fetchone()
    if row is not None:
        same = row[1] == digest and (text is None or row[2] == text)
        return ("unchanged" if same else "updated"), row[0]
    row = db.execute("SELECT id FROM articles WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
    if row is not None:
        return "duplicate", row[0]
    if previous_id and db.execute("SELECT 1 FROM articles WHERE id = ?", [previous_id]).fetchone():
        return "updated", previous_id
    return "new", None


def write_article(db: sqlite_utils.Database, record: ArticleRecord, previous_id: str | None = None
                  ) -> tuple[str, str]:
    """Insert or update ``record``; returns (article id, outcome). Call inside ``with db.conn:``.

    ``unchanged`` and ``duplicate`` write nothing and return the id of the article already stored;
    ``previous_id`` as for :func:`classify`.
    """
    digest = record.digest
    outcome, existing = classify(db, record.canonical_url, digest, record.text, previous_id)
    now = now_iso()
    if outcome == "duplicate":
        assert existing is not None
        _credit_the_original(db, existing, record)
        return existing, outcome
    if outcome == "unchanged":
        assert existing is not None
        return existing, outcome
    if outcome == "updated":
        assert existing is not None
        db.execute(
            "UPDATE articles SET title = ?, text = ?, content_hash = ?, published_at = COALESCE(?, published_at),"
            " byline = COALESCE(?, byline), url = ?, canonical_url = ?, extractor = ?, updated_at = ?,"
            " version = version + 1 WHERE id = ?",
            [record.title, record.text, digest, record.published_at, record.byline, record.url,
             record.canonical_url, record.extractor, now, existing],
        )
        return existing, outcome
    article_id = article_id_for(record.canonical_url)
    if db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
        # The address once belonged to an article that has since moved: keep ids unique.
        article_id = article_id_for(f"{record.canonical_url}\n{digest}")
    db["articles"].insert(
        {
            "id": article_id,
            "outlet_id": record.outlet_id,
            "url": record.url,
            "canonical_url": record.canonical_url,
            "content_hash": digest,
            "title": record.title,
            "published_at": record.published_at,
            "byline": record.byline,
            "text": record.text,
            "section": record.section,
            "source_kind": "crawl",
            "extractor": record.extractor,
            "fetched_at": now,
            "updated_at": now,
            "version": 1,
        }
    )
    return article_id, outcome


def _credit_the_original(db: sqlite_utils.Database, article_id: str, record: ArticleRecord) -> None:
    """When a copy turns out to be older than the article stored (a crawl met the republished copy
    first), the article is credited to the earlier publication: its outlet, address and date."""
    row = db.execute("SELECT published_at FROM articles WHERE id = ?", [article_id]).fetchone()
    if not (row and row[0] and record.published_at):
        return
    try:
        earlier = datetime.fromisoformat(record.published_at) < datetime.fromisoformat(row[0])
    except ValueError:
        return
    if earlier:
        db.execute(
            "UPDATE articles SET outlet_id = ?, url = ?, canonical_url = ?, published_at = ?, section = ?,"
            " updated_at = ? WHERE id = ?",
            [record.outlet_id, record.url, record.canonical_url, record.published_at, record.section,
             now_iso(), article_id],
        )
