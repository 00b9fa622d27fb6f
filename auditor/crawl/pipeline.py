"""The crawl: feeds -> links -> article pages -> extraction -> store -> audit, resumable at any point.

    report = crawl(db, config, outlets=["qng-bao"])          # synchronous entry point
    report.outlets["qng-bao"].new                             # per-outlet counts

For each outlet (outlets run concurrently; the fetcher keeps each host at its pace):

1. Every source is fetched with its stored ETag/Last-Modified. RSS/Atom goes through feedparser,
   an HTML listing through beautifulsoup4 with the source's ``link_selector``. The links found are
   recorded in ``article_urls`` as pending *in the same transaction* that saves the source's new
   conditional-GET state, so a crawl killed after a feed answered still knows its links next time,
   even when the feed then answers 304.
2. The work list is the pending links, those that failed last time (not 404/410) and, for
   ``revisit_days``, the articles first seen recently (conditional GET: a 304 costs almost nothing;
   an edited page is stored as a new version and re-audited).
3. Each page is extracted (:func:`auditor.extract.extract_article`) and audited; the article, its
   audit and its link state are written in one transaction. A killed crawl loses at most the page
   in flight, and the unique index on canonical URL plus the content-hash check keep reruns free of
   duplicates.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser
import sqlite_utils
from bs4 import BeautifulSoup
from dateutil import parser as date_parser

from auditor.crawl.feeds import CrawlOptions, FeedsConfig, Outlet, Source, feed_id
from auditor.crawl.store import ArticleRecord, classify, normalize_url, pick_canonical, write_article
from auditor.db import now_iso
from auditor.errors import (
    AuditorError,
    BadFeed,
    BlockedAddress,
    ExtractError,
    FetchError,
    InputError,
    RobotsDisallowed,
)

__all__ = ["Crawler", "CrawlReport", "OutletReport", "crawl"]

logger = logging.getLogger("auditor.crawl")

VIETNAM_TZ = timezone(timedelta(hours=7))
GONE_STATUSES = (404, 410)


@dataclass
class OutletReport:
    outlet_id: str
    name: str
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicate: int = 0
    errors: int = 0
    sources_ok: int = 0
    sources_failed: int = 0
    links: int = 0
    blocked: int = 0  # pages robots.txt (or the address policy) forbids: skipped on purpose
    left: int = 0  # pending links left for the next run (max_articles, stop requested)

    @property
    def ran(self) -> bool:
        return self.sources_ok > 0


@dataclass
class CrawlReport:
    outlets: dict[str, OutletReport] = field(default_factory=dict)
    started_at: str = field(default_factory=now_iso)
    finished_at: str | None = None
    stopped: bool = False
    requests: int = 0  # HTTP requests made, robots.txt included
    bytes: int = 0
    seconds: float = 0.0

    @property
    def anything_ran(self) -> bool:
        return any(r.ran for r in self.outlets.values())

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.outlets.values())


@dataclass
class _Link:
    url: str
    feed_id: str | None
    title: str | None = None
    date: str | None = None
    section: str | None = None


class Crawler:
    """One crawl run over some outlets of a feeds config, writing into ``db``."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        config: FeedsConfig,
        *,
        fetch_settings: Any = None,
        options: CrawlOptions | None = None,
        audit: bool = True,
        auditor: Any = None,
        stop: threading.Event | None = None,
        on_progress: Callable[[str, int], None] | None = None,
    ) -> None:
        from auditor.crawl.settings import FetchSettings

        self.db = db
        self.config = config
        self.settings = fetch_settings or FetchSettings.from_mapping(config.fetch)
        self.options = options or config.crawl
        self.do_audit = audit
        self.stop = stop or threading.Event()
        # on_progress("total", n) when n more pages are planned, ("done", 1) per page handled
        self.on_progress = on_progress or (lambda kind, n: None)
        self._auditor: Any = auditor  # an auditor.audit.Auditor; the default one is loaded by run()
        self._pending_log: list[Any] = []
        self._report: CrawlReport | None = None

    # --- entry points ---------------------------------------------------------------------------

    async def run(self, outlets: list[Outlet]) -> CrawlReport:
        from auditor.crawl.fetch import Fetcher

        report = CrawlReport()
        started = time.monotonic()
        self._report = report
        if self.do_audit and self._auditor is None:
            try:
                self._auditor = await asyncio.to_thread(_load_auditor)
            except AuditorError as exc:
                # Crawling is still worth doing: `auditor audit --db` audits the stored articles later.
                logger.error("không nạp được bộ đánh giá (%s); bài vẫn được lưu, đánh giá sau bằng "
                             "`auditor audit --db`", exc)
        async with Fetcher(self.settings, on_request=self._log_request) as fetcher:
            tasks = [self._crawl_outlet_guarded(fetcher, outlet, report) for outlet in outlets]
            try:
                await asyncio.gather(*tasks)
            finally:
                with self.db.conn:
                    self._flush_log()
        report.finished_at = now_iso()
        report.stopped = self.stop.is_set()
        report.seconds = time.monotonic() - started
        return report

    def _log_request(self, record: Any) -> None:
        # Written with the next transaction (the result the request led to), not here: the fetcher
        # may still be completing the record, and one commit per request would double the writes.
        self._pending_log.append(record)
        if self._report is not None:
            self._report.requests += 1 if record.outcome != "skipped" else 0

    def _flush_log(self) -> None:
        """Write the fetch records gathered so far; call inside a transaction."""
        records, self._pending_log = self._pending_log, []
        if self._report is not None:
            self._report.bytes += sum(r.bytes or 0 for r in records)
        if records:
            self.db["fetch_log"].insert_all([r.as_row() for r in records])

    # --- one outlet -----------------------------------------------------------------------------

    async def _crawl_outlet_guarded(self, fetcher: Any, outlet: Outlet, report: CrawlReport) -> None:
        """One outlet; an unexpected failure (a bug, not a bad page) stops that outlet, not the crawl."""
        try:
            await self._crawl_outlet(fetcher, outlet, report)
        except Exception:
            report.outlets.setdefault(outlet.id, OutletReport(outlet.id, outlet.name)).errors += 1
            logger.exception("%s: lỗi không lường trước, bỏ qua phần còn lại của nguồn tin này", outlet.id)

    async def _crawl_outlet(self, fetcher: Any, outlet: Outlet, report: CrawlReport) -> None:
        counts = report.outlets.setdefault(outlet.id, OutletReport(outlet.id, outlet.name))
        for source in outlet.sources:
            if self.stop.is_set():
                return
            try:
                links = await self._read_source(fetcher, outlet, source)
            except AuditorError as exc:
                counts.sources_failed += 1
                counts.errors += 1
                logger.error("%s: không đọc được nguồn: %s", outlet.id, exc)
                self._save_feed_error(outlet, source, exc)
                continue
            counts.sources_ok += 1
            counts.links += len(links)

        work = self._work_list(outlet)
        limit = self.options.max_articles
        if limit and len(work) > limit:
            counts.left += len(work) - limit
            work = work[:limit]
        self.on_progress("total", len(work))
        for link in work:
            if self.stop.is_set():
                counts.left += 1
                continue
            await self._process_link(fetcher, outlet, link, counts)
            self.on_progress("done", 1)

    async def _read_source(self, fetcher: Any, outlet: Outlet, source: Source) -> list[_Link]:
        fid = feed_id(outlet.id, source.url)
        state = self.db.execute("SELECT etag, last_modified FROM feeds WHERE id = ?", [fid]).fetchone()
        etag, last_modified = state if state else (None, None)
        result = await fetcher.fetch(source.url, etag=etag, last_modified=last_modified,
                                     allow_private=outlet.local, outlet_id=outlet.id)
        if result.not_modified:
            links: list[_Link] = []
        elif source.kind == "rss":
            links = parse_feed(result.content, result.final_url, result.headers, fid, source.section)
        else:
            links = parse_listing(result.text, result.final_url, source.link_selector or "a", fid,
                                  source.section)
            if not links:
                # A listing that no longer matches its selector is a config problem worth seeing.
                logger.warning("%s: trang danh sách %s không có liên kết nào khớp '%s'", outlet.id,
                               source.url, source.link_selector)
        now = now_iso()
        with self.db.conn:
            self._flush_log()
            for link in links:
                self._remember_link(outlet, link, now)
            self.db["feeds"].update(fid, {
                # a 304 need not repeat the validators: keep the stored ones then
                "etag": result.etag or (etag if result.not_modified else None),
                "last_modified": result.last_modified or (last_modified if result.not_modified else None),
                "last_fetched_at": now,
                "last_status": result.status, "last_error": None,
            })
        return links

    def _remember_link(self, outlet: Outlet, link: _Link, now: str) -> None:
        sig = json.dumps([link.date, link.title], ensure_ascii=False)
        row = self.db.execute(
            "SELECT u.entry_sig, u.outcome, u.article_id, f.section, u.outlet_id, u.feed_id FROM article_urls u "
            "LEFT JOIN feeds f ON f.id = u.feed_id WHERE u.url = ?", [link.url]).fetchone()
        if row is None:
            self.db["article_urls"].insert({
                "url": link.url, "outlet_id": outlet.id, "feed_id": link.feed_id, "entry_sig": sig,
                "first_seen_at": now, "outcome": None,
            })
            return
        old_sig, outcome, article_id, section, owner, stored_feed = row
        if link.section and not section and owner == outlet.id:
            # Also listed in a column's feed (the home feed came first): the article belongs to the column.
            self.db.execute("UPDATE article_urls SET feed_id = ?, entry_sig = ? WHERE url = ?",
                            [link.feed_id, sig, link.url])
            if article_id:
                self.db.execute("UPDATE articles SET section = ? WHERE id = ? AND section IS NULL",
                                [link.section, article_id])
            return
        # Entries are compared within the feed that recorded them (a listing and an RSS feed describe
        # the same article differently).
        if stored_feed == link.feed_id and old_sig != sig and outcome in ("new", "updated", "unchanged"):
            # The feed dates or retitles the entry differently: the article was probably edited.
            self.db.execute("UPDATE article_urls SET entry_sig = ?, outcome = NULL WHERE url = ?", [sig, link.url])

    def _save_feed_error(self, outlet: Outlet, source: Source, exc: Exception) -> None:
        with self.db.conn:
            self._flush_log()
            self.db["feeds"].update(feed_id(outlet.id, source.url), {
                "last_fetched_at": now_iso(), "last_status": getattr(exc, "status", None),
                "last_error": str(exc),
            })

    def _work_list(self, outlet: Outlet) -> list[_Link]:
        """Pending and failed links first (newest entry first), then recent articles to revisit."""
        if self.options.revisit_days > 0:
            since = (datetime.now(UTC) - timedelta(days=self.options.revisit_days)).replace(microsecond=0).isoformat()
        else:
            since = "9999"  # no revisits
        rows = self.db.execute(
            """
            SELECT u.url, u.feed_id, u.entry_sig, f.section,
                   CASE WHEN u.outcome IS NULL OR u.outcome = 'error' THEN 0 ELSE 1 END AS revisit
            FROM article_urls u LEFT JOIN feeds f ON f.id = u.feed_id
            WHERE u.outlet_id = ?
              AND (u.outcome IS NULL OR u.outcome = 'error'
                   OR (u.outcome IN ('new', 'updated', 'unchanged') AND u.first_seen_at >= ?))
            """,
            [outlet.id, since],
        ).fetchall()
        links = []
        for url, fid, sig, section, revisit in rows:
            date, title = json.loads(sig) if sig else (None, None)
            links.append((revisit, _sort_key(date), _Link(url, fid, title, date, section)))
        links.sort(key=lambda item: (item[0], item[1]))
        return [link for _, _, link in links]

    # --- one article ----------------------------------------------------------------------------

    async def _process_link(self, fetcher: Any, outlet: Outlet, link: _Link, counts: OutletReport) -> None:
        state = self.db.execute("SELECT etag, last_modified, article_id FROM article_urls WHERE url = ?",
                                [link.url]).fetchone()
        etag, last_modified, known_id = state if state else (None, None, None)
        if not known_id:
            etag = last_modified = None  # nothing stored yet: a 304 would leave us with no text
        try:
            result = await fetcher.fetch(link.url, etag=etag, last_modified=last_modified,
                                         allow_private=outlet.local, outlet_id=outlet.id)
        except (RobotsDisallowed, BlockedAddress) as exc:
            self._mark_link(link.url, "blocked", status=exc.status, error=str(exc))
            counts.blocked += 1
            logger.warning("%s: bỏ qua bài: %s", outlet.id, exc)
            return
        except FetchError as exc:
            counts.errors += 1
            if exc.status in GONE_STATUSES:
                self._mark_link(link.url, "gone", status=exc.status, error=str(exc))
                logger.error("%s: không tải được bài: %s", outlet.id, exc)
            else:
                self._fail_link(outlet, link.url, exc.status, str(exc), "không tải được bài")
            return
        if result.not_modified:
            self._mark_link(link.url, "unchanged", status=result.status)
            counts.unchanged += 1
            return
        try:
            from auditor.extract import extract_article

            article = await asyncio.to_thread(extract_article, result.text, result.final_url)
        except ExtractError as exc:
            counts.errors += 1
            self._fail_link(outlet, link.url, result.status, f"{exc} ({link.url})", "không trích được bài")
            return
        except Exception as exc:  # an extractor bug on one page must not stop the crawl
            logger.exception("%s: lỗi bộ trích xuất ở %s", outlet.id, link.url)
            counts.errors += 1
            self._fail_link(outlet, link.url, result.status, f"lỗi bộ trích xuất: {exc!r} ({link.url})",
                            "không trích được bài")
            return
        text = article.full_text.strip()
        title = (article.title or link.title or "").strip()
        if not text:
            counts.errors += 1
            self._fail_link(outlet, link.url, result.status, f"trang không có nội dung bài ({link.url})",
                            "không trích được bài")
            return
        record = ArticleRecord(
            outlet_id=outlet.id, url=normalize_url(result.final_url),
            canonical_url=pick_canonical(result.final_url, article.canonical_url), title=title, text=text,
            published_at=article.published_at or link.date, byline=article.byline, section=link.section,
            extractor=article.extractor, body=article.text.strip() or text,
        )
        outcome, _ = classify(self.db, record.canonical_url, record.digest, record.text, known_id)
        audit_result = None
        if outcome in ("new", "updated") and self.do_audit and self._auditor is not None:
            audit_result = await self._audit(record, outlet)
        with self.db.conn:
            self._flush_log()
            article_id, outcome = write_article(self.db, record, known_id)
            if audit_result is not None and outcome in ("new", "updated"):
                from auditor.audit.store import save_audit

                audit_result.id = article_id
                save_audit(self.db, article_id, audit_result, self._auditor.versions)
            self._mark_link(link.url, outcome, status=result.status, article_id=article_id,
                            etag=result.etag, last_modified=result.last_modified, commit=False)
        setattr(counts, outcome, getattr(counts, outcome) + 1)
        if outcome == "duplicate":
            logger.info("%s: %s trùng nội dung với bài đã lưu %s", outlet.id, link.url, article_id)

    async def _audit(self, record: ArticleRecord, outlet: Outlet) -> Any:
        try:
            return await asyncio.to_thread(self._auditor.audit, record.text, record.title)
        except InputError as exc:
            logger.warning("%s: không đánh giá được %s: %s", outlet.id, record.url, exc)
        except Exception:  # an engine bug must not lose the article: `auditor audit --db` retries
            logger.exception("%s: lỗi bộ đánh giá ở %s; bài vẫn được lưu", outlet.id, record.url)
        return None

    def _fail_link(self, outlet: Outlet, url: str, status: int | None, error: str, what: str) -> None:
        """A failure worth retrying next run, until ``max_attempts`` runs have failed: then give up."""
        row = self.db.execute("SELECT attempts FROM article_urls WHERE url = ?", [url]).fetchone()
        attempts = (row[0] or 0) + 1 if row else 1
        final = attempts >= self.options.max_attempts
        with self.db.conn:
            self._flush_log()
            self._mark_link(url, "failed" if final else "error", status=status, error=error, commit=False)
            self.db.execute("UPDATE article_urls SET attempts = ? WHERE url = ?", [attempts, url])
        if final:
            logger.error("%s: %s: %s; bỏ qua hẳn sau %d lần thử", outlet.id, what, error, attempts)
        else:
            logger.error("%s: %s: %s (lần %d/%d, thử lại lần chạy sau)", outlet.id, what, error, attempts,
                         self.options.max_attempts)

    def _mark_link(self, url: str, outcome: str, *, status: int | None = None, error: str | None = None,
                   article_id: str | None = None, etag: str | None = None, last_modified: str | None = None,
                   commit: bool = True) -> None:
        values: dict[str, Any] = {"outcome": outcome, "last_status": status, "last_error": error,
                                  "last_checked_at": now_iso()}
        if article_id is not None:
            values.update(article_id=article_id, etag=etag, last_modified=last_modified, attempts=0)
        sets = ", ".join(f"{k} = ?" for k in values)
        sql = f"UPDATE article_urls SET {sets} WHERE url = ?"
        if commit:
            with self.db.conn:
                self._flush_log()
                self.db.execute(sql, [*values.values(), url])
        else:
            self.db.execute(sql, [*values.values(), url])


