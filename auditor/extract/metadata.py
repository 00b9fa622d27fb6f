"""Stage 1 metadata: JSON-LD, og:/article: meta tags and the page elements Vietnamese CMSs use.

Each field is taken from the most reliable source present: JSON-LD NewsArticle, then meta tags,
then the visible page (``h1``, a date line, an author element). ``sources`` records which.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, Tag

from auditor.extract.blocks import blocks_of, clean_text
from auditor.extract.dates import has_time, month_first_page, parse_date
from auditor.extract.select import select_in_order

__all__ = ["PageMetadata", "read_metadata", "ARTICLE_TYPES"]

ARTICLE_TYPES = frozenset({"newsarticle", "article", "reportagenewsarticle", "blogposting",
                           "analysisnewsarticle", "opinionnewsarticle", "backgroundnewsarticle",
                           "reviewnewsarticle", "liveblogposting", "socialmediaposting", "report"})

_TITLE_SELECTORS = ("h1.title-detail", "h1.detail-title", "h1.detail__title", "h1.article-title",
                    "h1.article__title", "h1.title-page", "h1.singular-title", "h1.post-title",
                    "h1.entry-title", "h1.title_news_detail", "h1.content-title", "h1.cms-title",
                    "h1[itemprop=headline]", ".title_news h1", ".detail h1", "article h1", "h1")
_DATE_SELECTORS = ("span.date", ".detail-time", ".detail__meta time", ".publish-date", ".date-time",
                   ".datetime", ".post-time", ".time-post", ".article-date", ".article__date",
                   ".ArticleDate", ".news-time", ".time_detail", ".block_timer", ".detail-date",
                   ".singular-time", ".cms-date", ".date-publish", ".time", ".date", "time")
_AUTHOR_SELECTORS = ("[itemprop=author] [itemprop=name]", "[itemprop=author]", ".author_mail strong",
                     ".detail-author .name", ".detail-author", ".author-info .name", ".author-name",
                     ".detail__author", ".article__author", ".cms-author", ".singular-author",
                     ".author_top", ".author", ".byline", ".tacgia", ".tac-gia", ".nguoiviet",
                     "p.author", "a[rel=author]")
_LEAD_SELECTORS = ("p.description", "h2.sapo", ".detail-sapo", ".detail__summary", ".article__sapo",
                   ".singular-sapo", ".sapo_detail", ".news-sapo", ".article-sapo", ".sapo", ".chapeau",
                   "[class*=sapo]", ".lead", ".summary", ".article-summary", ".description")
_META_DATE_KEYS = ("article:published_time", "og:published_time", "datepublished", "pubdate",
                   "publishdate", "publish-date", "publish_date", "date", "dc.date.issued", "dc.date",
                   "dcterms.created", "article:published", "sailthru.date", "parsely-pub-date",
                   "created_at", "dc.date.created", "og:updated_time", "article:modified_time",
                   "datemodified", "last-modified", "lastmod")
_MODIFIED_KEYS = {"og:updated_time", "article:modified_time", "datemodified", "last-modified", "lastmod"}
_BYLINE_PREFIX_RE = re.compile(
    r"^(?:(?:bài|tin|ảnh|clip|video)(?:\s*(?:và|,|/|&|-)\s*(?:bài|tin|ảnh|clip|video))*|theo|tác\s+giả|"
    r"người\s+viết|phóng\s+viên|nhóm\s+phóng\s+viên|by|author|thực\s+hiện|nguồn)\s*[:\-–]\s*|^(?:theo|by)\s+",
    re.IGNORECASE)
_SITE_NAME_RE = re.compile(r"\.(?:vn|com|net|org)\b|^(?:báo|tạp chí|đài|cổng thông tin|ban biên tập)\b|"
                           r"online$|vnexpress|tuổi trẻ|thanh niên|dân trí|vietnamnet|zing|soha|kenh14|"
                           r"người lao động|tiền phong|lao động|nhân dân", re.IGNORECASE)
_TITLE_SEPARATORS = re.compile(r"\s+[|\-–—:»]\s+")


@dataclass
class PageMetadata:
    title: str | None = None
    published_at: str | None = None
    byline: str | None = None
    lead: str | None = None
    lead_element: Tag | None = None
    title_element: Tag | None = None
    canonical_url: str | None = None
    description: str | None = None
    site_name: str | None = None
    is_article: bool = False          # a NewsArticle JSON-LD, og:type=article or article:published_time
    og_type: str | None = None
    sources: dict[str, str] = field(default_factory=dict)


def _walk_ld(node: Any, out: list[dict[str, Any]]) -> None:
    if isinstance(node, list):
        for item in node:
            _walk_ld(item, out)
    elif isinstance(node, dict):
        out.append(node)
        for key in ("@graph", "mainEntity", "itemListElement"):
            if key in node:
                _walk_ld(node[key], out)


def jsonld_objects(soup: BeautifulSoup) -> list[dict[str, Any]]:
    """Every JSON-LD object of the page; blocks that are not valid JSON are skipped."""
    objects: list[dict[str, Any]] = []
    for script in soup.find_all("script", attrs={"type": re.compile(r"ld\+json", re.I)}):
        raw = (script.string or script.get_text() or "").strip()
        if not raw:
            continue
        # Hand-written JSON-LD often has raw newlines in strings or trailing commas.
        for candidate in (raw, re.sub(r",\s*([}\]])", r"\1", raw.replace("\n", " ").replace("\r", " "))):
            try:
                _walk_ld(json.loads(candidate, strict=False), objects)
                break
            except ValueError:
                continue
    return objects


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type") or []
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).lower() for k in kinds}


def _ld_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@id") or value.get("url")
    if isinstance(value, (str, int, float)):
        text = clean_text(str(value))
        return text or None
    return None


def _ld_authors(value: Any) -> list[str]:
    """Person names from a JSON-LD author; organisations are not bylines."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        if isinstance(item, dict):
            if _types(item) & {"organization", "newsmediaorganization", "corporation"}:
                continue
            name = _ld_text(item.get("name"))
        else:
            name = _ld_text(item)
        if name and not name.startswith("http"):
            names.append(name)
    return names


