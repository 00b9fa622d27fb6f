"""`auditor crawl` and `auditor demo`: thin commands over :mod:`auditor.crawl.pipeline`."""

from __future__ import annotations

import dataclasses
import logging
import re
import signal
import sys
import tempfile
import threading
import time
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import click
import sqlite_utils

from auditor.crawl.feeds import FeedsConfig, load_feeds, sync_to_db
from auditor.crawl.pipeline import Crawler, CrawlReport
from auditor.errors import AuditorError, ConfigError

__all__ = ["crawl", "demo", "parse_interval", "run_crawl"]

logger = logging.getLogger("auditor.crawl")

_LEVELS = {"ERROR": "LỖI", "WARNING": "CẢNH BÁO", "INFO": "TIN", "CRITICAL": "LỖI", "DEBUG": "GỠ LỖI"}


class _TqdmHandler(logging.Handler):
    """Log lines on stderr that do not break the progress bar."""

    def emit(self, record: logging.LogRecord) -> None:
        from tqdm import tqdm

        try:
            tqdm.write(f"{_LEVELS.get(record.levelname, record.levelname)}: {self.format(record)}",
                       file=sys.stderr)
        except Exception:  # logging must never kill the crawl
            self.handleError(record)


def _setup_logging(verbose: bool) -> None:
    root = logging.getLogger("auditor")
    if not any(isinstance(h, _TqdmHandler) for h in root.handlers):
        root.addHandler(_TqdmHandler())
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False
    # The fetch layer warns about each failed request; the crawl logs the same failure with its
    # outlet, so without -v only the crawl's line is shown.
    logging.getLogger("auditor.crawl.fetch").setLevel(logging.NOTSET if verbose else logging.ERROR)


def parse_interval(value: str) -> timedelta:
    """'6h', '30m', '1d', '90s', '1h30m' -> timedelta; a ConfigError otherwise."""
    parts = re.findall(r"(\d+(?:\.\d+)?)\s*([smhd])", value.strip().lower())
    if not parts or re.sub(r"[\d.\s]+[smhd]", "", value.strip().lower()):
        raise ConfigError(f"khoảng thời gian '{value}' không hợp lệ: dùng vd. 6h, 30m, 1d, 1h30m",
                          field="--every")
    unit = {"s": 1, "m": 60, "h": 3600, "d": 86400}
    seconds = sum(float(n) * unit[u] for n, u in parts)
    if seconds < 60:
        raise ConfigError("khoảng thời gian tối thiểu là 1 phút", field="--every")
    return timedelta(seconds=seconds)


@contextmanager
def _stop_on_signals() -> Iterator[threading.Event]:
    """SIGTERM / Ctrl-C set the returned event (finish the page in flight, then stop); a second one
    interrupts at once."""
    stop = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield stop
        return

    def handler(signum: int, frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        logger.warning("nhận tín hiệu dừng: hoàn tất trang đang tải rồi dừng (nhấn Ctrl-C lần nữa để dừng ngay)")

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield stop
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def run_crawl(db: sqlite_utils.Database, config: FeedsConfig, outlet_ids: tuple[str, ...] = (), *,
              max_articles: int | None = None, progress: bool = True, audit: bool = True,
              stop: threading.Event | None = None) -> CrawlReport:
    """One crawl with a tqdm progress bar on stderr; returns the report."""
    import asyncio

    from tqdm import tqdm

    selected = config.select(list(outlet_ids))
    sync_to_db(db, config)
    options = config.crawl
    if max_articles is not None:
        options = dataclasses.replace(options, max_articles=max_articles)
    bar = tqdm(total=0, unit=" trang", desc="Thu thập", file=sys.stderr, disable=not progress, leave=False,
               dynamic_ncols=True)

    def on_progress(kind: str, n: int) -> None:
        if kind == "total":
            bar.total += n
            bar.refresh()
        else:
            bar.update(n)

    try:
        crawler = Crawler(db, config, options=options, audit=audit, stop=stop, on_progress=on_progress)
        return asyncio.run(crawler.run(selected))
    finally:
        bar.close()


def _width(text: str) -> int:
    return len(unicodedata.normalize("NFC", text))


def format_table(headers: list[str], rows: list[list[Any]]) -> str:
    """A plain aligned table: text columns left, numbers right."""
    cells = [[str(c) for c in row] for row in [headers, *rows]]
    widths = [max(_width(r[i]) for r in cells) for i in range(len(headers))]
    numeric = [all(isinstance(row[i], int | float) for row in rows) if rows else False for i in range(len(headers))]

    def line(row: list[str]) -> str:
        out = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            out.append(pad + cell if numeric[i] else cell + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(cells[0]), rule, *(line(r) for r in cells[1:])])


