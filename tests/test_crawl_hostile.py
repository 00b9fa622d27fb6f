"""The fetch layer against real, badly behaved HTTP servers on 127.0.0.1 (real sockets, no mocks).

Each test starts a scripted threaded HTTP server (``Site``) and fetches from it with small settings
(delay 0.02 s, cap 1 MB, short timeouts), asserting the error or behaviour and what reached the server.
Normal fetches use ``allow_private=True`` because the test server itself is on loopback.
"""

from __future__ import annotations

import asyncio
import gzip
import threading
import time
import tracemalloc
import unicodedata
import zlib
from collections.abc import Callable, Iterator
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from auditor.crawl.addresses import blocked_reason, default_resolver
from auditor.crawl.decoding import encode_cp1258
from auditor.crawl.fetch import Fetcher, FetchRecord, FetchResult
from auditor.crawl.settings import FetchSettings
from auditor.errors import BlockedAddress, FetchError, RobotsDisallowed, TooLarge

MB = 1024 * 1024

VI_TEXT = (
    "Hội Liên hiệp Phụ nữ tỉnh Kon Tum tổ chức tọa đàm về bình đẳng giới. Chị Nguyễn Thị Hồng, "
    "Chủ tịch Hội, cho biết phụ nữ dân tộc thiểu số ngày càng tham gia nhiều hơn vào công tác lãnh đạo, "
    "quản lý ở cơ sở. Những người đàn ông trong gia đình cũng chia sẻ việc nhà, chăm sóc con cái."
)
VI_PAGE = f"<html><head><title>Bình đẳng giới</title></head><body><p>{VI_TEXT}</p></body></html>"


Route = Callable[[BaseHTTPRequestHandler], None]


