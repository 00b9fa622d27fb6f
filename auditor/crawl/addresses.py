"""Refuse URLs whose host resolves to an address a public crawler has no business reaching.

A feed or a redirect pointing at ``127.0.0.1``, ``10.0.0.5``, ``169.254.169.254`` (cloud metadata) or
``[::1]`` is an attack on the machine running the crawl (SSRF), not a news page. Every hop is resolved with
getaddrinfo and every returned address must be publicly routable, unless the outlet is explicitly local
(``allow_private=True``, e.g. the demo network on 127.0.0.1).

Known limit: httpx resolves the name again when it connects, so a DNS server that answers differently
the second time (DNS rebinding) is not caught. Pinning the checked address would need a custom transport.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable

from auditor.errors import BlockedAddress, FetchError

# resolver(host, port) -> IP address strings. Tests inject one to make a loopback server look public.
Resolver = Callable[[str, int], Awaitable[list[str]]]

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


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


async def check_host(url: str, host: str, port: int, resolver: Resolver) -> list[str]:
    """Resolve ``host`` and raise BlockedAddress if any of its addresses is not public."""
    try:
        addresses = await resolver(host, port)
    except (OSError, UnicodeError) as exc:
        raise FetchError(f"cannot resolve host {host!r}: {exc}", url=url) from exc
    if not addresses:
        raise FetchError(f"host {host!r} resolves to no address", url=url)
    for address in addresses:
        try:
            reason = blocked_reason(address)
        except ValueError as exc:
            raise FetchError(f"host {host!r} resolved to an invalid address {address!r}", url=url) from exc
        if reason:
            raise BlockedAddress(
                f"host {host!r} resolves to {address}, a {reason} address; refused because the outlet "
                "is not marked local (allow_private)",
                url=url,
            )
    return addresses