def crawl_summary(report: CrawlReport) -> str:
    headers = ["Nguồn tin", "Mới", "Cập nhật", "Không đổi", "Trùng", "Bỏ qua", "Lỗi", "Còn lại"]
    columns = ("new", "updated", "unchanged", "duplicate", "blocked", "errors", "left")
    rows: list[list[Any]] = [[r.outlet_id, *(getattr(r, c) for c in columns)] for r in report.outlets.values()]
    if len(rows) > 1:
        rows.append(["Tổng", *(report.total(c) for c in columns)])
    megabytes = f"{report.bytes / 1e6:.1f}".replace(".", ",")
    return (format_table(headers, rows) + f"\n{report.requests} yêu cầu HTTP, {megabytes} MB, "
            f"{report.seconds:.0f} giây.")


def _open(db_path: str | None) -> sqlite_utils.Database:
    from auditor.db import open_db

    return open_db(db_path)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default=None,
              help="Cơ sở dữ liệu SQLite (mặc định: $AUDITOR_DB hoặc auditor.db).")
@click.option("--feeds", "feeds_path", type=click.Path(dir_okay=False), default="feeds.yaml", show_default=True,
              help="Tệp cấu hình nguồn tin.")
@click.option("--outlet", "outlet_ids", multiple=True, metavar="ID",
              help="Chỉ thu thập nguồn tin này (lặp lại được).")
@click.option("--every", default=None, metavar="KHOẢNG",
              help="Chạy lặp lại theo lịch, vd. 6h, 30m, 1d; dừng bằng Ctrl-C hoặc SIGTERM.")
@click.option("--max-articles", type=click.IntRange(min=1), default=None,
              help="Số trang bài tối đa tải cho mỗi nguồn tin trong một lần chạy.")
@click.option("--no-audit", is_flag=True, help="Chỉ lưu bài, không đánh giá (để `auditor audit --db` làm sau).")
@click.option("--no-progress", is_flag=True, help="Không hiện thanh tiến độ.")
@click.option("-v", "--verbose", is_flag=True, help="Ghi cả thông tin (bài trùng, ...), không chỉ lỗi.")
def crawl(db_path: str | None, feeds_path: str, outlet_ids: tuple[str, ...], every: str | None,
          max_articles: int | None, no_audit: bool, no_progress: bool, verbose: bool) -> None:
    """Thu thập bài từ các nguồn tin trong feeds.yaml (RSS, trang danh sách), lưu và đánh giá.

    Chạy lại bất cứ lúc nào: chỉ tải bài mới hoặc đã sửa; bị dừng giữa chừng cũng không mất gì.

    \b
    Ví dụ:
        auditor crawl --db auditor.db --feeds feeds.yaml
        auditor crawl --outlet qng-baoquangngai --max-articles 20
        auditor crawl --every 6h
    """
    _setup_logging(verbose)
    try:
        interval = parse_interval(every) if every else None
        config = load_feeds(feeds_path)
        selected = config.select(list(outlet_ids))  # fail on an unknown --outlet before opening anything
        if not any(o.sources for o in selected):
            raise ConfigError("các nguồn tin đã chọn không khai nguồn rss/html nào để thu thập (nội dung "
                              "của đài không có trang web nhập bằng `auditor ingest`)", path=feeds_path)
        db = _open(db_path)
    except AuditorError as exc:
        raise click.ClickException(str(exc)) from exc
    with _stop_on_signals() as stop:
        while True:
            started = time.monotonic()
            try:
                report = run_crawl(db, config, outlet_ids, max_articles=max_articles,
                                   progress=not no_progress and sys.stderr.isatty(), audit=not no_audit,
                                   stop=stop)
            except AuditorError as exc:
                raise click.ClickException(str(exc)) from exc
            click.echo(crawl_summary(report))
            if report.stopped:
                click.echo("Đã dừng theo yêu cầu; lần chạy sau sẽ tiếp tục phần còn lại.", err=True)
            if interval is None:
                if not report.anything_ran:
                    raise click.ClickException("không nguồn nào thu thập được (xem các dòng LỖI ở trên)")
                return
            if stop.is_set():
                return
            wait = max(0.0, interval.total_seconds() - (time.monotonic() - started))
            next_run = datetime.now() + timedelta(seconds=wait)
            click.echo(f"Lần chạy tiếp theo: {next_run:%Y-%m-%d %H:%M}", err=True)
            if stop.wait(wait):
                return
            try:  # edits to feeds.yaml take effect at the next run; a broken edit keeps the last good one
                fresh = load_feeds(feeds_path)
                fresh.select(list(outlet_ids))
                config = fresh
            except ConfigError as exc:
                logger.error("cấu hình nguồn tin lỗi, dùng lại cấu hình trước: %s", exc)