def meta_tags(soup: BeautifulSoup) -> dict[str, str]:
    """First content of every meta tag, keyed by lowercased property / name / itemprop."""
    found: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = tag.get("content")
        if content is None:
            continue
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attr)
            if isinstance(key, list):
                key = " ".join(key)
            if key:
                for part in str(key).lower().split():
                    found.setdefault(part, clean_text(str(content)))
    return found


def _clean_title(title: str, site_name: str | None) -> str:
    """Drop the "- Section - Site" tail that <title> and og:title often carry."""
    parts = _TITLE_SEPARATORS.split(title)
    if site_name:
        parts = [p for p in parts if p.lower() != site_name.lower()] or parts
    return parts[0] if len(parts[0]) >= 15 else max(parts, key=len)


def _is_site_name(text: str, site_name: str | None) -> bool:
    core = re.sub(r"\(.*?\)", "", text).strip(" -–,")
    if not core:
        return True
    if site_name and core.lower() == site_name.lower():
        return True
    return bool(_SITE_NAME_RE.search(core)) and len(core.split()) <= 4


_NOT_PERSON_WORDS = frozenset("team admin administrator seo editor editors webmaster traffic channelvn "
                              "newsroom staff reporter desk".split())
_NOT_PERSON_PHRASES = ("ban biên tập", "tòa soạn", "toà soạn", "công nghệ", "quản trị")


def looks_like_person(text: str, *, single_word: bool = False) -> bool:
    """A name or names as bylines write them: capitalised words, initials ("K. Miên"), "Nhóm PV".

    One-word names ("Trung", a pen name) only when ``single_word`` (the line under the body).
    """
    core = re.sub(r"\(.*?\)", "", text).strip()
    lowered = core.lower()
    if not core or any(ch.isdigit() for ch in core) or any(p in lowered for p in _NOT_PERSON_PHRASES):
        return False
    parts = [p.strip() for p in re.split(r"\s*(?:,|&|/|\s-\s|\s–\s|\svà\s)\s*", core) if p.strip()]
    if not parts:
        return False
    for part in parts:
        words = part.split()
        if not 1 <= len(words) <= 6:
            return False
        for word in words:
            if word.lower().strip(".") in _NOT_PERSON_WORDS or not word[0].isupper():
                return False
    return single_word or any(len(part.split()) >= 2 for part in parts)


