"""The extraction cascade: metadata, then a body from the first stage that delivers."""

from __future__ import annotations

import logging
import re
import unicodedata
import warnings
from collections import defaultdict
from collections.abc import Sequence

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning

from auditor.errors import ExtractError
from auditor.extract.blocks import JUNK_TAGS, Block, blocks_of, clean_text, remove_junk
from auditor.extract.body import (
    MIN_BODY_CHARS,
    baseline_body,
    cut_at_section_end,
    filter_blocks,
    site_body,
    text_length,
    trafilatura_body,
)
from auditor.extract.dates import parse_date
from auditor.extract.decode import decode_html, looks_binary
from auditor.extract.links import looks_like_article_url
from auditor.extract.metadata import PageMetadata, clean_byline, looks_like_person, read_metadata
from auditor.extract.types import Article

__all__ = ["extract_article", "STAGES"]

log = logging.getLogger(__name__)

STAGES = ("site", "trafilatura", "baseline")
_FEED_RE = re.compile(r"^\s*(?:<\?xml[^>]*\?>\s*)?(?:<!--.*?-->\s*)*<(?:rss|feed|rdf:RDF)\b", re.DOTALL | re.IGNORECASE)
MIN_ARTICLE_CHARS = 120        # below this, whatever was found is not an article
MAX_HTML_CHARS = 5_000_000     # news pages weigh 50-500 kB; beyond this is not an article page
_BYLINE_MAX_CHARS = 60
_START_CHARS = 12              # blocks are found by their first characters when realigning lines


_SOURCE_LINE_RE = re.compile(r"^(?:theo|nguồn)\s*:?\s+\S", re.IGNORECASE)
_PHOTO_CREDIT_RE = re.compile(r"^(?:ảnh|clip|video|đồ\s+họa)\s*:", re.IGNORECASE)
_CREDIT_PREFIX_RE = re.compile(r"^(?:(?:bài|tin|ảnh|clip|video)(?:\s*(?:và|,|/|&|-)\s*(?:bài|tin|ảnh|clip|video))*|"
                               r"tác\s+giả|người\s+viết|thực\s+hiện)\s*:", re.IGNORECASE)


def _trailing_byline(blocks: list[Block], site_name: str | None) -> tuple[list[Block], str | None]:
    """The author line under the body ("Lê Phương", "Tin, ảnh: Vũ Phương Thảo", "Theo Minh Nguyễn/Vcamp.vn").

    Among the last three blocks: short, not a sentence, a name. "Theo <outlet>" credits a source,
    not an author, unless it names a person with the source ("Theo X/Y", "Theo X (Y)").
    """
    candidates: list[tuple[int, int, str]] = []
    for index in range(len(blocks) - 1, max(-1, len(blocks) - 4), -1):
        block = blocks[index]
        text = block.text
        if len(text) > _BYLINE_MAX_CHARS or (text.endswith(("?", "!", ":")) or (
                text.endswith(".") and not re.search(r"(?:^|[\s.])[A-ZĐ]\.$", text))):
            continue
        if _PHOTO_CREDIT_RE.match(text):
            continue
        is_source = bool(_SOURCE_LINE_RE.match(text))
        if is_source and not re.search(r"/|\(", text):
            continue
        name = clean_byline(text, site_name)
        if not name or not looks_like_person(name, single_word=not is_source):
            continue
        rank = 0 if (_CREDIT_PREFIX_RE.match(text) or is_source) else 1 if len(name.split()) >= 2 else 2
        styled = block.all_bold or block.right_aligned or block.all_italic
        candidates.append((rank - (1 if styled else 0), index, name))
    if not candidates:
        return blocks, None
    _, index, name = min(candidates, key=lambda c: (c[0], -c[1]))
    return blocks[:index] + blocks[index + 1:], name


_DATE_LINE_RE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}")


def _is_date_line(text: str) -> bool:
    """A dateline block ("Thứ năm, 20/12/2012, 10:18 GMT+7") that some CMSs print inside the body."""
    return len(text) <= 60 and bool(_DATE_LINE_RE.search(text)) and parse_date(text) is not None and len(
        re.sub(r"[\d/:.,()+\-|]|GMT|thứ\s+\w+|chủ\s+nhật|cập\s+nhật|ngày|lúc", "", text, flags=re.I).split()) <= 2


