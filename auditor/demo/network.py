"""The demo network on 127.0.0.1: one web server (its own port, robots.txt, feeds) per demo outlet.

    with DemoNetwork() as network:
        text = network.feeds_yaml()       # a feeds.yaml pointing at the running sites (local: true)
"""

from __future__ import annotations

from datetime import datetime

import yaml

from auditor.demo.content import OUTLETS, DemoArticle, DemoOutlet
from auditor.demo.render import article_page, home_page, listing_page, robots_txt, rss_feed
from auditor.demo.server import Page, SiteServer

__all__ = ["DemoNetwork", "DEMO_FETCH_SETTINGS"]

# Short pacing for a local demo: the crawler stays the real one, only its settings change.
DEMO_FETCH_SETTINGS = {
    "host_delay_s": 0.05,
    "backoff_base_s": 0.05,
    "backoff_max_s": 0.2,
    "connect_timeout_s": 2.0,
    "read_timeout_s": 5.0,
}

RSS_TYPE = "application/rss+xml; charset=utf-8"


def _section_slug(title: str) -> str:
    return {"Xã hội": "xa-hoi", "Bình đẳng giới": "binh-dang-gioi", "Kinh tế": "kinh-te", "Pháp luật": "phap-luat", "Đời sống": "doi-song",
            "Thời sự": "thoi-su", "Y tế": "y-te"}.get(title, "tin-tuc")


class DemoNetwork:
    """Start the six demo sites, render their pages with the real port numbers, stop them on exit."""

    def __init__(self, outlets: tuple[DemoOutlet, ...] = OUTLETS) -> None:
        self.outlets = outlets
        self.sites: dict[str, SiteServer] = {}

    def article_url(self, outlet: DemoOutlet, article: DemoArticle) -> str:
        site = self.sites[outlet.id]
        if outlet.layout == "cms":
            return site.url(f"/{_section_slug(article.section)}/{article.slug}.html")
        return site.url(f"/tin-tuc/{article.slug}.html")

    def feed_urls(self, outlet: DemoOutlet) -> list[dict[str, str]]:
        """The sources of ``outlet`` as feeds.yaml entries."""
        site = self.sites[outlet.id]
        if outlet.feed == "html":
            return [{"html": site.url("/tin-tuc/"), "link_selector": ".list-news .item a.title"}]
        sources = [{"rss": site.url("/rss/home.rss")}]
        for title in outlet.sections:
            sources.append({"rss": site.url(f"/rss/{_section_slug(title)}.rss"), "section": title})
        return sources

    def start(self) -> DemoNetwork:
        for outlet in self.outlets:
            self.sites[outlet.id] = SiteServer().start()
        for outlet in self.outlets:
            self._render(outlet)
        return self

    def _render(self, outlet: DemoOutlet) -> None:
        site = self.sites[outlet.id]
        base = site.base_url
        newest_first = sorted(outlet.articles, key=lambda a: a.published, reverse=True)
        urls = {a.slug: self.article_url(outlet, a) for a in outlet.articles}
        for article in outlet.articles:
            related = [(urls[a.slug], a.title) for a in newest_first if a.slug != article.slug][:4]
            html = article_page(outlet.name, base, urls[article.slug], article, outlet.layout, related)
            path = urls[article.slug][len(base):]
            site.put(path, Page(html, modified=datetime.fromisoformat(article.published)))
        site.put("/robots.txt", Page(robots_txt(base), "text/plain; charset=utf-8"))
        feeds = [s.get("rss") or s["html"] for s in self.feed_urls(outlet)]
        site.put("/", Page(home_page(outlet.name, base, feeds)))
        if outlet.feed == "rss":
            site.put("/rss/home.rss", Page(rss_feed(outlet.name, base, [(urls[a.slug], a) for a in newest_first]),
                                           RSS_TYPE))
            for title, slugs in outlet.sections.items():
                items = [(urls[a.slug], a) for a in newest_first if a.slug in slugs]
                site.put(f"/rss/{_section_slug(title)}.rss",
                         Page(rss_feed(outlet.name, base, items, f"{outlet.name} - {title}"), RSS_TYPE))
        else:
            items: list[tuple[str, str, str | None]] = [(urls[a.slug], a.title, a.published) for a in newest_first]
            items += [(site.url(f"/{path}"), "Hội nghị sơ kết (bài đã gỡ)", None) for path in outlet.broken_links]
            items += [(site.url(f"/{path}"), "Bản in", None) for path in outlet.print_links]
            site.put("/tin-tuc/", Page(listing_page(outlet.name, base, items)))
            for path in outlet.print_links:  # exists, but robots.txt forbids /ban-in/
                site.put(f"/{path}", Page(article_page(outlet.name, base, site.url(f"/{path}"),
                                                       outlet.articles[0], outlet.layout)))

    def feeds_yaml(self) -> str:
        """A feeds.yaml for the running network (local: true: it may be fetched on 127.0.0.1)."""
        outlets = []
        for outlet in self.outlets:
            outlets.append({
                "id": outlet.id, "name": outlet.name, "kind": outlet.kind, **outlet.units,
                "homepage": self.sites[outlet.id].url("/"), "local": True, "verified": True,
                "sources": self.feed_urls(outlet),
            })
        header = "# Generated by `auditor demo` for the demo sites running on 127.0.0.1.\n"
        return header + yaml.safe_dump({"fetch": DEMO_FETCH_SETTINGS, "outlets": outlets},
                                       allow_unicode=True, sort_keys=False)

    def close(self) -> None:
        for site in self.sites.values():
            site.close()

    def __enter__(self) -> DemoNetwork:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.close()