def clean_byline(text: str | None, site_name: str | None = None) -> str | None:
    """The author as written, without "Theo", "Bài và ảnh:" and the like; None for a site name."""
    if not text:
        return None
    text = clean_text(text)
    text = _BYLINE_PREFIX_RE.sub("", text).strip(" -–—:,")
    text = re.sub(r"(?<=[^\W\d_]{2})\.$", "", text)  # a full stop, but not an initial's ("H.V.")
    text = re.sub(r"\s*[-–|]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}.*$", "", text).strip()
    if "/" in text and "(" not in text:
        # "Minh Nguyễn/Vcamp.vn": keep the person, drop the source site.
        people = [part.strip() for part in text.split("/") if part.strip() and not _is_site_name(part.strip(), site_name)]
        text = " / ".join(people)
    if not text or len(text) > 80 or text.startswith("http") or _is_site_name(text, site_name):
        return None
    return text


def _first_text(soup: BeautifulSoup, selectors: tuple[str, ...], *, max_len: int = 400) -> tuple[Tag, str] | None:
    for _selector, elements in select_in_order(soup, selectors):
        for element in elements:
            text = clean_text(element.get_text(" ", strip=True))
            if text and len(text) <= max_len:
                return element, text
    return None


def _absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    for candidate_base in (base, ""):  # an invalid page URL still lets an absolute href through
        try:
            resolved = urljoin(candidate_base, url.strip())
            parts = urlsplit(resolved)
            return resolved if parts.scheme in ("http", "https") and parts.hostname else None
        except ValueError:  # an invalid address ("http://[::1/x") is no canonical URL
            continue
    return None


def _fold(text: str) -> str:
    text = re.sub(r"[“”„″]", '"', re.sub(r"[‘’′`]", "'", text))
    return " ".join(text.lower().split())


def _find_title(soup: BeautifulSoup, meta_titles: list[str]) -> tuple[Tag, str] | None:
    """The visible headline: the first h1-h3 that a metadata title starts with (it may add a
    "- Section - Site" tail), else a known title element that appears in the metadata titles."""
    references = [_fold(t) for t in meta_titles if t]
    for level in ("h1", "h2", "h3"):
        for element in soup.find_all(level):
            text = clean_text(element.get_text(" ", strip=True))
            if len(text) >= 8 and any(ref.startswith(_fold(text)) for ref in references):
                return element, text
    heading = _first_text(soup, _TITLE_SELECTORS, max_len=300)
    if heading and len(heading[1]) >= 8 and (not references or any(_fold(heading[1]) in r for r in references)):
        return heading
    # Old portals print the headline in a <b> or <span class="tieude">: find the element whose whole
    # text is a metadata title (tail cut), to anchor the date line and the sapo on it.
    wanted = {_fold(_clean_title(t, None)) for t in meta_titles if t} | set(references)
    for string in (soup.body or soup).find_all(string=True):
        if 8 <= len(string) <= 400 and _fold(string) in wanted and string.parent is not None:
            element = string.parent
            if element.name not in ("title", "script", "style", "a", "option"):
                return element, clean_text(str(string))
    return None


def _strings_around(anchor: Tag, limit: int = 60) -> list[tuple[int, Tag]]:
    """Elements holding text near ``anchor`` in document order, nearest first (after before before)."""
    found: list[tuple[int, Tag]] = []
    for distance, string in enumerate(anchor.find_all_next(string=True, limit=limit)):
        if string.strip() and string.parent is not None:
            found.append((distance, string.parent))
    for distance, string in enumerate(anchor.find_all_previous(string=True, limit=limit)):
        if string.strip() and string.parent is not None:
            found.append((distance + 3, string.parent))  # dates sit more often under the title
    found.sort(key=lambda item: item[0])
    return found


