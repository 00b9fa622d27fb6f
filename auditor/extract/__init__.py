"""Article extraction: HTML page -> :class:`Article` (title, date, byline, lead, body, canonical URL).

A cascade in the manner of trafilatura: (1) ``site`` — structured metadata (JSON-LD, og:/article:
meta) and the body containers of common Vietnamese CMSs; (2) ``trafilatura`` as the generic
extractor; (3) ``baseline`` — the largest block of ``<p>`` text. A later stage runs only when the
one before under-delivers. See docs/extract.md.

    from auditor.extract import extract_article, extract_links, Article
"""

from auditor.extract.core import extract_article
from auditor.extract.links import extract_links
from auditor.extract.types import Article

__all__ = ["Article", "extract_article", "extract_links"]