class _PageIndex:
    """Where blocks sit in the page, to judge a stage's output: a body starts near the title."""

    NEAR_AFTER = 40    # blocks between title and body start: date, sapo, share bar, photo caption
    NEAR_BEFORE = 5

    def __init__(self, soup: BeautifulSoup, title: str | None) -> None:
        self.soup = soup
        self.anchors: list[str] | None = None
        self.starts: dict[str, list[int]] | None = None
        self.blocks = blocks_of(soup.body or soup)
        self.first_index: dict[str, int] = {}
        self.link_density: dict[str, float] = {}
        self.tag: dict[str, str] = {}
        self.exact_index: dict[str, int] = {}
        self.last_index: dict[str, int] = {}
        for index, block in enumerate(self.blocks):
            key = self._key(block.text)
            self.first_index.setdefault(key, index)
            self.exact_index.setdefault(block.text, index)
            self.last_index[block.text] = index
            self.tag.setdefault(key, block.tag)
            self.link_density[key] = max(self.link_density.get(key, 0.0), block.link_density)
        self.title_index = None
        if title:
            folded = title.strip().lower()
            self.title_index = next((i for i, b in enumerate(self.blocks) if b.text.strip().lower() == folded), None)

    @staticmethod
    def _key(text: str) -> str:
        return " ".join(text.lower().lstrip("-–•*>» ").split())[:60]

    def after(self, blocks: list[Block], count: int = 3) -> list[Block]:
        """The page blocks that follow the last of ``blocks`` (an author line a stage left out)."""
        if not blocks:
            return []
        index = self.first_index.get(self._key(blocks[-1].text))
        return [] if index is None else self.blocks[index + 1:index + 1 + count]

    def starts_near_title(self, blocks: list[Block]) -> bool:
        if self.title_index is None or not blocks:
            return True
        for block in blocks[:3]:
            index = self.first_index.get(self._key(block.text))
            if index is not None:
                return self.title_index - self.NEAR_BEFORE <= index <= self.title_index + self.NEAR_AFTER
        return True

    def drop_leading_before_title(self, blocks: list[Block]) -> list[Block]:
        """A body starts under its headline: up to three leading blocks found only above it are
        teasers ("Đọc nhiều" boxes repeating the first paragraph cut short)."""
        if self.title_index is None:
            return blocks
        start = 0
        while start < min(3, len(blocks) - 1) and (
                self.last_index.get(blocks[start].text, self.title_index + 1) < self.title_index):
            start += 1
        return blocks[start:]

    def drop_trailing_headings(self, blocks: list[Block]) -> list[Block]:
        """A body never ends on a heading: that is the title of the next box ("Tin liên quan")."""
        while blocks and (blocks[-1].tag if blocks[-1].tag != "p" else self.tag.get(self._key(blocks[-1].text), "p")
                          ) in ("h1", "h2", "h3", "h4", "h5", "h6"):
            blocks = blocks[:-1]
        return blocks

    def realign(self, lines: list[Block]) -> list[Block]:
        """trafilatura's lines, mapped back onto the page's own blocks.

        trafilatura picks *which* text; the page says how it is split and what is a link. A line
        that is one page block becomes that block (with its link density, bold, alignment); a line
        that joins consecutive blocks (a table row, a <br>-separated cell) becomes those blocks
        when they cover it. Link lists (related articles, a flattened menu) are then dropped.
        """
        aligned: list[Block] = []
        cursor = 0
        for line in lines:
            index = self.exact_index.get(line.text)
            if index is not None:
                aligned.append(self.blocks[index])
                cursor = index + 1
                continue
            parts = self._consecutive_blocks(line.text, cursor)
            if parts:
                aligned.extend(self.blocks[i] for i in parts)
                cursor = parts[-1] + 1
            elif self._anchor_cover(line.text) <= 0.5:
                aligned.append(line)
        return filter_blocks(aligned)

    def _consecutive_blocks(self, line: str, cursor: int) -> list[int]:
        """Indices of consecutive page blocks that make up ``line`` (80 % of it at least), or []."""
        if self.starts is None:
            self.starts = defaultdict(list)
            for index, block in enumerate(self.blocks):
                self.starts[block.text[:_START_CHARS]].append(index)
        candidates: list[int] = []
        for size in range(1, _START_CHARS + 1):
            candidates.extend(i for i in self.starts.get(line[:size], ()) if len(self.blocks[i].text) >= size)
        if not candidates:
            return []
        start = min(candidates, key=lambda i: (i < cursor, i if i >= cursor else -i))
        taken, rest, index = [], line, start
        while index < len(self.blocks):
            text = self.blocks[index].text
            stripped = rest.lstrip(" |")
            if not stripped.startswith(text):
                break
            taken.append(index)
            rest = stripped[len(text):]
            index += 1
        covered = sum(len(self.blocks[i].text) for i in taken)
        return taken if covered >= 0.8 * len(line) else []

    def _anchor_cover(self, text: str) -> float:
        if self.anchors is None:
            self.anchors = sorted({clean_text(a.get_text(" ", strip=True)) for a in self.soup.find_all("a")}
                                  - {""}, key=len, reverse=True)
        remaining, covered = text, 0
        for anchor in self.anchors:
            if len(anchor) >= 4 and anchor in remaining:
                covered += len(anchor) * remaining.count(anchor)
                remaining = remaining.replace(anchor, " ")
        return covered / max(1, len(text))