def demo_summary(db: sqlite_utils.Database) -> str:
    """Per-outlet counts of articles, gender-equality items and flags (from the stored audits)."""
    rows = db.execute(
        """
        SELECT o.name, COALESCE(o.old_province_name, '') AS old_province, o.province_name,
               COUNT(a.id), COALESCE(SUM(u.ge_item), 0), COALESCE(SUM(u.n_findings), 0),
               COALESCE(SUM(u.n_quoted_f), 0), COALESCE(SUM(u.n_quoted_m), 0)
        FROM outlets o LEFT JOIN articles a ON a.outlet_id = o.id LEFT JOIN audits u ON u.article_id = a.id
        GROUP BY o.id ORDER BY o.rowid
        """
    ).fetchall()
    headers = ["Nguồn tin", "Tỉnh cũ", "Bài", "Tin BĐG", "Cảnh báo", "Trích dẫn nữ", "Trích dẫn nam"]
    table = [[name, old, n, ge, flags, qf, qm] for name, old, _new, n, ge, flags, qf, qm in rows]
    if len(table) > 1:
        table.append(["Tổng", "", *(sum(r[i] for r in table) for i in range(2, 7))])
    return format_table(headers, table)


@click.command()
@click.option("--db", "db_path", type=click.Path(dir_okay=False), default="auditor-demo.db", show_default=True,
              help="Cơ sở dữ liệu của bản demo (tạo mới mỗi lần chạy).")
@click.option("--no-progress", is_flag=True, help="Không hiện thanh tiến độ.")
@click.option("--serve", "serve_feeds", type=click.Path(dir_okay=False), default=None, metavar="FEEDS.yaml",
              help="Chỉ dựng các trang tin mẫu, ghi cấu hình nguồn tin vào tệp này và chờ (Ctrl-C để dừng), "
                   "để thử `auditor crawl --feeds FEEDS.yaml`.")
def demo(db_path: str, no_progress: bool, serve_feeds: str | None) -> None:
    """Chạy thử toàn bộ: dựng 6 trang tin mẫu trên 127.0.0.1, thu thập, đánh giá và in thống kê.

    Không cần mạng. Cơ sở dữ liệu được tạo mới ở ./auditor-demo.db; xem tiếp bằng các lệnh khác, vd.
    `auditor tally --db auditor-demo.db --from 2025-01-01 --to 2025-12-31`.

    \b
    Ví dụ:
        auditor demo
        auditor demo --serve demo-feeds.yaml     # rồi, ở cửa sổ khác:
        auditor crawl --feeds demo-feeds.yaml --db thu.db
    """
    from auditor.demo import DemoNetwork

    _setup_logging(False)
    if serve_feeds:
        with DemoNetwork() as network, _stop_on_signals() as stop:
            Path(serve_feeds).write_text(network.feeds_yaml(), encoding="utf-8")
            for outlet in network.outlets:
                click.echo(f"{outlet.id:22} {network.sites[outlet.id].url('/')}")
            click.echo(f"Đã ghi cấu hình nguồn tin vào {serve_feeds}. Nhấn Ctrl-C để dừng.", err=True)
            while not stop.wait(0.5):
                pass
        return
    started = time.monotonic()
    path = Path(db_path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    with DemoNetwork() as network, tempfile.TemporaryDirectory(prefix="auditor-demo-") as tmp:
        feeds_file = Path(tmp) / "feeds.yaml"
        feeds_file.write_text(network.feeds_yaml(), encoding="utf-8")
        try:
            config = load_feeds(feeds_file)
            db = _open(db_path)
        except AuditorError as exc:
            raise click.ClickException(str(exc)) from exc
        click.echo(f"Trang tin mẫu đang chạy trên 127.0.0.1 ({len(config.outlets)} nguồn tin); "
                   f"thu thập vào {db_path} ...", err=True)
        with _stop_on_signals() as stop:
            report = run_crawl(db, config, progress=not no_progress and sys.stderr.isatty(), stop=stop)
    click.echo(crawl_summary(report))
    click.echo()
    click.echo(demo_summary(db))
    click.echo()
    click.echo(f"Xong sau {time.monotonic() - started:.1f} giây. Dữ liệu: {db_path}")
    click.echo("Xem tiếp:")
    click.echo(f"  auditor tally --db {db_path} --from 2025-01-01 --to 2025-12-31   # đếm tin BĐG theo cơ quan, kỳ")
    click.echo(f"  auditor user add lan --role inspector --db {db_path}   # tạo tài khoản, rồi:")
    click.echo(f"  auditor serve --db {db_path}                           # duyệt trên web, http://127.0.0.1:8000")
    if not report.anything_ran:
        raise click.ClickException("bản demo không thu thập được nguồn nào")
