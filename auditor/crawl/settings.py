"""Fetch settings, declared once as data.

Every knob of the fetch layer is one field of :class:`FetchSettings` with its default and a help line in
the field metadata. ``docs/crawl-fetch.md`` renders the table from :func:`settings_table`, and a test
checks that each field is documented there, so settings and docs cannot drift.

Build settings from a mapping (a YAML/TOML section, CLI overrides) with :meth:`FetchSettings.from_mapping`:
unknown keys and values of the wrong type raise :class:`auditor.errors.ConfigError` naming the key.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from auditor import __version__
from auditor.errors import ConfigError

# The token that robots.txt groups are matched against ("User-agent: gender-media-auditor").
ROBOTS_TOKEN = "gender-media-auditor"


def _setting(default: Any, help: str, unit: str = "") -> Any:
    if isinstance(default, list | dict | set):
        raise TypeError("use tuples for sequence defaults so settings stay immutable")
    return field(default=default, metadata={"help": help, "unit": unit})


@dataclass(frozen=True)
class FetchSettings:
    """Politeness, limits and timeouts of the fetch layer (see ``docs/crawl-fetch.md``)."""

    user_agent: str = _setting(
        f"GenderMediaAuditor/{__version__} ({ROBOTS_TOKEN}; gender-equality audit of Vietnamese news)",
        "User-Agent header of every request; names the project. Deployments should add a contact URL.",
    )
    robots_token: str = _setting(ROBOTS_TOKEN, "Product token matched against robots.txt `User-agent` lines.")
    host_delay_s: float = _setting(
        1.0, "Minimum time between the starts of two requests to the same host (1 request/s).", "s"
    )
    per_host_concurrency: int = _setting(1, "Requests in flight at once to one host.")
    max_concurrency: int = _setting(16, "Requests in flight at once across all hosts.")
    max_crawl_delay_s: float = _setting(
        30.0, "Largest robots.txt `Crawl-delay` honoured; a longer one is clamped to this.", "s"
    )
    connect_timeout_s: float = _setting(5.0, "Time to open a TCP/TLS connection.", "s")
    read_timeout_s: float = _setting(10.0, "Longest silence while waiting for the next bytes.", "s")
    write_timeout_s: float = _setting(5.0, "Time to send the request.", "s")
    pool_timeout_s: float = _setting(5.0, "Time to wait for a free connection from the pool.", "s")
    total_timeout_s: float = _setting(
        30.0,
        "Wall-clock deadline of one HTTP request, connect to last byte (cuts off servers that trickle).",
        "s",
    )
    robots_timeout_s: float = _setting(10.0, "Wall-clock deadline for fetching one robots.txt.", "s")
    robots_max_bytes: int = _setting(512 * 1024, "robots.txt is read up to this size, the rest ignored.", "B")
    max_bytes: int = _setting(
        5 * 1024 * 1024, "Largest body accepted, counted after decompression while streaming.", "B"
    )
    max_redirects: int = _setting(5, "Redirects followed per fetch; each hop is checked.")
    retries: int = _setting(3, "Extra attempts after a retryable failure (so 1 + retries attempts).")
    retry_statuses: tuple[int, ...] = _setting(
        (429, 500, 502, 503, 504), "HTTP statuses that are retried with backoff."
    )
    backoff_base_s: float = _setting(1.0, "First backoff wait; doubles with each attempt.", "s")
    backoff_max_s: float = _setting(30.0, "Longest backoff wait.", "s")
    backoff_jitter: float = _setting(
        0.5, "Random extra wait, as a fraction of the backoff (0.5 = up to +50 %).", "ratio"
    )
    retry_after_max_s: float = _setting(
        120.0,
        "Longest `Retry-After` (429/503) we wait for; a server asking for more gets no retry.",
        "s",
    )
    allowed_content_types: tuple[str, ...] = _setting(
        (
            "text/html",
            "application/xhtml+xml",
            "text/xml",
            "application/xml",
            "application/rss+xml",
            "application/atom+xml",
            "application/rdf+xml",
            "application/json",
            "application/feed+json",
            "text/plain",
        ),
        "Media types accepted (plus any `+xml` / `+json`); anything else (images, zip, PDF) is refused.",
    )
    trust_env: bool = _setting(
        False, "Use proxy settings from the environment (HTTP_PROXY, ...); off so runs are reproducible."
    )

    def __post_init__(self) -> None:
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, int | float) and not isinstance(value, bool) and value < 0:
                raise ConfigError("must not be negative", item="fetch settings", field=f.name)
        for name in ("max_concurrency", "per_host_concurrency", "max_bytes", "robots_max_bytes"):
            if getattr(self, name) < 1:
                raise ConfigError("must be at least 1", item="fetch settings", field=name)
        for name in ("connect_timeout_s", "read_timeout_s", "write_timeout_s", "pool_timeout_s",
                     "total_timeout_s", "robots_timeout_s"):
            if getattr(self, name) <= 0:
                raise ConfigError("must be greater than 0", item="fetch settings", field=name)

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any] | None = None, **overrides: Any) -> FetchSettings:
        """Settings from a mapping (e.g. a config file section) plus keyword overrides, type-checked."""
        merged = {**(values or {}), **overrides}
        known = {f.name: f for f in dataclasses.fields(cls)}
        kwargs: dict[str, Any] = {}
        for key, value in merged.items():
            if key not in known:
                raise ConfigError(
                    f"unknown setting; known: {', '.join(sorted(known))}", item="fetch settings", field=key
                )
            kwargs[key] = _coerce(key, known[key].default, value)
        return cls(**kwargs)

    def replace(self, **changes: Any) -> FetchSettings:
        return FetchSettings.from_mapping(dataclasses.asdict(self), **changes)


def _coerce(key: str, default: Any, value: Any) -> Any:
    def bad(expected: str) -> ConfigError:
        return ConfigError(f"expected {expected}, got {value!r}", item="fetch settings", field=key)

    if isinstance(default, bool):
        if not isinstance(value, bool):
            raise bad("true or false")
        return value
    if isinstance(default, int):
        if isinstance(value, bool) or not isinstance(value, int):
            raise bad("an integer")
        return value
    if isinstance(default, float):
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise bad("a number")
        return float(value)
    if isinstance(default, str):
        if not isinstance(value, str):
            raise bad("a string")
        return value
    if isinstance(default, tuple):
        if isinstance(value, str) or not isinstance(value, list | tuple):
            raise bad("a list")
        item_type = type(default[0]) if default else str
        if not all(isinstance(v, item_type) and not isinstance(v, bool) for v in value):
            raise bad(f"a list of {item_type.__name__}")
        return tuple(value)
    raise AssertionError(f"no coercion for setting {key}")


def settings_table() -> str:
    """The settings as a Markdown table (name, default, unit, meaning), for the docs."""
    rows = ["| setting | default | unit | meaning |", "|---|---|---|---|"]
    for f in dataclasses.fields(FetchSettings):
        default = f.default
        shown = ", ".join(map(str, default)) if isinstance(default, tuple) else str(default)
        rows.append(f"| `{f.name}` | `{shown}` | {f.metadata['unit']} | {f.metadata['help']} |")
    return "\n".join(rows)
