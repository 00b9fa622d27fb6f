"""Findings marked in place: HTML built from escaped segments between offsets, never from raw text.

The text between two offsets is passed through :func:`markupsafe.escape`; only our own ``<mark>``
tags are added, so whatever an article or a draft contains (``<script>``, ``onerror=``) stays text.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

__all__ = ["locate", "highlight"]


def locate(source: str, start: int, end: int, excerpt: str | None) -> tuple[int, int] | None:
    """The span of a finding in ``source``: its stored offsets when they still match the excerpt,
    else the excerpt's occurrence nearest to ``start`` (the text was edited since the audit), else None."""
    if 0 <= start < end <= len(source) and (not excerpt or source[start:end] == excerpt):
        return start, end
    if not excerpt:
        return None
    best: int | None = None
    pos = source.find(excerpt)
    while pos != -1:
        if best is None or abs(pos - start) < abs(best - start):
            best = pos
        pos = source.find(excerpt, pos + 1)
    return None if best is None else (best, best + len(excerpt))


def highlight(source: str, spans: Iterable[tuple[int, int, str]]) -> Markup:
    """``source`` as HTML with each ``(start, end, key)`` span wrapped in ``<mark data-f="key">``.

    Overlapping spans are split at every boundary; a piece covered by several findings lists all
    their keys. The first piece of each finding carries ``id="m-<key>"`` for links and shortcuts.
    """
    spans = [(max(0, s), min(len(source), e), str(k)) for s, e, k in spans if e > s]
    if not spans:
        return escape(source)
    cuts = sorted({0, len(source), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    out: list[str] = []
    seen: set[str] = set()
    for a, b in zip(cuts, cuts[1:], strict=False):
        if a >= b:
            continue
        piece = escape(source[a:b])
        keys = [k for s, e, k in spans if s <= a and b <= e]
        if not keys:
            out.append(piece)
            continue
        first = [k for k in keys if k not in seen]
        seen.update(first)
        anchor = Markup(' id="m-{}"').format(first[0]) if first else Markup("")
        cls = "hl multi" if len(keys) > 1 else "hl"
        out.append(Markup('<mark class="{}" data-f="{}"{}>{}</mark>').format(cls, " ".join(keys), anchor, piece))
    return Markup("").join(out)
