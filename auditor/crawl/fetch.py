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

- ``RobotsDisallowed``  robots.txt forbids the URL (a lasting verdict)
- ``BlockedAddress``    the URL or a redirect hop resolves to a private/loopback/link-local/... address
- ``TooLarge``          the body (after decompression) passed ``max_bytes``
- ``FetchError``        anything else, with ``.status`` when the server answered (404/410 are final,
                        5xx/429 after retries, redirect loops, refused content types, timeouts, and
                        robots.txt unreachable: 5xx/timeout/no connection, so the site is not crawled
                        in this run; see robots.py)

httpx exceptions never leave this module. Every fetch call produces one :class:`FetchRecord` (url, host,
status, bytes, elapsed_ms, outcome ok|not_modified|error|skipped, error) appended to ``fetcher.log`` and
passed to ``on_request`` if given; its :meth:`FetchRecord.as_row` matches the ``fetch_log`` table.
robots.txt fetches produce records too (``kind == "robots"``).
"""

from __future__ import annotations

import asyncio
import email.utils
import functools
import logging
import random
import ssl
import time
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

import httpx

from auditor.crawl.addresses import (
    AddressPolicy,
    BlockedAtConnect,
    Resolver,
    check_host,
    default_resolver,
    guarded_transport,
)
from auditor.crawl.decoding import (
    DecodeError,
    Inflater,
    decode_text,
    is_allowed_type,
    looks_binary,
    media_type,
)
from auditor.crawl.pacing import Pacer
from auditor.crawl.robots import RobotsCache, RobotsRules, rules_from_answer, unreachable
from auditor.crawl.settings import FetchSettings
from auditor.errors import BlockedAddress, FetchError, RobotsDisallowed, TooLarge

logger = logging.getLogger(__name__)

ACCEPT = ("text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,"
          "application/json;q=0.8,*/*;q=0.5")


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
    elapsed_ms: int  # time inside this fetch's HTTP requests (all attempts and hops); waits left out
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


class _Retryable(Exception):
    """A failure worth another attempt (timeout, connection error); message says what happened."""


@dataclass
class _Answer:
    """The final hop's response as far as the fetch logic needs it."""

    url: httpx.URL
    status: int
    headers: httpx.Headers
    content: bytes = b""


@dataclass
class _Trace:
    """Bookkeeping of one fetch call: what ends up in its FetchRecord."""

    attempts: int = 0
    network_s: float = 0.0  # time inside requests (pacing, backoff and Retry-After waits left out)
    status: int | None = None
    nbytes: int = 0


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    """One certificate-verifying context for all clients: loading the CA bundle costs ~50 ms each time."""
    return httpx.create_ssl_context()


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def _host_key(url: httpx.URL) -> str:
    """Pacing key: host and port (the port only when not the scheme's default)."""
    return f"{url.host}:{url.port}" if url.port else url.host


def _port(url: httpx.URL) -> int:
    return url.port or (443 if url.scheme == "https" else 80)


def _origin(url: httpx.URL) -> str:
    return f"{url.scheme}://{url.netloc.decode('ascii')}"


def _describe(exc: httpx.HTTPError) -> str:
    """A short English reason for an httpx error (its own message is sometimes empty)."""
    kinds = {
        httpx.ConnectTimeout: "connection timed out",
        httpx.ReadTimeout: "server stopped sending (read timeout)",
        httpx.WriteTimeout: "sending the request timed out",
        httpx.PoolTimeout: "no free connection (pool timeout)",
        httpx.ConnectError: "connection failed",
        httpx.ReadError: "connection broken while reading",
        httpx.WriteError: "connection broken while sending",
        httpx.RemoteProtocolError: "malformed or truncated HTTP response",
        httpx.LocalProtocolError: "invalid request",
        httpx.UnsupportedProtocol: "unsupported URL scheme",
    }
    kind = next((text for cls, text in kinds.items() if isinstance(exc, cls)), type(exc).__name__)
    detail = str(exc).strip()
    return f"{kind}: {detail}" if detail and detail != kind else kind