def _same_text(a: str, b: str) -> bool:
    a, b = a.strip().lower(), b.strip().lower()
    return a == b or (len(a) > 40 and (a.startswith(b) or b.startswith(a)))


def _parse(html: str | bytes) -> tuple[str, BeautifulSoup]:
    if len(html) > MAX_HTML_CHARS:
        raise ExtractError(f"trang quá lớn ({len(html):,} ký tự > {MAX_HTML_CHARS:,}) (page too large)")
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
    if _FEED_RE.match(text):
        raise ExtractError("đây là nguồn tin RSS/Atom, không phải trang bài viết (a feed, not an article page)")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
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
    try:
        return _extract(html, url, stages)
    except RecursionError as error:  # a library walking a pathologically nested page
        raise ExtractError(f"HTML lồng nhau quá sâu (HTML nested too deeply) ({url})") from error


def _extract(html: str | bytes, url: str, stages: Sequence[str]) -> Article:
    text, soup = _parse(html)
    metadata = read_metadata(soup, url)
    for tag in soup.find_all(JUNK_TAGS):
        tag.decompose()

    page = _PageIndex(soup, metadata.title)
    blocks: list[Block] = []
    winner = None
    fallback_near = False
    for stage in stages:
        if stage == "site":
            found, _selector = site_body(soup, metadata.lead_element)
        elif stage == "trafilatura":
            # trafilatura reads the page without its scripts and without the related-link, share,
            # comment and ad boxes recognised by class (it would keep a comment thread otherwise).
            remove_junk(soup.body or soup, keep=(metadata.title_element, metadata.lead_element))
            found = page.realign(trafilatura_body(str(soup), url))
        else:
            found = baseline_body(soup)
        found = cut_at_section_end(page.drop_leading_before_title(found))
        near = page.starts_near_title(found)
        if text_length(found) >= MIN_BODY_CHARS and near:
            blocks, winner = found, stage
            break
        # Under-delivered (too short, or starts far from the title: comments, a sidebar); kept as
        # a fallback, preferring text that starts near the title.
        if found and ((near, text_length(found)) > (fallback_near, text_length(blocks))):
            blocks, winner, fallback_near = found, stage, near

    lead = metadata.lead
    blocks = [b for i, b in enumerate(blocks) if not (i < 3 and (
        _is_date_line(b.text) or (lead and _same_text(b.text, lead))
        or (metadata.title and _same_text(b.text, metadata.title))))]
    if winner is None or text_length(blocks) + len(lead or "") < MIN_ARTICLE_CHARS or not blocks:
        raise ExtractError(f"không tìm thấy nội dung bài viết (no article text found) ({url})")

    blocks = page.drop_trailing_headings(blocks)
    blocks, trailing_name = _trailing_byline(blocks, metadata.site_name)
    if not trailing_name and not metadata.byline:
        _, trailing_name = _trailing_byline(page.after(blocks, 2), metadata.site_name)
    byline = metadata.byline
    if trailing_name and metadata.sources.get("byline") != "jsonld":
        byline = trailing_name
        metadata.sources["byline"] = "body"
    if _looks_like_listing(metadata, url, winner, blocks):
        raise ExtractError(f"trang danh sách, không phải bài viết (a listing page, not an article) ({url})")

    log.debug("%s: body from stage %s, %d paragraphs", url, winner, len(blocks))
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


def _looks_like_listing(metadata: PageMetadata, url: str, winner: str, blocks: list[Block]) -> bool:
    """A section front or home page rather than one article.

    Article pages say so (JSON-LD NewsArticle, og:type=article, article:published_time) or have an
    article URL (an id, a .html name, a date path, ?id=/?p=) or a headline with a sapo and a
    dateline. Without any, only a page whose known body container holds several real paragraphs
    under a dated title passes.
    """
    if metadata.is_article or looks_like_article_url(url):
        return False
    if metadata.title_element is not None and metadata.lead and metadata.published_at:
        return False  # a headline with a sapo and a dateline: an article whatever its URL
    long_paragraphs = sum(1 for b in blocks if len(b.text) >= 150)
    return not (winner == "site" and metadata.published_at and long_paragraphs >= 3)
