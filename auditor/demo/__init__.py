"""The demo: six Vietnamese local outlets served on 127.0.0.1, crawled by the real crawler (`auditor demo`).

    from auditor.demo import DemoNetwork, SiteServer, Page
"""

from auditor.demo.network import DEMO_FETCH_SETTINGS, DemoNetwork
from auditor.demo.server import Page, SiteServer

__all__ = ["DemoNetwork", "DEMO_FETCH_SETTINGS", "SiteServer", "Page"]