def _date_near(anchor: Tag, month_first: bool) -> str | None:
    for _, element in _strings_around(anchor):
        if element.name in ("script", "style", "title", "option"):
            continue
        text = clean_text(element.get_text(" ", strip=True))
        if len(text) > 120 and element.parent is not None:
            text = clean_text(element.string or "")
        if 6 <= len(text) <= 120 and _DATE_SHAPE_RE.search(text) and _is_dateline(text):
            parsed = parse_date(text, month_first=month_first)
            if parsed:
                return parsed
    return None


_DATE_SHAPE_RE = re.compile(r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}|\d{4}-\d{2}-\d{2}|tháng\s+\d")
_DATELINE_WORDS_RE = re.compile(
    r"\d+|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|tháng|năm|lúc|cập\s+nhật|đăng|gmt|utc|am|pm|"
    r"sáng|trưa|chiều|tối|đêm|giờ|published|updated|on|at", re.IGNORECASE)


def _is_dateline(text: str) -> bool:
    """Mostly a date ("Thứ tư, 22/10/2025, 07:30 (GMT+7)"), not a sentence that mentions one."""
    rest = _DATELINE_WORDS_RE.sub(" ", text)
    return len(re.findall(r"[^\W\d_]+", rest)) <= 8


def _lead_near(anchor: Tag) -> tuple[Tag, str] | None:
    """A sapo printed as a heading or paragraph right under the title ("(NLĐO) - ...")."""
    for element in anchor.find_all_next(["h2", "h3", "h4", "p", "div"], limit=25):
        text = clean_text(element.get_text(" ", strip=True))
        if not text:
            continue
        links = sum(len(a.get_text(strip=True)) for a in element.find_all("a"))
        classes = " ".join(element.get("class") or []).lower()
        marked = bool(re.search(r"sapo|lead|summary|desc|intro|chapeau|(?<!sub)head(?!er)", classes))
        if element.name in ("h2", "h3", "h4") or marked:
            if 60 <= len(text) <= 1500 and links < 0.3 * len(text):
                return element, text
            continue
        if element.name == "p" and len(text) >= 100:
            return None  # the body has started: no sapo
    return None


def read_metadata(soup: BeautifulSoup, url: str) -> PageMetadata:
    meta = meta_tags(soup)
    result = PageMetadata()
    sources = result.sources
    ld_article: dict[str, Any] = {}
    for obj in jsonld_objects(soup):
        if _types(obj) & ARTICLE_TYPES:
            ld_article = obj
            break
    result.og_type = (meta.get("og:type") or "").lower() or None
    result.site_name = meta.get("og:site_name") or _ld_text(ld_article.get("publisher") or {})
    # og:type=article on a site's home page is a CMS default, not a claim.
    try:
        at_root = urlsplit(url).path.strip("/") == "" and not urlsplit(url).query
    except ValueError:
        at_root = False
    result.is_article = bool(ld_article) or (not at_root and (
        result.og_type == "article" or bool(meta.get("article:published_time"))))

    # Title: the visible headline when the metadata agrees (metadata titles carry site tails).
    ld_title = _ld_text(ld_article.get("headline"))
    meta_title = ld_title or meta.get("og:title") or meta.get("twitter:title") or meta.get("headline")
    title_tag = clean_text(soup.title.get_text()) if soup.title else ""
    heading = _find_title(soup, [t for t in (meta_title, meta.get("headline"), title_tag) if t])
    if heading:
        result.title_element = heading[0]
        result.title, sources["title"] = heading[1], "page"
    elif meta_title:
        result.title, sources["title"] = _clean_title(meta_title, result.site_name), "jsonld" if ld_title else "meta"
    elif title_tag:
        result.title, sources["title"] = _clean_title(title_tag, result.site_name), "title"
    elif (first_h1 := soup.find("h1")) is not None and (text := clean_text(first_h1.get_text(" ", strip=True))):
        result.title_element = first_h1
        result.title, sources["title"] = text, "page"

    _read_date(soup, meta, ld_article, result)

    # Byline: a person from JSON-LD, a named author element, then meta author (persons only).
    names = [n for n in (clean_byline(a, result.site_name) for a in _ld_authors(ld_article.get("author"))) if n]
    if names:
        result.byline, sources["byline"] = ", ".join(dict.fromkeys(names)), "jsonld"
    else:
        for _selector, elements in select_in_order(soup, _AUTHOR_SELECTORS):
            element = elements[0]
            name = clean_byline(element.get_text(" ", strip=True), result.site_name)
            if name and looks_like_person(name):
                result.byline, sources["byline"] = name, "page"
                break
    if not result.byline:
        for key in ("article:author", "author", "dc.creator", "byl", "parsely-author"):
            name = clean_byline(meta.get(key), result.site_name)
            if name and looks_like_person(name):
                result.byline, sources["byline"] = name, "meta"
                break

    # Lead (sapo): a known sapo element, else a heading-like paragraph right under the title.
    lead = _first_text(soup, _LEAD_SELECTORS, max_len=1500)
    if not (lead and len(lead[1]) >= 30) and result.title_element is not None:
        lead = _lead_near(result.title_element)
    if lead:
        # The sapo without the related-article link some CMSs append to it.
        kept = [b.text for b in blocks_of(lead[0]) if b.link_density <= 0.5]
        lead = (lead[0], clean_text(" ".join(kept))) if kept else None
    if lead and len(lead[1]) >= 30 and _fold(lead[1]) != _fold(result.title or ""):
        result.lead_element, result.lead, sources["lead"] = lead[0], lead[1], "page"
    result.description = _ld_text(ld_article.get("description")) or meta.get("og:description") or meta.get(
        "description")

    canonical = None
    for link in soup.find_all("link", href=True):
        rel = link.get("rel") or []
        rel = rel if isinstance(rel, list) else str(rel).split()
        if "canonical" in [r.lower() for r in rel]:
            canonical, sources["canonical_url"] = _absolute(link["href"], url), "link"
            break
    if not canonical and (canonical := _absolute(meta.get("og:url"), url)):
        sources["canonical_url"] = "meta"
    if not canonical:
        entity = ld_article.get("mainEntityOfPage")
        if (canonical := _absolute(_ld_text(entity) or _ld_text(ld_article.get("url")), url)):
            sources["canonical_url"] = "jsonld"
    result.canonical_url = canonical
    return result