def _load_auditor() -> Any:
    from auditor.audit import default_auditor

    return default_auditor()


def _sort_key(date: str | None) -> tuple[int, float]:
    """Newest entries first, undated ones last."""
    if not date:
        return 1, 0.0
    try:
        return 0, -datetime.fromisoformat(date).timestamp()
    except ValueError:
        return 1, 0.0


# --- parsing feeds and listings ---------------------------------------------------------------------

def _iso_date(value: str | None) -> str | None:
    """An entry date as ISO 8601 with offset; a date without zone is read as Vietnam time."""
    if not value:
        return None
    try:
        parsed = date_parser.parse(value)
    except (ValueError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=VIETNAM_TZ)
    # Feeds often give GMT; stored dates are Vietnam time, like the extractor's.
    return parsed.astimezone(VIETNAM_TZ).replace(microsecond=0).isoformat()


def _is_http(url: str) -> bool:
    return urlsplit(url).scheme in ("http", "https")


def parse_feed(content: bytes, base_url: str, headers: dict[str, str], fid: str | None = None,
               section: str | None = None) -> list[_Link]:
    """Article links of an RSS/Atom document; :class:`BadFeed` when it is not a readable feed."""
    parsed = feedparser.parse(content, response_headers={
        "content-location": base_url, "content-type": headers.get("content-type", "application/xml")})
    if not parsed.bozo and not parsed.entries and not parsed.get("version"):
        raise BadFeed("không phải RSS/Atom (không có kênh hay mục nào)", url=base_url)
    links: list[_Link] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        href = entry.get("link") or (entry.get("id") if _is_http(entry.get("id", "")) else None)
        if not href:
            continue
        url = normalize_url(urljoin(base_url, href.strip()))
        if not _is_http(url) or url in seen:
            continue
        seen.add(url)
        # dict.get: feedparser's own get() maps a missing "updated" to "published" with a warning.
        date = _iso_date(dict.get(entry, "updated") or dict.get(entry, "published"))
        links.append(_Link(url, fid, (entry.get("title") or "").strip() or None, date, section))
    if parsed.bozo:
        # Broken XML: keep what could be read, but a feed that yields nothing is an error to see.
        problem = parsed.get("bozo_exception")
        if not links:
            raise BadFeed(f"RSS/Atom không đọc được: {problem}", url=base_url)
        logger.warning("RSS %s có lỗi cú pháp (%s); vẫn đọc được %d liên kết", base_url, problem, len(links))
    return links


