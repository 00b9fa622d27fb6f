"""robots.txt rules per origin, read once per run (RFC 9309, parsed with protego).

How a robots.txt answer is read (the fetching itself is done by :class:`auditor.crawl.fetch.Fetcher`):

- 2xx: parsed; the group matching our product token (or ``*``) applies. ``Crawl-delay`` and
  ``Request-rate`` slow the host down when they ask for more than our own per-host delay.
- 4xx (404, 410, even 401/403) or too many redirects: "unavailable", everything is allowed (RFC 9309 §2.3.1.3).
- 5xx, timeout, connection error, corrupt body: "unreachable". We are conservative and treat the whole
  site as disallowed for the rest of the run (RFC 9309 §2.3.1.4): a struggling small government server
  is exactly the one we must not hammer. Its pages fail with a plain ``FetchError`` naming the reason
  (not ``RobotsDisallowed``, which is a lasting verdict on a URL), so the next run tries them again.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from protego import Protego


@dataclass(frozen=True)
class RobotsRules:
    """What one origin's robots.txt allows us."""

    origin: str  # scheme://host:port
    status: int | None  # HTTP status of robots.txt, None when no answer came
    parser: Protego | None = None
    disallow_all: bool = False
    reason: str = ""  # why everything is allowed or disallowed, for logs and errors

    def allowed(self, url: str, token: str) -> bool:
        if self.disallow_all:
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, token))

    def delay(self, token: str) -> float | None:
        """Seconds between requests the site asks for (Crawl-delay or Request-rate), if any."""
        if self.parser is None:
            return None
        delays = []
        crawl_delay = self.parser.crawl_delay(token)
        if crawl_delay is not None:
            delays.append(float(crawl_delay))
        rate = self.parser.request_rate(token)
        if rate is not None and rate.requests:
            delays.append(rate.seconds / rate.requests)
        return max(delays) if delays else None


def rules_from_answer(origin: str, status: int, body: str) -> RobotsRules:
    """Rules from an HTTP answer to ``/robots.txt``."""
    if 200 <= status < 300:
        try:
            return RobotsRules(origin, status, parser=Protego.parse(body))
        except Exception as exc:  # protego is lenient; a crash on garbage must not allow everything
            return unreachable(origin, status, f"robots.txt could not be parsed ({exc})")
    if 400 <= status < 500:
        return RobotsRules(origin, status, reason=f"robots.txt answered {status}: everything allowed")
    if 300 <= status < 400:
        return RobotsRules(origin, status, reason="robots.txt redirected too often: everything allowed")
    return unreachable(origin, status, f"robots.txt answered {status}")


def unreachable(origin: str, status: int | None, reason: str) -> RobotsRules:
    return RobotsRules(
        origin, status, disallow_all=True,
        reason=f"{reason}; the site is treated as disallowed for this run (RFC 9309 §2.3.1.4)",
    )


class RobotsCache:
    """One :class:`RobotsRules` per origin, loaded once even when many tasks ask at the same time."""

    def __init__(self) -> None:
        self._rules: dict[str, RobotsRules] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    def cached(self, origin: str) -> RobotsRules | None:
        return self._rules.get(origin)

    async def get(self, origin: str, load: Callable[[str], Awaitable[RobotsRules]]) -> RobotsRules:
        if (rules := self._rules.get(origin)) is not None:
            return rules
        lock = self._locks.setdefault(origin, asyncio.Lock())
        async with lock:
            if (rules := self._rules.get(origin)) is None:
                rules = self._rules[origin] = await load(origin)
            return rules
