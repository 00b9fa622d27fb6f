"""A readable Vietnamese report of one audit, for the terminal (`auditor audit draft.txt`)."""

from __future__ import annotations

from auditor.audit.labels import CATEGORY_LABELS, GENDER_LABELS, ROLE_LABELS, TOPIC_LABELS
from auditor.audit.types import AuditResult


def line_col(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in ``text``."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}%" if whole else "-"


def format_report(result: AuditResult, text: str, title: str | None = None, *, name: str = "") -> str:
    """The report as plain text (Vietnamese first)."""
    out: list[str] = []
    head = name or "Văn bản"
    out.append(f"{head}: {len(text):,} ký tự".replace(",", "."))
    if result.ge_item:
        topic = TOPIC_LABELS.get(result.ge_topic or "", result.ge_topic or "")
        out.append(f"Tin, bài về bình đẳng giới: CÓ — {topic} (điểm {result.ge_score:.2f})")
    else:
        out.append(f"Tin, bài về bình đẳng giới: không (điểm {result.ge_score:.2f})")
    out.append("")
    if result.findings:
        out.append(f"Phát hiện theo Bộ chỉ số về giới trong truyền thông: {len(result.findings)}")
        for i, f in enumerate(result.findings, 1):
            src = title or "" if f.field == "title" else text
            where = "tiêu đề" if f.field == "title" else "dòng {}, cột {}".format(*line_col(src, f.start))
            by = "quy tắc" if f.by == "rule" else f"mô hình, {f.score:.2f}"
            out.append(f"  [{i}] {where} — {CATEGORY_LABELS.get(f.category, f.category)} ({f.rule}, {by})")
            out.append(f"      «{f.excerpt}»")
            out.append(f"      Vấn đề: {f.message}")
            if f.suggestion:
                out.append(f"      Gợi ý: {f.suggestion}")
    else:
        out.append("Không phát hiện nội dung định kiến giới theo các quy tắc hiện có.")
    out.append("")
    people = result.people
    counts = {g: sum(1 for p in people if p.gender == g) for g in "FMU"}
    quoted = [p for p in people if p.quoted]
    qf = sum(1 for p in quoted if p.gender == "F")
    qm = sum(1 for p in quoted if p.gender == "M")
    out.append(f"Người được nêu tên: {len(people)} (nữ {counts['F']}, nam {counts['M']}, không rõ {counts['U']})")
    out.append(f"Nguồn được trích dẫn: {len(quoted)} (nữ {qf}, nam {qm}); tỷ lệ nữ trong nguồn biết giới: "
               f"{_pct(qf, qf + qm)}")
    for p in people:
        q = "được trích dẫn" if p.quoted else "không trích dẫn"
        out.append(f"  - {p.name}: {GENDER_LABELS[p.gender]}, {q}, {ROLE_LABELS.get(p.role, p.role)}")
    return "\n".join(out) + "\n"