class Site:
    """A scripted HTTP/1.0 server on 127.0.0.1 that records every request it receives."""

    def __init__(self, address: str = "127.0.0.1", port: int = 0) -> None:
        self.address = address
        self.routes: dict[str, Route] = {}
        self.hits: list[tuple[str, float, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self.lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                with site.lock:
                    site.hits.append((self.path, time.monotonic(), {k.lower(): v for k, v in self.headers.items()}))
                    site.in_flight += 1
                    site.max_in_flight = max(site.max_in_flight, site.in_flight)
                try:
                    route = site.routes.get(self.path)
                    if route is None:
                        send(self, 404, b"not found", "text/plain")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the fetcher hung up on purpose (cap, deadline)
                finally:
                    with site.lock:
                        site.in_flight -= 1

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer((address, port), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.address}:{self.port}{path}"

    def paths(self) -> list[str]:
        return [path for path, _, _ in self.hits]

    def times(self, path: str) -> list[float]:
        return [at for p, at, _ in self.hits if p == path]

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def send(h: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str | None = "text/html",
         headers: dict[str, str] | None = None) -> None:
    h.send_response(status)
    if content_type:
        h.send_header("Content-Type", content_type)
    h.send_header("Content-Length", str(len(body)))
    for name, value in (headers or {}).items():
        h.send_header(name, value)
    h.end_headers()
    h.wfile.write(body)


def page(body: bytes, content_type: str | None = "text/html; charset=utf-8", status: int = 200,
         **headers: str) -> Route:
    return lambda h: send(h, status, body, content_type, {k.replace("_", "-"): v for k, v in headers.items()})


def redirect(location: str, status: int = 302) -> Route:
    return lambda h: send(h, status, b"", None, {"Location": location})


def settings(**changes: object) -> FetchSettings:
    base = dict(host_delay_s=0.02, max_bytes=MB, connect_timeout_s=1.0, read_timeout_s=0.5,
                total_timeout_s=1.5, robots_timeout_s=1.0, retries=2, backoff_base_s=0.02, backoff_jitter=0.0,
                retry_after_max_s=5.0)
    return FetchSettings.from_mapping(base, **changes)


def fetch(url: str, st: FetchSettings | None = None, *, log: list[FetchRecord] | None = None,
          resolver=None, address_policy=None, **kwargs: object) -> FetchResult:
    kwargs.setdefault("allow_private", True)

    async def run() -> FetchResult:
        async with Fetcher(st or settings(), on_request=(log.append if log is not None else None),
                           resolver=resolver, address_policy=address_policy) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    yield s
    s.close()


# -- normal behaviour on a real server ------------------------------------------------------------------


def test_plain_fetch_records_everything(site: Site) -> None:
    site.routes["/bai-viet"] = page(VI_PAGE.encode(), ETag='"v1"', Last_Modified="Mon, 03 Nov 2025 08:00:00 GMT")
    log: list[FetchRecord] = []
    rows: list[dict[str, object]] = []  # as the callback sees them, when it is called

    async def run() -> FetchResult:
        async with Fetcher(settings(), on_request=lambda r: (log.append(r), rows.append(r.as_row()))) as f:
            return await f.fetch(site.url("/bai-viet"), allow_private=True, outlet_id="baokontum")

    result = asyncio.run(run())
    assert result.status == 200 and not result.not_modified
    assert VI_TEXT in result.text and result.encoding == "utf-8" and result.content_type == "text/html"
    assert result.etag == '"v1"' and result.last_modified == "Mon, 03 Nov 2025 08:00:00 GMT"
    assert result.final_url == result.url and result.redirects == []
    ua = site.hits[-1][2]["user-agent"]
    assert "GenderMediaAuditor" in ua and "gender-media-auditor" in ua
    assert site.hits[-1][2]["accept-encoding"] == "gzip, deflate"  # only what we decode with a bound
    assert [r.kind for r in log] == ["robots", "page"]
    assert rows[0]["outlet_id"] == "baokontum" and rows[0]["status"] == 404
    row = rows[-1]
    assert row["outcome"] == "ok" and row["status"] == 200 and row["outlet_id"] == "baokontum"
    assert row["bytes"] == len(VI_PAGE.encode()) and row["host"] == "127.0.0.1"
    assert 0 <= row["elapsed_ms"] == result.elapsed_ms < 5000


def test_fetch_log_rows_fit_the_fetch_log_table(site: Site, tmp_path) -> None:
    from auditor.db import open_db

    site.routes["/ok"] = page(b"<p>ok</p>")
    log: list[FetchRecord] = []
    fetch(site.url("/ok"), log=log)
    with pytest.raises(FetchError):
        fetch(site.url("/missing"), log=log)
    db = open_db(tmp_path / "log.db")
    with db.conn:
        db["fetch_log"].insert_all(r.as_row() for r in log)
    rows = list(db.query("select url, status, outcome, error from fetch_log order by id"))
    assert [(r["status"], r["outcome"]) for r in rows] == [(404, "ok"), (200, "ok"), (404, "ok"), (404, "error")]
    assert "gone" in rows[-1]["error"]


def test_conditional_get_304(site: Site) -> None:
    def conditional(h: BaseHTTPRequestHandler) -> None:
        if h.headers.get("If-None-Match") == '"v2"':
            send(h, 304, b"", None, {"ETag": '"v2"'})
        else:
            send(h, 200, VI_PAGE.encode(), "text/html; charset=utf-8",
                 {"ETag": '"v2"', "Last-Modified": "Tue, 04 Nov 2025 08:00:00 GMT"})

    site.routes["/rss"] = conditional
    first = fetch(site.url("/rss"))
    second = fetch(site.url("/rss"), etag=first.etag, last_modified=first.last_modified)
    assert not first.not_modified and second.not_modified and second.status == 304
    assert second.text == "" and second.content == b""
    assert second.etag == '"v2"' and second.last_modified == "Tue, 04 Nov 2025 08:00:00 GMT"
    sent = site.hits[-1][2]
    assert sent["if-none-match"] == '"v2"' and sent["if-modified-since"] == "Tue, 04 Nov 2025 08:00:00 GMT"


def test_per_host_pacing_spaces_requests(site: Site) -> None:
    for i in range(4):
        site.routes[f"/p{i}"] = page(b"<p>x</p>")
    delay = 0.25

    async def run() -> None:
        async with Fetcher(settings(host_delay_s=delay), on_request=None) as fetcher:
            await asyncio.gather(*(fetcher.fetch(site.url(f"/p{i}"), allow_private=True) for i in range(4)))

    asyncio.run(run())
    starts = sorted(at for _, at, _ in site.hits)  # robots.txt + 4 pages
    assert len(starts) == 5
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert min(gaps) >= delay - 0.03, gaps


def test_hosts_are_paced_independently_and_share_a_concurrency_cap() -> None:
    sites = [Site() for _ in range(4)]
    try:
        in_flight = {"now": 0, "max": 0}
        lock = threading.Lock()

        def slow(h: BaseHTTPRequestHandler) -> None:
            with lock:
                in_flight["now"] += 1
                in_flight["max"] = max(in_flight["max"], in_flight["now"])
            time.sleep(0.2)
            with lock:
                in_flight["now"] -= 1
            send(h, 200, b"<p>slow</p>")

        for s in sites:
            s.routes["/slow"] = slow

        async def run() -> None:
            async with Fetcher(settings(max_concurrency=2, host_delay_s=1.0)) as fetcher:
                await asyncio.gather(*(fetcher.fetch(s.url("/slow"), allow_private=True) for s in sites))

        began = time.monotonic()
        asyncio.run(run())
        took = time.monotonic() - began
        assert in_flight["max"] == 2  # capped across hosts, yet more than one host at a time
        # Each host got robots.txt then the page, 1 s apart: four hosts in parallel take ~1.4 s, a single
        # shared pace would need 7 s (8 requests 1 s apart). The bound is loose for a loaded machine.
        assert took < 6.0
        for s in sites:
            robots_at, page_at = s.times("/robots.txt")[0], s.times("/slow")[0]
            assert page_at - robots_at >= 0.97
    finally:
        for s in sites:
            s.close()


# -- robots.txt --------------------------------------------------------------------------------------------


def test_robots_disallow_is_honoured_and_read_once(site: Site) -> None:
    site.routes["/robots.txt"] = page(
        b"User-agent: *\nDisallow: /tin-noi-bo/\n\nUser-agent: gender-media-auditor\nDisallow: /khong-kiem-tra/\n",
        "text/plain",
    )
    site.routes["/tin-tuc/1"] = page(VI_PAGE.encode())
    site.routes["/khong-kiem-tra/1"] = page(VI_PAGE.encode())
    log: list[FetchRecord] = []

    async def run() -> None:
        async with Fetcher(settings(), on_request=log.append) as fetcher:
            assert (await fetcher.fetch(site.url("/tin-tuc/1"), allow_private=True)).status == 200
            with pytest.raises(RobotsDisallowed) as err:
                await fetcher.fetch(site.url("/khong-kiem-tra/1"), allow_private=True)
            assert "robots.txt" in str(err.value) and "/khong-kiem-tra/1" in str(err.value)
            # The specific group replaces "*": /tin-noi-bo/ is not forbidden to us.
            with pytest.raises(FetchError) as err2:
                await fetcher.fetch(site.url("/tin-noi-bo/x"), allow_private=True)
            assert err2.value.status == 404

    asyncio.run(run())
    assert site.paths().count("/robots.txt") == 1
    assert "/khong-kiem-tra/1" not in site.paths()
    assert [r.outcome for r in log if r.kind == "page"] == ["ok", "skipped", "error"]


def test_robots_server_error_means_disallow_all(site: Site) -> None:
    site.routes["/robots.txt"] = page(b"busy", "text/plain", status=503)
    site.routes["/tin-tuc/1"] = page(VI_PAGE.encode())
    log: list[FetchRecord] = []
    with pytest.raises(FetchError) as err:
        fetch(site.url("/tin-tuc/1"), log=log)
    # Not RobotsDisallowed: the URL is not forbidden, the site is unavailable; a later run retries it.
    assert not isinstance(err.value, RobotsDisallowed)
    assert "503" in str(err.value) and "disallowed for this run" in str(err.value)
    assert "try again in a later run" in str(err.value)
    assert site.paths() == ["/robots.txt"]
    assert [(r.kind, r.outcome) for r in log] == [("robots", "error"), ("page", "error")]


def test_robots_timeout_means_disallow_all(site: Site) -> None:
    site.routes["/robots.txt"] = lambda h: time.sleep(5)
    site.routes["/tin-tuc/1"] = page(VI_PAGE.encode())
    began = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(site.url("/tin-tuc/1"), settings(robots_timeout_s=0.4, read_timeout_s=5.0))
    assert "timed out" in str(err.value) and time.monotonic() - began < 3.0
    assert not isinstance(err.value, RobotsDisallowed)
    assert "/tin-tuc/1" not in site.paths()


def test_huge_robots_txt_is_read_up_to_its_cap(site: Site) -> None:
    rules = b"User-agent: *\nDisallow: /an/\n" + b"# chu thich\n" * 400_000  # ~4.8 MB of comments
    site.routes["/robots.txt"] = page(gzip.compress(rules), "text/plain", Content_Encoding="gzip")
    site.routes["/tin"] = page(VI_PAGE.encode())
    log: list[FetchRecord] = []
    with pytest.raises(RobotsDisallowed):
        fetch(site.url("/an/1"), log=log)
    assert log[0].kind == "robots" and log[0].outcome == "ok"
    assert fetch(site.url("/tin")).status == 200


def test_robots_crawl_delay_slows_the_host(site: Site) -> None:
    site.routes["/robots.txt"] = page(b"User-agent: *\nCrawl-delay: 0.4\n", "text/plain")
    site.routes["/a"] = page(b"<p>a</p>")
    site.routes["/b"] = page(b"<p>b</p>")

    async def run() -> None:
        async with Fetcher(settings(host_delay_s=0.02)) as fetcher:
            await fetcher.fetch(site.url("/a"), allow_private=True)
            await fetcher.fetch(site.url("/b"), allow_private=True)

    asyncio.run(run())
    assert site.times("/b")[0] - site.times("/a")[0] >= 0.37


# -- status codes and retries ------------------------------------------------------------------------------


@pytest.mark.parametrize("status", [404, 410])
def test_gone_is_final_without_retry(site: Site, status: int) -> None:
    site.routes["/cu"] = page(b"gone", status=status)
    with pytest.raises(FetchError) as err:
        fetch(site.url("/cu"))
    assert err.value.status == status and "gone" in str(err.value)
    assert site.paths().count("/cu") == 1


def test_server_error_is_retried_then_reported(site: Site) -> None:
    site.routes["/loi"] = page(b"oops", status=500)
    with pytest.raises(FetchError) as err:
        fetch(site.url("/loi"), settings(retries=2))
    assert err.value.status == 500 and "after 3 attempts" in str(err.value)
    assert site.paths().count("/loi") == 3
    t = site.times("/loi")
    assert t[1] - t[0] >= 0.02 and t[2] - t[1] >= 0.04  # exponential backoff: 0.02 s then 0.04 s


def test_server_error_then_success(site: Site) -> None:
    answers = iter([500, 502, 200])
    site.routes["/flaky"] = lambda h: send(h, next(answers), VI_PAGE.encode(), "text/html; charset=utf-8")
    result = fetch(site.url("/flaky"))
    assert result.status == 200 and VI_TEXT in result.text


@pytest.mark.parametrize("retry_after", ["1", "http-date"])
def test_429_honours_retry_after(site: Site, retry_after: str) -> None:
    value = formatdate(time.time() + 2, usegmt=True) if retry_after == "http-date" else retry_after
    answers = iter([429, 200])
    site.routes["/rss"] = lambda h: (
        send(h, 429, b"slow down", "text/plain", {"Retry-After": value})
        if next(answers) == 429 else send(h, 200, b"<rss/>", "application/rss+xml"))
    result = fetch(site.url("/rss"))
    assert result.status == 200 and result.content_type == "application/rss+xml"
    first, second = site.times("/rss")
    # An HTTP date has 1 s resolution, so "now + 2 s" may mean anything from 1 to 2 s.
    assert second - first >= 0.95


def test_retry_after_beyond_the_cap_is_not_retried_and_closes_the_host(site: Site) -> None:
    site.routes["/rss"] = page(b"later", "text/plain", status=503, Retry_After="3600")
    site.routes["/tin"] = page(VI_PAGE.encode())

    async def run() -> None:
        async with Fetcher(settings()) as fetcher:
            with pytest.raises(FetchError) as err:
                await fetcher.fetch(site.url("/rss"), allow_private=True)
            assert err.value.status == 503 and "3600" in str(err.value)
            with pytest.raises(FetchError, match="asked us to wait"):
                await fetcher.fetch(site.url("/tin"), allow_private=True)

    asyncio.run(run())
    assert site.paths().count("/rss") == 1 and "/tin" not in site.paths()


# -- malformed responses ---------------------------------------------------------------------------------


def test_garbage_instead_of_http(site: Site) -> None:
    def garbage(h: BaseHTTPRequestHandler) -> None:
        h.wfile.write(b"HELLO THIS IS NOT HTTP\r\n\r\n")
        h.close_connection = True

    site.routes["/x"] = garbage
    with pytest.raises(FetchError) as err:
        fetch(site.url("/x"))
    assert "malformed" in str(err.value) and "attempts" in str(err.value)


def test_connection_closed_without_answer(site: Site) -> None:
    site.routes["/x"] = lambda h: setattr(h, "close_connection", True)
    with pytest.raises(FetchError) as err:
        fetch(site.url("/x"))
    assert "gave up after 3 attempts" in str(err.value)


def test_https_to_a_plain_http_server_fails_at_once(site: Site) -> None:
    site.routes["/x"] = page(VI_PAGE.encode())
    with pytest.raises(FetchError) as err:
        fetch(site.url("/x").replace("http://", "https://"))
    assert "TLS handshake failed" in str(err.value)  # here already for robots.txt, the first request
    assert site.hits == []  # the plain server saw only TLS noise, no request it could parse


def test_truncated_body(site: Site) -> None:
    def truncated(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "5000")
        h.end_headers()
        h.wfile.write(b"<html><p>only part")

    site.routes["/x"] = truncated
    with pytest.raises(FetchError) as err:
        fetch(site.url("/x"))
    assert "malformed or truncated" in str(err.value)


def test_redirect_without_location(site: Site) -> None:
    site.routes["/x"] = page(b"", None, status=302)
    with pytest.raises(FetchError, match="without a Location"):
        fetch(site.url("/x"))


def test_binary_content_types_are_refused(site: Site) -> None:
    site.routes["/anh.png"] = page(b"\x89PNG\r\n\x1a\n" + b"\0" * 100, "image/png")
    site.routes["/file.zip"] = page(b"PK\x03\x04" + b"\0" * 100, "application/zip")
    site.routes["/untyped"] = page(b"PK\x03\x04" + b"\0" * 100, None)
    with pytest.raises(FetchError, match="refused content type 'image/png'"):
        fetch(site.url("/anh.png"))
    with pytest.raises(FetchError, match="refused content type 'application/zip'"):
        fetch(site.url("/file.zip"))
    with pytest.raises(FetchError, match="binary"):
        fetch(site.url("/untyped"))


def test_corrupt_gzip(site: Site) -> None:
    site.routes["/x"] = page(b"\x1f\x8b\x08\x00garbage-not-deflate", Content_Encoding="gzip")
    with pytest.raises(FetchError, match="corrupt gzip"):
        fetch(site.url("/x"))


def test_gzip_page_is_decoded(site: Site) -> None:
    site.routes["/x"] = page(gzip.compress(VI_PAGE.encode()), Content_Encoding="gzip")
    assert VI_TEXT in fetch(site.url("/x")).text


# -- charsets ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "body", "expected_encoding"),
    [
        ("text/html; charset=windows-1258", encode_cp1258(VI_PAGE), "cp1258"),
        ("text/html", b'<meta charset="windows-1258">' + encode_cp1258(VI_PAGE), "cp1258"),
        ("text/html", encode_cp1258(VI_PAGE), "cp1258"),  # no label at all: charset-normalizer
        ("text/html; charset=iso-8859-1", encode_cp1258(VI_PAGE), "cp1258"),  # wrong Latin-1 label
        ("text/html; charset=iso-8859-1", VI_PAGE.encode(), "utf-8"),  # mislabelled UTF-8
        ("text/html; charset=windows-1258", VI_PAGE.encode(), "utf-8"),
        (None, VI_PAGE.encode(), "utf-8"),
        ("application/xml", b'<?xml version="1.0" encoding="windows-1258"?><rss><title>'
         + encode_cp1258(VI_TEXT) + b"</title></rss>", "cp1258"),
    ],
    ids=["header-1258", "meta-1258", "unlabelled-1258", "latin1-label-1258", "latin1-label-utf8",
         "1258-label-utf8", "no-type-utf8", "xml-decl-1258"],
)
def test_charsets(site: Site, label: str | None, body: bytes, expected_encoding: str) -> None:
    site.routes["/x"] = page(body, label)
    result = fetch(site.url("/x"))
    assert result.encoding == expected_encoding
    assert VI_TEXT in result.text  # NFC: tone marks written as combining characters are composed
    assert unicodedata.is_normalized("NFC", result.text)


# -- size cap, gzip bomb, trickle ---------------------------------------------------------------------------


def too_large_with_peak_memory(url: str) -> tuple[TooLarge, int]:
    """Fetch ``url`` expecting TooLarge; returns the error and the peak traced memory in bytes."""
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as err:
            fetch(url)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return err.value, peak


def test_200mb_page_stops_at_the_cap_without_buffering(site: Site) -> None:
    total = 200 * MB
    sent = {"bytes": 0}

    def huge(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()  # no Content-Length: HTTP/1.0 body runs to the end of the connection
        chunk = b"<p>" + "Phụ nữ và bình đẳng giới. ".encode() * 2000 + b"</p>\n"
        while sent["bytes"] < total:
            h.wfile.write(chunk)
            sent["bytes"] += len(chunk)

    site.routes["/huge"] = huge
    began = time.monotonic()
    err, peak = too_large_with_peak_memory(site.url("/huge"))
    assert "max_bytes=1,048,576" in str(err)
    assert time.monotonic() - began < 10.0
    assert peak < 16 * MB, peak  # a few copies of the 1 MB cap, never the 200 MB page
    assert sent["bytes"] < 20 * MB  # the connection was dropped, the server did not get to send it all


def test_declared_content_length_over_the_cap_is_not_read(site: Site) -> None:
    def announced(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", str(200 * MB))
        h.end_headers()
        h.wfile.write(b"<p>" * 1000)

    site.routes["/huge"] = announced
    with pytest.raises(TooLarge, match="Content-Length 209,715,200"):
        fetch(site.url("/huge"))


def gzip_bomb(gigabytes: int = 1) -> bytes:
    """A gzip body of ~1 MB that inflates to ``gigabytes`` GiB of zeros (concatenated 16 MiB members)."""
    member = gzip.compress(b"\0" * (16 * MB), compresslevel=9)
    return member * (64 * gigabytes)


def test_gzip_bomb_stops_at_the_decompressed_cap(site: Site) -> None:
    bomb = gzip_bomb()
    assert len(bomb) < 2 * MB
    site.routes["/bomb"] = page(bomb, "text/html", Content_Encoding="gzip")
    err, peak = too_large_with_peak_memory(site.url("/bomb"))
    assert "after decompression" in str(err)
    assert peak < 16 * MB, peak


def test_gzip_bomb_in_a_single_member(site: Site) -> None:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * MB
    bomb = b"".join(compressor.compress(zeros) for _ in range(64)) + compressor.flush()  # 64 MiB -> ~64 KB
    site.routes["/bomb"] = page(bomb, "text/html", Content_Encoding="gzip")
    with pytest.raises(TooLarge):
        fetch(site.url("/bomb"))


def test_trickling_server_is_cut_off_by_the_total_deadline(site: Site) -> None:
    def trickle(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        until = time.monotonic() + 10
        while time.monotonic() < until:
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(0.1)  # well inside the read timeout (0.5 s): only the total deadline can stop it

    site.routes["/slow"] = trickle
    began = time.monotonic()
    with pytest.raises(FetchError) as err:
        fetch(site.url("/slow"), settings(total_timeout_s=1.0))
    took = time.monotonic() - began
    assert "total_timeout_s=1" in str(err.value)
    assert 0.9 <= took < 4.0  # the server would trickle for 10 s
    assert site.paths().count("/slow") == 1  # a deadline is not retried


def test_silent_server_hits_the_read_timeout_and_is_retried(site: Site) -> None:
    def silent(h: BaseHTTPRequestHandler) -> None:
        time.sleep(0.8)

    site.routes["/silent"] = silent
    with pytest.raises(FetchError) as err:
        fetch(site.url("/silent"), settings(read_timeout_s=0.2, retries=1))
    assert "read timeout" in str(err.value) and site.paths().count("/silent") == 2


# -- redirects and addresses ------------------------------------------------------------------------------


def test_redirects_are_followed_and_listed(site: Site) -> None:
    site.routes["/old"] = redirect("/mid", 301)
    site.routes["/mid"] = redirect(site.url("/new"), 307)
    site.routes["/new"] = page(VI_PAGE.encode())
    result = fetch(site.url("/old"))
    assert result.final_url == site.url("/new")
    assert result.redirects == [site.url("/old"), site.url("/mid")]


def test_endless_redirect_loop(site: Site) -> None:
    site.routes["/a"] = redirect("/b")
    site.routes["/b"] = redirect("/a")
    with pytest.raises(FetchError) as err:
        fetch(site.url("/a"))
    assert "redirect loop" in str(err.value)
    assert site.paths().count("/a") == 1 and site.paths().count("/b") == 1


def test_redirect_chain_over_the_cap(site: Site) -> None:
    for i in range(10):
        site.routes[f"/r{i}"] = redirect(f"/r{i + 1}")
    with pytest.raises(FetchError, match="more than 3 redirects"):
        fetch(site.url("/r0"), settings(max_redirects=3))
    assert [p for p in site.paths() if p != "/robots.txt"] == ["/r0", "/r1", "/r2", "/r3"]


def test_loopback_refused_unless_allowed(site: Site) -> None:
    site.routes["/x"] = page(VI_PAGE.encode())
    log: list[FetchRecord] = []
    with pytest.raises(BlockedAddress) as err:
        fetch(site.url("/x"), log=log, allow_private=False)
    assert "loopback" in str(err.value)
    assert site.hits == []  # not even robots.txt
    assert log[-1].outcome == "skipped"
    with pytest.raises(BlockedAddress):
        fetch(site.url("/x", host="localhost"), allow_private=False)
    assert fetch(site.url("/x"), allow_private=True).status == 200


def public_127_0_0_2(address: str) -> str | None:
    """Address policy for tests: 127.0.0.2 plays a public address, everything else as usual."""
    return None if address == "127.0.0.2" else blocked_reason(address)


@pytest.fixture
def public_and_internal() -> Iterator[tuple[Site, Site]]:
    """A "public" site on 127.0.0.2 and an internal service on 127.0.0.1, same port."""
    internal = Site("127.0.0.1")
    public = Site("127.0.0.2", internal.port)
    yield public, internal
    public.close()
    internal.close()


def test_redirect_from_a_public_host_to_loopback_is_refused(public_and_internal: tuple[Site, Site]) -> None:
    public, internal = public_and_internal
    public.routes["/tin"] = redirect(internal.url("/admin", host="localhost"))
    internal.routes["/admin"] = page(b"secret")
    with pytest.raises(BlockedAddress) as err:
        fetch(public.url("/tin"), address_policy=public_127_0_0_2, allow_private=False)
    assert "'localhost' resolves to" in str(err.value) and "loopback" in str(err.value)
    assert "/tin" in public.paths() and internal.hits == []
    # The same hop is fine for an outlet explicitly marked local.
    assert fetch(public.url("/tin"), address_policy=public_127_0_0_2, allow_private=True).text == "secret"


def test_dns_rebinding_is_caught_at_connect_time(public_and_internal: tuple[Site, Site]) -> None:
    """The name answers 127.0.0.2 ("public") to the check, then 127.0.0.1 when the page is connected."""
    public, internal = public_and_internal
    public.routes["/tin"] = page(b"public page")
    internal.routes["/tin"] = page(b"internal secret")
    answers = iter(["127.0.0.2", "127.0.0.2"])  # the check, robots.txt; then the rebinding answer

    async def rebinding(host: str, port: int) -> list[str]:
        return [next(answers, "127.0.0.1")] if host == "news.test" else await default_resolver(host, port)

    with pytest.raises(BlockedAddress) as err:
        fetch(f"http://news.test:{public.port}/tin", resolver=rebinding, address_policy=public_127_0_0_2,
              allow_private=False)
    assert "127.0.0.1, a loopback address, when connecting" in str(err.value)
    assert public.paths() == ["/robots.txt"] and internal.hits == []


def test_redirect_to_a_non_http_scheme(site: Site) -> None:
    site.routes["/x"] = redirect("file:///etc/passwd")
    with pytest.raises(FetchError, match="non-HTTP"):
        fetch(site.url("/x"))
