"""HTML pages, listings and RSS feeds in the two layouts met on Vietnamese local news sites.

``cms``: a modern newspaper CMS (og:/article: meta, JSON-LD, canonical link, lead in bold, related
links). ``portal``: an older government portal (no metadata, "Ngày đăng: dd/mm/yyyy", no canonical).
Both carry menus, related news and footers around the body, as real pages do.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from email.utils import format_datetime
from html import escape

from auditor.demo.content import DemoArticle

__all__ = ["article_page", "listing_page", "rss_feed", "home_page", "robots_txt"]

MENU = ("Thời sự", "Xã hội", "Kinh tế", "Pháp luật", "Văn hóa", "Thể thao")


def _vn_date(iso: str) -> str:
    return datetime.fromisoformat(iso).strftime("%d/%m/%Y %H:%M")


def _menu(base: str) -> str:
    items = "".join(f'<li><a href="{base}/chuyen-muc/{i}">{escape(m)}</a></li>' for i, m in enumerate(MENU))
    return f'<nav class="main-menu"><ul><li><a href="{base}/">Trang chủ</a></li>{items}</ul></nav>'


def article_page(outlet_name: str, base: str, url: str, article: DemoArticle, layout: str,
                 related: Iterable[tuple[str, str]] = ()) -> str:
    """The page of one article; ``related`` is (url, title) pairs shown beside it."""
    related_html = "".join(f'<li><a href="{escape(u)}">{escape(t)}</a></li>' for u, t in related)
    body = "".join(f"<p>{escape(p)}</p>" for p in article.paragraphs)
    if layout == "cms":
        ld = json.dumps({
            "@context": "https://schema.org", "@type": "NewsArticle", "headline": article.title,
            "datePublished": article.published, "author": {"@type": "Person", "name": article.author},
            "publisher": {"@type": "Organization", "name": outlet_name}, "mainEntityOfPage": url,
        }, ensure_ascii=False)
        return f"""<!DOCTYPE html>
<html lang="vi"><head><meta charset="utf-8">
<title>{escape(article.title)} - {escape(outlet_name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="canonical" href="{escape(url)}">
<meta property="og:type" content="article">
<meta property="og:title" content="{escape(article.title)}">
<meta property="og:description" content="{escape(article.lead)}">
<meta property="og:url" content="{escape(url)}">
<meta property="article:published_time" content="{article.published}">
<meta property="article:section" content="{escape(article.section)}">
<meta name="author" content="{escape(article.author)}">
<script type="application/ld+json">{ld}</script>
</head><body>
<header class="site-header"><div class="logo"><a href="{base}/">{escape(outlet_name)}</a></div>
<div class="hotline">Đường dây nóng: 0255 3822 xxx</div>{_menu(base)}</header>
<main class="container">
<div class="breadcrumb"><a href="{base}/">Trang chủ</a> › <a href="{base}/chuyen-muc/0">{escape(article.section)}</a></div>
<article class="detail">
<h1 class="detail-title">{escape(article.title)}</h1>
<div class="detail-meta"><span class="author">{escape(article.author)}</span> ·
<time datetime="{article.published}">{_vn_date(article.published)}</time></div>
<h2 class="detail-sapo">{escape(article.lead)}</h2>
<div class="detail-content">{body}</div>
<div class="detail-tags">Từ khóa: <a href="{base}/tag/quang-ngai">Quảng Ngãi</a></div>
</article>
<aside class="related"><h3>Tin liên quan</h3><ul>{related_html}</ul></aside>
</main>
<footer class="site-footer"><p>© {escape(outlet_name)}. Giấy phép hoạt động báo điện tử số 12/GP-BTTTT.</p>
<p>Bản demo do Gender Media Auditor tạo, nội dung hư cấu.</p></footer>
</body></html>"""
    return f"""<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{escape(article.title)}</title>
</head><body>
<div id="banner"><img src="{base}/images/banner.jpg" alt="{escape(outlet_name)}"></div>
<div id="wrapper">
<div id="left-col"><div class="box"><div class="box-title">Danh mục</div>
<ul><li><a href="{base}/tin-tuc/">Tin tức - Sự kiện</a></li><li><a href="{base}/thong-bao/">Thông báo</a></li>
<li><a href="{base}/van-ban/">Văn bản chỉ đạo</a></li></ul></div></div>
<div id="main-col">
<div class="news-detail">
<h1 class="news-title">{escape(article.title)}</h1>
<div class="news-date">Ngày đăng: {_vn_date(article.published)}</div>
<div class="news-summary"><b>{escape(article.lead)}</b></div>
<div class="news-content">{body}</div>
<div class="news-author" style="text-align:right"><b>{escape(article.author)}</b></div>
</div>
<div class="other-news"><div class="box-title">Các tin khác</div><ul>{related_html}</ul></div>
</div></div>
<div id="footer">{escape(outlet_name)} - Trang thông tin điện tử. Bản demo, nội dung hư cấu.</div>
</body></html>"""


def listing_page(outlet_name: str, base: str, items: Iterable[tuple[str, str, str | None]]) -> str:
    """A portal's news listing: (url, title, date ISO or None) per item in ``.list-news .item a.title``."""
    rows = []
    for url, title, date in items:
        when = f'<span class="date">{_vn_date(date)}</span>' if date else ""
        rows.append(f'<div class="item"><a class="title" href="{escape(url)}">{escape(title)}</a>{when}</div>')
    return f"""<html><head><meta charset="utf-8"><title>Tin tức - {escape(outlet_name)}</title></head>
<body><div id="banner">{escape(outlet_name)}</div>{_menu(base)}
<div class="list-news">{"".join(rows)}</div>
<div class="paging"><a href="{base}/tin-tuc/?page=2">Trang sau</a></div>
<div id="footer">{escape(outlet_name)}</div></body></html>"""


def rss_feed(outlet_name: str, base: str, items: Iterable[tuple[str, DemoArticle]], title: str | None = None
             ) -> str:
    """RSS 2.0 with (url, article) items."""
    entries = []
    for url, article in items:
        date = format_datetime(datetime.fromisoformat(article.published))
        entries.append(
            f"<item><title>{escape(article.title)}</title><link>{escape(url)}</link>"
            f'<guid isPermaLink="true">{escape(url)}</guid><pubDate>{date}</pubDate>'
            f"<description><![CDATA[{article.lead}]]></description></item>"
        )
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>{escape(title or outlet_name)}</title><link>{base}/</link>
<description>Tin mới - {escape(outlet_name)}</description><language>vi</language>
{"".join(entries)}
</channel></rss>"""


def home_page(outlet_name: str, base: str, feeds: Iterable[str]) -> str:
    links = "".join(f'<link rel="alternate" type="application/rss+xml" href="{escape(f)}">' for f in feeds)
    return (f'<html><head><meta charset="utf-8"><title>{escape(outlet_name)}</title>{links}</head>'
            f"<body><h1>{escape(outlet_name)}</h1>{_menu(base)}<p>Bản demo.</p></body></html>")


def robots_txt(base: str) -> str:
    return f"User-agent: *\nDisallow: /ban-in/\nDisallow: /tim-kiem\nAllow: /\n\nSitemap: {base}/sitemap.xml\n"
