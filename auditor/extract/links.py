"""Article links of an HTML listing page (a section front, a commune portal's news list).

With a CSS selector (from feeds.yaml) the links are the ``<a href>`` elements it selects, or the
links inside the elements it selects. Without one, a heuristic keeps links that read like a
headline (4+ words, 20-250 characters of anchor text, or a ``title`` attribute that does) and whose
URL looks like an article (:func:`looks_like_article_url`): a numeric id (``-4954454.html``,
``/a293004.html``), a ``/2025/10/`` date path, or a page name of 4+ words ending ``.html``/``.htm``/
``.aspx``/``.chn``/``.php``.
Links are absolute (``<base href>`` honoured), without the ``#fragment``, deduplicated in page
order, and by default on the same site (same registered domain, subdomains included).
"""

from __future__ import annotations

import re
import warnings
from urllib.parse import urljoin, urlsplit, urlunsplit

from bs4 import BeautifulSoup, XMLParsedAsHTMLWarning
from soupsieve import SelectorSyntaxError

from auditor.errors import ExtractError
from auditor.extract.blocks import clean_text
from auditor.extract.decode import decode_html

__all__ = ["extract_links", "looks_like_article_url", "same_site", "site_key"]

_SECOND_LEVEL = frozenset({"com", "gov", "org", "net", "edu", "ac", "info", "int", "health", "name", "pro",
                           "biz", "co"})
_ID_RE = re.compile(r"\d{5,}|(?:^|[-_/.])[a-z]?\d{4}(?:\.\w+)?/?$|/(?:19|20)\d{2}/\d{1,2}/", re.IGNORECASE)
_PAGE_NAME_RE = re.compile(r"([^/]+)\.(?:s?html?|aspx?|chn|php|ldo|vnp)/?$", re.IGNORECASE)
_NOT_ARTICLE_RE = re.compile(r"/(?:tag|tags|tim-kiem|search|login|dang-nhap|video|rss|lien-he|contact)(?:/|$)|"
                             r"/(?:default|index|home|trang-chu)\.\w+$|"
                             r"\.(?:jpe?g|png|gif|pdf|docx?|xlsx?|zip|mp[34])$", re.IGNORECASE)


def site_key(host: str) -> str:
    """The registered domain: "vnexpress.net" for "e.vnexpress.net", "baoquangngai.vn", "x.gov.vn"."""
    labels = host.lower().rstrip(".").split(".")
    if labels and labels[0] == "www":
        labels = labels[1:]
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def same_site(url: str, base_url: str) -> bool:
    try:
        return site_key(urlsplit(url).hostname or "") == site_key(urlsplit(base_url).hostname or "")
    except ValueError:
        return False


def _normalise(href: str, base: str) -> str | None:
    href = href.strip()
    if not href or href.startswith(("javascript:", "mailto:", "tel:", "#", "data:")):
        return None
    try:
        parts = urlsplit(urljoin(base, href))
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:  # "http://[::1/x": an invalid address in the page is the page's problem
        return None
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", parts.query, ""))


def _headline_like(text: str) -> bool:
    return 20 <= len(text) <= 250 and len(text.split()) >= 4


def looks_like_article_url(url: str) -> bool:
    """An article-like URL: a numeric id (5+ digits, or 4 closing the path: "a293004.html",
    "-4954454.html", "/20121219/"), a /2025/10/ date path, a page name of 4+ words
    ("phu-nu-giu-nghe-det.html"), or ?id=/?p= with a number."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    path = parts.path
    if _NOT_ARTICLE_RE.search(path):
        return False
    if _ID_RE.search(path):
        return True
    name = _PAGE_NAME_RE.search(path)
    if name and len(re.split(r"[-_+]", name.group(1))) >= 4:
        return True
    return bool(re.search(r"(?:^|&)(?:p|id|newsid|article_?id)=\d+", parts.query, re.IGNORECASE))


def extract_links(html: str | bytes, base_url: str, selector: str | None = None, *,
                  same_site_only: bool = True) -> list[str]:
    """Absolute, deduplicated article links of a listing page, in page order.

    Raises ExtractError for an invalid selector or undecodable input.
    """
    if isinstance(html, (bytes, bytearray)):
        html, _ = decode_html(bytes(html))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", XMLParsedAsHTMLWarning)
        soup = BeautifulSoup(html, "lxml")
    base_tag = soup.find("base", href=True)
    base = (_normalise(str(base_tag["href"]), base_url) if base_tag else None) or base_url
    if selector:
        try:
            selected = soup.select(selector)
        except (SelectorSyntaxError, ValueError, NotImplementedError) as error:
            raise ExtractError(f"bộ chọn CSS không hợp lệ (invalid CSS selector) {selector!r}: {error}") from error
        anchors = []
        for element in selected:
            if element.name == "a" and element.get("href"):
                anchors.append(element)
            else:
                anchors.extend(element.find_all("a", href=True))
    else:
        anchors = []
        for anchor in soup.find_all("a", href=True):
            text = clean_text(anchor.get_text(" ", strip=True))
            title = clean_text(str(anchor.get("title") or ""))
            if _headline_like(text) or (not text and _headline_like(title)) or (
                    _headline_like(title) and len(text) < 20):
                anchors.append(anchor)
    links: list[str] = []
    seen: set[str] = set()
    for anchor in anchors:
        link = _normalise(str(anchor["href"]), base)
        if link is None or link in seen:
            continue
        if same_site_only and not same_site(link, base_url):
            continue
        if not selector and not looks_like_article_url(link):
            continue
        seen.add(link)
        links.append(link)
    return links