def _tls_failure(exc: BaseException) -> bool:
    """True if an ssl.SSLError (certificate, protocol) is behind ``exc``."""
    seen: BaseException | None = exc
    for _ in range(10):
        if seen is None:
            return False
        if isinstance(seen, ssl.SSLError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def retry_after_seconds(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds asked for by a Retry-After header (delta-seconds or HTTP date), None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


class Fetcher:
    """An async HTTP fetcher with robots.txt, per-host pacing and hard limits. Use as a context manager.

    One Fetcher is meant for one crawl run: robots.txt answers are cached for its lifetime.
    ``transport`` (e.g. ``httpx.MockTransport``), ``resolver`` and ``address_policy`` are test seams.
    Without a ``transport``, requests with ``allow_private=False`` go through a connection pool that checks
    the address again at connect time and connects to the checked address (see ``addresses.py``).
    """

    def __init__(
        self,
        settings: FetchSettings | None = None,
        *,
        on_request: Callable[[FetchRecord], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        resolver: Resolver | None = None,
        address_policy: AddressPolicy | None = None,
    ) -> None:
        self.settings = settings or FetchSettings()
        self.on_request = on_request
        self.log: list[FetchRecord] = []
        self._transport = transport
        self._resolver = resolver or default_resolver
        self._policy = address_policy
        self._client: httpx.AsyncClient | None = None  # public hosts only (guarded at connect time)
        self._local_client: httpx.AsyncClient | None = None  # for allow_private=True
        self._robots = RobotsCache()
        # host -> (monotonic time, status): a Retry-After longer than we wait for closes the host until then
        self._stay_away: dict[str, tuple[float, int]] = {}
        self.pacer = Pacer(self.settings.host_delay_s, self.settings.per_host_concurrency,
                           self.settings.max_concurrency)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        limits = httpx.Limits(max_connections=s.max_concurrency, max_keepalive_connections=s.max_concurrency)

        def client(transport: httpx.AsyncBaseTransport | None) -> httpx.AsyncClient:
            return httpx.AsyncClient(
                headers={
                    "User-Agent": s.user_agent,
                    "Accept": ACCEPT,
                    # Only what decoding.Inflater can decompress with a bounded output.
                    "Accept-Encoding": "gzip, deflate",
                    "Accept-Language": "vi,en;q=0.5",
                },
                timeout=httpx.Timeout(connect=s.connect_timeout_s, read=s.read_timeout_s,
                                      write=s.write_timeout_s, pool=s.pool_timeout_s),
                limits=limits,
                follow_redirects=False,  # followed by hand so every hop is checked
                trust_env=s.trust_env,
                transport=transport,
                verify=_ssl_context(),
            )

        if self._transport is not None:
            self._client = self._local_client = client(self._transport)
        else:
            self._client = client(guarded_transport(limits, self._resolver, self._policy, _ssl_context()))
            self._local_client = client(None)
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        for c in {id(c): c for c in (self._client, self._local_client) if c is not None}.values():
            await c.aclose()
        self._client = self._local_client = None

    def _client_for(self, allow_private: bool) -> httpx.AsyncClient:
        chosen = self._local_client if allow_private else self._client
        assert chosen is not None, "Fetcher used outside `async with`"
        return chosen

    def robots_rules(self, url: str) -> RobotsRules | None:
        """The cached robots.txt rules of ``url``'s origin, if already read in this run."""
        return self._robots.cached(_origin(httpx.URL(url)))

    # -- public entry point ---------------------------------------------------------------------------

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
        if self._client is None:
            raise RuntimeError("use the Fetcher as `async with Fetcher(...) as fetcher:`")
        trace = _Trace()
        record = FetchRecord(at=_now_iso(), url=url, host="", status=None, bytes=0, elapsed_ms=0,
                             outcome="error", outlet_id=outlet_id)
        try:
            try:
                parsed = httpx.URL(url)
            except (httpx.InvalidURL, TypeError) as exc:
                raise FetchError(f"invalid URL: {exc}", url=url) from None
            record.host = parsed.host
            try:
                result = await self._fetch(parsed, url, etag, last_modified, allow_private, outlet_id, trace)
            except httpx.HTTPError as exc:  # a path we did not map: still never leak httpx
                raise FetchError(_describe(exc), url=url, status=trace.status) from None
            except (httpx.StreamError, httpx.InvalidURL) as exc:
                raise FetchError(f"{type(exc).__name__}: {exc}", url=url, status=trace.status) from None
        except FetchError as exc:
            record.status = exc.status if exc.status is not None else trace.status
            record.error = str(exc)
            skipped = trace.attempts == 0 and isinstance(exc, RobotsDisallowed | BlockedAddress)
            record.outcome = "skipped" if skipped else "error"
            logger.warning("fetch failed: %s", exc)
            self._emit(record, trace)
            raise
        result.elapsed_ms = round(trace.network_s * 1000)
        record.status = result.status
        record.final_url = result.final_url
        record.outcome = "not_modified" if result.not_modified else "ok"
        self._emit(record, trace)
        return result

    def _emit(self, record: FetchRecord, trace: _Trace) -> None:
        record.attempts = trace.attempts
        record.bytes = trace.nbytes
        record.elapsed_ms = round(trace.network_s * 1000)
        self.log.append(record)
        if self.on_request is not None:
            try:
                self.on_request(record)
            except Exception:  # a failing logger must not turn a good fetch into a failure
                logger.exception("on_request callback failed for %s", record.url)

    # -- redirects, checks, retries ---------------------------------------------------------------------

    async def _fetch(self, current: httpx.URL, url: str, etag: str | None, last_modified: str | None,
                     allow_private: bool, outlet_id: str | None, trace: _Trace) -> FetchResult:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        chain = [str(current)]
        for _hop in range(self.settings.max_redirects + 1):
            await self._check_allowed(current, allow_private, outlet_id)
            answer = await self._request_with_retries(current, headers, allow_private, trace)
            status = answer.status
            if status in (301, 302, 303, 307, 308):
                location = answer.headers.get("location")
                if not location:
                    raise FetchError(f"HTTP {status} redirect without a Location header", url=str(current),
                                     status=status)
                try:
                    target = current.join(location.strip())
                except (httpx.InvalidURL, ValueError) as exc:
                    raise FetchError(f"HTTP {status} redirect to an invalid URL {location!r}", url=url,
                                     status=status) from exc
                if target.scheme not in ("http", "https"):
                    raise FetchError(f"redirect to a non-HTTP URL {target}", url=url, status=status)
                if str(target) in chain:
                    loop = " -> ".join([*chain[chain.index(str(target)):], str(target)])
                    raise FetchError(f"redirect loop: {loop}", url=url, status=status)
                chain.append(str(target))
                current = target
                continue
            decoded = None
            if 200 <= status < 300:
                ctype = answer.headers.get("content-type")
                # Decoding a few MB of legacy text takes tenths of a second: keep the event loop free.
                decoded = (await asyncio.to_thread(decode_text, answer.content, ctype)
                           if len(answer.content) > 256 * 1024 else decode_text(answer.content, ctype))
            return self._result(url, chain, answer, etag, last_modified, decoded)
        raise FetchError(
            f"more than {self.settings.max_redirects} redirects: {' -> '.join(chain)}", url=url,
            status=trace.status,
        )

    def _result(self, url: str, chain: list[str], answer: _Answer, etag: str | None,
                last_modified: str | None, decoded: tuple[str, str] | None) -> FetchResult:
        status, headers = answer.status, answer.headers
        final_url = str(answer.url)
        if status == 304:
            return FetchResult(
                url=url, final_url=final_url, status=304, headers=_plain(headers), content=b"", text="",
                encoding=None, content_type=media_type(headers.get("content-type")),
                etag=headers.get("etag") or etag, last_modified=headers.get("last-modified") or last_modified,
                not_modified=True, elapsed_ms=0, redirects=chain[:-1],
            )
        if 200 <= status < 300 and decoded is not None:
            text, encoding = decoded
            return FetchResult(
                url=url, final_url=final_url, status=status, headers=_plain(headers), content=answer.content,
                text=text, encoding=encoding, content_type=media_type(headers.get("content-type")),
                etag=headers.get("etag"), last_modified=headers.get("last-modified"), not_modified=False,
                elapsed_ms=0, redirects=chain[:-1],
            )
        if status in (404, 410):
            raise FetchError(f"HTTP {status}: the page is gone", url=final_url, status=status)
        if 300 <= status < 400:
            raise FetchError(f"HTTP {status}: unexpected redirect status", url=final_url, status=status)
        reason = "server error" if status >= 500 else "request refused"
        raise FetchError(f"HTTP {status}: {reason}", url=final_url, status=status)

    async def _check_allowed(self, url: httpx.URL, allow_private: bool, outlet_id: str | None) -> None:
        if url.scheme not in ("http", "https"):
            raise FetchError(f"unsupported URL scheme {url.scheme!r} (only http and https)", url=str(url))
        if not url.host:
            raise FetchError("URL has no host", url=str(url))
        if not allow_private:
            await check_host(str(url), url.host, _port(url), self._resolver, self._policy)
        rules = await self._robots.get(
            _origin(url), lambda origin: self._load_robots(origin, allow_private, outlet_id))
        if rules.disallow_all:
            # Unreachable robots.txt: not a verdict on the URL, a transient state of the site. A plain
            # FetchError, so the caller retries the URL in a later run instead of marking it forbidden.
            raise FetchError(f"{rules.reason}; not requested, try again in a later run", url=str(url))
        if not rules.allowed(str(url), self.settings.robots_token):
            # No status: the URL itself was never requested.
            raise RobotsDisallowed(f"robots.txt of {rules.origin} disallows this URL", url=str(url))

    def _backoff(self, attempt: int) -> float:
        s = self.settings
        wait = min(s.backoff_max_s, s.backoff_base_s * 2 ** (attempt - 1))
        return wait + random.uniform(0, s.backoff_jitter * wait)

    async def _request_with_retries(self, url: httpx.URL, headers: dict[str, str], allow_private: bool,
                                    trace: _Trace) -> _Answer:
        s = self.settings
        host = _host_key(url)
        attempt = 0
        while True:
            attempt += 1
            if (away := self._stay_away.get(host)) is not None and (left := away[0] - time.monotonic()) > 0:
                raise FetchError(f"HTTP {away[1]} earlier: the server asked us to wait {left:.0f} s more before "
                                 "any new request; not requested", url=str(url), status=away[1])
            try:
                answer = await self._request(url, headers, allow_private, trace)
            except _Retryable as exc:
                if attempt > s.retries:
                    raise FetchError(f"{exc} (gave up after {attempt} attempts)", url=str(url)) from None
                wait = self._backoff(attempt)
                logger.info("retrying %s in %.1f s: %s", url, wait, exc)
                self.pacer.defer(host, wait)
                continue
            status = answer.status
            if status not in s.retry_statuses:
                return answer
            wait = self._backoff(attempt)
            asked = retry_after_seconds(answer.headers.get("retry-after")) if status in (429, 503) else None
            if asked is not None:
                if asked > s.retry_after_max_s:
                    # Honour it for the whole host for the rest of the run: no request goes there before.
                    self._stay_away[host] = (time.monotonic() + asked, status)
                    raise FetchError(
                        f"HTTP {status}: the server asks to retry after {asked:.0f} s, longer than "
                        f"retry_after_max_s={s.retry_after_max_s:g}; not retrying", url=str(url), status=status)
                wait = asked
            if attempt > s.retries:
                reason = "server error" if status >= 500 else "too many requests"
                raise FetchError(f"HTTP {status}: {reason} (gave up after {attempt} attempts)", url=str(url),
                                 status=status)
            logger.info("retrying %s in %.1f s after HTTP %d", url, wait, status)
            self.pacer.defer(host, wait)

    async def _request(self, url: httpx.URL, headers: dict[str, str], allow_private: bool,
                       trace: _Trace) -> _Answer:
        """One paced HTTP request under the total deadline; reads the body only for 2xx."""
        http = self._client_for(allow_private)
        s = self.settings
        async with self.pacer.slot(_host_key(url)):
            trace.attempts += 1
            began = time.monotonic()
            try:
                async with asyncio.timeout(s.total_timeout_s):
                    response = await http.send(http.build_request("GET", url, headers=headers), stream=True)
                    try:
                        trace.status = response.status_code
                        content = b""
                        if 200 <= response.status_code < 300:
                            content = await self._read_body(response, str(url), s.max_bytes, trace)
                    finally:
                        await response.aclose()
            except TimeoutError:
                # Not retried: a server this slow would only be hit again for as long.
                raise FetchError(
                    f"no complete answer within total_timeout_s={s.total_timeout_s:g} s (server too slow "
                    "or trickling bytes)", url=str(url), status=trace.status) from None
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                if _tls_failure(exc):  # a bad certificate or a non-TLS server will not improve on retry
                    raise FetchError(f"TLS handshake failed: {exc}", url=str(url)) from None
                raise _Retryable(_describe(exc)) from None
            except BlockedAtConnect as exc:
                raise BlockedAddress(f"{exc}; refused because the outlet is not marked local (allow_private)",
                                     url=str(url)) from None
            except httpx.HTTPError as exc:
                raise FetchError(_describe(exc), url=str(url), status=trace.status) from None
            finally:
                trace.network_s += time.monotonic() - began
        return _Answer(url, response.status_code, response.headers, content)

    async def _read_body(self, response: httpx.Response, url: str, max_bytes: int, trace: _Trace,
                         *, truncate: bool = False) -> bytes:
        """Stream and decompress the body, stopping at ``max_bytes`` of decompressed content.

        With ``truncate`` (robots.txt) the body is cut at the cap instead of refused.
        """
        status = response.status_code
        ctype = response.headers.get("content-type")
        mtype = media_type(ctype)
        if not truncate and not is_allowed_type(mtype, self.settings.allowed_content_types):
            raise FetchError(f"refused content type {mtype!r}: not a web page or feed", url=url, status=status)
        length = response.headers.get("content-length", "")
        if not truncate and length.isdigit() and int(length) > max_bytes:
            raise TooLarge(f"Content-Length {int(length):,} bytes is over max_bytes={max_bytes:,}; not read",
                           url=url, status=status)
        try:
            # A response built with httpx.Response(content=...) (e.g. in a MockTransport handler) arrives
            # already read and decoded by httpx; a real transport always gives us the raw stream.
            preread = response.is_stream_consumed and hasattr(response, "_content")
            inflater = Inflater(None if preread else response.headers.get("content-encoding"))
        except DecodeError as exc:
            raise FetchError(str(exc), url=url, status=status) from None
        body = bytearray()
        received = 0
        try:
            async for raw in (_once(response.content) if preread else response.aiter_raw()):
                received += len(raw)
                trace.nbytes = received
                for piece in inflater.feed(raw):
                    if len(body) + len(piece) > max_bytes:
                        if truncate:
                            body += piece[: max_bytes - len(body)]
                            return bytes(body)
                        raise TooLarge(
                            f"body passed max_bytes={max_bytes:,} bytes after decompression "
                            f"({received:,} bytes received); stopped reading", url=url, status=status)
                    body += piece
            tail = inflater.flush()
        except DecodeError as exc:
            raise FetchError(str(exc), url=url, status=status) from None
        if len(body) + len(tail) > max_bytes and not truncate:
            raise TooLarge(f"body passed max_bytes={max_bytes:,} bytes after decompression", url=url,
                           status=status)
        body += tail[: max(0, max_bytes - len(body))]
        if not truncate and looks_binary(bytes(body[:1024])):
            raise FetchError(f"refused binary content (NUL bytes) served as {mtype or 'no type'}", url=url,
                             status=status)
        return bytes(body)

    # -- robots.txt -------------------------------------------------------------------------------------

    async def _load_robots(self, origin: str, allow_private: bool, outlet_id: str | None) -> RobotsRules:
        s = self.settings
        url = httpx.URL(origin + "/robots.txt")
        trace = _Trace()
        record = FetchRecord(at=_now_iso(), url=str(url), host=url.host, status=None, bytes=0, elapsed_ms=0,
                             outcome="ok", outlet_id=outlet_id, kind="robots")
        try:
            rules = await self._robots_answer(origin, url, allow_private, trace)
        except TimeoutError:
            rules = unreachable(origin, trace.status, f"robots.txt timed out after {s.robots_timeout_s:g} s")
        except (BlockedAddress, BlockedAtConnect) as exc:
            rules = unreachable(origin, trace.status, f"robots.txt led to a blocked address ({exc})")
        except (FetchError, DecodeError) as exc:
            rules = unreachable(origin, trace.status, f"robots.txt could not be read ({exc})")
        except (httpx.HTTPError, httpx.StreamError, httpx.InvalidURL) as exc:
            reason = _describe(exc) if isinstance(exc, httpx.HTTPError) else str(exc)
            if _tls_failure(exc):
                reason = f"TLS handshake failed: {exc}"
            rules = unreachable(origin, trace.status, f"robots.txt could not be fetched ({reason})")
        delay = rules.delay(s.robots_token)
        if delay is not None and delay > self.pacer.delay(_host_key(url)):
            self.pacer.slow_down(_host_key(url), min(delay, s.max_crawl_delay_s))
        record.status = trace.status
        if rules.disallow_all:
            record.outcome, record.error = "error", rules.reason
            logger.warning("%s: %s", origin, rules.reason)
        self._emit(record, trace)
        return rules

    async def _robots_answer(self, origin: str, url: httpx.URL, allow_private: bool,
                             trace: _Trace) -> RobotsRules:
        """Read robots.txt, following redirects; ``robots_timeout_s`` bounds the time on the network."""
        http = self._client_for(allow_private)
        budget = self.settings.robots_timeout_s
        for hop in range(self.settings.max_redirects + 1):
            if hop and not allow_private:  # the first hop's host was checked with the page
                await check_host(str(url), url.host, _port(url), self._resolver, self._policy)
            async with self.pacer.slot(_host_key(url)):
                trace.attempts += 1
                began = time.monotonic()
                try:
                    async with asyncio.timeout(max(0.0, budget - trace.network_s)):
                        response = await http.send(http.build_request("GET", url), stream=True)
                        try:
                            trace.status = status = response.status_code
                            location = response.headers.get("location")
                            body = b""
                            if 200 <= status < 300:
                                body = await self._read_body(response, str(url), self.settings.robots_max_bytes,
                                                             trace, truncate=True)
                        finally:
                            await response.aclose()
                finally:
                    trace.network_s += time.monotonic() - began
            if 300 <= status < 400 and location:
                url = url.join(location.strip())
                if url.scheme not in ("http", "https"):
                    return rules_from_answer(origin, 404, "")  # nowhere to go: "unavailable"
                continue
            return rules_from_answer(origin, status, decode_text(body, response.headers.get("content-type"))[0])
        return rules_from_answer(origin, 310, "")  # too many redirects: "unavailable" per RFC 9309


async def _once(data: bytes) -> AsyncIterator[bytes]:
    yield data


def _plain(headers: httpx.Headers) -> dict[str, str]:
    return {name.lower(): value for name, value in headers.items()}


def fetch_sync(url: str, settings: FetchSettings | None = None, *,
               transport: httpx.AsyncBaseTransport | None = None, **kwargs: object) -> FetchResult:
    """Fetch one URL from synchronous code (scripts); same arguments as :meth:`Fetcher.fetch`.

    Not for use inside a running event loop (it calls ``asyncio.run``).
    """

    async def run() -> FetchResult:
        async with Fetcher(settings, transport=transport) as fetcher:
            return await fetcher.fetch(url, **kwargs)  # type: ignore[arg-type]

    return asyncio.run(run())
