"""The :class:`Article` an extraction returns."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["Article"]


@dataclass
class Article:
    """One news article extracted from an HTML page.

    ``text`` is the body (``paragraphs`` joined by blank lines), without the lead; ``full_text`` is
    the lead followed by the body, the text to audit. ``published_at`` is ISO 8601 with a time zone
    offset (naive times on Vietnamese pages are read as Asia/Ho_Chi_Minh, +07:00) or None.
    ``extractor`` names the cascade stage that produced the body: ``site`` (structured metadata and
    known CMS containers), ``trafilatura`` or ``baseline``.
    """

    url: str
    canonical_url: str
    title: str
    paragraphs: list[str]
    extractor: str
    published_at: str | None = None
    byline: str | None = None
    lead: str | None = None
    # Stage that supplied each metadata field ("jsonld", "meta", "page", ...): for the bench and logs.
    sources: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)

    @property
    def full_text(self) -> str:
        return "\n\n".join(p for p in [self.lead or "", *self.paragraphs] if p)

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["text"] = self.text
        return data