def _site(host: str) -> str:
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


def parse_listing(html: str, base_url: str, selector: str, fid: str | None = None,
                  section: str | None = None) -> list[_Link]:
    """Article links of an HTML listing page: the ``<a href>`` matched by (or inside) ``selector``.

    Only links to the listing's own site are kept (not ads or partner sites).
    """
    soup = BeautifulSoup(html or "", "lxml")
    base_site = _site(urlsplit(base_url).hostname or "")
    links: list[_Link] = []
    seen: set[str] = set()
    for element in soup.select(selector):
        anchor = element if element.name == "a" and element.get("href") else element.find("a", href=True)
        if anchor is None:
            continue
        url = normalize_url(urljoin(base_url, str(anchor["href"]).strip()))
        host = urlsplit(url).hostname or ""
        if not _is_http(url) or url in seen:
            continue
        if _site(host) != base_site and not _site(host).endswith("." + base_site):
            continue
        seen.add(url)
        title = anchor.get_text(" ", strip=True) or None
        links.append(_Link(url, fid, title, None, section))
    return links


def crawl(db: sqlite_utils.Database, config: FeedsConfig, outlets: list[str] | tuple[str, ...] = (), **kwargs: Any
          ) -> CrawlReport:
    """Run one crawl of ``outlets`` (ids; all when empty) synchronously. See :class:`Crawler`."""
    from auditor.crawl.feeds import sync_to_db

    selected = config.select(list(outlets))
    sync_to_db(db, config)
    return asyncio.run(Crawler(db, config, **kwargs).run(selected))