def _read_date(soup: BeautifulSoup, meta: dict[str, str], ld_article: dict[str, Any], result: PageMetadata) -> None:
    """Published date: JSON-LD, meta, schema.org/<time> markup, then the date line by the title.

    A metadata date without a time of day gives way to the page's date line of the same day.
    """
    sources = result.sources
    raw = None
    for source, value in (("jsonld", _ld_text(ld_article.get("datePublished"))),
                          ("jsonld", _ld_text(ld_article.get("dateCreated")))):
        if (parsed := parse_date(value)):
            result.published_at, sources["published_at"], raw = parsed, source, value
            break
    if not result.published_at:
        for key in _META_DATE_KEYS:
            if key not in _MODIFIED_KEYS and (parsed := parse_date(meta.get(key))):
                result.published_at, sources["published_at"], raw = parsed, "meta", meta.get(key)
                break
    if not result.published_at:
        for element in soup.select("time[datetime], time[pubdate]"):
            value = str(element.get("datetime") or element.get_text(" ", strip=True))
            if (parsed := parse_date(value)):
                result.published_at, sources["published_at"], raw = parsed, "page", value
                break
    if result.published_at and has_time(raw):
        return
    body = soup.body or soup
    month_first = month_first_page(body.get_text(" "))
    near = _date_near(result.title_element, month_first) if result.title_element is not None else None
    if near is None and result.title_element is None:
        for _selector, elements in select_in_order(soup, _DATE_SELECTORS):
            for element in elements:
                if element.find_parent("a") is not None or element.name == "a":
                    continue
                text = clean_text(element.get_text(" ", strip=True))
                if len(text) <= 120 and (near := parse_date(text, month_first=month_first)):
                    break
            if near:
                break
    if near and (not result.published_at or near[:10] == result.published_at[:10]):
        result.published_at, sources["published_at"] = near, "page"
    if not result.published_at:
        for key in _META_DATE_KEYS:
            if key in _MODIFIED_KEYS and (parsed := parse_date(meta.get(key))):
                result.published_at, sources["published_at"] = parsed, "meta-modified"
                break
