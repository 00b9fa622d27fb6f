"""What an audit tells a writer: a summary and a readable Vietnamese terminal report.

`auditor audit FILE`, `auditor check`, the self-check web form and ``POST /api/check`` all build on
:func:`summarize`, so they give the same numbers.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from auditor.audit.labels import (
    CATEGORY_LABELS,
    FIELD_LABELS,
    GENDER_LABELS,
    ROLE_LABELS,
    TOPIC_LABELS,
    label,
)
from auditor.audit.types import AuditResult

__all__ = ["summarize", "line_column", "format_report", "count_words"]

_WORD = re.compile(r"\w+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


def line_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 4) if whole else None


def summarize(result: AuditResult, text: str, title: str | None = None) -> dict[str, Any]:
    """Counts a writer wants at a glance: findings by category, people and quoted people by gender."""
    people = Counter(p.gender for p in result.people)
    quoted = result.quoted_counts
    n_quoted = sum(quoted.values())
    return {
        "words": count_words(text) + count_words(title or ""),
        "n_findings": len(result.findings),
        "by_category": dict(Counter(f.category for f in result.findings).most_common()),
        "people": {g: people.get(g, 0) for g in ("F", "M", "U")},
        "quoted": quoted,
        "quoted_share": {"F": _share(quoted["F"], n_quoted), "M": _share(quoted["M"], n_quoted)},
        "positions": [
            dict(zip(("line", "column"),
                     line_column((title or "") if f.field == "title" else text, f.start), strict=True))
            for f in result.findings
        ],
    }


def _percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def _context(source: str, start: int, end: int, width: int = 40) -> tuple[str, str, str]:
    """Up to ``width`` characters each side, within the line, with "…" where the line goes on."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end == -1 else line_end
    before_start, after_end = max(line_start, start - width), min(line_end, end + width)
    before = ("…" if before_start > line_start else "") + source[before_start:start]
    after = source[end:after_end] + ("…" if after_end < line_end else "")
    return before, source[start:end], after


def format_report(result: AuditResult, text: str, title: str | None = None, *, name: str = "",
                  color: bool = False) -> str:
    """The terminal report of ``auditor check``: each flagged passage, people, quotes, ge_item."""
    import click

    def mark(s: str) -> str:
        return click.style(s, fg="red", bold=True) if color else f"[[{s}]]"

    def bold(s: str) -> str:
        return click.style(s, bold=True) if color else s

    summary = summarize(result, text, title)
    lines: list[str] = []
    head = f"Tự kiểm tra bản thảo: {name}" if name else "Tự kiểm tra bản thảo"
    lines.append(bold(head))
    if title:
        lines.append(f"Tiêu đề: {title}")
    ge = "Có" if result.ge_item else "Không"
    if result.ge_item and result.ge_topic:
        ge += f" (chủ đề: {label(TOPIC_LABELS, result.ge_topic)}, điểm {result.ge_score:.2f})"
    lines.append(f"Số từ: {summary['words']} · Đoạn cần xem lại: {summary['n_findings']} · "
                 f"Tin bình đẳng giới: {ge}")
    lines.append("")
    if result.findings:
        lines.append(bold("Các đoạn cần xem lại"))
        order = sorted(range(len(result.findings)),
                       key=lambda i: (result.findings[i].field != "title", result.findings[i].start))
        for n, i in enumerate(order, 1):
            f = result.findings[i]
            pos = summary["positions"][i]
            source = (title or "") if f.field == "title" else text
            before, hit, after = _context(source, f.start, f.end)
            where = f"{label(FIELD_LABELS, f.field)}, dòng {pos['line']}, cột {pos['column']}"
            lines.append(f"{n:>3}. {where} · {label(CATEGORY_LABELS, f.category)} ({f.rule})")
            lines.append(f"     «{before}{mark(hit)}{after}»")
            if f.message:
                lines.append(f"     Lý do: {f.message}")
            if f.suggestion:
                lines.append(f"     Gợi ý: {f.suggestion}")
        lines.append("")
        cats = ", ".join(f"{label(CATEGORY_LABELS, c)} {k}" for c, k in summary["by_category"].items())
        lines.append(f"Theo loại: {cats}")
    else:
        lines.append("Không phát hiện đoạn nào cần xem lại.")
    lines.append("")
    people = summary["people"]
    lines.append(bold(f"Nhân vật được nêu tên: {len(result.people)}") +
                 f" (Nữ {people['F']} · Nam {people['M']} · Không rõ {people['U']})")
    for p in result.people:
        quoted = "được trích lời" if p.quoted else "không trích lời"
        lines.append(f"   - {p.name}: {label(GENDER_LABELS, p.gender)}, {quoted}, {label(ROLE_LABELS, p.role)}")
    quoted = summary["quoted"]
    n_quoted = sum(quoted.values())
    share = summary["quoted_share"]
    lines.append(f"Nguồn được trích lời: {n_quoted} (Nữ {quoted['F']} = {_percent(share['F'])} · "
                 f"Nam {quoted['M']} = {_percent(share['M'])} · Không rõ {quoted['U']})")
    return "\n".join(lines)
