"""Refuse URLs whose host resolves to an address a public crawler has no business reaching.

A feed or a redirect pointing at ``127.0.0.1``, ``10.0.0.5``, ``169.254.169.254`` (cloud metadata) or
``[::1]`` is an attack on the machine running the crawl (SSRF), not a news page. Every hop is resolved with
getaddrinfo and every returned address must be publicly routable, unless the outlet is explicitly local
(``allow_private=True``, e.g. the demo network on 127.0.0.1).

Two layers: :func:`check_host` runs before each request and gives a clear error naming the host and
address; :class:`GuardedBackend` runs again inside the connection pool at connect time and connects to the
very address it checked, so a DNS server that answers "public" to the first lookup and "127.0.0.1" to the
second (DNS rebinding) is caught too. TLS still verifies the certificate against the URL's host name.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
import typing
from collections.abc import Awaitable, Callable

import httpcore
import httpx

from auditor.errors import BlockedAddress, FetchError

# resolver(host, port) -> IP address strings. Tests inject one to make a loopback server look public.
Resolver = Callable[[str, int], Awaitable[list[str]]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address

# policy(address) -> why it is refused, or None. The default is blocked_reason; tests swap it to let a
# second loopback address (127.0.0.2) play a public site.
AddressPolicy = Callable[[str], str | None]


def blocked_reason(address: str | IPAddress) -> str | None:
    """Why ``address`` must not be fetched from ("loopback", "private", ...), or None if it is public."""
    ip = ipaddress.ip_address(address) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or (ip.sixtofour if ip.sixtofour else None)
        if embedded is not None:
            return blocked_reason(embedded)
    checks = (
        ("loopback", ip.is_loopback),
        ("link-local", ip.is_link_local),
        ("multicast", ip.is_multicast),
        ("unspecified", ip.is_unspecified),
        ("reserved", ip.is_reserved),
        ("private", ip.is_private),
        ("non-public", not ip.is_global),  # e.g. 100.64.0.0/10 carrier-grade NAT
    )
    return next((name for name, hit in checks if hit), None)


async def default_resolver(host: str, port: int) -> list[str]:
    """All addresses ``host`` resolves to (an IP literal resolves to itself)."""
    loop = asyncio.get_running_loop()
    infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    # IPv6 link-local answers carry a zone ("fe80::1%eth0"); ipaddress wants it without.
    return sorted({str(info[4][0]).split("%", 1)[0] for info in infos})


async def check_host(url: str, host: str, port: int, resolver: Resolver,
                     policy: AddressPolicy | None = None) -> list[str]:
    """Resolve ``host`` and raise BlockedAddress if any of its addresses is not public."""
    policy = policy or blocked_reason
    try:
        addresses = await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}", url=url) from exc
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address", url=url)
    for address in addresses:
        try:
            reason = policy(address)
        except ValueError as exc:
            raise FetchError(f"host {host!r} resolved to an invalid address {address!r}", url=url) from exc
        if reason:
            raise BlockedAddress(
                f"host {host!r} resolves to {address}, a {reason} address; refused because the outlet "
                "is not marked local (allow_private)",
                url=url,
            )
    return addresses


class BlockedAtConnect(Exception):
    """Raised inside the connection pool; httpx passes foreign exceptions through unchanged."""

    def __init__(self, host: str, address: str, reason: str) -> None:
        self.host, self.address, self.reason = host, address, reason
        super().__init__(f"host {host!r} resolved to {address}, a {reason} address, when connecting")


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """A network backend that resolves, checks every address, and connects to a checked one."""

    def __init__(self, resolver: Resolver, policy: AddressPolicy | None = None,
                 inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._resolver = resolver
        self._policy = policy or blocked_reason
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: typing.Iterable[typing.Any] | None = None) -> httpcore.AsyncNetworkStream:
        try:
            addresses = await self._resolver(host, port)
        except (OSError, UnicodeError) as exc:
            raise httpcore.ConnectError(f"cannot resolve host {host!r}: {exc}") from exc
        for address in addresses:
            reason = self._policy(address)
            if reason:
                raise BlockedAtConnect(host, address, reason)
        last: Exception = httpcore.ConnectError(f"host {host!r} resolves to no address")
        for address in addresses:
            try:
                return await self._inner.connect_tcp(address, port, timeout=timeout, local_address=local_address,
                                                     socket_options=socket_options)
            except httpcore.ConnectError as exc:  # try the next address, as getaddrinfo users do
                last = exc
        raise last

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: typing.Iterable[typing.Any] | None = None
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used by the crawler")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


def guarded_transport(limits: httpx.Limits, resolver: Resolver, policy: AddressPolicy | None = None,
                      verify: ssl.SSLContext | bool = True) -> httpx.AsyncHTTPTransport:
    """An httpx transport whose connections only go to addresses the policy accepts."""
    transport = httpx.AsyncHTTPTransport(limits=limits, verify=verify)
    pool = getattr(transport, "_pool", None)
    if not isinstance(pool, httpcore.AsyncConnectionPool):  # httpx changed its internals: fail loudly
        raise RuntimeError("httpx.AsyncHTTPTransport has no httpcore pool to guard; check the httpx version")
    transport._pool = httpcore.AsyncConnectionPool(
        ssl_context=pool._ssl_context,
        max_connections=limits.max_connections,
        max_keepalive_connections=limits.max_keepalive_connections,
        keepalive_expiry=limits.keepalive_expiry,
        network_backend=GuardedBackend(resolver, policy),
    )
    return transport
