"""The extraction cascade: metadata, then a body from the first stage that delivers."""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence

from bs4 import BeautifulSoup

from auditor.errors import ExtractError
from auditor.extract.blocks import JUNK_TAGS, Block
from auditor.extract.body import MIN_BODY_CHARS, baseline_body, site_body, trafilatura_body
from auditor.extract.decode import decode_html, looks_binary
from auditor.extract.links import extract_links
from auditor.extract.metadata import clean_byline, read_metadata
from auditor.extract.types import Article

__all__ = ["extract_article", "STAGES"]

log = logging.getLogger(__name__)

STAGES = ("site", "trafilatura", "baseline")
MIN_ARTICLE_CHARS = 120        # below this, whatever was found is not an article
_BYLINE_MAX_CHARS = 60
_NAME_RE = re.compile(r"^[\w.\-–,&/() ]+$")


def _chars(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def _trailing_byline(blocks: list[Block], site_name: str | None) -> tuple[list[Block], str | None]:
    """The author line under the body: short, bold or right-aligned, a name (not a sentence)."""
    for index in range(len(blocks) - 1, max(-1, len(blocks) - 3), -1):
        block = blocks[index]
        text = block.text
        if len(text) > _BYLINE_MAX_CHARS or not (block.all_bold or block.right_aligned):
            continue
        if text.endswith((".", "?", "!")) and not re.search(r"\b[A-ZĐ]\.$", text) or not _NAME_RE.match(text):
            continue
        name = clean_byline(text, site_name)
        if name and len(name.split()) <= 8:
            return blocks[:index] + blocks[index + 1:], name
    return blocks, None


def _same_text(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return a == b or (len(a) > 40 and (a.startswith(b) or b.startswith(a)))


def _parse(html: str | bytes) -> tuple[str, BeautifulSoup]:
    if isinstance(html, (bytes, bytearray)):
        if not bytes(html).strip():
            raise ExtractError("trang rỗng (empty page)")
        text, _ = decode_html(bytes(html))
    elif isinstance(html, str):
        text = html
        if looks_binary(text):
            raise ExtractError("dữ liệu nhị phân, không phải trang HTML (binary data, not an HTML page)")
    else:
        raise TypeError(f"html must be str or bytes, not {type(html).__name__}")
    text = unicodedata.normalize("NFC", text.lstrip("\ufeff"))
    if not text.strip():
        raise ExtractError("trang rỗng (empty page)")
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception as error:  # noqa: BLE001 — lxml/bs4 internals; the page is beyond repair
        raise ExtractError(f"không phân tích được HTML (unparseable HTML): {error}") from error
    if soup.find(True) is None:
        raise ExtractError("không có thẻ HTML nào (no HTML elements)")
    return text, soup


def extract_article(html: str | bytes, url: str, *, stages: Sequence[str] = STAGES) -> Article:
    """Extract the article of one page. Raises ExtractError when there is none.

    ``stages`` restricts the cascade (the bench runs each stage alone to compare them).
    """
    unknown = set(stages) - set(STAGES)
    if unknown:
        raise ValueError(f"unknown extraction stages: {sorted(unknown)}")
    text, soup = _parse(html)
    metadata = read_metadata(soup, url)
    for tag in soup.find_all(JUNK_TAGS):
        tag.decompose()

    blocks: list[Block] = []
    winner = None
    for stage in stages:
        if stage == "site":
            found, _selector = site_body(soup, metadata.lead_element)
        elif stage == "trafilatura":
            found = trafilatura_body(text, url)
        else:
            found = baseline_body(soup)
        if _chars(found) > _chars(blocks):
            blocks, winner = found, stage
        if _chars(found) >= MIN_BODY_CHARS:
            break

    if winner is None or _chars(blocks) < MIN_ARTICLE_CHARS:
        raise ExtractError(f"không tìm thấy nội dung bài viết (no article text found) ({url})")

    blocks, trailing_name = _trailing_byline(blocks, metadata.site_name)
    byline = metadata.byline
    if trailing_name and metadata.sources.get("byline") != "jsonld":
        byline = trailing_name
        metadata.sources["byline"] = "body"
    lead = metadata.lead
    if lead and blocks and _same_text(blocks[0].text, lead):
        blocks = blocks[1:]
    if metadata.title:
        blocks = [b for i, b in enumerate(blocks) if not (i < 2 and _same_text(b.text, metadata.title))]

    if not metadata.is_article and winner != "site" and _looks_like_listing(soup, text, url, blocks):
        raise ExtractError(f"trang danh sách, không phải bài viết (a listing page, not an article) ({url})")

    return Article(
        url=url,
        canonical_url=metadata.canonical_url or url,
        title=metadata.title or "",
        paragraphs=[b.text for b in blocks],
        extractor=winner,
        published_at=metadata.published_at,
        byline=byline,
        lead=lead,
        sources=metadata.sources,
    )


def _looks_like_listing(soup: BeautifulSoup, text: str, url: str, blocks: list[Block]) -> bool:
    """Many headline links and a 'body' that is mostly their anchor texts or short teasers."""
    links = extract_links(text, url)
    if len(links) < 15:
        return False
    long_paragraphs = [b for b in blocks if len(b.text) >= 200]
    return len(long_paragraphs) < 3
