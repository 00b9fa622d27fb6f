"""A small static web site on 127.0.0.1, served by a real HTTP server in a background thread.

    site = SiteServer({"/robots.txt": Page("User-agent: *\\nAllow: /\\n", "text/plain")})
    with site:                                  # binds a free port
        site.url("/rss/home.rss")               # 'http://127.0.0.1:40123/rss/home.rss'
        site.put("/tin/1.html", Page(html))     # pages can change while it runs (edited articles)
        site.remove("/tin/1.html")              # ... or disappear (404)

Every page gets a strong ETag and a Last-Modified date, and conditional requests get 304, as on a
well-configured news CMS. ``site.requests`` lists the paths asked for, for tests.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

__all__ = ["Page", "SiteServer"]


@dataclass
class Page:
    body: str | bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    modified: datetime = field(default_factory=lambda: datetime.now(UTC).replace(microsecond=0))
    headers: dict[str, str] = field(default_factory=dict)  # extra headers, e.g. Location for a 301

    @property
    def data(self) -> bytes:
        return self.body.encode("utf-8") if isinstance(self.body, str) else self.body

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.data).hexdigest()[:20] + '"'


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        # A client that closes its keep-alive connection mid-read is normal, not worth a traceback.
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class SiteServer:
    """Serve ``pages`` (path -> :class:`Page`) on 127.0.0.1 at a free port until :meth:`close`."""

    def __init__(self, pages: dict[str, Page] | None = None, host: str = "127.0.0.1", port: int = 0) -> None:
        self.pages: dict[str, Page] = dict(pages or {})
        self.requests: list[str] = []
        self._lock = threading.Lock()
        self._host, self._port = host, port
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # --- content ---------------------------------------------------------------------------------

    def put(self, path: str, page: Page) -> None:
        with self._lock:
            self.pages[path] = page

    def remove(self, path: str) -> None:
        with self._lock:
            self.pages.pop(path, None)

    def url(self, path: str = "/") -> str:
        if self._server is None:
            raise RuntimeError("the site is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{path}"

    @property
    def base_url(self) -> str:
        return self.url("")

    # --- lifecycle -------------------------------------------------------------------------------

    def start(self) -> SiteServer:
        site = self

        class Handler(BaseHTTPRequestHandler):
            server_version = "DemoCMS/1.0"
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; without TCP_NODELAY, Nagle's algorithm and the
            # client's delayed ACK add ~40 ms to every keep-alive response.
            disable_nagle_algorithm = True

            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                self._answer(send_body=True)

            def do_HEAD(self) -> None:  # noqa: N802
                self._answer(send_body=False)

            def _answer(self, send_body: bool) -> None:
                path = urlsplit(self.path).path
                with site._lock:
                    site.requests.append(self.path)
                    page = site.pages.get(path)
                if page is None:
                    page = Page("<html><body><h1>404 - Không tìm thấy trang</h1></body></html>", status=404)
                etag = page.etag
                if page.status == 200 and self._not_modified(etag, page.modified):
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                data = page.data
                self.send_response(page.status)
                self.send_header("Content-Type", page.content_type)
                self.send_header("Content-Length", str(len(data)))
                for name, value in page.headers.items():
                    self.send_header(name, value)
                if page.status == 200:
                    self.send_header("ETag", etag)
                    self.send_header("Last-Modified", format_datetime(page.modified.astimezone(UTC), usegmt=True))
                self.end_headers()
                if send_body:
                    self.wfile.write(data)

            def _not_modified(self, etag: str, modified: datetime) -> bool:
                if_none_match = self.headers.get("If-None-Match")
                if if_none_match is not None:
                    return etag in [t.strip() for t in if_none_match.split(",")]
                since = self.headers.get("If-Modified-Since")
                if since:
                    try:
                        return modified <= parsedate_to_datetime(since)
                    except (TypeError, ValueError):
                        return False
                return False

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass  # quiet: the crawler's fetch log is the record

        self._server = _QuietServer((self._host, self._port), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name="demo-site", daemon=True)
        self._thread.start()
        return self

    def close(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> SiteServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
