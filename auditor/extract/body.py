"""The three body stages of the cascade: ``site``, ``trafilatura``, ``baseline``.

Each returns a list of :class:`~auditor.extract.blocks.Block` (possibly empty) and never raises:
a stage that fails is a stage that under-delivered.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict

from bs4 import BeautifulSoup, Tag

from auditor.extract.blocks import Block, blocks_of, clean_text, is_decomposed, remove_junk
from auditor.extract.select import select_in_order

__all__ = ["SITE_CONTAINERS", "site_body", "trafilatura_body", "baseline_body", "filter_blocks", "text_length",
           "cut_at_section_end"]

log = logging.getLogger(__name__)

# Body containers of Vietnamese CMSs (VnExpress, Tuổi Trẻ, Thanh Niên, Dân trí, VietnamNet, NLĐ,
# Zing/Znews, 24h, Soha/GenK/Kenh14 (VCCorp), provincial portals on Liferay, SharePoint, Joomla and
# home-made CMSs ("noidung"), WordPress), then generic schema.org and HTML5 markers. Specific first.
SITE_CONTAINERS = (
    "article.fck_detail", "div.fck_detail", "div#main-detail", "div.detail-content", "div.detail__content",
    "div.detail-cmain", ".content-detail", ".detail-content-body", "div.singular-content",
    ".dt-news__content", "div#divNewsContent", "div#ctl00_IDContent_ctl00_divContent", ".knc-content",
    "div.the-article-body", "div.article-body", "div.article__body", "div.article-content",
    "div.article__content", "div.maincontent", "div.main-content-body", "div.news-content",
    "div.content-news", "div.news_content", "div.NewsContent", "div#content_detail", "div.contentDetail",
    "div.text-conent", "div.cms-body", "div.journal-content-article", "div.post-content",
    "div.entry-content", "div.td-post-content", "div.ArticleContent", "div#ArticleContent",
    "div.box-content-detail", "div.txt-detail", "div.detail_content", "div.contentdetail",
    "div.ms-rtestate-field", "div.item-page", "div.article-detail", "div.news-detail-content",
    "div.detail-body", "div.noidung", "div.noi-dung", "div#noidung",
    "div[itemprop=articleBody]", "[itemprop=articleBody]", "div#abody", "div.fon34", "article",
)
# Generic markers that listing pages repeat for every teaser: trusted only when the page has one.
_SINGLE_USE = frozenset({"article", "[itemprop=articleBody]", "div[itemprop=articleBody]"})
MIN_BODY_CHARS = 250          # a stage that yields less text under-delivers (trafilatura uses 250)
_MAX_LINK_DENSITY = 0.5
_JUNK_LINE_RE = re.compile(
    r"^(?:tin\s+liên\s+quan|bài\s+liên\s+quan|tin\s+cùng\s+chuyên\s+mục|xem\s+thêm|đọc\s+thêm|"
    r"tin\s+mới\s+nhất|tin\s+đọc\s+nhiều|có\s+thể\s+bạn\s+quan\s+tâm|bạn\s+đọc\s+quan\s+tâm|"
    r"chia\s+sẻ|bình\s+luận|gửi\s+bình\s+luận|in\s+bài\s+viết|quảng\s+cáo|từ\s+khóa|tags?|"
    r"chủ\s+đề|video\s+đang\s+được\s+xem\s+nhiều|lưu\s+bài\s+viết|trở\s+lại\s+\S.*|facebook|"
    r"twitter|zalo|email|copy\s+link|theo\s+dõi\s+.*trên\s+google\s+news)\s*[:.]?$",
    re.IGNORECASE,
)


# A line that is only a photo or video credit ("Ảnh: Minh Anh", "(Ảnh minh họa)"): a caption with
# words of its own ("Các đại biểu dự hội nghị. Ảnh: Minh Anh") is content and stays.
_CREDIT_ONLY_RE = re.compile(
    r"^\(?\s*(?:ảnh|nguồn\s+ảnh|ảnh\s+minh\s+h[oọ][aạ]|video|clip|đồ\s+h[oọ][aạ]|infographic|photo)"
    r"(?:\s*(?:minh\s+h[oọ][aạ]))?\s*(?:[:\-–]\s*[^.!?]{0,60})?\)?\.?$",
    re.IGNORECASE,
)


def filter_blocks(blocks: list[Block]) -> list[Block]:
    """Drop related-link lines, share/comment labels, credit-only lines and empty decoration."""
    kept: list[Block] = []
    for block in blocks:
        text = block.text
        if len(text) < 2 or not any(ch.isalnum() for ch in text):
            continue
        if block.link_density > _MAX_LINK_DENSITY and len(text) < 400:
            continue
        if _JUNK_LINE_RE.match(text) or (len(text) <= 80 and _CREDIT_ONLY_RE.match(text)):
            continue
        kept.append(block)
    return kept


# Headings that open the boxes under an article: the body ends where one of them starts.
_SECTION_END_RE = re.compile(
    r"^(?:ý\s+kiến(?:\s+bạn\s+đọc)?|bình\s+luận|ý\s+kiến\s+của\s+bạn|gửi\s+ý\s+kiến|tin\s+liên\s+quan|"
    r"bài\s+liên\s+quan|tin\s+cùng\s+(?:chuyên\s+mục|mục|chủ\s+đề)|các\s+tin\s+(?:khác|đã\s+đưa)|tin\s+khác|"
    r"tin\s+mới(?:\s+nhất|\s+cập\s+nhật)?|đọc\s+nhiều(?:\s+nhất)?|xem\s+nhiều(?:\s+nhất)?|đọc\s+thêm|xem\s+thêm|"
    r"có\s+thể\s+bạn\s+quan\s+tâm|bạn\s+có\s+thể\s+quan\s+tâm|tin\s+bài\s+khác|bài\s+viết\s+khác)"
    r"\s*(?:\(\d+\))?\s*[:.]?$",
    re.IGNORECASE,
)
# Site footer lines (licence, copyright, newsroom address) that generic extractors let through.
_FOOTER_LINE_RE = re.compile(
    r"giấy\s+phép|bản\s+quyền|copyright|©|tòa\s+soạn\s*:|toà\s+soạn\s*:|ghi\s+rõ\s+nguồn|"
    r"chịu\s+trách\s+nhiệm\s+(?:nội\s+dung|xuất\s+bản)|tổng\s+biên\s+tập\s*:|cơ\s+quan\s+chủ\s+quản|"
    r"điện\s+thoại\s*:|email\s*:|fax\s*:|hotline\s*:",
    re.IGNORECASE,
)


def cut_at_section_end(blocks: list[Block]) -> list[Block]:
    """Stop at the first heading of a comments/related box; drop trailing footer lines."""
    for index, block in enumerate(blocks[1:], start=1):
        if len(block.text) <= 60 and _SECTION_END_RE.match(block.text):
            blocks = blocks[:index]
            break
    while len(blocks) > 1 and len(blocks[-1].text) <= 300 and _FOOTER_LINE_RE.search(blocks[-1].text):
        blocks = blocks[:-1]
    return blocks


def text_length(blocks: list[Block]) -> int:
    return sum(len(b.text) for b in blocks)


def site_body(soup: BeautifulSoup, lead_element: Tag | None = None) -> tuple[list[Block], str | None]:
    """Stage 1: the first known CMS container that holds enough text. Returns (blocks, selector)."""
    best: tuple[list[Block], str | None] = ([], None)
    for selector, containers in select_in_order(soup, SITE_CONTAINERS):
        if selector in _SINGLE_USE and len(containers) != 1:
            continue
        for container in containers:
            if is_decomposed(container):
                continue
            if lead_element is not None and lead_element in container.descendants:
                lead_element.decompose()
                lead_element = None
            remove_junk(container)
            blocks = filter_blocks(blocks_of(container))
            if text_length(blocks) >= MIN_BODY_CHARS:
                return blocks, selector
            if text_length(blocks) > text_length(best[0]):
                best = (blocks, selector)
    return best


def _trafilatura_text(html: str, url: str, *, favor_precision: bool) -> str:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, include_images=False,
        include_links=False, favor_precision=favor_precision, favor_recall=not favor_precision,
        deduplicate=False, with_metadata=False,
    )
    if document is None:
        return ""
    if isinstance(document, dict):
        return document.get("text") or ""
    return getattr(document, "text", None) or ""


def trafilatura_body(html: str, url: str) -> list[Block]:
    """Stage 2: trafilatura, precision first, then a recall run if that under-delivers.

    Any failure inside trafilatura is logged and means an empty result, never a crash.
    """
    blocks: list[Block] = []
    for favor_precision in (True, False):
        try:
            text = _trafilatura_text(html, url, favor_precision=favor_precision)
        except Exception as error:  # noqa: BLE001 — an outside algorithm must not sink the run
            log.warning("trafilatura failed on %s: %s: %s", url, type(error).__name__, error)
            return blocks
        # Table cells come back as "| a | b |" rows.
        lines = (clean_text(line.strip().strip("|").replace(" | ", " ")) for line in text.split("\n"))
        found = filter_blocks([Block(line) for line in lines if line])
        if text_length(found) > text_length(blocks):
            blocks = found
        if text_length(blocks) >= MIN_BODY_CHARS:
            break
    return blocks


_TEXT_BLOCK_TAGS = frozenset({"p", "div", "td", "blockquote", "pre", "li", "dd", "section", "article", "span"})


def baseline_body(soup: BeautifulSoup) -> list[Block]:
    """Stage 3: the element holding the most paragraph text (readability's scoring, simplified).

    Every text block of 25+ characters with few links scores its length for its parent and half
    of it for the grandparent; link text counts against. The best-scoring element's blocks win.
    """
    scores: dict[int, float] = defaultdict(float)
    elements: dict[int, Tag] = {}
    for element in soup.find_all(["p", "td", "pre", "blockquote", "div", "dd", "li"]):
        own = "".join(str(s) for s in element.find_all(string=True, recursive=False))
        if element.name not in ("p", "pre", "blockquote") and len(own.strip()) < 25:
            continue
        text = clean_text(element.get_text(" ", strip=True) if element.name in ("p", "pre", "blockquote") else own)
        if len(text) < 25:
            continue
        links = sum(len(a.get_text(strip=True)) for a in element.find_all("a"))
        value = len(text) - 2 * links
        if value <= 0:
            continue
        parent = element.parent if element.name in ("p", "pre", "blockquote") else element
        for weight, node in ((1.0, parent), (0.5, parent.parent if parent is not None else None)):
            if node is not None and node.name not in ("body", "html", "[document]"):
                scores[id(node)] += weight * value
                elements[id(node)] = node
    best: list[Block] = []
    for key in sorted(scores, key=scores.get, reverse=True)[:3]:
        remove_junk(elements[key])
        blocks = filter_blocks(blocks_of(elements[key]))
        if text_length(blocks) > text_length(best) * 1.2:
            best = blocks
    return best
