"""The fetch layer: polite, bounded HTTP GETs for the crawler.

API (what the crawl pipeline codes against)::

    from auditor.crawl.fetch import Fetcher, FetchResult, FetchRecord, fetch_sync
    from auditor.crawl.settings import FetchSettings

    async with Fetcher(FetchSettings(), on_request=log_row) as fetcher:
        result = await fetcher.fetch(url, etag=feed["etag"], last_modified=feed["last_modified"],
                                     allow_private=outlet_is_local, outlet_id="baokontum")
        if result.not_modified: ...          # 304: keep what is stored
        else: result.text, result.etag, result.last_modified, result.final_url ...

    result = fetch_sync(url, allow_private=True)   # one-off fetch from a script

``fetch`` either returns a :class:`FetchResult` or raises one of :mod:`auditor.errors`:

- ``RobotsDisallowed``  robots.txt forbids the URL (or could not be read: 5xx/timeout, see robots.py)
- ``BlockedAddress``    the URL or a redirect hop resolves to a private/loopback/link-local/... address
- ``TooLarge``          the body (after decompression) passed ``max_bytes``
- ``FetchError``        anything else, with ``.status`` when the server answered (404/410 are final,
                        5xx/429 after retries, redirect loops, refused content types, timeouts)

httpx exceptions never leave this module. Every fetch call produces one :class:`FetchRecord` (url, host,
status, bytes, elapsed_ms, outcome ok|not_modified|error|skipped, error) appended to ``fetcher.log`` and
passed to ``on_request`` if given; its :meth:`FetchRecord.as_row` matches the ``fetch_log`` table.
robots.txt fetches produce records too (``kind == "robots"``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

import httpx

from auditor.crawl.settings import FetchSettings

logger = logging.getLogger(__name__)

# resolver(host, port) -> IP address strings; the default calls getaddrinfo. Tests inject one to make a
# loopback test server look public, so the redirect-to-private check can be exercised on 127.0.0.1.
Resolver = Callable[[str, int], Awaitable[list[str]]]


@dataclass
class FetchResult:
    """A successful fetch (2xx, or 304 when ``not_modified``)."""

    url: str  # the URL asked for
    final_url: str  # after redirects
    status: int
    headers: dict[str, str]  # response headers of the final hop, names lower-cased
    content: bytes  # decoded transfer encoding (gzip/deflate undone), raw charset
    text: str  # content decoded with ``encoding`` and NFC-normalised; "" for 304
    encoding: str | None  # Python codec name used for ``text`` (e.g. "utf-8", "cp1258")
    content_type: str | None  # media type without parameters, e.g. "text/html"
    etag: str | None
    last_modified: str | None
    not_modified: bool  # True on 304 (conditional GET hit); content/text are then empty
    elapsed_ms: int  # whole fetch: pacing waits excluded, retries and redirects included
    redirects: list[str] = field(default_factory=list)  # URLs of the hops before final_url


@dataclass
class FetchRecord:
    """One line of the fetch log: what a ``fetch`` (or robots.txt) request did."""

    at: str  # ISO 8601 UTC time the request started
    url: str
    host: str
    status: int | None
    bytes: int
    elapsed_ms: int
    outcome: str  # ok | not_modified | error | skipped (robots disallowed / blocked before any request)
    error: str | None = None
    outlet_id: str | None = None
    kind: str = "page"  # page | robots
    attempts: int = 0
    final_url: str | None = None

    def as_row(self) -> dict[str, object]:
        """The columns of the ``fetch_log`` table."""
        return {
            "at": self.at, "outlet_id": self.outlet_id, "url": self.url, "host": self.host,
            "status": self.status, "bytes": self.bytes, "elapsed_ms": self.elapsed_ms,
            "outcome": self.outcome, "error": self.error,
        }


class Fetcher:
    """An async HTTP fetcher with robots.txt, per-host pacing and hard limits. Use as a context manager."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        on_request: Callable[[FetchRecord], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: Resolver | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.on_request = on_request
        self.log: list[FetchRecord] = []
        self._transport = transport
        self._resolver = resolver
        self._client: httpx.AsyncClient | None = None

    async def __aenter__(self) -> Fetcher:
        raise NotImplementedError

    async def __aexit__(self, *exc: object) -> None:
        raise NotImplementedError

    async def fetch(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        allow_private: bool = False,
        outlet_id: str | None = None,
    ) -> FetchResult:
        """GET ``url`` politely; conditional when ``etag``/``last_modified`` are given."""
        raise NotImplementedError


def fetch_sync(url: str, settings: FetchSettings | None = None, **kwargs: object) -> FetchResult:
    """Fetch one URL from synchronous code (scripts); same arguments as :meth:`Fetcher.fetch`."""

    async def run() -> FetchResult:
        async with Fetcher(settings) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())
