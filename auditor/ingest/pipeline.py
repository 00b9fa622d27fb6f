"""Ingest one document: read, split into items, audit each item and store it, all or nothing.

    from auditor.db import open_db
    from auditor.ingest import IngestOptions, ingest_file
    report = ingest_file(open_db("auditor.db"), "ban-tin-thang-3.docx", IngestOptions(outlet_id="xa-tan-yen"))

Each item becomes an ``articles`` row (``source_kind`` 'ingest' or 'transcript', ``source_file`` =
"name#sha256", ``source_position`` = the item's index, ``published_at`` = the broadcast date at 00:00
+07:00) with its audit, in one transaction per file. The article id is derived from the file's hash
and the position, so ingesting the same file again adds nothing; an item whose normalised text is
already stored (from another file or a crawl) is recognised by its content hash and skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import sqlite_utils

from auditor.db import now_iso
from auditor.errors import IngestError, InputError
from auditor.ingest.readers import DEFAULT_MAX_BYTES, Document, read_document
from auditor.ingest.split import Item, SplitResult, split_items
from auditor.text import normalize

__all__ = ["IngestOptions", "ItemReport", "FileReport", "ingest_file", "ingest_bytes", "article_id_for", "content_hash",
           "SOURCE_KINDS"]

# 'transcript' is the seam for speech-to-text: a transcript .txt enters exactly like a script, only
# marked as such, so tallies can tell aired-and-transcribed items from scripts. Rows of an agency's
# report table (a list of items aired, title only) are stored as 'report' whatever the option says.
SOURCE_KINDS = ("ingest", "transcript")
VN_OFFSET = "+07:00"


@dataclass
class IngestOptions:
    outlet_id: str
    default_date: date | None = None
    source_kind: Literal["ingest", "transcript"] = "ingest"
    max_bytes: int = DEFAULT_MAX_BYTES
    encoding: str | None = None  # force the decoding of .txt files
    audit: bool = True  # False stores items unaudited (a later `auditor audit` pass picks them up)
    # A corrected file with the same name replaces the items of its earlier versions (for this outlet),
    # unless an inspector has already reviewed one of them.
    replace: bool = False


@dataclass
class ItemReport:
    position: int
    article_id: str
    title: str
    broadcast_date: str
    status: Literal["added", "already", "duplicate"]
    duplicate_of: str | None = None
    ge_item: bool | None = None
    n_findings: int = 0
    chars: int = 0


@dataclass
class FileReport:
    path: str
    sha256: str
    format: str
    encoding: str
    scheme: str
    items: list[ItemReport] = field(default_factory=list)
    preamble_lines: int = 0
    empty_items: list[str] = field(default_factory=list)
    replaced: int = 0  # items of earlier versions of the file removed by --replace

    def count(self, status: str) -> int:
        return sum(1 for i in self.items if i.status == status)


def article_id_for(sha256: str, position: int) -> str:
    """Deterministic article id of item ``position`` of the file with hash ``sha256``."""
    return hashlib.sha1(f"ingest:{sha256}:{position}".encode()).hexdigest()


def content_hash(title: str, text: str) -> str:
    """sha1 of the normalised title and body (NFC, one tone placement, collapsed spaces).

    The same formula as the crawler's (``auditor.crawl.store.content_hash``), so an item aired from a
    script and also published online is recognised as one.
    """
    def norm(s: str) -> str:
        return " ".join(normalize(s or "").text.split())

    return hashlib.sha1(f"{norm(title)}\n{norm(text)}".encode()).hexdigest()


def check_outlet(db: sqlite_utils.Database, outlet_id: str) -> None:
    if not db.execute("SELECT 1 FROM outlets WHERE id = ?", [outlet_id]).fetchone():
        raise IngestError(
            f"chưa có cơ quan/đài '{outlet_id}' trong cơ sở dữ liệu: thêm bằng "
            f"`auditor outlets add {outlet_id} --name ... --kind commune_radio --province ...`")


def split_document(doc: Document, options: IngestOptions) -> SplitResult:
    """Split ``doc`` into dated items, or raise :class:`IngestError` when an item has no date."""
    result = split_items(doc.blocks, default_date=options.default_date, reflow=doc.format == "pdf",
                         title_fallback=doc.path.stem)
    if not result.items:
        raise IngestError("không tìm thấy mục tin/bài nào có nội dung", path=str(doc.path))
    undated = [item for item in result.items if item.broadcast_date is None]
    if undated:
        first = undated[0]
        raise IngestError(
            f"không tìm thấy ngày phát sóng cho {len(undated)} mục (mục {first.position + 1}: "
            f"'{first.title[:60]}'): tệp không có dòng kiểu 'Chương trình phát thanh ngày 12/3/2024'; "
            "hãy thêm --date YYYY-MM-DD", path=str(doc.path))
    return result


def ingest_file(db: sqlite_utils.Database, path: str | Path, options: IngestOptions) -> FileReport:
    """Ingest ``path`` into ``db``; raise :class:`IngestError` (nothing stored) when it cannot be."""
    check_outlet(db, options.outlet_id)
    doc = read_document(path, max_bytes=options.max_bytes, encoding=options.encoding)
    split = split_document(doc, options)
    report = FileReport(str(path), doc.sha256, doc.format, doc.encoding, split.scheme,
                        preamble_lines=split.preamble_lines, empty_items=list(split.empty_items))
    auditor = None
    if options.audit:
        from auditor.audit import default_auditor

        auditor = default_auditor()
    source_file = f"{Path(path).name}#{doc.sha256}"
    # Audit before taking the write lock (the audit is a pure function of the text), so a slow model
    # never holds up a crawl writing at the same time; items already stored are not audited again.
    known = _stored_ids(db, [article_id_for(doc.sha256, item.position) for item in split.items])
    results = {}
    if auditor is not None:
        for item in split.items:
            article_id = article_id_for(doc.sha256, item.position)
            if article_id not in known:
                results[item.position] = _audit_item(auditor, item, article_id, doc)
    now = now_iso()
    with _write_transaction(db):
        if options.replace:
            report.replaced = _remove_earlier_versions(db, Path(path).name, doc.sha256, options.outlet_id,
                                                       str(path))
        for item in split.items:
            report.items.append(_store_item(db, item, doc, options, source_file, now, auditor,
                                            results.get(item.position)))
    return report


def _stored_ids(db: sqlite_utils.Database, ids: list[str]) -> set[str]:
    found: set[str] = set()
    for start in range(0, len(ids), 500):  # SQLite's limit on parameters
        chunk = ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.execute(f"SELECT id FROM articles WHERE id IN ({marks})", chunk))
    return found


def _audit_item(auditor, item: Item, article_id: str, doc: Document):  # noqa: ANN001, ANN202 (Auditor)
    try:
        return auditor.audit(item.body, item.title, id=article_id)
    except InputError as exc:
        raise IngestError(f"mục {item.position + 1} ('{item.title[:60]}') không kiểm tra được: {exc}",
                          path=str(doc.path)) from exc


def _remove_earlier_versions(db: sqlite_utils.Database, name: str, sha256: str, outlet_id: str,
                             path: str) -> int:
    """Delete the items (and their audits) of other versions of the file called ``name``."""
    prefix = f"{name}#"
    ids = [r[0] for r in db.execute(
        "SELECT id FROM articles WHERE outlet_id = ? AND substr(source_file, 1, ?) = ? AND source_file != ?",
        [outlet_id, len(prefix), prefix, f"{name}#{sha256}"]).fetchall()]
    if not ids:
        return 0
    marks = ",".join("?" * len(ids))
    reviewed = db.execute(f"SELECT count(DISTINCT article_id) FROM decisions WHERE article_id IN ({marks})",
                          ids).fetchone()[0]
    if reviewed:
        raise IngestError(f"{reviewed} mục của bản trước của tệp này đã được kiểm duyệt: không thay thế được "
                          "(bỏ --replace để nạp thêm, các mục không đổi sẽ được nhận là trùng)", path=path)
    for table in ("findings", "people", "audits"):
        db.execute(f"DELETE FROM {table} WHERE article_id IN ({marks})", ids)
    try:
        db.execute(f"DELETE FROM articles WHERE id IN ({marks})", ids)
    except sqlite3.IntegrityError as exc:  # another stage points at these articles
        raise IngestError(f"không xoá được các mục của bản trước: {exc}", path=path) from exc
    return len(ids)


@contextlib.contextmanager
def _write_transaction(db: sqlite_utils.Database) -> Iterator[None]:
    """One transaction for the whole file (a savepoint inside a caller's transaction).

    BEGIN IMMEDIATE takes the write lock up front, so a crawl writing at the same time makes us wait
    (busy_timeout) instead of failing halfway through the file.
    """
    if db.conn.in_transaction:
        with db.atomic():
            yield
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")


def _store_item(db: sqlite_utils.Database, item: Item, doc: Document, options: IngestOptions,
                source_file: str, now: str, auditor, result) -> ItemReport:  # noqa: ANN001 (Auditor, AuditResult)
    article_id = article_id_for(doc.sha256, item.position)
    day = item.broadcast_date.isoformat() if item.broadcast_date else ""
    report = ItemReport(item.position, article_id, item.title, day, "added", chars=len(item.body))
    if db.execute("SELECT 1 FROM articles WHERE id = ?", [article_id]).fetchone():
        report.status = "already"
        return report
    digest = content_hash(item.title, item.body)
    same = db.execute("SELECT id FROM articles WHERE content_hash = ? LIMIT 1", [digest]).fetchone()
    if same:
        report.status, report.duplicate_of = "duplicate", same[0]
        return report
    db["articles"].insert({
        "id": article_id,
        "outlet_id": options.outlet_id,
        "content_hash": digest,
        "title": item.title,
        "published_at": f"{day}T00:00:00{VN_OFFSET}",
        "text": item.body,
        "section": item.programme or None,
        # A row of an agency's report lists an item without its text: kept apart from scripts.
        "source_kind": "report" if item.marker == "report" else options.source_kind,
        "source_file": source_file,
        "source_position": item.position,
        "extractor": f"ingest:{doc.format}:{doc.encoding}:{item.marker}",
        "fetched_at": now,
        "updated_at": now,
        "version": 1,
    })
    if auditor is not None:
        from auditor.audit.store import save_audit

        if result is None:  # stored and removed again since the check above (a concurrent --replace)
            result = _audit_item(auditor, item, article_id, doc)
        save_audit(db, article_id, result, auditor.versions)
        report.ge_item = bool(result.ge_item)
        report.n_findings = len(result.findings)
    return report


def ingest_bytes(db: sqlite_utils.Database, filename: str, data: bytes, options: IngestOptions) -> FileReport:
    """Ingest an uploaded file (the review app's upload form): ``filename`` keeps its name and type.

    The size cap is checked before anything is written; the bytes go through a private temporary
    folder, so the stored ``source_file`` is the upload's own name.
    """
    import tempfile

    name = Path(filename).name or "upload"
    if len(data) > options.max_bytes:
        raise IngestError(f"tệp quá lớn: {len(data) / 1024 / 1024:.1f} MB, giới hạn "
                          f"{options.max_bytes / 1024 / 1024:.0f} MB", path=name)
    with tempfile.TemporaryDirectory(prefix="auditor-upload-") as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        try:
            report = ingest_file(db, path, options)
        except IngestError as exc:
            raise IngestError(str(exc).replace(f"{path}: ", ""), path=name) from exc
    report.path = name
    return report
