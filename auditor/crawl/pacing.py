"""Per-host pacing and a global concurrency limit.

Each host (``host:port``, so that test servers on one loopback address count as different hosts, as
real sites on different names do) has a minimum delay between the *starts* of two requests and a cap on
requests in flight; all hosts together share a cap on requests in flight. A task waiting for its host's
turn does not hold a global slot, so one slow host never starves the others.

``defer(host, seconds)`` pushes a host's next start back (Retry-After, backoff after 5xx) for every task
waiting on that host, not only the one that got the answer.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field


@dataclass
class _Host:
    delay: float
    slots: asyncio.Semaphore
    turn: asyncio.Lock = field(default_factory=asyncio.Lock)
    next_start: float = 0.0
    starts: list[float] = field(default_factory=list)


class Pacer:
    def __init__(self, delay_s: float, per_host_concurrency: int, max_concurrency: int,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.default_delay = delay_s
        self._per_host = per_host_concurrency
        self._global = asyncio.Semaphore(max_concurrency)
        self._hosts: dict[str, _Host] = {}
        self._clock = clock

    def _host(self, host: str) -> _Host:
        state = self._hosts.get(host)
        if state is None:
            state = self._hosts[host] = _Host(self.default_delay, asyncio.Semaphore(self._per_host))
        return state

    def delay(self, host: str) -> float:
        return self._host(host).delay

    def slow_down(self, host: str, delay_s: float) -> None:
        """Use ``delay_s`` between requests to ``host`` if it is longer than the current delay."""
        state = self._host(host)
        state.delay = max(state.delay, delay_s)

    def defer(self, host: str, seconds: float) -> None:
        """No new request to ``host`` starts before ``seconds`` from now."""
        state = self._host(host)
        state.next_start = max(state.next_start, self._clock() + seconds)

    def starts(self, host: str) -> list[float]:
        """Monotonic start times of the requests made to ``host`` (for tests and benchmarks)."""
        return list(self._host(host).starts)

    @asynccontextmanager
    async def slot(self, host: str) -> AsyncIterator[float]:
        """Wait for the host's turn and a global slot; yields the seconds spent waiting."""
        state = self._host(host)
        began = self._clock()
        async with state.slots:
            async with state.turn:
                # Loop: defer() may push next_start back while we sleep.
                while (wait := state.next_start - self._clock()) > 0:
                    await asyncio.sleep(wait)
                await self._global.acquire()
                now = self._clock()
                state.next_start = now + state.delay
                state.starts.append(now)
            try:
                yield now - began
            finally:
                self._global.release()
