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

from auditor.extract.blocks import clean_text
from auditor.extract.dates import parse_date

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
    r"^(?:bài\s+và\s+ảnh|bài\s*,\s*ảnh|bài\s*/\s*ảnh|bài\s*&\s*ảnh|bài|theo|tác\s+giả|người\s+viết|"
    r"phóng\s+viên|pv|nhóm\s+phóng\s+viên|by|author|tin|ảnh|thực\s+hiện)\s*[:\-–]?\s*", re.IGNORECASE)
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


def clean_byline(text: str | None, site_name: str | None = None) -> str | None:
    if not text:
        return None
    text = clean_text(text)
    text = _BYLINE_PREFIX_RE.sub("", text).strip(" -–—:,.()")
    text = re.sub(r"\s*[-–|]\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}.*$", "", text).strip()
    if not text or len(text) > 80 or text.startswith("http"):
        return None
    if site_name and text.lower() == site_name.lower():
        return None
    if _SITE_NAME_RE.search(text) and len(text.split()) <= 6:
        return None
    return text


def _first_text(soup: BeautifulSoup, selectors: tuple[str, ...], *, max_len: int = 400) -> tuple[Tag, str] | None:
    for selector in selectors:
        for element in soup.select(selector):
            text = clean_text(element.get_text(" ", strip=True))
            if text and len(text) <= max_len:
                return element, text
    return None


def _absolute(url: str | None, base: str) -> str | None:
    if not url:
        return None
    resolved = urljoin(base, url.strip())
    return resolved if urlsplit(resolved).scheme in ("http", "https") else None


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
    result.is_article = bool(ld_article) or result.og_type == "article" or "article:published_time" in meta

    # Title: the visible h1 when it agrees with the metadata (metadata titles carry site tails).
    meta_title = _ld_text(ld_article.get("headline")) or meta.get("og:title") or meta.get("twitter:title")
    title_tag = clean_text(soup.title.get_text()) if soup.title else ""
    heading = _first_text(soup, _TITLE_SELECTORS, max_len=300)
    reference = " ".join(filter(None, [meta_title, title_tag])).lower()
    if heading and len(heading[1]) >= 8 and (not reference or heading[1].lower() in reference):
        result.title, sources["title"] = heading[1], "page"
    elif meta_title:
        result.title, sources["title"] = _clean_title(meta_title, result.site_name), (
            "jsonld" if ld_article.get("headline") else "meta")
    elif heading:
        result.title, sources["title"] = heading[1], "page"
    elif title_tag:
        result.title, sources["title"] = _clean_title(title_tag, result.site_name), "title"

    # Date: published, not modified, unless nothing else is there.
    for source, value in (("jsonld", _ld_text(ld_article.get("datePublished"))),
                          ("jsonld", _ld_text(ld_article.get("dateCreated")))):
        if (parsed := parse_date(value)):
            result.published_at, sources["published_at"] = parsed, source
            break
    if not result.published_at:
        for key in _META_DATE_KEYS:
            if key in _MODIFIED_KEYS:
                continue
            if (parsed := parse_date(meta.get(key))):
                result.published_at, sources["published_at"] = parsed, "meta"
                break
    if not result.published_at:
        for element in soup.select("[itemprop=datePublished], time[datetime], time[pubdate]"):
            value = element.get("content") or element.get("datetime") or element.get_text(" ", strip=True)
            if (parsed := parse_date(str(value))):
                result.published_at, sources["published_at"] = parsed, "page"
                break
    if not result.published_at:
        for selector in _DATE_SELECTORS:
            for element in soup.select(selector):
                text = clean_text(element.get_text(" ", strip=True))
                if len(text) <= 120 and (parsed := parse_date(text)):
                    result.published_at, sources["published_at"] = parsed, "page"
                    break
            if result.published_at:
                break
    if not result.published_at:
        for key in _META_DATE_KEYS:
            if key in _MODIFIED_KEYS and (parsed := parse_date(meta.get(key))):
                result.published_at, sources["published_at"] = parsed, "meta-modified"
                break

    # Byline: a person from JSON-LD, a named author element, then meta author.
    names = [n for n in (clean_byline(a, result.site_name) for a in _ld_authors(ld_article.get("author"))) if n]
    if names:
        result.byline, sources["byline"] = ", ".join(dict.fromkeys(names)), "jsonld"
    else:
        for selector in _AUTHOR_SELECTORS:
            element = soup.select_one(selector)
            if element is not None and (name := clean_byline(element.get_text(" ", strip=True), result.site_name)):
                result.byline, sources["byline"] = name, "page"
                break
    if not result.byline:
        for key in ("article:author", "author", "dc.creator", "byl", "parsely-author"):
            if (name := clean_byline(meta.get(key), result.site_name)):
                result.byline, sources["byline"] = name, "meta"
                break

    # Lead (sapo).
    lead = _first_text(soup, _LEAD_SELECTORS, max_len=1500)
    if lead and len(lead[1]) >= 30:
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
