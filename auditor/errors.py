"""Exceptions raised by auditor, catchable at any level.

    AuditorError
    ├── ConfigError          a YAML file (feeds, rules, quotas) is invalid: names file, item, field
    │   └── RuleError        a rule file of rules/indicators is invalid
    ├── InputError           text or a file that cannot be audited (empty, binary, undecodable)
    ├── FetchError           a request failed for good (after retries); carries the URL
    │   ├── RobotsDisallowed robots.txt forbids the URL
    │   ├── TooLarge         the body passed the size cap
    │   ├── BlockedAddress   the URL or a redirect points at a private/loopback address
    │   └── BadFeed          a feed that cannot be parsed
    ├── ExtractError         HTML from which no article could be extracted
    ├── ModelError           a model folder is missing, incomplete or incompatible
    └── IngestError          a document that cannot be ingested; carries the file name

Foreign exceptions (httpx, feedparser, yaml, transformers) are translated at the boundary of the
module that calls them, so callers only ever catch these.
"""

from __future__ import annotations


class AuditorError(Exception):
    """Base class of every error auditor raises on purpose."""


class ConfigError(AuditorError):
    def __init__(self, message: str, *, path: str | None = None, item: str | None = None,
                 field: str | None = None, line: int | None = None) -> None:
        self.path, self.item, self.field, self.line = path, item, field, line
        where = ":".join(str(p) for p in (path, line) if p is not None)
        parts = [p for p in (where, f"{item}" if item else None, f"field '{field}'" if field else None) if p]
        super().__init__(f"{', '.join(parts)}: {message}" if parts else message)


class RuleError(ConfigError):
    pass


class InputError(AuditorError):
    pass


class FetchError(AuditorError):
    def __init__(self, message: str, *, url: str | None = None, status: int | None = None) -> None:
        self.url, self.status = url, status
        super().__init__(f"{message} ({url})" if url else message)


class RobotsDisallowed(FetchError):
    pass


class TooLarge(FetchError):
    pass


class BlockedAddress(FetchError):
    pass


class BadFeed(FetchError):
    pass


class ExtractError(AuditorError):
    pass


class ModelError(AuditorError):
    pass


class IngestError(AuditorError):
    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)
